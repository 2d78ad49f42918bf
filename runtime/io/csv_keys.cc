// Key integrity: a KeyIndex when the keys are fine, a listing of every problem when not.
#include "runtime/io/csv_keys.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "runtime/io/csv_scan.h"
#include "segc/key_index.h"

namespace segc::rt {
namespace {

struct RowProblem {
  int64_t row;
  int64_t first_row;  // the row that has the key first; -1 for a null key
};

// Each null key and each repeat of a key, in row order: `*count` of them, the first `keep` kept.
template <typename Key, typename Get>
std::vector<RowProblem> ListProblems(const Column& keys, int keep, int64_t* count, Get get) {
  std::vector<RowProblem> out;
  std::unordered_map<Key, int64_t> seen;
  seen.reserve(size_t(keys.length()));
  *count = 0;
  for (int64_t i = 0; i < keys.length(); ++i) {
    int64_t first = -1;
    if (keys.IsValid(i)) {
      auto [it, fresh] = seen.emplace(get(i), i);
      if (fresh) continue;
      first = it->second;
    }
    if (++*count <= keep) out.push_back({i, first});
  }
  return out;
}

// The 1-based record number of 0-based `row`, when the records `skipped` (sorted) made no row.
int64_t RecordOfRow(int64_t row, const std::vector<int64_t>& skipped) {
  int64_t record = row + 1;
  for (int64_t s : skipped) {
    if (s > record) break;
    ++record;
  }
  return record;
}

// The physical line of each wanted record, splitting records as the chunk parser does: blank
// lines are skipped, and a record ends at the first '\n' outside quotes.
std::unordered_map<int64_t, int64_t> RecordLines(std::string_view body, int64_t line,
                                                 std::vector<int64_t> wanted) {
  std::sort(wanted.begin(), wanted.end());
  std::unordered_map<int64_t, int64_t> lines;
  const char* p = body.data();
  const char* end = p + body.size();
  size_t next = 0;
  for (int64_t record = 0; p < end && next < wanted.size();) {
    if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] == '\n'))) {
      p += *p == '\n' ? 1 : std::min<ptrdiff_t>(2, end - p);
      ++line;
      continue;
    }
    ++record;
    for (; next < wanted.size() && wanted[next] == record; ++next) lines[record] = line;
    p = FindRecordEnd(p, end, &line);
  }
  return lines;
}

int KeyFileColumn(const CsvContext& ctx, int schema_col) {
  for (size_t i = 0; i < ctx.file_to_schema.size(); ++i) {
    if (ctx.file_to_schema[i] == schema_col) return int(i) + 1;
  }
  return 0;
}

std::vector<RowProblem> FindProblems(const Column& keys, int keep, int64_t* count) {
  if (keys.type() == ColumnType::kInt) {
    return ListProblems<int64_t>(keys, keep, count, [&](int64_t i) { return keys.Int64(i); });
  }
  return ListProblems<std::string_view>(keys, keep, count,
                                        [&](int64_t i) { return keys.String(i); });
}

}  // namespace

int64_t CheckKeyColumn(const CsvContext& ctx, const Table& table, std::string_view body,
                       int64_t first_line, const std::vector<int64_t>& skipped_records,
                       CsvReport* report) {
  const Schema& schema = *ctx.schema;
  const int col = schema.FindColumn(schema.key);
  if (col < 0) return 0;
  const ColumnType type = schema.columns[col].type;
  if (type != ColumnType::kInt && type != ColumnType::kString && type != ColumnType::kEnum) {
    return 0;
  }
  const Column& keys = table.column(col);
  if (KeyIndex::Build(keys).ok()) return 0;
  int64_t count = 0;
  std::vector<RowProblem> problems = FindProblems(keys, ctx.max_errors, &count);
  std::vector<int64_t> records;
  for (const RowProblem& p : problems) {
    records.push_back(RecordOfRow(p.row, skipped_records));
    if (p.first_row >= 0) records.push_back(RecordOfRow(p.first_row, skipped_records));
  }
  std::unordered_map<int64_t, int64_t> lines = RecordLines(body, first_line, records);
  for (const RowProblem& p : problems) {
    DataError e;
    e.file = ctx.file;
    e.record = RecordOfRow(p.row, skipped_records);
    e.line = lines[e.record];
    e.column = KeyFileColumn(ctx, col);
    e.column_name = schema.key;
    if (p.first_row < 0) {
      e.kind = DataErrorKind::kEmptyKey;
      e.message = fmt::format("empty key in column '{}' (every row needs one)", schema.key);
    } else {
      e.kind = DataErrorKind::kDuplicateKey;
      e.value = EscapeForMessage(KeyText(keys, p.row));
      e.message = fmt::format("duplicate key '{}' in column '{}' on lines {} and {}", e.value,
                              schema.key, lines[RecordOfRow(p.first_row, skipped_records)], e.line);
    }
    report->errors.push_back(std::move(e));
  }
  std::stable_sort(report->errors.begin(), report->errors.end(), [](auto& a, auto& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  if (int64_t(report->errors.size()) > ctx.max_errors) report->errors.resize(ctx.max_errors);
  report->total_errors += count;
  return count;
}

}  // namespace segc::rt
