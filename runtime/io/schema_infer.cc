// InferSchema: column types from a sample of records (see segc/schema_infer.h for the rules).
#include "segc/schema_infer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <set>
#include <unordered_map>

#include "runtime/io/csv_header.h"
#include "runtime/io/csv_scan.h"
#include "runtime/io/csv_whitespace.h"
#include "runtime/io/file_data.h"
#include "runtime/io/number_format.h"
#include "runtime/io/value_parse.h"

namespace segc::rt {
namespace {

// What the sampled values of one column are compatible with.
struct ColumnEvidence {
  int64_t values = 0;
  bool is_int = true, is_float = true, is_comma_float = true, is_bool = true;
  bool only_01 = true, is_iso_date = true, is_dmy_date = true, is_ymd_date = true;
  // A value a number would change: digits with a leading zero (postcode 01000) or a leading
  // '+' (phone +33612345678). Such columns are codes, kept as strings (but ids: see Decide).
  bool is_code = false;
  std::vector<bool> in_format;     // per kNumberFormats entry: every value reads in it
  std::set<std::string> distinct;  // capped at max_enum_values + 1
  // Key detection: the line of each value (ints normalised: 007 is 7), until the first repeat
  // or empty value, which `not_unique` then describes.
  std::unordered_map<std::string, int64_t> lines;
  std::string not_unique;
};

// Number formats of French, other European and US exports, most specific first: a column of
// amounts like "1 234,50 €" is a float("1 234,56 €").
constexpr std::string_view kNumberFormats[] = {"1 234,56 €", "1.234,56 €", "$1,234.56", "1 234,56",
                                               "1.234,56",   "1,234.56",   "12,5%",     "12.5%"};

struct Formats {
  std::vector<NumberFormat> numbers = [] {
    std::vector<NumberFormat> out;
    for (std::string_view example : kNumberFormats) {
      out.push_back(NumberFormat::FromExample(example).value());
    }
    return out;
  }();
  DateFormat iso = DateFormat::Compile("").value();
  DateFormat dmy = DateFormat::Compile("%d/%m/%Y").value();
  DateFormat ymd = DateFormat::Compile("%Y%m%d").value();
};

// YYYYMMDD: exactly 8 digits forming a valid date in 1900-2100 (so 8-digit amounts or codes
// rarely qualify, and never all of a column's values).
bool IsCompactDate(std::string_view v, const DateFormat& ymd) {
  if (v.size() != 8) return false;
  for (char c : v) {
    if (c < '0' || c > '9') return false;
  }
  const int year = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
  return year >= 1900 && year <= 2100 && ymd.Parse(v).has_value();
}

bool LooksLikeKey(std::string_view name) {
  return name == "id" || (name.size() > 3 && name.substr(name.size() - 3) == "_id");
}

// Tracks whether the column's values could be keys: present and distinct.
void ObserveKey(ColumnEvidence& e, std::string_view v, int64_t line) {
  if (!e.not_unique.empty()) return;
  if (v.empty()) {
    e.not_unique = fmt::format("empty on line {}", line);
    e.lines.clear();
    return;
  }
  int64_t i;
  std::string key = ParseInt64(v, &i) ? std::to_string(i) : std::string(v);
  auto [it, fresh] = e.lines.emplace(key, line);
  if (fresh) return;
  e.not_unique =
      fmt::format("'{}' repeats (lines {} and {})", EscapeForMessage(v), it->second, line);
  e.lines.clear();
}

void Observe(ColumnEvidence& e, std::string_view raw, int64_t line, int max_enum,
             const Formats& f) {
  std::string_view v = TrimBlanks(raw);
  ObserveKey(e, v, line);
  if (v.empty()) return;
  ++e.values;
  int64_t i;
  double d;
  bool b;
  e.is_int = e.is_int && ParseInt64(v, &i);
  e.is_float = e.is_float && ParseFloat64(v, false, &d) == FloatParse::kOk;
  e.is_comma_float = e.is_comma_float && ParseFloat64(v, true, &d) == FloatParse::kOk;
  e.is_bool = e.is_bool && ParseBool(v, &b);
  e.only_01 = e.only_01 && (v == "0" || v == "1");
  bool digits = v.find_first_not_of("0123456789", v[0] == '+' ? 1 : 0) == std::string_view::npos;
  e.is_code = e.is_code || (digits && v.size() > 1 && (v[0] == '0' || v[0] == '+'));
  e.is_iso_date = e.is_iso_date && f.iso.Parse(v).has_value();
  e.is_dmy_date = e.is_dmy_date && f.dmy.Parse(v).has_value();
  e.is_ymd_date = e.is_ymd_date && IsCompactDate(v, f.ymd);
  if (e.in_format.empty()) e.in_format.assign(f.numbers.size(), true);
  for (size_t k = 0; k < f.numbers.size(); ++k) {
    e.in_format[k] = e.in_format[k] && f.numbers[k].Parse(v, &d) == FloatParse::kOk;
  }
  if (int(e.distinct.size()) <= max_enum) e.distinct.emplace(raw);
}

size_t FirstFormat(const ColumnEvidence& e) {
  for (size_t k = 0; k < e.in_format.size(); ++k) {
    if (e.in_format[k]) return k;
  }
  return std::size(kNumberFormats);
}

ColumnSpec Decide(const std::string& name, const ColumnEvidence& e, bool comma_ok, int max_enum) {
  ColumnSpec spec{name, ColumnType::kString, {}, ""};
  // Zero-padded identifiers (CDNOW's customer_id 00001) stay numbers: keys are compared, not
  // shown, and the events of customer 00001 must meet customer 1.
  if (e.values == 0 || (e.is_code && !LooksLikeKey(name))) return spec;
  if (e.is_int && e.is_ymd_date && !LooksLikeKey(name))
    spec.type = ColumnType::kDate, spec.date_format = "%Y%m%d";
  else if (e.is_int)
    spec.type = ColumnType::kInt;
  else if (e.is_bool && !e.only_01)
    spec.type = ColumnType::kBool;
  else if (e.is_float || (comma_ok && e.is_comma_float))
    spec.type = ColumnType::kFloat;
  else if (size_t k = FirstFormat(e); k < std::size(kNumberFormats))
    spec.type = ColumnType::kFloat, spec.number_format = std::string(kNumberFormats[k]);
  else if (e.is_iso_date)
    spec.type = ColumnType::kDate;
  else if (e.is_dmy_date)
    spec.type = ColumnType::kDate, spec.date_format = "%d/%m/%Y";
  else if (int(e.distinct.size()) <= max_enum && e.values >= 2 * int64_t(e.distinct.size())) {
    spec.type = ColumnType::kEnum;
    spec.enum_values.assign(e.distinct.begin(), e.distinct.end());
  }
  return spec;
}

// Reads one record's fields (unescaped) into `out`; false on bad quoting.
bool ScanRecord(const char** p, const char* end, char delim, std::vector<std::string>* out) {
  out->clear();
  std::string scratch;
  while (true) {
    RawField f;
    FieldEnd how;
    *p = ScanField(*p, end, delim, &f, &how);
    if (how >= FieldEnd::kUnterminated) return false;
    out->emplace_back(f.has_escapes ? Unescape(f.text, &scratch) : f.text);
    if (how == FieldEnd::kRecordEnd) return true;
    if (*p == end) return out->emplace_back(), true;
  }
}

// Reads one record's fields (unescaped) into `out`; false at end of input or on bad quoting.
// `*line` is the physical line at *p; on return, *record_line is where the record started.
bool NextRecord(const char** p, const char* end, char delim, std::vector<std::string>* out,
                int64_t* line, int64_t* record_line) {
  for (; *p < end && (**p == '\n' || **p == '\r'); ++*p) *line += **p == '\n';  // blank lines
  if (*p >= end) return false;
  *record_line = *line;
  const char* start = *p;
  bool ok = ScanRecord(p, end, delim, out);
  *line += std::count(start, *p, '\n');
  return ok;
}

std::string DefaultTableName(const std::string& path) {
  std::string base = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  base = base.substr(0, base.find('.'));
  // The table name is written in the declaration: characters a name cannot hold become '_'.
  for (char& c : base) {
    if (c == '`' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '_';
  }
  return base.empty() ? "data" : base;
}

// The key: the first id-like column that can be one, else the first int or string one.
void ChooseKey(const std::vector<ColumnEvidence>& evidence, Schema* schema, InferReport* report) {
  for (int pass = 0; pass < 2 && schema->key.empty(); ++pass) {
    for (size_t c = 0; c < evidence.size() && schema->key.empty(); ++c) {
      const ColumnSpec& col = schema->columns[c];
      const bool typed = col.type == ColumnType::kInt || col.type == ColumnType::kString;
      const bool candidate =
          IsWritableName(col.name) && (pass == 0 ? LooksLikeKey(col.name) : typed);
      if (candidate && evidence[c].not_unique.empty() && evidence[c].values > 0) {
        schema->key = col.name;
      }
    }
  }
  if (!schema->key.empty()) return;
  for (size_t c = 0; c < evidence.size() && report->key_problem.empty(); ++c) {
    if (LooksLikeKey(schema->columns[c].name) && !evidence[c].not_unique.empty()) {
      report->key_problem =
          fmt::format("'{}' is not unique: {}", schema->columns[c].name, evidence[c].not_unique);
    }
  }
  if (report->key_problem.empty() && !evidence.empty()) {
    report->key_problem =
        fmt::format("no int or string column has a distinct value in every row ('{}': {})",
                    schema->columns[0].name, report->not_unique[0]);
  }
}

}  // namespace

Result<Schema> InferSchemaFromBuffer(std::string_view data, const InferOptions& options,
                                     InferReport* report) {
  InferReport local;
  InferReport& r = report != nullptr ? *report : local;
  r = InferReport();
  if (data.size() >= 3 && std::memcmp(data.data(), "\xEF\xBB\xBF", 3) == 0) data.remove_prefix(3);
  if (data.empty()) return Status::DataError("cannot infer a schema from an empty file");
  char delim = options.delimiter ? options.delimiter : DetectDelimiter(data);
  r.delimiter = delim;
  std::string normalized;  // whitespace-separated text, rewritten as tab-separated
  if (delim == kWhitespaceDelimiter) {
    normalized = NormalizeWhitespace(data, 2 * options.sample_rows + 16);
    data = normalized;
    delim = '\t';
  }
  const char* p = data.data();
  const char* end = p + data.size();
  std::vector<std::string> header, fields;
  int64_t line = 1, record_line = 1;
  if (!NextRecord(&p, end, delim, &header, &line, &record_line)) {
    return Status::DataError("malformed header row");
  }
  if (LooksLikeDataRow(header)) {
    std::vector<std::string> names;
    for (size_t c = 0; c < header.size(); ++c) names.push_back(fmt::format("column_{}", c + 1));
    return Status::DataError(fmt::format(
        "the first line looks like data, not a header: its {} fields are all numbers ('{}')\n"
        "  hint: segc needs a first line naming the columns; add one, e.g. '{}'",
        header.size(), EscapeForMessage(fmt::format("{}", fmt::join(header, " "))),
        fmt::join(names, delim == '\t' ? " " : std::string(1, delim))));
  }
  std::vector<ColumnEvidence> evidence(header.size());
  Formats formats;
  for (int64_t n = 0;
       n < options.sample_rows && NextRecord(&p, end, delim, &fields, &line, &record_line); ++n) {
    for (size_t c = 0; c < std::min(fields.size(), header.size()); ++c) {
      Observe(evidence[c], fields[c], record_line, options.max_enum_values, formats);
    }
  }
  Schema schema;
  schema.table_name = options.table_name.empty() ? "data" : options.table_name;
  for (size_t c = 0; c < header.size(); ++c) {
    schema.columns.push_back(Decide(header[c], evidence[c], delim == ';', options.max_enum_values));
    r.not_unique.push_back(evidence[c].values == 0 ? "no values" : evidence[c].not_unique);
  }
  ChooseKey(evidence, &schema, &r);
  return schema;
}

// Whether the start of `data` (up to 4 MiB, cut before a possibly split last character) is
// valid UTF-8.
bool StartsAsUtf8(std::string_view data) {
  constexpr size_t kWindow = 4 << 20;
  if (data.size() > kWindow) data = data.substr(0, kWindow - 3);
  while (!data.empty() && (static_cast<unsigned char>(data.back()) & 0xC0) == 0x80) {
    data.remove_suffix(1);  // continuation bytes of a character the window may have cut
  }
  if (!data.empty() && static_cast<unsigned char>(data.back()) >= 0xC0) data.remove_suffix(1);
  return IsValidUtf8(data);
}

Result<Schema> InferSchema(const std::string& path, const InferOptions& options,
                           InferReport* report) {
  InferReport local;
  InferReport& r = report != nullptr ? *report : local;
  TextEncoding encoding = options.encoding.value_or(TextEncoding::kUtf8);
  SEGC_TRY(FileData file, FileData::Read(path, encoding));
  bool guessed = !options.encoding && !StartsAsUtf8(file.view());
  if (guessed) {  // Excel's "CSV" on Windows: the most common non-UTF-8 source
    encoding = TextEncoding::kWindows1252;
    SEGC_TRY(file, FileData::Read(path, encoding));
  }
  InferOptions o = options;
  if (o.table_name.empty()) o.table_name = DefaultTableName(path);
  Result<Schema> schema = InferSchemaFromBuffer(file.view(), o, &r);
  r.encoding = encoding;
  r.encoding_guessed = guessed;
  return schema;
}

}  // namespace segc::rt
