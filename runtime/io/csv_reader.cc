// ReadCsv / ReadCsvBuffer: header, parity split, parallel chunk parsing, merge, errors, rejects.
#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "runtime/exec/thread_pool.h"
#include "runtime/io/csv_chunk.h"
#include "runtime/io/csv_header.h"
#include "runtime/io/csv_keys.h"
#include "runtime/io/csv_merge.h"
#include "runtime/io/csv_split.h"
#include "runtime/io/csv_whitespace.h"
#include "runtime/io/file_data.h"
#include "segc/csv.h"
#include "segc/writer.h"

namespace segc::rt {
namespace {

constexpr int64_t kDefaultChunkBytes = 1 << 20;

std::string_view StripBom(std::string_view data) {
  if (data.size() >= 3 && std::memcmp(data.data(), "\xEF\xBB\xBF", 3) == 0) data.remove_prefix(3);
  return data;
}

int ChunkCount(int64_t body_bytes, int threads, const CsvOptions& options) {
  if (threads <= 1) return 1;
  int64_t min_bytes = options.min_chunk_bytes > 0 ? options.min_chunk_bytes : kDefaultChunkBytes;
  return int(std::clamp<int64_t>(body_bytes / min_bytes, 1, int64_t(threads) * 4));
}

// Turns chunk-local record numbers into file-wide ones and gathers errors, sorted by line.
void CollectErrors(std::vector<ChunkResult>& chunks, const CsvContext& ctx, CsvReport* report) {
  int64_t base = 0;
  for (ChunkResult& c : chunks) {
    for (DataError& e : c.errors) e.record += base;
    for (RejectedRecord& r : c.rejects) r.record += base;
    report->total_errors += c.error_count;
    report->records += c.records;
    report->errors.insert(report->errors.end(), std::make_move_iterator(c.errors.begin()),
                          std::make_move_iterator(c.errors.end()));
    base += c.records;
  }
  std::stable_sort(report->errors.begin(), report->errors.end(), [](auto& a, auto& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  if (int64_t(report->errors.size()) > ctx.max_errors) report->errors.resize(ctx.max_errors);
}

std::string CsvQuote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

Status WriteRejects(const std::string& path, const std::vector<ChunkResult>& chunks) {
  SEGC_TRY(AtomicFileWriter w, AtomicFileWriter::Open(path));
  SEGC_RETURN_IF_ERROR(w.Write("line,record,error,text\n"));
  for (const ChunkResult& c : chunks) {
    for (const RejectedRecord& r : c.rejects) {
      SEGC_RETURN_IF_ERROR(w.Write(fmt::format("{},{},{},{}\n", r.line, r.record,
                                               DataErrorKindName(r.kind), CsvQuote(r.text))));
    }
  }
  return w.Commit();
}

Status DataFailure(const CsvReport& report) {
  return Status::DataError(FormatDataErrors(report.errors, report.total_errors));
}

// Splits the body and parses the chunks in parallel. With several chunks, their fixed-width
// values go straight into the final buffers (`buffers`), each at its own record bound.
std::vector<ChunkResult> ParseBody(const CsvContext& ctx, std::string_view body, int64_t first_line,
                                   const CsvOptions& options, ThreadPool& pool,
                                   TableBuffers* buffers) {
  const char* begin = body.data();
  std::vector<ChunkRange> ranges =
      SplitRecords(begin, begin + body.size(), first_line,
                   ChunkCount(int64_t(body.size()), pool.size(), options), pool, ctx.release_input);
  std::vector<ChunkResult> chunks(ranges.size());
  if (ranges.size() > 1) {
    std::vector<int64_t> bounds;
    for (const ChunkRange& r : ranges) bounds.push_back(r.max_records);
    *buffers = AttachChunks(ctx, bounds, &chunks);
  }
  pool.ParallelFor(int64_t(ranges.size()), [&](int64_t i) {
    const ChunkRange& r = ranges[i];
    ParseChunk(ctx, r.begin, r.end, r.first_line, r.max_records, &chunks[i]);
  });
  return chunks;
}

// Records dropped by skip_bad_rows (file-wide numbers, in order).
std::vector<int64_t> SkippedRecords(const std::vector<ChunkResult>& chunks) {
  std::vector<int64_t> out;
  for (const ChunkResult& c : chunks) {
    for (const RejectedRecord& r : c.rejects) out.push_back(r.record);
  }
  return out;
}

Result<Table> ReadImpl(std::string_view data, const std::string& file, const Schema& schema,
                       const CsvOptions& options, CsvReport* report, bool mapped) {
  *report = CsvReport();
  std::optional<BlockHashes> hashes;
  if (options.hash_file && mapped) hashes.emplace(data);
  CsvContext ctx;
  if (hashes) ctx.hashes = &*hashes;
  ctx.file = file;
  ctx.release_input = mapped;
  SEGC_RETURN_IF_ERROR(PrepareContext(schema, options, &ctx));
  data = StripBom(data);
  if (data.empty()) {
    report->errors.push_back(DataError{
        file, 1, 0, 0, "", "", "file is empty (expected a header row)", DataErrorKind::kEmptyFile});
    report->total_errors = 1;
    return DataFailure(*report);
  }
  ctx.delimiter = options.delimiter != '\0' ? options.delimiter : DetectDelimiter(data);
  report->delimiter = ctx.delimiter;
  std::string normalized;  // whitespace-separated text, rewritten as tab-separated
  if (ctx.delimiter == kWhitespaceDelimiter) {
    // The parsers pass over the rewritten text, not the file's bytes: hash the file here.
    if (hashes) report->file_hash = hashes->Finish();
    ctx.hashes = nullptr;
    hashes.reset();
    normalized = NormalizeWhitespace(data);
    data = normalized;
    ctx.delimiter = '\t';
    ctx.release_input = false;
  }
  int64_t body_start = ParseHeader(data, &ctx, &report->errors);
  if (!report->errors.empty()) {
    report->total_errors = int64_t(report->errors.size());
    return DataFailure(*report);
  }
  std::string_view body = data.substr(size_t(body_start));
  // Detected over every declared float column, before narrowing: the file's convention must
  // not depend on which columns a run reads (docs/data-loading.md, "Decimal comma").
  ctx.decimal_comma = options.decimal_comma == DecimalComma::kYes ||
                      (options.decimal_comma == DecimalComma::kAuto && ctx.delimiter == ';' &&
                       DetectDecimalComma(body, ctx));
  report->decimal_comma = ctx.decimal_comma;
  Schema narrowed;
  if (!options.columns.empty()) {
    std::vector<std::string> kept = options.columns;
    if (options.check_key && schema.FindColumn(schema.key) >= 0) kept.push_back(schema.key);
    SEGC_RETURN_IF_ERROR(NarrowContext(kept, &ctx, &narrowed));
  }
  int64_t first_line = 1 + std::count(data.begin(), data.begin() + body_start, '\n');
  ThreadPool pool(options.threads);
  SEGC_RETURN_IF_ERROR(pool.status());
  TableBuffers buffers;
  std::vector<ChunkResult> chunks = ParseBody(ctx, body, first_line, options, pool, &buffers);
  if (hashes) report->file_hash = hashes->Finish();
  CollectErrors(chunks, ctx, report);
  if (!options.rejects_path.empty()) {
    Status written = WriteRejects(options.rejects_path, chunks);
    report->rejects_failed = !written.ok();
    SEGC_RETURN_IF_ERROR(written);
  }
  if (report->total_errors > 0 && !options.skip_bad_rows) return DataFailure(*report);
  SEGC_TRY(std::vector<Column> columns, MergeChunks(ctx, chunks, buffers, pool));
  std::vector<std::string> names;
  for (const ColumnSpec& spec : ctx.schema->columns) names.push_back(spec.name);
  SEGC_TRY(Table table, Table::Make(std::move(names), std::move(columns)));
  if (options.check_key &&
      CheckKeyColumn(ctx, table, body, first_line, SkippedRecords(chunks), report) > 0) {
    return DataFailure(*report);
  }
  report->rows = table.num_rows();
  return table;
}

}  // namespace

Result<Table> ReadCsvBuffer(std::string_view data, const Schema& schema, const CsvOptions& options,
                            CsvReport* report) {
  CsvReport local;
  std::string file = options.display_name.empty() ? "<buffer>" : options.display_name;
  if (options.encoding != TextEncoding::kUtf8) {
    std::string converted = ToUtf8(data, options.encoding);
    return ReadImpl(converted, file, schema, options, report ? report : &local, false);
  }
  return ReadImpl(data, file, schema, options, report ? report : &local, false);
}

Result<Table> ReadCsv(const std::string& path, const Schema& schema, const CsvOptions& options,
                      CsvReport* report) {
  SEGC_TRY(FileData file, FileData::Read(path, options.encoding, options.hash_file));
  CsvReport local;
  if (report == nullptr) report = &local;
  std::string name = options.display_name.empty() ? path : options.display_name;
  Result<Table> table = ReadImpl(file.view(), name, schema, options, report, file.mapped());
  // Inflated or converted text is not the file's bytes: Read hashed those as stored.
  if (file.stored_hash()) report->file_hash = file.stored_hash();
  return table;
}

}  // namespace segc::rt
