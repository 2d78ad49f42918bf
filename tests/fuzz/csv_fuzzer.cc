// libFuzzer target for the CSV loader: the same bytes read with one thread and with several
// threads over tiny chunks must give the same result (columns, nulls, dictionary codes, errors,
// detected settings); any difference traps. The first input byte picks the options (delimiter,
// decimal comma, null tokens, skipped rows, key check, a column subset), the second the thread
// count and chunk size; the rest is the file, read against a fixed schema of every column type.
//   build-fuzz/tests/fuzz/segc_csv_fuzzer -dict=tests/fuzz/csv.dict tests/fuzz/corpus/csv
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "segc/csv.h"

namespace segc::fuzz {
namespace {

rt::Schema CsvSchema() {
  rt::Schema schema;
  schema.table_name = "customers";
  schema.key = "id";
  schema.columns = {{"id", rt::ColumnType::kInt, {}, ""},
                    {"spend", rt::ColumnType::kFloat, {}, ""},
                    {"active", rt::ColumnType::kBool, {}, ""},
                    {"joined", rt::ColumnType::kDate, {}, ""},
                    {"born", rt::ColumnType::kDate, {}, "%d/%m/%Y"},
                    {"name", rt::ColumnType::kString, {}, ""},
                    {"tier", rt::ColumnType::kEnum, {"bronze", "silver", "gold"}, ""}};
  return schema;
}

rt::CsvOptions OptionsOf(uint8_t bits) {
  constexpr char kDelimiters[] = {'\0', ',', ';', rt::kWhitespaceDelimiter};
  constexpr rt::DecimalComma kCommas[] = {rt::DecimalComma::kAuto, rt::DecimalComma::kNo,
                                          rt::DecimalComma::kYes, rt::DecimalComma::kAuto};
  rt::CsvOptions options;
  options.delimiter = kDelimiters[bits & 3];
  options.decimal_comma = kCommas[(bits >> 2) & 3];
  if (bits & 16) options.null_tokens = {"NA", "NULL"};
  options.skip_bad_rows = (bits & 32) != 0;
  options.check_key = (bits & 64) == 0;
  if (bits & 128) options.columns = {"spend", "tier"};
  options.max_errors = 1000;  // compare every error, not the first 20
  return options;
}

/// One value: "-" for null, floats as their bits, strings with their dictionary code.
std::string Cell(const rt::Column& column, int64_t row) {
  if (column.IsNull(row)) return "-";
  switch (column.type()) {
    case rt::ColumnType::kInt:
      return std::to_string(column.Int64(row));
    case rt::ColumnType::kFloat: {
      uint64_t bits;
      double value = column.Float64(row);
      std::memcpy(&bits, &value, sizeof bits);
      return std::to_string(bits);
    }
    case rt::ColumnType::kBool:
      return column.Bool(row) ? "T" : "F";
    case rt::ColumnType::kDate:
      return std::to_string(column.Date32(row));
    case rt::ColumnType::kString:
    case rt::ColumnType::kEnum:
      break;
  }
  return std::to_string(column.Code(row)) + "=" + std::string(column.String(row));
}

/// Every detail of a read, values bit for bit (a float's sign of zero counts).
std::string Dump(const Result<rt::Table>& table, const rt::CsvReport& report) {
  std::string out = std::to_string(int(table.status().code())) + table.status().message() + "\n";
  out += std::string(1, report.delimiter) + std::to_string(report.decimal_comma) + " " +
         std::to_string(report.rows) + " " + std::to_string(report.records) + " " +
         std::to_string(report.total_errors) + "\n";
  for (const rt::DataError& e : report.errors) {
    out += rt::FormatDataError(e) + "|" + e.column_name + "|" + e.value + "\n";
  }
  if (!table.ok()) return out;
  for (int c = 0; c < table->num_columns(); ++c) {
    const rt::Column& column = table->column(c);
    out += table->name(c) + ":" + std::string(rt::ColumnTypeName(column.type()));
    for (int64_t i = 0; i < column.length(); ++i) out += "," + Cell(column, i);
    out += "\n";
  }
  return out;
}

}  // namespace
}  // namespace segc::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace segc;
  if (size < 2) return 0;
  static const rt::Schema schema = fuzz::CsvSchema();
  std::string_view csv(reinterpret_cast<const char*>(data) + 2, size - 2);
  rt::CsvOptions options = fuzz::OptionsOf(data[0]);
  options.threads = 1;
  rt::CsvReport single_report;
  Result<rt::Table> single = rt::ReadCsvBuffer(csv, schema, options, &single_report);
  // 2 to 5 threads (up to 4 chunks each) over chunks of 1 to 16 bytes: in a small file nearly
  // every record boundary, quote and CRLF can fall on a split.
  options.threads = 2 + (data[1] >> 4) % 4;
  options.min_chunk_bytes = 1 + data[1] % 16;
  rt::CsvReport parallel_report;
  Result<rt::Table> parallel = rt::ReadCsvBuffer(csv, schema, options, &parallel_report);
  if (fuzz::Dump(single, single_report) != fuzz::Dump(parallel, parallel_report)) {
    __builtin_trap();
  }
  return 0;
}
