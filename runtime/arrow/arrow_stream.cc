// ImportArrowStream: the record batches of an Arrow C Stream as one table.
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

#include "runtime/arrow/arrow_internal.h"
#include "segc/arrow.h"

namespace segc::rt {
namespace {

// Releases the stream (and the schema it gave) exactly once, on every way out.
struct StreamRelease {
  ArrowArrayStream* stream;
  ArrowSchema schema{};
  ~StreamRelease() {
    if (schema.release != nullptr) schema.release(&schema);
    if (stream->release != nullptr) stream->release(stream);
  }
};

// The producer's failure: its code and, when it gives one, its message (read before the
// stream is released, which invalidates it).
Status ProducerError(ArrowArrayStream* stream, std::string_view call, int code) {
  const char* message = stream->get_last_error ? stream->get_last_error(stream) : nullptr;
  std::string text = fmt::format("arrow stream: {} failed with error {}", call, code);
  if (message != nullptr && *message != '\0') text += fmt::format(": {}", message);
  return Status::IoError(std::move(text));
}

// Buffers of a zero-length array: one int32 offset 0 (utf8 and dictionaries need it).
const int32_t kZeroOffset[1] = {0};
const void* kEmptyBuffers[3] = {nullptr, kZeroOffset, kZeroOffset};

void NoRelease(ArrowArray* a) { a->release = nullptr; }

int64_t BufferCount(const ArrowSchema& s) {
  const std::string_view format = s.format ? s.format : "";
  return s.dictionary == nullptr && (format == "u" || format == "U") ? 3 : 2;
}

// A stream without batches is a table with the schema's columns and no rows. It is made by
// importing a zero-length struct array, so the schema is checked exactly as a batch's is.
Result<Table> EmptyTable(const ArrowSchema& schema) {
  const int64_t n = schema.n_children > 0 ? schema.n_children : 0;
  ArrowArray empty_dict{0, 0, 0, 3, 0, kEmptyBuffers, nullptr, nullptr, &NoRelease, nullptr};
  std::vector<ArrowArray> children(static_cast<size_t>(n));
  std::vector<ArrowArray*> child_ptrs;
  for (int64_t i = 0; i < n; ++i) {
    const ArrowSchema& cs = *schema.children[i];
    children[size_t(i)] = ArrowArray{0,          0,
                                     0,          BufferCount(cs),
                                     0,          kEmptyBuffers,
                                     nullptr,    cs.dictionary ? &empty_dict : nullptr,
                                     &NoRelease, nullptr};
    child_ptrs.push_back(&children[size_t(i)]);
  }
  ArrowArray top{0, 0, 0, 1, n, kEmptyBuffers, child_ptrs.data(), nullptr, &NoRelease, nullptr};
  return detail::ImportArrowBatch(schema, &top);
}

// Pulls every batch; batches without rows are dropped unless all are empty.
Result<std::vector<Table>> ReadBatches(ArrowArrayStream* stream, const ArrowSchema& schema) {
  std::vector<Table> batches;
  for (;;) {
    ArrowArray array{};
    if (int code = stream->get_next(stream, &array); code != 0) {
      return ProducerError(stream, "get_next", code);
    }
    if (array.release == nullptr) break;  // end of stream
    SEGC_TRY(Table batch, detail::ImportArrowBatch(schema, &array));
    if (batch.num_rows() > 0) batches.push_back(std::move(batch));
  }
  return batches;
}

}  // namespace

Result<Table> ImportArrowStream(ArrowArrayStream* stream) {
  if (stream == nullptr || stream->release == nullptr) {
    return Status::InvalidArgument("arrow stream: stream is missing or already released");
  }
  StreamRelease guard{stream};
  if (stream->get_schema == nullptr || stream->get_next == nullptr) {
    return Status::InvalidArgument("arrow stream: get_schema or get_next is missing");
  }
  if (int code = stream->get_schema(stream, &guard.schema); code != 0) {
    guard.schema.release = nullptr;  // nothing was handed over
    return ProducerError(stream, "get_schema", code);
  }
  if (guard.schema.release == nullptr) {
    return Status::InvalidArgument("arrow stream: get_schema gave a released schema");
  }
  SEGC_TRY(std::vector<Table> batches, ReadBatches(stream, guard.schema));
  if (batches.empty()) return EmptyTable(guard.schema);
  if (batches.size() == 1) return std::move(batches[0]);  // zero-copy
  return ConcatTables(batches);
}

}  // namespace segc::rt
