// `segc sql RULES --dialect D --table NAME [--as-of DATE] [--param k=v] [--summary]`: prints
// the query that computes the project's outputs where the data lives (compiler/sql).
#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "cli/delimiter.h"
#include "cli/exit_codes.h"
#include "cli/load_rules.h"
#include "cli/run_steps.h"
#include "cli/sql_load.h"
#include "cli/sql_query.h"

namespace segc::cli {
namespace {

struct SqlArgs {
  RunArgs run;  ///< rules, as_of, params, and for --load the data files (run.data) and formats
  std::string dialect;
  bool summary = false;
  bool statistics = false;
};

// The tables read by segc's CSV reader (as `segc run --data` reads them), written as SQL data.
int PrintLoadScript(const SqlArgs& args, RunState& state, const TableNames& names) {
  if (args.dialect != "postgres" && args.dialect != "duckdb") {
    PrintUsageError("--load is not available for the " + args.dialect + " dialect",
                    "postgres and duckdb only; see docs/sql.md, 'Loading data'");
    return kExitUsage;
  }
  if (auto code = LoadData(args.run, state)) return *code;
  std::string script = LoadScript(state, names, args.dialect);
  std::fwrite(script.data(), 1, script.size(), stdout);
  return kExitOk;
}

int RunSql(const SqlArgs& args) {
  RunState state;
  if (auto code = LoadRules(args.run, state)) return *code;
  if (auto code = ResolveInputs(args.run, state)) return *code;
  if (auto code = BuildPlan(state)) return *code;
  auto names = ResolveTableNames(args.run.tables, state);
  if (!names) return kExitUsage;
  if (!args.run.data.empty()) return PrintLoadScript(args, state, *names);
  auto queries = EmitQueries(state, args.dialect, *names);
  if (!queries) return kExitRuleErrors;
  const std::string& text = args.summary      ? queries->summary
                            : args.statistics ? queries->statistics
                                              : queries->rows;
  std::fputs(text.c_str(), stdout);
  return kExitOk;
}

}  // namespace

Subcommand AddSqlCommand(CLI::App& root) {
  auto args = std::make_shared<SqlArgs>();
  CLI::App* app = root.add_subcommand(
      "sql", "Print the SQL query that computes a project's segments, scores and classes");
  app->add_option("RULES", args->run.rules,
                  "The project: a directory or .seg files of one directory")
      ->required()
      ->type_name("");
  app->add_option("--dialect", args->dialect, "SQL dialect of the database")
      ->required()
      ->check(CLI::IsMember({"postgres", "duckdb", "clickhouse", "spark"}));
  app->add_option("--table", args->run.tables,
                  "Name of the customer table in the database, or EVENTS=NAME for an event table "
                  "(default: the declared names; repeatable)")
      ->type_name("[EVENTS=]NAME")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app->add_option("--as-of", args->run.as_of,
                  "Evaluation date written into the query (default: the rules' as_of, else "
                  "today in UTC)")
      ->type_name("DATE");
  app->add_option("--param", args->run.params,
                  "Param value written into the query, NAME=VALUE (repeatable)")
      ->type_name("NAME=VALUE")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  auto* summary = app->add_flag("--summary", args->summary,
                                "Print the counting query (one row: the counts of 'segc run "
                                "--format json') instead of the per-customer query");
  auto* statistics = app->add_flag("--statistics", args->statistics,
                                   "Print the query of the population statistics (one row) instead")
                         ->excludes(summary);
  auto* load = app->add_option("--load", args->run.data,
                               "Print a script that loads this CSV file (or EVENTS=FILE: an "
                               "event table) into the database instead, as segc run reads it "
                               "(postgres: for psql; duckdb: SQL; repeatable)")
                   ->type_name("[EVENTS=]FILE")
                   ->allow_extra_args(false)
                   ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
                   ->excludes(summary)
                   ->excludes(statistics);
  AddDelimiterOption(app, args->run.delimiter);
  AddEncodingOption(app, args->run.encoding,
                    "--load: text encoding of the files: utf-8, windows-1252, iso-8859-1, "
                    "iso-8859-15");
  app->add_flag("--decimal-comma", args->run.decimal_comma,
                "--load: read \"12,5\" as 12.5 in float columns (default: detect with ';' files)")
      ->needs(load);
  app->add_option("--null", args->run.null_tokens,
                  "--load: a field text that means null besides the empty field (repeatable)")
      ->type_name("TOKEN")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->needs(load);
  app->add_flag("--strict-columns", args->run.strict_columns,
                "--load: load every declared column, not only those the rules read")
      ->needs(load);
  app->add_option("--lib", args->run.lib_dirs,
                  "Folder of library modules for 'import' (repeatable)")
      ->type_name("DIR")
      ->check(CLI::ExistingDirectory)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app->add_option("--color", args->run.color, "Colour in diagnostics (auto: only on a terminal)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app->footer(
      "The query returns one row per customer, ordered by the key: the key, a boolean column\n"
      "per segment, a double per score, the label text per class, and segc_overflows.\n"
      "Constructs a dialect cannot express are refused with their location. See docs/sql.md.\n"
      "--load reads the files with segc's CSV reader (the declared formats, --delimiter,\n"
      "--encoding) and prints the typed rows; without a customer file, the customer table is\n"
      "made of the event keys, as 'segc run' does.\n"
      "Exit status: 0 ok, 1 errors in the rules or a construct refused, 2 usage, 3 bad data\n"
      "(--load), 4 internal error.");
  return {app, [args] { return RunSql(*args); }};
}

}  // namespace segc::cli
