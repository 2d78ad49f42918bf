// ImportArrowTable: zero-copy views of Arrow C Data Interface struct arrays as segc tables.
#include <fmt/format.h>

#include <cmath>
#include <cstring>
#include <string_view>

#include "runtime/arrow/arrow_internal.h"
#include "runtime/io/string_map.h"
#include "runtime/io/value_parse.h"
#include "segc/arrow.h"

namespace segc::rt {
namespace {

// One child of the imported struct: its structs plus the row window the struct selects.
struct ChildView {
  const ArrowSchema* schema;
  const ArrowArray* array;
  std::string name;
  int64_t offset;  // child offset + struct offset
  int64_t length;  // struct length
};

Status Bad(const ChildView& c, std::string_view what) {
  return Status::InvalidArgument(fmt::format("arrow column '{}': {}", c.name, what));
}

std::shared_ptr<Buffer> CopyBits(const uint8_t* bits, int64_t offset, int64_t length) {
  auto out = Buffer::Allocate(size_t(BitmapBytes(length)));
  for (int64_t i = 0; i < length; ++i) {
    if (bits == nullptr || GetBit(bits, offset + i)) SetBit(out->mutable_data(), i);
  }
  return out;
}

class Importer {
 public:
  explicit Importer(std::shared_ptr<const void> owner) : owner_(std::move(owner)) {}

  Result<Column> Import(const ChildView& c) {
    const std::string_view format = c.schema->format ? c.schema->format : "";
    if (c.schema->dictionary != nullptr) return DictString(c, format);
    if (format == "l") return Fixed(c, ColumnType::kInt, 8);
    if (format == "tdD") return Fixed(c, ColumnType::kDate, 4);
    if (format == "b") return Fixed(c, ColumnType::kBool, 0);
    if (format == "g") return Float(c);
    if (format == "u") return PlainString<int32_t>(c);
    if (format == "U") return PlainString<int64_t>(c);
    return Bad(c, fmt::format("unsupported format '{}' (expected l, g, b, tdD, u, U or a "
                              "dictionary with i indices over u)",
                              format));
  }

 private:
  std::shared_ptr<Buffer> Wrap(const void* data, int64_t bytes) {
    return Buffer::Wrap(data, size_t(bytes), owner_);
  }

  Status CheckShape(const ChildView& c, int64_t n_buffers) {
    if (c.array->n_buffers != n_buffers) {
      return Bad(c, fmt::format("expected {} buffers, found {}", n_buffers, c.array->n_buffers));
    }
    if (c.array->offset < 0 || c.array->length < c.offset - c.array->offset + c.length) {
      return Bad(c, "array is shorter than the struct that holds it");
    }
    if (c.array->null_count != 0 && c.array->buffers[0] == nullptr) {
      return Bad(c, "array has nulls but no validity bitmap");
    }
    for (int64_t b = 1; b < n_buffers; ++b) {
      if (c.array->buffers[b] == nullptr && c.offset + c.length > 0) {
        return Bad(c, fmt::format("buffer {} is missing", b));
      }
    }
    return Status::Ok();
  }

  std::shared_ptr<Buffer> Validity(const ChildView& c) {
    const void* bits = c.array->buffers[0];
    return bits ? Wrap(bits, BitmapBytes(c.offset + c.length)) : nullptr;
  }

  Result<Column> Fixed(const ChildView& c, ColumnType type, int width) {
    SEGC_RETURN_IF_ERROR(CheckShape(c, 2));
    const int64_t rows = c.offset + c.length;
    auto values = Wrap(c.array->buffers[1], width == 0 ? BitmapBytes(rows) : rows * width);
    return Column::Make(type, c.length, values, Validity(c), nullptr, c.offset);
  }

  // NaN and infinities are not values (LANGUAGE.md §5): they become nulls, which needs a
  // validity bitmap of our own; the values buffer is still shared.
  Result<Column> Float(const ChildView& c) {
    SEGC_RETURN_IF_ERROR(CheckShape(c, 2));
    const int64_t rows = c.offset + c.length;
    auto values = Wrap(c.array->buffers[1], rows * 8);
    auto validity = Validity(c);
    const double* v = values->as<double>();
    int64_t first_bad = -1;
    for (int64_t i = c.offset; i < rows && first_bad < 0; ++i) {
      if (!std::isfinite(v[i])) first_bad = i;
    }
    if (first_bad >= 0) {
      auto own = Buffer::Allocate(size_t(BitmapBytes(rows)));
      for (int64_t i = c.offset; i < rows; ++i) {
        bool valid = (validity == nullptr || GetBit(validity->data(), i)) && std::isfinite(v[i]);
        if (valid) SetBit(own->mutable_data(), i);
      }
      validity = own;
    }
    return Column::Make(ColumnType::kFloat, c.length, values, validity, nullptr, c.offset);
  }

