// Schema preparation, delimiter detection, header parsing and decimal-comma detection.
#include "runtime/io/csv_header.h"

#include <fmt/format.h>

#include <cctype>
#include <string>
#include <utility>

#include "runtime/io/csv_scan.h"
#include "runtime/io/csv_whitespace.h"

namespace segc::rt {

Status PrepareContext(const Schema& schema, const CsvOptions& options, CsvContext* ctx) {
  ctx->schema = &schema;
  ctx->null_tokens = options.null_tokens;
  ctx->max_errors = std::max(1, options.max_errors);
  ctx->keep_rejects = !options.rejects_path.empty() || options.skip_bad_rows;
  ctx->date_formats.clear();
  ctx->number_formats.clear();
  ctx->bool_tokens.clear();
  ctx->enum_codes.assign(schema.columns.size(), StringMap());
  for (size_t i = 0; i < schema.columns.size(); ++i) {
    const ColumnSpec& spec = schema.columns[i];
    if (schema.FindColumn(spec.name) != int(i)) {
      return Status::InvalidArgument(fmt::format("schema declares column '{}' twice", spec.name));
    }
    SEGC_TRY(DateFormat f, DateFormat::Compile(spec.date_format));
    ctx->date_formats.push_back(std::move(f));
    NumberFormat number;
    if (spec.type == ColumnType::kFloat && !spec.number_format.empty()) {
      SEGC_TRY(number, NumberFormat::FromExample(spec.number_format));
    }
    ctx->number_formats.push_back(std::move(number));
    std::pair<std::string, std::string> tokens;
    if (spec.type == ColumnType::kBool && !spec.bool_tokens.empty()) {
      SEGC_RETURN_IF_ERROR(ValidateBoolTokens(spec.bool_tokens));
      size_t slash = spec.bool_tokens.find('/');
      tokens = {spec.bool_tokens.substr(0, slash), spec.bool_tokens.substr(slash + 1)};
    }
    ctx->bool_tokens.push_back(std::move(tokens));
    for (size_t k = 0; spec.type == ColumnType::kEnum && k < spec.enum_values.size(); ++k) {
      if (ctx->enum_codes[i].Insert(spec.enum_values[k], int32_t(k)) != int32_t(k)) {
        return Status::InvalidArgument(
            fmt::format("enum column '{}' lists '{}' twice", spec.name, spec.enum_values[k]));
      }
    }
  }
  return Status::Ok();
}

char DetectDelimiter(std::string_view data) {
  if (LooksWhitespaceSeparated(data)) return kWhitespaceDelimiter;
  const char candidates[] = {',', ';', '\t', '|'};
  int64_t counts[4] = {0, 0, 0, 0};
  bool in_quotes = false;
  for (char c : data) {
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    if (c == '\n') break;
    for (int k = 0; k < 4; ++k) counts[k] += c == candidates[k];
  }
  int best = 0;
  for (int k = 1; k < 4; ++k) {
    if (counts[k] > counts[best]) best = k;
  }
  return candidates[best];
}

namespace {

DataError HeaderError(const CsvContext& ctx, DataErrorKind kind, int column, std::string message) {
  DataError e;
  e.file = ctx.file;
  e.line = 1;
  e.column = column;
  e.column_name = column > 0 && size_t(column) <= ctx.header.size() ? ctx.header[column - 1] : "";
  e.message = std::move(message);
  e.kind = kind;
  return e;
}

// A column name as people vary it between exports: lower case, no accents (French letters),
// no surrounding spaces, and ' ', '-', '.' read as '_'.
std::string LooseName(std::string_view name) {
  static constexpr std::pair<std::string_view, char> kAccents[] = {
      {"\u00e0", 'a'}, {"\u00e2", 'a'}, {"\u00e4", 'a'}, {"\u00e7", 'c'}, {"\u00e8", 'e'},
      {"\u00e9", 'e'}, {"\u00ea", 'e'}, {"\u00eb", 'e'}, {"\u00ee", 'i'}, {"\u00ef", 'i'},
      {"\u00f4", 'o'}, {"\u00f6", 'o'}, {"\u00f9", 'u'}, {"\u00fb", 'u'}, {"\u00fc", 'u'},
      {"\u00c0", 'a'}, {"\u00c2", 'a'}, {"\u00c7", 'c'}, {"\u00c8", 'e'}, {"\u00c9", 'e'},
      {"\u00ca", 'e'}, {"\u00ce", 'i'}, {"\u00d4", 'o'}, {"\u00d9", 'u'}, {"\u00db", 'u'}};
  size_t first = name.find_first_not_of(" \t");
  size_t last = name.find_last_not_of(" \t");
  if (first == std::string_view::npos) return "";
  name = name.substr(first, last - first + 1);
  std::string out;
  for (size_t i = 0; i < name.size();) {
    bool replaced = false;
    for (const auto& [accented, plain] : kAccents) {
      if (name.substr(i, accented.size()) == accented) {
        out += plain;
        i += accented.size();
        replaced = true;
        break;
      }
    }
    if (replaced) continue;
    char c = name[i++];
    out +=
        c == ' ' || c == '-' || c == '.' ? '_' : char(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// " (the file has 'Prénom ': ...)" when a header name that matched no declared column is
// `name` spelt differently (case, accents, spaces, separators); else "".
std::string SimilarHeaderNote(const CsvContext& ctx, const std::string& name) {
  const std::string wanted = LooseName(name);
  for (size_t i = 0; i < ctx.header.size(); ++i) {
    if (ctx.file_to_schema[i] >= 0 || LooseName(ctx.header[i]) != wanted) continue;
    return fmt::format(
        " (the file has '{}': rename the column in the file, or declare it as `{}` in the "
        "schema)",
        EscapeForMessage(ctx.header[i]), EscapeForMessage(ctx.header[i]));
  }
  return "";
}

void MapHeader(CsvContext* ctx, std::vector<DataError>* errors) {
  const Schema& schema = *ctx->schema;
  ctx->file_to_schema.assign(ctx->header.size(), -1);
  std::vector<bool> seen(schema.columns.size());
  for (size_t i = 0; i < ctx->header.size(); ++i) {
    const std::string& name = ctx->header[i];
    if (!IsValidUtf8(name)) {
      errors->push_back(HeaderError(*ctx, DataErrorKind::kInvalidUtf8, int(i) + 1,
                                    fmt::format("invalid UTF-8 in column name '{}'{}",
                                                EscapeForMessage(name), kNotUtf8Hint)));
    }
    int col = schema.FindColumn(name);
    if (col < 0) continue;
    if (seen[col]) {
      errors->push_back(HeaderError(*ctx, DataErrorKind::kDuplicateColumn, int(i) + 1,
                                    fmt::format("column '{}' appears twice in the header", name)));
      continue;
    }
    seen[col] = true;
    ctx->file_to_schema[i] = col;
  }
  // A header of numbers is a file without one: say so once, on the first missing column.
  std::string note = LooksLikeDataRow(ctx->header)
                         ? " (the first line looks like data: the file needs a header row "
                           "naming the columns)"
                         : "";
  for (size_t c = 0; c < schema.columns.size(); ++c) {
    if (seen[c]) continue;
    const ColumnSpec& spec = schema.columns[c];
    errors->push_back(
        HeaderError(*ctx, DataErrorKind::kMissingColumn, 0,
                    fmt::format("missing column '{}' ({}) declared in table '{}'{}{}", spec.name,
                                ColumnTypeName(spec.type), schema.table_name, note,
                                SimilarHeaderNote(*ctx, spec.name))));
    note.clear();
  }
}

}  // namespace

int64_t ParseHeader(std::string_view data, CsvContext* ctx, std::vector<DataError>* errors) {
  const char* begin = data.data();
  const char* end = begin + data.size();
  const char* p = begin;
  std::string scratch;
  ctx->header.clear();
  while (true) {
    RawField f;
    FieldEnd how;
    p = ScanField(p, end, ctx->delimiter, &f, &how);
    if (how >= FieldEnd::kUnterminated) {
      errors->push_back(HeaderError(*ctx, DataErrorKind::kStrayQuote, int(ctx->header.size()) + 1,
                                    "malformed quoting in the header row"));
      int64_t lines = 0;
      return FindRecordEnd(begin, end, &lines) - begin;
    }
    ctx->header.emplace_back(f.has_escapes ? Unescape(f.text, &scratch) : f.text);
    if (how == FieldEnd::kRecordEnd) break;
    if (p == end) {
      ctx->header.emplace_back();
      break;
    }
  }
  MapHeader(ctx, errors);
  return p - begin;
}

Status NarrowContext(const std::vector<std::string>& columns, CsvContext* ctx, Schema* narrowed) {
  const Schema& schema = *ctx->schema;
  std::vector<bool> keep(schema.columns.size(), false);
  for (const std::string& name : columns) {
    const int col = schema.FindColumn(name);
    if (col < 0) {
      return Status::InvalidArgument(fmt::format(
          "column '{}' to parse is not declared in table '{}'", name, schema.table_name));
    }
    keep[size_t(col)] = true;
  }
  narrowed->table_name = schema.table_name;
  narrowed->key = schema.key;
  narrowed->columns.clear();
  std::vector<int> remap(schema.columns.size(), -1);
  std::vector<DateFormat> date_formats;
  std::vector<NumberFormat> number_formats;
  std::vector<std::pair<std::string, std::string>> bool_tokens;
  std::vector<StringMap> enum_codes;
  for (size_t c = 0; c < schema.columns.size(); ++c) {
    if (!keep[c]) continue;
    remap[c] = int(narrowed->columns.size());
    narrowed->columns.push_back(schema.columns[c]);
    date_formats.push_back(std::move(ctx->date_formats[c]));
    number_formats.push_back(std::move(ctx->number_formats[c]));
    bool_tokens.push_back(std::move(ctx->bool_tokens[c]));
    enum_codes.push_back(std::move(ctx->enum_codes[c]));
  }
  for (int& col : ctx->file_to_schema) col = col >= 0 ? remap[size_t(col)] : -1;
  ctx->date_formats = std::move(date_formats);
  ctx->number_formats = std::move(number_formats);
  ctx->bool_tokens = std::move(bool_tokens);
  ctx->enum_codes = std::move(enum_codes);
  ctx->schema = narrowed;
  return Status::Ok();
}

namespace {
// "12,5" / "-3,25": digits, one comma, digits.
bool LooksDecimalComma(std::string_view s) {
  if (!s.empty() && s[0] == '-') s.remove_prefix(1);
  size_t comma = s.find(',');
  if (comma == 0 || comma == std::string_view::npos || comma + 1 == s.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i != comma && (s[i] < '0' || s[i] > '9')) return false;
  }
  return true;
}
}  // namespace

bool DetectDecimalComma(std::string_view body, const CsvContext& ctx) {
  constexpr int kSampleRecords = 1000;
  const char* p = body.data();
  const char* end = p + body.size();
  bool comma = false;
  for (int r = 0; r < kSampleRecords && p < end; ++r) {
    for (size_t field = 0;; ++field) {
      RawField f;
      FieldEnd how;
      p = ScanField(p, end, ctx.delimiter, &f, &how);
      if (how >= FieldEnd::kUnterminated) return comma;
      int col = field < ctx.file_to_schema.size() ? ctx.file_to_schema[field] : -1;
      if (col >= 0 && ctx.schema->columns[col].type == ColumnType::kFloat) {
        std::string_view v = TrimBlanks(f.text);
        if (v.find('.') != std::string_view::npos) return false;
        comma = comma || LooksDecimalComma(v);
      }
      if (how == FieldEnd::kRecordEnd || p == end) break;
    }
  }
  return comma;
}

}  // namespace segc::rt
