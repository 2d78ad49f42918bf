// MergeChunks: closes the gaps between chunk ranges, packs bitmaps, merges dictionaries.
#include "runtime/io/csv_merge.h"

#include <fmt/format.h>

#include <climits>
#include <cstring>

namespace segc::rt {
namespace {

// Rows of each chunk (all value arrays of a chunk have that many entries after parsing).
int64_t ChunkRows(const ChunkResult& c) { return c.rows; }

// Values of column `col`: a single chunk hands its buffer over; otherwise the chunks' slots of
// the shared buffer are moved down over the gaps left by chunks shorter than their bound.
template <typename T>
std::shared_ptr<Buffer> Gather(std::vector<ChunkResult>& chunks, int col, TableBuffers& tb,
                               ValueArray<T> ColumnChunk::*member) {
  if (tb.values.empty()) return (chunks[0].columns[col].*member).Release();
  T* base = tb.values[col]->mutable_as<T>();
  int64_t at = 0;
  for (size_t k = 0; k < chunks.size(); ++k) {
    const int64_t n = ChunkRows(chunks[k]);
    if (at != tb.offsets[k] && n > 0)
      std::memmove(base + at, base + tb.offsets[k], size_t(n) * sizeof(T));
    at += n;
  }
  return std::move(tb.values[col]);
}

std::shared_ptr<Buffer> GatherBits(std::vector<ChunkResult>& chunks, int col, int64_t rows,
                                   BitArray ColumnChunk::*member) {
  if (chunks.size() == 1) return (chunks[0].columns[col].*member).Release();
  auto buffer = Buffer::Allocate(size_t(BitmapBytes(rows)));
  int64_t at = 0;
  for (const ChunkResult& c : chunks) {
    const BitArray& bits = c.columns[col].*member;
    OrBitsAt(bits.words(), int64_t(bits.size()), buffer->mutable_data(), at);
    at += int64_t(bits.size());
  }
  return buffer;
}

Status TooManyStrings(const std::string& name) {
  return Status::DataError(fmt::format("column '{}': more than 2 GiB of distinct strings", name));
}

// Global dictionary in chunk order; rewrites the gathered local codes into global ones in place
// (nulls hold -1 when there are several chunks, and 0 in the result).
Result<std::shared_ptr<const Dictionary>> MergeStrings(std::vector<ChunkResult>& chunks, int col,
                                                       TableBuffers& tb,
                                                       std::shared_ptr<Buffer>* codes,
                                                       const std::string& name) {
  *codes = Gather(chunks, col, tb, &ColumnChunk::i32);
  StringMap global;
  std::vector<std::string_view> dict;
  int64_t bytes = 0;
  if (chunks.size() == 1) {  // local codes are the global ones (null rows hold 0 already)
    for (std::string_view s : chunks[0].columns[col].dict) bytes += int64_t(s.size());
    if (bytes > INT32_MAX) return TooManyStrings(name);
    return Dictionary::Make(chunks[0].columns[col].dict);
  }
  int32_t* out = (*codes)->mutable_as<int32_t>();
  std::vector<int32_t> remap;
  for (ChunkResult& chunk : chunks) {
    const ColumnChunk& c = chunk.columns[col];
    remap.assign(c.dict.size() + 1, 0);  // remap[code + 1]; remap[0] is for nulls
    for (size_t i = 0; i < c.dict.size(); ++i) {
      remap[i + 1] = global.Insert(c.dict[i], int32_t(dict.size()));
      if (remap[i + 1] == int32_t(dict.size())) {
        dict.push_back(c.dict[i]);
        bytes += int64_t(c.dict[i].size());
      }
    }
    const int64_t n = ChunkRows(chunk);
    for (int64_t r = 0; r < n; ++r) out[r] = remap[size_t(out[r] + 1)];
    out += n;
  }
  if (bytes > INT32_MAX) return TooManyStrings(name);
  return Dictionary::Make(dict);
}

Result<Column> MergeColumn(const CsvContext& ctx, std::vector<ChunkResult>& chunks, int col,
                           int64_t rows, TableBuffers& tb) {
  const ColumnSpec& spec = ctx.schema->columns[col];
  auto validity = GatherBits(chunks, col, rows, &ColumnChunk::valid);
  std::shared_ptr<Buffer> values;
  std::shared_ptr<const Dictionary> dict;
  switch (spec.type) {
    case ColumnType::kInt:
      values = Gather(chunks, col, tb, &ColumnChunk::i64);
      break;
    case ColumnType::kFloat:
      values = Gather(chunks, col, tb, &ColumnChunk::f64);
      break;
    case ColumnType::kDate:
      values = Gather(chunks, col, tb, &ColumnChunk::i32);
      break;
    case ColumnType::kBool:
      values = GatherBits(chunks, col, rows, &ColumnChunk::bits);
      break;
    case ColumnType::kEnum: {
      values = Gather(chunks, col, tb, &ColumnChunk::i32);
      std::vector<std::string_view> labels(spec.enum_values.begin(), spec.enum_values.end());
      dict = Dictionary::Make(labels);
      break;
    }
    case ColumnType::kString: {
      SEGC_TRY(dict, MergeStrings(chunks, col, tb, &values, spec.name));
      break;
    }
  }
  for (ChunkResult& c : chunks) c.columns[col] = ColumnChunk();  // frees bits and dictionaries
  return Column::Make(spec.type, rows, values, validity, dict);
}

}  // namespace

TableBuffers AttachChunks(const CsvContext& ctx, const std::vector<int64_t>& max_records,
                          std::vector<ChunkResult>* chunks) {
  TableBuffers tb;
  int64_t capacity = 0;
  for (int64_t bound : max_records) tb.offsets.push_back(capacity), capacity += bound;
  const std::vector<ColumnSpec>& specs = ctx.schema->columns;
  tb.values.resize(specs.size());
  for (size_t col = 0; col < specs.size(); ++col) {
    if (specs[col].type == ColumnType::kBool) continue;
    tb.values[col] = Buffer::AllocateUninitialized(size_t(capacity) * ValueWidth(specs[col].type));
  }
  for (size_t k = 0; k < chunks->size(); ++k) {
    ChunkResult& chunk = (*chunks)[k];
    chunk.columns.resize(specs.size());
    const size_t at = size_t(tb.offsets[k]), n = size_t(max_records[k]);
    for (size_t col = 0; col < specs.size(); ++col) {
      ColumnChunk& c = chunk.columns[col];
      switch (specs[col].type) {
        case ColumnType::kInt:
          c.i64.Attach(tb.values[col]->mutable_as<int64_t>() + at, n);
          break;
        case ColumnType::kFloat:
          c.f64.Attach(tb.values[col]->mutable_as<double>() + at, n);
          break;
        case ColumnType::kBool:
          break;
        case ColumnType::kString:
          c.null_code = -1;
          [[fallthrough]];
        default:
          c.i32.Attach(tb.values[col]->mutable_as<int32_t>() + at, n);
          break;
      }
    }
  }
  return tb;
}

Result<std::vector<Column>> MergeChunks(const CsvContext& ctx, std::vector<ChunkResult>& chunks,
                                        TableBuffers& buffers, ThreadPool& pool) {
  int64_t rows = 0;
  for (const ChunkResult& c : chunks) rows += c.rows;
  const int n = int(ctx.schema->columns.size());
  std::vector<Column> columns(n);
  std::vector<Status> statuses(n);
  pool.ParallelFor(n, [&](int64_t i) {
    Result<Column> c = MergeColumn(ctx, chunks, int(i), rows, buffers);
    if (c.ok())
      columns[i] = std::move(c).value();
    else
      statuses[i] = c.status();
  });
  for (const Status& s : statuses) SEGC_RETURN_IF_ERROR(s);
  return columns;
}

}  // namespace segc::rt
