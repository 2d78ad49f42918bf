// ExportArrowTable: segc tables as Arrow C Data Interface struct arrays, sharing the buffers.
#include <memory>
#include <string>
#include <vector>

#include "segc/arrow.h"

namespace segc::rt {
namespace {

// Everything one exported ArrowSchema points to; freed by its release callback.
struct SchemaData {
  std::string format;
  std::string name;
  std::vector<std::unique_ptr<ArrowSchema>> children;
  std::vector<ArrowSchema*> child_ptrs;
  std::unique_ptr<ArrowSchema> dictionary;
};

void ReleaseSchema(ArrowSchema* s) {
  auto* data = static_cast<SchemaData*>(s->private_data);
  for (ArrowSchema* child : data->child_ptrs) {
    if (child->release != nullptr) child->release(child);
  }
  if (data->dictionary && data->dictionary->release)
    data->dictionary->release(data->dictionary.get());
  delete data;
  s->release = nullptr;
}

void FillSchema(ArrowSchema* s, std::string format, std::string name, int64_t flags) {
  auto* data = new SchemaData{std::move(format), std::move(name), {}, {}, nullptr};
  *s = ArrowSchema{data->format.c_str(),
                   data->name.c_str(),
                   nullptr,
                   flags,
                   0,
                   nullptr,
                   nullptr,
                   ReleaseSchema,
                   data};
}

// Everything one exported ArrowArray points to: shared buffers keep the column memory alive.
struct ArrayData {
  std::vector<std::shared_ptr<Buffer>> keep;
  std::shared_ptr<const Dictionary> dict_keep;
  std::vector<const void*> buffers;
  std::vector<std::unique_ptr<ArrowArray>> children;
  std::vector<ArrowArray*> child_ptrs;
  std::unique_ptr<ArrowArray> dictionary;
};

void ReleaseArray(ArrowArray* a) {
  auto* data = static_cast<ArrayData*>(a->private_data);
  for (ArrowArray* child : data->child_ptrs) {
    if (child->release != nullptr) child->release(child);
  }
  if (data->dictionary && data->dictionary->release)
    data->dictionary->release(data->dictionary.get());
  delete data;
  a->release = nullptr;
}

ArrayData* FillArray(ArrowArray* a, int64_t length, int64_t null_count, int64_t offset,
                     std::vector<std::shared_ptr<Buffer>> buffers) {
  auto* data = new ArrayData;
  for (const auto& b : buffers) data->buffers.push_back(b ? b->data() : nullptr);
  data->keep = std::move(buffers);
  *a = ArrowArray{length,
                  null_count,
                  offset,
                  int64_t(data->buffers.size()),
                  0,
                  data->buffers.data(),
                  nullptr,
                  nullptr,
                  ReleaseArray,
                  data};
  return data;
}

const char* FormatOf(ColumnType type) {
  switch (type) {
    case ColumnType::kInt:
      return "l";
    case ColumnType::kFloat:
      return "g";
    case ColumnType::kBool:
      return "b";
    case ColumnType::kDate:
      return "tdD";
    case ColumnType::kString:
    case ColumnType::kEnum:
      return "i";  // int32 indices into a utf8 dictionary
  }
  return "";
}

void ExportColumn(const Column& c, const std::string& name, ArrowSchema* s, ArrowArray* a) {
  FillSchema(s, FormatOf(c.type()), name, ARROW_FLAG_NULLABLE);
  ArrayData* data =
      FillArray(a, c.length(), c.null_count(), c.offset(), {c.validity(), c.values()});
  if (c.dictionary() == nullptr) return;
  auto* sdata = static_cast<SchemaData*>(s->private_data);
  sdata->dictionary = std::make_unique<ArrowSchema>();
  FillSchema(sdata->dictionary.get(), "u", "", 0);
  s->dictionary = sdata->dictionary.get();
  const Dictionary& dict = *c.dictionary();
  data->dict_keep = c.dictionary();
  data->dictionary = std::make_unique<ArrowArray>();
  FillArray(data->dictionary.get(), dict.size(), 0, 0, {nullptr, dict.offsets(), dict.bytes()});
  a->dictionary = data->dictionary.get();
}

// A struct array of `columns` named `names` (names may repeat, unlike a Table's).
Status ExportColumns(const std::vector<std::string>& names, const std::vector<Column>& columns,
                     int64_t rows, ArrowSchema* schema, ArrowArray* array) {
  if (schema == nullptr || array == nullptr) {
    return Status::InvalidArgument("arrow export: schema and array must not be null");
  }
  FillSchema(schema, "+s", "", 0);
  ArrayData* data = FillArray(array, rows, 0, 0, {nullptr});
  auto* sdata = static_cast<SchemaData*>(schema->private_data);
  const size_t n = columns.size();
  for (size_t i = 0; i < n; ++i) {
    sdata->children.push_back(std::make_unique<ArrowSchema>());
    data->children.push_back(std::make_unique<ArrowArray>());
    ExportColumn(columns[i], names[i], sdata->children.back().get(), data->children.back().get());
    sdata->child_ptrs.push_back(sdata->children.back().get());
    data->child_ptrs.push_back(data->children.back().get());
  }
  schema->n_children = int64_t(n);
  schema->children = sdata->child_ptrs.data();
  array->n_children = int64_t(n);
  array->children = data->child_ptrs.data();
  return Status::Ok();
}

}  // namespace

Status ExportArrowTable(const Table& table, ArrowSchema* schema, ArrowArray* array) {
  std::vector<Column> columns;
  for (int i = 0; i < table.num_columns(); ++i) columns.push_back(table.column(i));
  return ExportColumns(table.names(), columns, table.num_rows(), schema, array);
}

Status ExportArrowResult(const RunResult& result, ArrowSchema* schema, ArrowArray* array) {
  std::vector<std::string> names;
  std::vector<Column> columns;
  for (const SegmentResult& s : result.segments) {
    SEGC_TRY(Column bits, Column::Make(ColumnType::kBool, result.rows, s.bitmap, nullptr));
    names.push_back(s.name);
    columns.push_back(std::move(bits));
  }
  for (const ScoreResult& s : result.scores) {
    names.push_back(s.name);
    columns.push_back(s.values);
  }
  for (const ClassResult& c : result.classes) {
    names.push_back(c.name);
    columns.push_back(c.values);
  }
  return ExportColumns(names, columns, result.rows, schema, array);
}

}  // namespace segc::rt
