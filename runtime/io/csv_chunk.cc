// ChunkParser: splits records into fields and converts them into typed per-column vectors.
#include "runtime/io/csv_chunk.h"

#include <fmt/format.h>

#include <algorithm>

#include "runtime/io/csv_scan.h"
#include "runtime/io/file_data.h"

namespace segc::rt {
namespace {

class ChunkParser {
 public:
  ChunkParser(const CsvContext& ctx, const char* begin, const char* end, int64_t line,
              int64_t max_records, ChunkResult* out)
      : ctx_(ctx), begin_(begin), end_(end), line_(line), out_(*out) {
    scratch_.resize(ctx.header.size());
    ends_.resize(ctx.header.size());
    if (out_.columns.empty()) {
      out_.columns.resize(ctx.schema->columns.size());
      Reserve(max_records >= 0 ? max_records : EstimateRows());
    } else {
      ReserveBits(max_records);
    }
  }

  void Run() {
    const char* p = begin_;
    const char* released = begin_;
    while (p < end_) {
      if ((ctx_.release_input || ctx_.hashes) && p - released > kReleaseStride) {
        Passed(released, p);
        released = p;
      }
      if (*p == '\n' || (*p == '\r' && (p + 1 == end_ || p[1] == '\n'))) {
        p += *p == '\n' ? 1 : std::min<ptrdiff_t>(2, end_ - p);  // blank line: skipped
        ++line_;
        continue;
      }
      p = ParseRecord(p);
    }
    Passed(released, end_);
  }

 private:
  // The bytes [from, to) are parsed: hash the blocks they complete (while the pages are still
  // mapped and recent), then release the pages of a mapped file.
  void Passed(const char* from, const char* to) {
    if (ctx_.hashes != nullptr) ctx_.hashes->HashWithin(begin_, to);
    if (ctx_.release_input) ReleaseMappedPages(from, to);
  }
  int64_t EstimateRows() const;
  void Reserve(int64_t rows);
  void ReserveBits(int64_t rows);
  const char* ParseRecord(const char* start);
  const char* ScanFields(const char* start, int64_t line, bool* ok);
  const char* ParsePlainRecord(const char* start, const char* stop);
  void FinishRecord(const char* start, const char* stop, int64_t line);
  void Convert(int schema_col, int file_col, const RawField& f);
  bool ConvertString(ColumnChunk& col, std::string_view s, bool in_scratch);
  void AddError(DataErrorKind kind, int64_t line, int file_col, std::string_view value,
                std::string message);
  void FieldError(DataErrorKind kind, int file_col, int schema_col, std::string_view value);
  void Reject(const char* start, const char* stop, int64_t line, DataErrorKind kind);
  void Truncate();
  std::string FieldName(size_t file_col) const {
    return file_col < ctx_.header.size() ? ctx_.header[file_col]
                                         : fmt::format("field {}", file_col + 1);
  }

