// sema::Schema → rt::Schema.
#include "compiler/driver/runtime_schema.h"

namespace segc::driver {
namespace {

rt::ColumnType ToColumnType(sema::TypeKind kind) {
  switch (kind) {
    case sema::TypeKind::kBool:
      return rt::ColumnType::kBool;
    case sema::TypeKind::kInt:
      return rt::ColumnType::kInt;
    case sema::TypeKind::kFloat:
      return rt::ColumnType::kFloat;
    case sema::TypeKind::kDate:
      return rt::ColumnType::kDate;
    case sema::TypeKind::kEnum:
      return rt::ColumnType::kEnum;
    default:
      return rt::ColumnType::kString;
  }
}

}  // namespace

rt::Schema ToRuntimeSchema(const sema::Schema& schema) {
  rt::Schema out;
  out.table_name = schema.table;
  out.key = schema.key;
  for (const sema::Column& column : schema.columns) {
    rt::ColumnSpec spec;
    spec.name = column.name;
    spec.type = ToColumnType(column.type.kind());
    if (spec.type == rt::ColumnType::kEnum) spec.enum_values = column.type.values();
    if (spec.type == rt::ColumnType::kDate) spec.date_format = column.format;
    if (spec.type == rt::ColumnType::kFloat) spec.number_format = column.format;
    if (spec.type == rt::ColumnType::kBool) spec.bool_tokens = column.format;
    out.columns.push_back(std::move(spec));
  }
  return out;
}

}  // namespace segc::driver
