// The C ABI's tables: columns over caller buffers (zero-copy), Arrow arrays and streams.
#include <fmt/format.h>

#include <string_view>
#include <vector>

#include "compiler/capi/capi_internal.h"
#include "segc/arrow.h"

namespace segc::capi {
namespace {

using rt::Column;
using rt::ColumnType;

void KeepSchema(ArrowSchema* s) { s->release = nullptr; }
void KeepArray(ArrowArray* a) { a->release = nullptr; }

const char* ArrowFormatOf(ColumnType type) {
  switch (type) {
    case ColumnType::kInt:
      return "l";
    case ColumnType::kFloat:
      return "g";
    case ColumnType::kBool:
      return "b";
    case ColumnType::kDate:
      return "tdD";
    default:
      return "i";
  }
}

// One caller column described as an Arrow child, imported by the Arrow importer: the buffers
// are wrapped, not copied, and checked exactly as Arrow input is (codes in range, offsets in
// order, UTF-8, NaN read as null). The structs live on the stack; their release does nothing.
struct CallerColumn {
  const char* name;
  ColumnType type;
  const void* values;
  const uint8_t* validity;
  int64_t length;
  const int32_t* dict_offsets = nullptr;
  const char* dict_bytes = nullptr;
  int64_t dict_size = 0;
};

// Arrow structs over stack memory, with release callbacks that do nothing.
ArrowSchema StackSchema(const char* format, const char* name, int64_t n_children,
                        ArrowSchema** children, ArrowSchema* dictionary) {
  return {format,     name,        nullptr, ARROW_FLAG_NULLABLE, n_children, children,
          dictionary, &KeepSchema, nullptr};
}

ArrowArray StackArray(int64_t length, int64_t null_count, int64_t n_buffers, const void** buffers,
                      int64_t n_children, ArrowArray** children, ArrowArray* dictionary) {
  return {length,  null_count, 0,          n_buffers,  n_children,
          buffers, children,   dictionary, &KeepArray, nullptr};
}

Result<Column> ImportCallerColumn(const CallerColumn& c) {
  const bool strings = c.type == ColumnType::kString;
  const void* dict_buffers[3] = {nullptr, c.dict_offsets, c.dict_bytes};
  ArrowSchema dict_schema = StackSchema("u", "", 0, nullptr, nullptr);
  ArrowArray dict_array = StackArray(c.dict_size, 0, 3, dict_buffers, 0, nullptr, nullptr);
  const void* buffers[2] = {c.validity, c.values};
  ArrowSchema child_schema =
      StackSchema(ArrowFormatOf(c.type), c.name, 0, nullptr, strings ? &dict_schema : nullptr);
  ArrowArray child = StackArray(c.length, c.validity ? -1 : 0, 2, buffers, 0, nullptr,
                                strings ? &dict_array : nullptr);
  ArrowSchema* schema_children[1] = {&child_schema};
  ArrowArray* array_children[1] = {&child};
  const void* struct_buffers[1] = {nullptr};
  ArrowSchema schema = StackSchema("+s", "", 1, schema_children, nullptr);
  ArrowArray array = StackArray(c.length, 0, 1, struct_buffers, 1, array_children, nullptr);
  auto table = rt::ImportArrowTable(&schema, &array);
  if (!table.ok()) {
    // "arrow column 'x': ..." reads oddly for caller buffers.
    std::string message = table.status().message();
    if (message.rfind("arrow ", 0) == 0) message.erase(0, 6);
    return Status::InvalidArgument(std::move(message));
  }
  return table->column(0);
}

segc_status AddColumn(segc_table* table, const CallerColumn& c) {
  if (c.length < 0) {
    return Fail(SEGC_ERR_INVALID_ARGUMENT,
                fmt::format("column '{}': negative length {}", c.name, c.length));
  }
  if (c.values == nullptr && c.length > 0) return NullArgument("values");
  auto column = ImportCallerColumn(c);
  if (!column.ok()) return FailStatus(SEGC_ERR_INVALID_ARGUMENT, column.status());
  std::vector<std::string> names = table->table.names();
  std::vector<Column> columns;
  for (int i = 0; i < table->table.num_columns(); ++i) columns.push_back(table->table.column(i));
  names.emplace_back(c.name);
  columns.push_back(std::move(column).value());
  auto grown = rt::Table::Make(std::move(names), std::move(columns));
  if (!grown.ok()) return FailStatus(SEGC_ERR_INVALID_ARGUMENT, grown.status());
  table->table = std::move(grown).value();
  return Ok();
}

segc_status NewTable(rt::Table table, segc_table** out) {
  *out = new segc_table{std::move(table)};
  return Ok();
}

// Releases whichever of the two Arrow structs is still alive (ownership was taken).
void ReleaseBoth(ArrowSchema* schema, ArrowArray* array) {
  if (schema != nullptr && schema->release != nullptr) schema->release(schema);
  if (array != nullptr && array->release != nullptr) array->release(array);
}

}  // namespace
}  // namespace segc::capi

