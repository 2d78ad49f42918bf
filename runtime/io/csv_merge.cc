// MergeChunks: joins chunk arrays into column buffers (one chunk: no copy), merges dictionaries.
#include "runtime/io/csv_merge.h"

#include <fmt/format.h>

#include <climits>
#include <cstring>

namespace segc::rt {
namespace {

// One values buffer from the chunks' arrays; a single chunk hands its buffer over uncopied.
template <typename T>
std::shared_ptr<Buffer> Concat(std::vector<ChunkResult>& chunks, int col, int64_t rows,
                               ValueArray<T> ColumnChunk::*member) {
  if (chunks.size() == 1) return (chunks[0].columns[col].*member).Release();
  auto buffer = Buffer::AllocateUninitialized(size_t(rows) * sizeof(T));
  T* out = buffer->mutable_as<T>();
  for (const ChunkResult& c : chunks) {
    const ValueArray<T>& v = c.columns[col].*member;
    if (!v.empty()) std::memcpy(out, v.data(), v.size() * sizeof(T));
    out += v.size();
  }
  return buffer;
}

std::shared_ptr<Buffer> ConcatBits(std::vector<ChunkResult>& chunks, int col, int64_t rows,
                                   std::vector<uint8_t> ColumnChunk::*member) {
  auto buffer = Buffer::Allocate(size_t(BitmapBytes(rows)));
  int64_t at = 0;
  for (const ChunkResult& c : chunks) {
    const std::vector<uint8_t>& v = c.columns[col].*member;
    PackBits(v.data(), int64_t(v.size()), buffer->mutable_data(), at);
    at += int64_t(v.size());
  }
  return buffer;
}

Status TooManyStrings(const std::string& name) {
  return Status::DataError(fmt::format("column '{}': more than 2 GiB of distinct strings", name));
}

// Global dictionary in chunk order; rewrites local codes into global ones.
Result<std::shared_ptr<const Dictionary>> MergeStrings(std::vector<ChunkResult>& chunks, int col,
                                                       int64_t rows, std::shared_ptr<Buffer>* codes,
                                                       const std::string& name) {
  StringMap global;
  std::vector<std::string_view> dict;
  int64_t bytes = 0;
  if (chunks.size() == 1) {  // local codes are the global ones (null rows hold 0 already)
    ColumnChunk& c = chunks[0].columns[col];
    for (std::string_view s : c.dict) bytes += int64_t(s.size());
    if (bytes > INT32_MAX) return TooManyStrings(name);
    *codes = c.i32.Release();
    return Dictionary::Make(c.dict);
  }
  *codes = Buffer::AllocateUninitialized(size_t(rows) * sizeof(int32_t));
  int32_t* out = (*codes)->mutable_as<int32_t>();
  for (ChunkResult& chunk : chunks) {
    ColumnChunk& c = chunk.columns[col];
    std::vector<int32_t> remap(c.dict.size());
    for (size_t i = 0; i < c.dict.size(); ++i) {
      remap[i] = global.Insert(c.dict[i], int32_t(dict.size()));
      if (remap[i] == int32_t(dict.size())) {
        dict.push_back(c.dict[i]);
        bytes += int64_t(c.dict[i].size());
      }
    }
    for (size_t r = 0; r < c.i32.size(); ++r) *out++ = c.valid[r] ? remap[c.i32[r]] : 0;
  }
  if (bytes > INT32_MAX) return TooManyStrings(name);
  return Dictionary::Make(dict);
}

Result<Column> MergeColumn(const CsvContext& ctx, std::vector<ChunkResult>& chunks, int col,
                           int64_t rows) {
  const ColumnSpec& spec = ctx.schema->columns[col];
  auto validity = ConcatBits(chunks, col, rows, &ColumnChunk::valid);
  std::shared_ptr<Buffer> values;
  std::shared_ptr<const Dictionary> dict;
  switch (spec.type) {
    case ColumnType::kInt:
      values = Concat(chunks, col, rows, &ColumnChunk::i64);
      break;
    case ColumnType::kFloat:
      values = Concat(chunks, col, rows, &ColumnChunk::f64);
      break;
    case ColumnType::kDate:
      values = Concat(chunks, col, rows, &ColumnChunk::i32);
      break;
    case ColumnType::kBool:
      values = ConcatBits(chunks, col, rows, &ColumnChunk::bits);
      break;
    case ColumnType::kEnum: {
      values = Concat(chunks, col, rows, &ColumnChunk::i32);
      std::vector<std::string_view> labels(spec.enum_values.begin(), spec.enum_values.end());
      dict = Dictionary::Make(labels);
      break;
    }
    case ColumnType::kString: {
      SEGC_TRY(dict, MergeStrings(chunks, col, rows, &values, spec.name));
      break;
    }
  }
  // The chunk vectors of this column are no longer needed: freeing them now keeps the peak
  // memory of a load near one copy of the table instead of two.
  for (ChunkResult& c : chunks) c.columns[col] = ColumnChunk();
  return Column::Make(spec.type, rows, values, validity, dict);
}

}  // namespace

Result<std::vector<Column>> MergeChunks(const CsvContext& ctx, std::vector<ChunkResult>& chunks,
                                        ThreadPool& pool) {
  int64_t rows = 0;
  for (const ChunkResult& c : chunks) rows += c.rows;
  const int n = int(ctx.schema->columns.size());
  std::vector<Column> columns(n);
  std::vector<Status> statuses(n);
  pool.ParallelFor(n, [&](int64_t i) {
    Result<Column> c = MergeColumn(ctx, chunks, int(i), rows);
    if (c.ok())
      columns[i] = std::move(c).value();
    else
      statuses[i] = c.status();
  });
  for (const Status& s : statuses) SEGC_RETURN_IF_ERROR(s);
  return columns;
}

}  // namespace segc::rt
