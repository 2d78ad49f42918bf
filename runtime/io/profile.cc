// ProfileCsv: one sequential pass over a delimited file, counting per column what a data audit
// needs (fill, distinct and top values, min/max, invalid values, key duplicates).
#include "segc/profile.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <type_traits>
#include <unordered_map>

#include "runtime/io/csv_chunk.h"
#include "runtime/io/csv_header.h"
#include "runtime/io/csv_scan.h"
#include "runtime/io/csv_whitespace.h"
#include "runtime/io/file_data.h"

namespace segc::rt {
namespace {

/// How often one value occurs; for the key, where it first occurred and its DuplicateKey.
struct ValueTally {
  int64_t count = 0;
  int64_t first_line = 0;
  int32_t example = -1;  ///< index in KeyProfile::examples, or -1
};

std::string FloatText(double x) { return fmt::format("{}", x); }

/// Characters of UTF-8 text (bytes that do not continue a character).
int64_t Utf8Length(std::string_view s) {
  int64_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

/// The counted values of a map, most frequent first, ties by key (ascending), cut to `top`.
template <typename Key, typename ToText>
std::vector<ValueCount> TopValues(const std::unordered_map<Key, ValueTally>& map, int top,
                                  ToText to_text) {
  std::vector<std::pair<Key, int64_t>> all;
  all.reserve(map.size());
  for (const auto& [key, tally] : map) all.emplace_back(key, tally.count);
  const size_t n = std::min(all.size(), size_t(std::max(top, 0)));
  std::partial_sort(all.begin(), all.begin() + ptrdiff_t(n), all.end(),
                    [](const auto& a, const auto& b) {
                      return a.second != b.second ? a.second > b.second : a.first < b.first;
                    });
  std::vector<ValueCount> out;
  for (size_t i = 0; i < n; ++i) out.push_back({to_text(all[i].first), all[i].second});
  return out;
}

/// The statistics of one column (and, for the key column, its duplicates) as fields arrive.
class ColumnAccumulator {
 public:
  ColumnAccumulator(const CsvContext& ctx, int column, bool is_key, const ProfileOptions& options)
      : ctx_(ctx), column_(column), is_key_(is_key), options_(options) {
    profile_.spec = ctx.schema->columns[size_t(column)];
    if (is_key) key_.column = profile_.spec.name;
  }

  void Observe(std::string_view text, bool quoted, bool has_nul, int64_t line);

  ColumnProfile Finish(int64_t rows);
  KeyProfile FinishKey() { return std::move(key_); }

 private:
  ColumnType type() const { return profile_.spec.type; }
  void Invalid(std::string_view value, int64_t line);
  void CountValue(ValueTally& tally, int64_t line, const std::string& text);
  template <typename Key>
  void Count(std::unordered_map<Key, ValueTally>& map, const Key& key, int64_t line);
  void ObserveText(std::string_view v, int64_t line);
  template <typename T>
  void Extend(std::optional<T>& low, std::optional<T>& high, T x) {
    if (!low || x < *low) low = x;
    if (!high || x > *high) high = x;
  }
  std::string Text(int64_t x) const;

  const CsvContext& ctx_;
  int column_;
  bool is_key_;
  const ProfileOptions& options_;
  ColumnProfile profile_;
  KeyProfile key_;
  std::unordered_map<int64_t, ValueTally> ints_;  ///< int, date (days) and bool (0/1) values
  std::unordered_map<double, ValueTally> floats_;
  std::unordered_map<std::string, ValueTally> texts_;  ///< string and enum values
  std::optional<int64_t> int_min_, int_max_;
  std::optional<double> float_min_, float_max_;
};

void ColumnAccumulator::Invalid(std::string_view value, int64_t line) {
  if (profile_.invalid++ == 0) {
    profile_.first_invalid_line = line;
    profile_.first_invalid_value = EscapeForMessage(value);
  }
}

// The key's duplicates: a value's second record makes it a duplicated key (and an example while
// there is room), every later one adds a duplicate row and, for examples, its line.
void ColumnAccumulator::CountValue(ValueTally& tally, int64_t line, const std::string& text) {
  if (++tally.count == 1) {
    tally.first_line = line;
    return;
  }
  if (!is_key_) return;
  ++key_.duplicate_rows;
  if (tally.count == 2) {
    ++key_.duplicated_keys;
    if (int(key_.examples.size()) < options_.key_examples) {
      tally.example = int32_t(key_.examples.size());
      key_.examples.push_back({text, 0, {tally.first_line}});
    }
  }
  if (tally.example >= 0) {
    DuplicateKey& example = key_.examples[size_t(tally.example)];
    example.count = tally.count;
    if (int(example.lines.size()) < options_.key_example_lines) example.lines.push_back(line);
  }
}

template <typename Key>
void ColumnAccumulator::Count(std::unordered_map<Key, ValueTally>& map, const Key& key,
                              int64_t line) {
  ValueTally& tally = map[key];
  if constexpr (std::is_same_v<Key, std::string>) {
    CountValue(tally, line, key);
  } else if constexpr (std::is_same_v<Key, double>) {
    CountValue(tally, line, is_key_ && tally.count == 1 ? FloatText(key) : std::string());
  } else {
    CountValue(tally, line, is_key_ && tally.count == 1 ? Text(key) : std::string());
  }
}

void ColumnAccumulator::ObserveText(std::string_view v, int64_t line) {
  auto it = texts_.find(std::string(v));
  if (it == texts_.end()) {
    const bool ok = type() == ColumnType::kEnum ? ctx_.enum_codes[size_t(column_)].Find(v) >= 0
                                                : IsValidUtf8(v);
    if (!ok) return Invalid(v, line);
    it = texts_.emplace(std::string(v), ValueTally{}).first;
  }
  CountValue(it->second, line, it->first);
  Extend(profile_.min_length, profile_.max_length, Utf8Length(v));
}

void ColumnAccumulator::Observe(std::string_view s, bool quoted, bool has_nul, int64_t line) {
  const auto [v, null] = ReadFieldText(ctx_, type(), s, quoted, has_nul);
  if (has_nul) {
    ++profile_.filled;
    return Invalid(s, line);
  }
  if (null) {
    if (is_key_ && key_.empty++ == 0) key_.first_empty_line = line;
    return;
  }
  ++profile_.filled;
  switch (type()) {
    case ColumnType::kInt: {
      int64_t x;
      if (!ParseInt64(v, &x)) return Invalid(v, line);
      Extend(int_min_, int_max_, x);
      return Count(ints_, x, line);
    }
    case ColumnType::kFloat: {
      double x;
      if (ParseFloatField(ctx_, column_, v, &x) != FloatParse::kOk) return Invalid(v, line);
      if (x == 0) x = 0;  // -0 and 0 are one value
      Extend(float_min_, float_max_, x);
      return Count(floats_, x, line);
    }
    case ColumnType::kBool: {
      bool x;
      if (!ParseBoolField(ctx_, column_, v, &x)) return Invalid(v, line);
      return Count(ints_, int64_t(x), line);
    }
    case ColumnType::kDate: {
      std::optional<int32_t> d = ctx_.date_formats[size_t(column_)].Parse(v);
      if (!d) return Invalid(v, line);
      Extend(int_min_, int_max_, int64_t(*d));
      return Count(ints_, int64_t(*d), line);
    }
    case ColumnType::kString:
    case ColumnType::kEnum:
      return ObserveText(v, line);
  }
}

std::string ColumnAccumulator::Text(int64_t x) const {
  if (type() == ColumnType::kDate) return FormatIsoDate(int32_t(x));
  if (type() == ColumnType::kBool) return x != 0 ? "true" : "false";
  return std::to_string(x);
}

ColumnProfile ColumnAccumulator::Finish(int64_t rows) {
  profile_.rows = rows;
  const int top = options_.top;
  if (type() == ColumnType::kFloat) {
    profile_.distinct = int64_t(floats_.size());
    profile_.top = TopValues(floats_, top, FloatText);
    if (float_min_) profile_.min = FloatText(*float_min_), profile_.max = FloatText(*float_max_);
  } else if (type() == ColumnType::kString || type() == ColumnType::kEnum) {
    profile_.distinct = int64_t(texts_.size());
    profile_.top = TopValues(texts_, top, [](const std::string& s) { return s; });
  } else {
    profile_.distinct = int64_t(ints_.size());
    profile_.top = TopValues(ints_, top, [this](int64_t x) { return Text(x); });
    if (int_min_ && type() != ColumnType::kBool) {
      profile_.min = Text(*int_min_), profile_.max = Text(*int_max_);
    }
  }
  if (is_key_) key_.distinct = profile_.distinct;
  return std::move(profile_);
}

/// Reads the records of a file body one by one and hands each field to its column.
class Profiler {
 public:
  Profiler(const CsvContext& ctx, const ProfileOptions& options, int key_column, bool release)
      : ctx_(ctx), options_(options), release_(release) {
    for (size_t c = 0; c < ctx.schema->columns.size(); ++c) {
      columns_.emplace_back(ctx, int(c), int(c) == key_column, options);
    }
    scratch_.resize(ctx.header.size() + 1);
  }

  void Run(std::string_view body, int64_t first_line, DataProfile* out);

 private:
  bool ScanFields(const char** p, const char* end, std::string* message);
  void Malformed(int64_t line, std::string message, DataProfile* out);

  const CsvContext& ctx_;
  const ProfileOptions& options_;
  bool release_;
  std::vector<ColumnAccumulator> columns_;
  std::vector<RawField> fields_;
  std::vector<std::string> scratch_;
};

// The fields of the record at *p, as ChunkParser splits them; false (with why) on bad quoting.
bool Profiler::ScanFields(const char** p, const char* end, std::string* message) {
  fields_.clear();
  while (true) {
    RawField f;
    FieldEnd how;
    *p = ScanField(*p, end, ctx_.delimiter, &f, &how);
    if (how >= FieldEnd::kUnterminated) {
      *message = how == FieldEnd::kUnterminated ? "unterminated quoted field"
                 : how == FieldEnd::kStrayQuote ? "quote inside an unquoted field"
                                                : "unexpected character after a closing quote";
      return false;
    }
    fields_.push_back(f);
    if (how == FieldEnd::kRecordEnd) return true;
    if (*p == end) {  // "a,b," at end of input: a final empty field
      fields_.push_back(RawField{});
      return true;
    }
  }
}

void Profiler::Malformed(int64_t line, std::string message, DataProfile* out) {
  if (out->malformed++ == 0) {
    out->first_malformed_line = line;
    out->first_malformed_message = std::move(message);
  }
}

void Profiler::Run(std::string_view body, int64_t first_line, DataProfile* out) {
  const char* p = body.data();
  const char* end = p + body.size();
  const char* released = p;
  int64_t line = first_line, rows = 0;
  std::string message;
  while (p < end) {
    if (p - released > kReleaseStride) {
      if (release_) ReleaseMappedPages(released, p);
      released = p;
      if (options_.progress) options_.progress(p - body.data(), int64_t(body.size()));
    }
    if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] == '\n'))) {
      p += *p == '\n' ? 1 : std::min<ptrdiff_t>(2, end - p);  // blank line: skipped
      ++line;
      continue;
    }
    ++out->records;
    const char* start = p;
    const int64_t record_line = line;
    if (!ScanFields(&p, end, &message)) {
      Malformed(record_line, message, out);
      p = FindRecordEnd(start, end, &line);
      continue;
    }
    for (const RawField& f : fields_) line += f.newlines;
    ++line;
    if (fields_.size() != ctx_.header.size()) {
      Malformed(record_line,
                fmt::format("expected {} fields, found {}", ctx_.header.size(), fields_.size()),
                out);
      continue;
    }
    ++rows;
    for (size_t i = 0; i < fields_.size(); ++i) {
      const int c = ctx_.file_to_schema[i];
      if (c < 0) continue;
      const RawField& f = fields_[i];
      std::string_view s = f.has_escapes ? Unescape(f.text, &scratch_[i]) : f.text;
      columns_[size_t(c)].Observe(s, f.quoted, f.has_nul, record_line);
    }
  }
  if (release_) ReleaseMappedPages(released, end);
  if (options_.progress) options_.progress(int64_t(body.size()), int64_t(body.size()));
  for (ColumnAccumulator& column : columns_) out->columns.push_back(column.Finish(rows));
  for (size_t c = 0; c < columns_.size(); ++c) {
    if (out->columns[c].spec.name == options_.key) out->key = columns_[c].FinishKey();
  }
}