  const CsvContext& ctx_;
  const char* begin_;
  const char* end_;
  int64_t line_;
  ChunkResult& out_;
  std::vector<RawField> fields_;
  std::vector<const char*> ends_;  ///< field terminators found by ScanPlainRecord
  std::vector<std::string> scratch_;
  int64_t record_line_ = 0;
  bool row_bad_ = false;
  DataErrorKind first_kind_ = DataErrorKind::kBadInt;
};

// Rows in the chunk, extrapolated from the newlines in its first 64 KiB (+10%). Reserving
// avoids regrowing the vectors, whose fresh pages the kernel would zero again each time.
int64_t ChunkParser::EstimateRows() const {
  const int64_t size = end_ - begin_;
  if (size == 0) return 0;
  const int64_t sample = std::min<int64_t>(size, 1 << 16);
  const int64_t lines = std::count(begin_, begin_ + sample, '\n') + 1;
  return size / sample * lines + lines / 10 + 16;
}

void ChunkParser::Reserve(int64_t rows) {
  ReserveBits(rows);
  for (size_t i = 0; i < out_.columns.size(); ++i) {
    ColumnChunk& c = out_.columns[i];
    switch (ctx_.schema->columns[i].type) {
      case ColumnType::kInt:
        c.i64.reserve(size_t(rows));
        break;
      case ColumnType::kFloat:
        c.f64.reserve(size_t(rows));
        break;
      case ColumnType::kBool:
        break;
      default:
        c.i32.reserve(size_t(rows));
        break;
    }
  }
}

// The bit arrays are chunk-local (packed bits cannot start at an arbitrary row of a shared
// buffer without racing on the boundary words); the merge ORs them into the final bitmaps.
void ChunkParser::ReserveBits(int64_t rows) {
  for (size_t i = 0; i < out_.columns.size(); ++i) {
    ColumnChunk& c = out_.columns[i];
    c.valid.reserve(size_t(rows));
    if (ctx_.schema->columns[i].type == ColumnType::kBool) c.bits.reserve(size_t(rows));
  }
}

const char* ChunkParser::ScanFields(const char* start, int64_t line, bool* ok) {
  fields_.clear();
  const char* p = start;
  *ok = true;
  while (true) {
    RawField f;
    FieldEnd how;
    p = ScanField(p, end_, ctx_.delimiter, &f, &how);
    if (how >= FieldEnd::kUnterminated) {
      int col = int(fields_.size());
      std::string name = FieldName(col);
      std::string message =
          how == FieldEnd::kUnterminated
              ? fmt::format(
                    "unterminated quoted field in column '{}' (no closing quote before "
                    "the end of the file)",
                    name)
          : how == FieldEnd::kStrayQuote
              ? fmt::format(
                    "quote inside an unquoted field in column '{}' (quote the whole "
                    "field and double the inner quote)",
                    name)
              : fmt::format("unexpected character after the closing quote in column '{}'", name);
      DataErrorKind kind = how == FieldEnd::kUnterminated ? DataErrorKind::kUnterminatedQuote
                                                          : DataErrorKind::kStrayQuote;
      AddError(kind, line, col, "", std::move(message));
      *ok = false;
      return p;
    }
    fields_.push_back(f);
    if (how == FieldEnd::kRecordEnd) break;
    if (p == end_) {  // "a,b," at end of input: a final empty field
      fields_.push_back(RawField{});
      break;
    }
  }
  return p;
}

// Converts the fields of a record that ScanPlainRecord split (ends_), ending at `stop`.
const char* ChunkParser::ParsePlainRecord(const char* start, const char* stop) {
  const int64_t line = line_++;
  row_bad_ = false;
  const int n = int(ends_.size());
  const char* field = start;
  for (int i = 0; i < n; ++i) {
    const char* fe = ends_[i];
    const int schema_col = ctx_.file_to_schema[i];
    if (schema_col >= 0) {
      RawField f;
      f.text = std::string_view(field, size_t(fe - field));
      if (i == n - 1 && fe > field && fe[-1] == '\r') f.text.remove_suffix(1);
      Convert(schema_col, i, f);
    }
    field = fe + 1;
  }
  FinishRecord(start, stop, line);
  return stop;
}

void ChunkParser::FinishRecord(const char* start, const char* stop, int64_t line) {
  if (row_bad_) {
    Truncate();
    Reject(start, stop, line, first_kind_);
  } else {
    ++out_.rows;
  }
}

const char* ChunkParser::ParseRecord(const char* start) {
  ++out_.records;
  const int64_t line = line_;
  record_line_ = line;
  if (const char* stop =
          ScanPlainRecord(start, end_, ctx_.delimiter, ends_.data(), int(ends_.size()))) {
    return ParsePlainRecord(start, stop);
  }
  bool ok;
  const char* p = ScanFields(start, line, &ok);
  if (!ok) {
    p = FindRecordEnd(start, end_, &line_);
    Reject(start, p, line, first_kind_);
    return p;
  }
  for (const RawField& f : fields_) line_ += f.newlines;
  ++line_;
  if (fields_.size() != ctx_.header.size()) {
    // Point at the first field that is missing or extra, so the user sees where the row breaks.
    const size_t at = std::min(fields_.size(), ctx_.header.size());
    const bool short_row = fields_.size() < ctx_.header.size();
    AddError(DataErrorKind::kRaggedRow, line, int(at), "",
             fmt::format("expected {} fields, found {}{}", ctx_.header.size(), fields_.size(),
                         short_row ? fmt::format(" (column '{}' is missing)", ctx_.header[at])
                                   : std::string(" (extra fields at the end of the row)")));
    Reject(start, p, line, DataErrorKind::kRaggedRow);
    return p;
  }
  row_bad_ = false;
  for (size_t i = 0; i < fields_.size(); ++i) {
    int schema_col = ctx_.file_to_schema[i];
    if (schema_col >= 0) Convert(schema_col, int(i), fields_[i]);
  }
  FinishRecord(start, p, line);
  return p;
}

void ChunkParser::Convert(int schema_col, int file_col, const RawField& f) {
  ColumnChunk& col = out_.columns[schema_col];
  const ColumnSpec& spec = ctx_.schema->columns[schema_col];
  std::string_view s = f.has_escapes ? Unescape(f.text, &scratch_[file_col]) : f.text;
  const bool has_nul = f.has_nul;
  const auto [v, null] = ReadFieldText(ctx_, spec.type, s, f.quoted, has_nul);
  col.valid.push_back(!null);
  bool ok = true;
  DataErrorKind kind = DataErrorKind::kBadInt;
  switch (spec.type) {
    case ColumnType::kInt: {
      int64_t x = 0;
      ok = null || ParseInt64(v, &x);
      col.i64.push_back(x);
      break;
    }
    case ColumnType::kFloat: {
      double x = 0;
      FloatParse r = null ? FloatParse::kOk : ParseFloatField(ctx_, schema_col, v, &x);
      ok = r == FloatParse::kOk;
      kind =
          r == FloatParse::kNonFinite ? DataErrorKind::kNonFiniteFloat : DataErrorKind::kBadFloat;
      col.f64.push_back(ok ? x : 0.0);
      break;
    }
    case ColumnType::kBool: {
      bool x = v == "true";
      ok = null || ParseBoolField(ctx_, schema_col, v, &x);
      kind = DataErrorKind::kBadBool;
      col.bits.push_back(x);
      break;
    }
    case ColumnType::kDate: {
      std::optional<int32_t> d =
          null ? std::optional<int32_t>(0) : ctx_.date_formats[schema_col].Parse(v);
      ok = d.has_value();
      kind = DataErrorKind::kBadDate;
      col.i32.push_back(d.value_or(0));
      break;
    }
    case ColumnType::kString:
      if (null)
        col.i32.push_back(col.null_code);
      else
        ok = ConvertString(col, v, f.has_escapes);
      kind = DataErrorKind::kInvalidUtf8;
      break;
    case ColumnType::kEnum: {
      int32_t code = null ? 0 : ctx_.enum_codes[schema_col].Find(v);
      ok = code >= 0;
      kind = DataErrorKind::kNotInEnum;
      col.i32.push_back(ok ? code : 0);
      break;
    }
  }
  if (has_nul)
    FieldError(DataErrorKind::kNulByte, file_col, schema_col, s);
  else if (!ok)
    FieldError(kind, file_col, schema_col, v);
}

bool ChunkParser::ConvertString(ColumnChunk& col, std::string_view s, bool in_scratch) {
  int32_t code = col.dict_map.Find(s);
  if (code < 0) {
    if (!IsValidUtf8(s)) {
      col.i32.push_back(0);
      return false;
    }
    if (in_scratch) s = out_.owned.emplace_back(s);
    code = int32_t(col.dict.size());
    col.dict_map.Insert(s, code);
    col.dict.push_back(s);
  }
  col.i32.push_back(code);
  return true;
}

void ChunkParser::FieldError(DataErrorKind kind, int file_col, int schema_col,
                             std::string_view value) {
  const ColumnSpec& spec = ctx_.schema->columns[schema_col];
  const std::string& fmt_text = spec.type == ColumnType::kFloat
                                    ? ctx_.number_formats[schema_col].text()
                                    : ctx_.date_formats[schema_col].text();
  AddError(kind, record_line_, file_col, value, FieldErrorMessage(kind, spec, value, fmt_text));
}

void ChunkParser::AddError(DataErrorKind kind, int64_t line, int file_col, std::string_view value,
                           std::string message) {
  if (!row_bad_) first_kind_ = kind;
  row_bad_ = true;
  ++out_.error_count;
  if (int64_t(out_.errors.size()) >= ctx_.max_errors) return;
  DataError e;
  e.file = ctx_.file;
  e.line = line;
  e.record = out_.records;
  e.column = file_col + 1;
  e.column_name = file_col >= 0 ? FieldName(size_t(file_col)) : "";
  e.value = EscapeForMessage(value);
  e.message = std::move(message);
  e.kind = kind;
  out_.errors.push_back(std::move(e));
}

void ChunkParser::Reject(const char* start, const char* stop, int64_t line, DataErrorKind kind) {
  row_bad_ = false;
  if (!ctx_.keep_rejects) return;
  std::string_view text(start, size_t(stop - start));
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  out_.rejects.push_back({line, out_.records, kind, text});
}

void ChunkParser::Truncate() {
  const size_t n = size_t(out_.rows);
  for (ColumnChunk& c : out_.columns) {
    c.valid.resize(std::min(c.valid.size(), n));
    c.i64.resize(std::min(c.i64.size(), n));
    c.f64.resize(std::min(c.f64.size(), n));
    c.i32.resize(std::min(c.i32.size(), n));
    c.bits.resize(std::min(c.bits.size(), n));
  }
}

}  // namespace

void ParseChunk(const CsvContext& ctx, const char* begin, const char* end, int64_t first_line,
                int64_t max_records, ChunkResult* out) {
  ChunkParser(ctx, begin, end, first_line, max_records, out).Run();
}

}  // namespace segc::rt