using namespace segc::capi;  // NOLINT: the C entry points below are thin wrappers

extern "C" {

segc_status segc_table_new(segc_table** out) {
  return Guard([&] {
    if (out == nullptr) return NullArgument("out");
    return NewTable(segc::rt::Table(), out);
  });
}

void segc_table_free(segc_table* table) { delete table; }

segc_status segc_table_add_column(segc_table* table, const char* name, int32_t type,
                                  const void* values, const uint8_t* validity, int64_t length) {
  return Guard([&] {
    if (table == nullptr) return NullArgument("table");
    if (name == nullptr) return NullArgument("name");
    auto column_type = ColumnTypeOf(type);
    if (!column_type || *column_type == segc::rt::ColumnType::kString ||
        *column_type == segc::rt::ColumnType::kEnum) {
      return Fail(SEGC_ERR_COLUMN_TYPE,
                  column_type ? fmt::format("column '{}': string columns need a dictionary "
                                            "(segc_table_add_string_column)",
                                            name)
                              : fmt::format("column '{}': unknown type code {}", name, type));
    }
    return AddColumn(table, {name, *column_type, values, validity, length});
  });
}

segc_status segc_table_add_string_column(segc_table* table, const char* name, const int32_t* codes,
                                         const uint8_t* validity, int64_t length,
                                         const int32_t* dict_offsets, const char* dict_bytes,
                                         int64_t dict_size) {
  return Guard([&] {
    if (table == nullptr) return NullArgument("table");
    if (name == nullptr) return NullArgument("name");
    if (dict_offsets == nullptr) return NullArgument("dict_offsets");
    if (dict_size < 0) {
      return Fail(SEGC_ERR_INVALID_ARGUMENT,
                  fmt::format("column '{}': negative dictionary size {}", name, dict_size));
    }
    if (dict_bytes == nullptr && dict_size > 0 && dict_offsets[dict_size] > dict_offsets[0]) {
      return NullArgument("dict_bytes");
    }
    static const char kNoBytes[1] = {0};
    return AddColumn(table, {name, segc::rt::ColumnType::kString, codes, validity, length,
                             dict_offsets, dict_bytes ? dict_bytes : kNoBytes, dict_size});
  });
}

segc_status segc_table_from_arrow(ArrowSchema* schema, ArrowArray* array, segc_table** out) {
  return Guard([&] {
    if (schema == nullptr || array == nullptr || out == nullptr) {
      ReleaseBoth(schema, array);
      return NullArgument(schema == nullptr ? "schema" : array == nullptr ? "array" : "out");
    }
    *out = nullptr;
    if (schema->release == nullptr || array->release == nullptr) {
      const char* which = schema->release == nullptr ? "schema" : "array";
      ReleaseBoth(schema, array);
      return Fail(SEGC_ERR_ARROW_RELEASED, fmt::format("the Arrow {} is already released", which));
    }
    auto table = segc::rt::ImportArrowTable(schema, array);
    if (!table.ok()) return FailStatus(SEGC_ERR_ARROW, table.status());
    return NewTable(std::move(table).value(), out);
  });
}

segc_status segc_table_from_arrow_stream(ArrowArrayStream* stream, segc_table** out) {
  return Guard([&] {
    if (stream == nullptr) return NullArgument("stream");
    if (stream->release == nullptr) {
      return Fail(SEGC_ERR_ARROW_RELEASED, "the Arrow stream is already released");
    }
    if (out == nullptr) {
      stream->release(stream);
      return NullArgument("out");
    }
    *out = nullptr;
    auto table = segc::rt::ImportArrowStream(stream);
    if (!table.ok()) {
      const bool producer = table.status().code() == segc::StatusCode::kIoError;
      return FailStatus(producer ? SEGC_ERR_IO : SEGC_ERR_ARROW, table.status());
    }
    return NewTable(std::move(table).value(), out);
  });
}

int64_t segc_table_num_rows(const segc_table* table) {
  if (table == nullptr) {
    NullArgument("table");
    return -1;
  }
  return table->table.num_rows();
}

int64_t segc_table_num_columns(const segc_table* table) {
  if (table == nullptr) {
    NullArgument("table");
    return -1;
  }
  return table->table.num_columns();
}

}  // extern "C"
