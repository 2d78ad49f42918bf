// `segc schema infer DATA`: print a `table` declaration inferred from a CSV sample.
#include "segc/schema_infer.h"

#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <optional>

#include "cli/command.h"
#include "cli/delimiter.h"
#include "cli/exit_codes.h"
#include "compiler/diag/suggest.h"

namespace segc::cli {
namespace {

struct InferArgs {
  std::string data;
  int64_t sample = 10000;
  std::string table;
  std::string key;
  std::string delimiter = "auto";
  std::string encoding;  ///< empty: UTF-8, or Windows-1252 when the file is not UTF-8
};

std::vector<std::string> ColumnNames(const rt::Schema& schema) {
  std::vector<std::string> names;
  for (const rt::ColumnSpec& column : schema.columns) names.push_back(column.name);
  return names;
}

/// `name` as written in a declaration: backquoted unless a plain identifier.
std::string Name(const std::string& name) {
  return rt::IsPlainIdentifier(name) ? name : "`" + name + "`";
}

/// A log of events (several rows per customer): the first id-like int or string column that
/// repeats but is never empty, or -1.
int EventKeyColumn(const rt::Schema& schema, const rt::InferReport& report) {
  for (size_t c = 0; c < schema.columns.size(); ++c) {
    const rt::ColumnSpec& col = schema.columns[c];
    const bool id_like = col.name == "id" || col.name.ends_with("_id");
    const bool typed = col.type == rt::ColumnType::kInt || col.type == rt::ColumnType::kString;
    if (id_like && typed && report.not_unique[c].starts_with("'")) return int(c);
  }
  return -1;
}

/// The declarations for a log: a customer table of the key alone (the customers are the log's
/// distinct keys) and the events of the file, timed by its first date column when it has several.
std::string FormatLog(const rt::Schema& log, int key) {
  const rt::ColumnSpec& k = log.columns[size_t(key)];
  std::string out = rt::FormatTableDeclaration(rt::Schema{"customers", k.name, {k}});
  std::vector<std::string> dates;
  for (const rt::ColumnSpec& col : log.columns) {
    if (col.type == rt::ColumnType::kDate) dates.push_back(col.name);
  }
  std::string body = rt::FormatTableDeclaration(log);
  body = body.substr(body.find('\n'));  // the columns, after the `table` line
  out += fmt::format("\nevents {} of customers by {}{} {{{}", Name(log.table_name), Name(k.name),
                     dates.size() > 1 ? " at " + Name(dates[0]) : "", body);
  return out;
}

/// A key must be unique: a data error (exit 3) when the sample shows otherwise.
std::optional<int> CheckKey(const InferArgs& args, const rt::Schema& schema,
                            const rt::InferReport& report) {
  if (schema.key.empty()) {
    std::fprintf(stderr, "segc: error: no column of '%s' can be the key: %s\n", args.data.c_str(),
                 report.key_problem.c_str());
  } else {
    const std::string& why = report.not_unique[schema.FindColumn(schema.key)];
    if (why.empty()) return std::nullopt;
    std::fprintf(stderr, "segc: error: --key '%s' cannot be the key of '%s': %s\n",
                 schema.key.c_str(), args.data.c_str(), why.c_str());
  }
  std::fputs(
      "  hint: a table has one row per key (customer); a log with several rows per customer "
      "is declared as events when an 'id' or '*_id' column holds the customer in every row\n",
      stderr);
  std::fprintf(stderr, "schema infer failed: no key for table '%s'\n", schema.table_name.c_str());
  return kExitBadData;
}

/// --key must name a column of the file; the hint suggests the nearest one.
bool ApplyKey(const std::string& key, rt::Schema& schema) {
  if (key.empty()) return true;
  if (!rt::IsWritableName(key)) {
    PrintUsageError(fmt::format("--key {} cannot be written in segc", rt::CommentText(key)),
                    "a name cannot be empty or hold a backquote or a line break");
    return false;
  }
  if (schema.FindColumn(key) >= 0) {
    schema.key = key;
    return true;
  }
  std::vector<std::string> names = ColumnNames(schema);
  std::string hint = fmt::format("columns: {}", fmt::join(names, ", "));
  if (auto near = diag::ClosestName(key, names)) hint = fmt::format("did you mean '{}'?", *near);
  PrintUsageError(fmt::format("--key '{}' is not a column of '{}'", key, schema.table_name), hint);
  return false;
}

int RunInfer(const InferArgs& args) {
  rt::InferOptions options;
  options.sample_rows = args.sample;
  options.table_name = args.table;
  options.delimiter = DelimiterChar(args.delimiter);
  if (!args.encoding.empty()) options.encoding = rt::ParseEncodingName(args.encoding);
  rt::InferReport report;
  Result<rt::Schema> schema = rt::InferSchema(args.data, options, &report);
  if (!schema.ok()) {
    std::fprintf(stderr, "%s\n", schema.status().message().c_str());
    std::fprintf(stderr, "schema infer failed: cannot read a table from '%s'\n", args.data.c_str());
    return schema.status().code() == StatusCode::kInternal ? kExitInternal : kExitBadData;
  }
  if (!ApplyKey(args.key, *schema)) return kExitUsage;
  const int log_key = schema->key.empty() ? EventKeyColumn(*schema, report) : -1;
  if (log_key < 0) {
    if (auto code = CheckKey(args, *schema, report)) return *code;
  }
  std::string out = fmt::format(
      "# inferred by 'segc schema infer' from {} (first {} records); review the types,\n"
      "# then save as schema.seg next to the rules\n",
      rt::CommentText(args.data), args.sample);
  if (report.delimiter == rt::kWhitespaceDelimiter) {
    out +=
        "# fields separated by runs of spaces: segc run detects it (or --delimiter whitespace)\n";
  }
  if (report.encoding_guessed) {
    out +=
        "# the file is not UTF-8: read as windows-1252 (Excel's CSV on Windows); run it with\n"
        "# --encoding windows-1252, or give the right --encoding here\n";
  } else if (report.encoding != rt::TextEncoding::kUtf8) {
    out += fmt::format("# read as {}: run it with --encoding {}\n",
                       rt::EncodingName(report.encoding), rt::EncodingName(report.encoding));
  }
  if (log_key >= 0) {
    const std::string& key = schema->columns[size_t(log_key)].name;
    out += fmt::format(
        "# several rows per '{}' ({}): a log of events; run with --data {}={} (the customers\n"
        "# are its distinct keys; add --data FILE for a customer table with more columns)\n",
        key, report.not_unique[size_t(log_key)], schema->table_name, rt::CommentText(args.data));
    out += FormatLog(*schema, log_key);
  } else {
    out += rt::FormatTableDeclaration(*schema);
  }
  std::fputs(out.c_str(), stdout);
  return kExitOk;
}

}  // namespace

Subcommand AddSchemaCommand(CLI::App& root) {
  auto args = std::make_shared<InferArgs>();
  CLI::App* schema = root.add_subcommand("schema", "Work with table declarations (schema infer)");
  CLI::App* infer =
      schema->add_subcommand("infer", "Print a 'table' declaration inferred from a CSV file");
  infer->add_option("DATA", args->data, "CSV file (plain or gzip)")->required()->type_name("");
  infer->add_option("--sample", args->sample, "Data records examined from the start of the file")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  infer->add_option("--table", args->table, "Table name (default: the file name)")
      ->type_name("NAME");
  infer
      ->add_option("--key", args->key,
                   "Key column (default: the first unique 'id' or '*_id' column, else the first "
                   "unique int or string column; never one that repeats)")
      ->type_name("COL");
  AddDelimiterOption(infer, args->delimiter);
  AddEncodingOption(infer, args->encoding,
                    "The file's text encoding (default: UTF-8, or windows-1252 when the file is "
                    "not valid UTF-8)");
  infer->footer(
      "Types tried in order: int, float, bool, date, enum (few repeated values), string.\n"
      "Exit status: 0 ok, 2 usage, 3 unreadable or malformed data, or no unique key.");
  return {schema, [args, infer] {
            if (infer->parsed()) return RunInfer(*args);
            PrintUsageError("'segc schema' needs a subcommand: infer",
                            "run 'segc schema infer DATA', or 'segc help schema'");
            return static_cast<int>(kExitUsage);
          }};
}

}  // namespace segc::cli