Result<DataProfile> ProfileImpl(std::string_view data, const std::string& file,
                                const Schema& schema, const ProfileOptions& options, bool mapped) {
  DataProfile profile;
  profile.file = file;
  profile.encoding = options.csv.encoding;
  CsvContext ctx;
  ctx.file = file;
  SEGC_RETURN_IF_ERROR(PrepareContext(schema, options.csv, &ctx));
  const int key_column = options.key.empty() ? -1 : schema.FindColumn(options.key);
  if (!options.key.empty() && key_column < 0) {
    return Status::InvalidArgument(fmt::format("key '{}' is not a column", options.key));
  }
  if (data.size() >= 3 && std::memcmp(data.data(), "\xEF\xBB\xBF", 3) == 0) data.remove_prefix(3);
  if (data.empty()) {
    return Status::DataError(
        FormatDataError({file, 1, 0, 0, "", "", "file is empty (expected a header row)",
                         DataErrorKind::kEmptyFile}));
  }
  ctx.delimiter = options.csv.delimiter != '\0' ? options.csv.delimiter : DetectDelimiter(data);
  profile.delimiter = ctx.delimiter;
  std::string normalized;  // whitespace-separated text, rewritten as tab-separated
  if (ctx.delimiter == kWhitespaceDelimiter) {
    normalized = NormalizeWhitespace(data);
    data = normalized;
    ctx.delimiter = '\t';
    mapped = false;
  }
  std::vector<DataError> errors;
  const int64_t body_start = ParseHeader(data, &ctx, &errors);
  if (!errors.empty()) return Status::DataError(FormatDataErrors(errors, int64_t(errors.size())));
  std::string_view body = data.substr(size_t(body_start));
  ctx.decimal_comma = options.csv.decimal_comma == DecimalComma::kYes ||
                      (options.csv.decimal_comma == DecimalComma::kAuto && ctx.delimiter == ';' &&
                       DetectDecimalComma(body, ctx));
  profile.decimal_comma = ctx.decimal_comma;
  const int64_t first_line = 1 + std::count(data.begin(), data.begin() + body_start, '\n');
  Profiler(ctx, options, key_column, mapped).Run(body, first_line, &profile);
  return profile;
}

}  // namespace

Result<DataProfile> ProfileCsvBuffer(std::string_view data, const Schema& schema,
                                     const ProfileOptions& options) {
  std::string file = options.csv.display_name.empty() ? "<buffer>" : options.csv.display_name;
  if (options.csv.encoding != TextEncoding::kUtf8) {
    std::string converted = ToUtf8(data, options.csv.encoding);
    return ProfileImpl(converted, file, schema, options, false);
  }
  return ProfileImpl(data, file, schema, options, false);
}

Result<DataProfile> ProfileCsv(const std::string& path, const Schema& schema,
                               const ProfileOptions& options) {
  SEGC_TRY(FileData file, FileData::Read(path, options.csv.encoding));
  std::string name = options.csv.display_name.empty() ? path : options.csv.display_name;
  return ProfileImpl(file.view(), name, schema, options, file.mapped());
}

}  // namespace segc::rt