  Result<std::shared_ptr<const Dictionary>> ImportDictionary(const ChildView& c,
                                                             std::vector<int32_t>* remap);
  Result<Column> DictString(const ChildView& c, std::string_view index_format);
  template <typename Offset>
  Result<Column> PlainString(const ChildView& c);

  std::shared_ptr<const void> owner_;
};

// The dictionary of a dictionary-encoded column. Entries must be non-null valid UTF-8. When
// entries repeat, `remap` receives a code per entry onto a deduplicated copy (segc compares
// strings by code, so a dictionary must not repeat itself).
Result<std::shared_ptr<const Dictionary>> Importer::ImportDictionary(const ChildView& c,
                                                                     std::vector<int32_t>* remap) {
  const ArrowArray* d = c.array->dictionary;
  const std::string_view format = c.schema->dictionary->format ? c.schema->dictionary->format : "";
  if (d == nullptr) return Bad(c, "dictionary-encoded array without a dictionary array");
  if (format != "u") {
    return Bad(c, fmt::format("dictionary values have format '{}' (expected utf8 'u')", format));
  }
  if (d->n_buffers != 3 || d->offset < 0 || d->length < 0) return Bad(c, "malformed dictionary");
  if (d->null_count != 0 && d->buffers[0] != nullptr &&
      CountSetBits(static_cast<const uint8_t*>(d->buffers[0]), d->offset, d->length) != d->length) {
    return Bad(c, "dictionary holds nulls (expected only strings)");
  }
  const int32_t* off = static_cast<const int32_t*>(d->buffers[1]) + d->offset;
  if (off[0] < 0 || off[d->length] < off[0]) return Bad(c, "dictionary offsets are out of order");
  auto offsets = Wrap(off, (d->length + 1) * 4);
  auto bytes = d->length > 0 ? Wrap(d->buffers[2], off[d->length]) : nullptr;
  SEGC_TRY(std::shared_ptr<const Dictionary> dict,
           Dictionary::FromBuffers(offsets, bytes, d->length));
  StringMap seen;
  std::vector<std::string_view> distinct;
  remap->clear();
  for (int64_t i = 0; i < dict->size(); ++i) {
    std::string_view s = dict->Get(i);
    if (!IsValidUtf8(s)) return Bad(c, fmt::format("dictionary entry {} is not valid UTF-8", i));
    remap->push_back(seen.Insert(s, int32_t(distinct.size())));
    if (remap->back() == int32_t(distinct.size())) distinct.push_back(s);
  }
  if (int64_t(distinct.size()) == dict->size()) {
    remap->clear();
    return dict;
  }
  return Dictionary::Make(distinct);
}

Result<Column> Importer::DictString(const ChildView& c, std::string_view index_format) {
  if (index_format != "i") {
    return Bad(
        c, fmt::format("dictionary indices have format '{}' (expected int32 'i')", index_format));
  }
  SEGC_RETURN_IF_ERROR(CheckShape(c, 2));
  std::vector<int32_t> remap;
  SEGC_TRY(std::shared_ptr<const Dictionary> dict, ImportDictionary(c, &remap));
  const int64_t rows = c.offset + c.length;
  auto codes = Wrap(c.array->buffers[1], rows * 4);
  auto validity = Validity(c);
  const int32_t* idx = codes->as<int32_t>();
  const int64_t n = c.array->dictionary->length;
  for (int64_t i = c.offset; i < rows; ++i) {
    if ((validity == nullptr || GetBit(validity->data(), i)) && (idx[i] < 0 || idx[i] >= n)) {
      return Bad(c, fmt::format("row {}: dictionary index {} is out of range [0, {})", i - c.offset,
                                idx[i], n));
    }
  }
  if (!remap.empty()) {  // repeated dictionary entries: codes onto the deduplicated copy
    auto own = Buffer::AllocateUninitialized(size_t(rows) * 4);
    for (int64_t i = 0; i < rows; ++i) {
      own->mutable_as<int32_t>()[i] =
          i >= c.offset && idx[i] >= 0 && idx[i] < n ? remap[idx[i]] : 0;
    }
    codes = own;
  }
  return Column::Make(ColumnType::kString, c.length, codes, validity, dict, c.offset);
}

// Plain utf8 becomes a dictionary column: codes and distinct strings are copied.
template <typename Offset>
Result<Column> Importer::PlainString(const ChildView& c) {
  SEGC_RETURN_IF_ERROR(CheckShape(c, 3));
  const auto* off = static_cast<const Offset*>(c.array->buffers[1]);
  const auto* data = static_cast<const char*>(c.array->buffers[2]);
  const auto* bits = static_cast<const uint8_t*>(c.array->buffers[0]);
  auto codes = Buffer::Allocate(size_t(c.length) * 4);
  StringMap map;
  std::vector<std::string_view> dict;
  for (int64_t r = 0; r < c.length; ++r) {
    const int64_t a = c.offset + r;
    if (bits != nullptr && !GetBit(bits, a)) continue;
    if (off[a] < 0 || off[a + 1] < off[a]) return Bad(c, "string offsets are out of order");
    std::string_view s(data + off[a], size_t(off[a + 1] - off[a]));
    int32_t code = map.Find(s);
    if (code < 0) {
      if (!IsValidUtf8(s)) return Bad(c, fmt::format("row {} is not valid UTF-8", r));
      code = map.Insert(s, int32_t(dict.size()));
      dict.push_back(s);
    }
    codes->mutable_as<int32_t>()[r] = code;
  }
  auto validity = bits ? CopyBits(bits, c.offset, c.length) : nullptr;
  return Column::Make(ColumnType::kString, c.length, codes, validity, Dictionary::Make(dict));
}

Result<Table> ImportStruct(const ArrowSchema& schema, const ArrowArray& array,
                           std::shared_ptr<const void> owner) {
  const std::string_view format = schema.format ? schema.format : "";
  if (format != "+s") {
    return Status::InvalidArgument(
        fmt::format("arrow table: top-level format '{}' (expected a struct '+s')", format));
  }
  if (schema.n_children != array.n_children || array.length < 0 || array.offset < 0) {
    return Status::InvalidArgument("arrow table: schema and array do not match");
  }
  if (array.null_count != 0 && array.n_buffers > 0 && array.buffers[0] != nullptr &&
      CountSetBits(static_cast<const uint8_t*>(array.buffers[0]), array.offset, array.length) !=
          array.length) {
    return Status::InvalidArgument("arrow table: struct-level nulls (expected null-free rows)");
  }
  Importer importer(std::move(owner));
  std::vector<std::string> names;
  std::vector<Column> columns;
  for (int64_t i = 0; i < schema.n_children; ++i) {
    const ArrowSchema* cs = schema.children[i];
    const ArrowArray* ca = array.children[i];
    std::string name = cs->name ? cs->name : fmt::format("column {}", i + 1);
    ChildView view{cs, ca, name, ca->offset + array.offset, array.length};
    SEGC_TRY(Column column, importer.Import(view));
    names.push_back(std::move(name));
    columns.push_back(std::move(column));
  }
  return Table::Make(std::move(names), std::move(columns));
}

}  // namespace

namespace detail {

Result<Table> ImportArrowBatch(const ArrowSchema& schema, ArrowArray* array) {
  // Move the array out (as the specification describes): from here on, only the hook
  // releases it, exactly once, when the last buffer viewing it is gone.
  auto moved = std::make_shared<ArrowArray>(*array);
  array->release = nullptr;
  auto owner = MakeReleaseHook([moved] { moved->release(moved.get()); });
  return ImportStruct(schema, *moved, std::move(owner));
}

}  // namespace detail

Result<Table> ImportArrowTable(ArrowSchema* schema, ArrowArray* array) {
  struct SchemaRelease {
    ArrowSchema* s;
    ~SchemaRelease() {
      if (s != nullptr && s->release != nullptr) s->release(s);
    }
  } schema_release{schema};
  if (schema == nullptr || array == nullptr || schema->release == nullptr ||
      array->release == nullptr) {
    if (array != nullptr && array->release != nullptr) array->release(array);
    return Status::InvalidArgument("arrow table: schema or array is missing or already released");
  }
  return detail::ImportArrowBatch(*schema, array);
}

}  // namespace segc::rt
