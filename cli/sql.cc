// `segc sql RULES --dialect D --table NAME [--as-of DATE] [--param k=v] [--summary]`: prints
// the query that computes the project's outputs where the data lives (compiler/sql).
#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/load_rules.h"
#include "cli/run_steps.h"
#include "cli/sql_load.h"
#include "cli/sql_query.h"

namespace segc::cli {
namespace {

struct SqlArgs {
  RunArgs run;
  std::string dialect;
  std::string table;
  bool summary = false;
  bool statistics = false;
  std::string load;
};

int PrintLoadScript(const SqlArgs& args, const RunState& state, const std::string& table) {
  std::string error;
  auto script = LoadScript(state.planned->schema, table, args.load, args.dialect, error);
  if (!script) {
    PrintUsageError(error, "see docs/sql.md, 'Loading a CSV file'");
    return kExitUsage;
  }
  std::fputs(script->c_str(), stdout);
  return kExitOk;
}

int RunSql(const SqlArgs& args) {
  RunState state;
  if (auto code = LoadRules(args.run, state)) return *code;
  if (auto code = ResolveInputs(args.run, state)) return *code;
  if (auto code = BuildPlan(state)) return *code;
  std::string table = args.table.empty() ? state.planned->schema.table_name : args.table;
  if (!args.load.empty()) return PrintLoadScript(args, state, table);
  auto queries = EmitQueries(state, args.dialect, table);
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
  app->add_option("--table", args->table,
                  "Name of the customer table in the database (default: the rules' table name)")
      ->type_name("NAME");
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
  app->add_option("--load", args->load,
                  "Print a script that loads this CSV file into the table instead (postgres: "
                  "for psql; duckdb: SQL)")
      ->type_name("CSV")
      ->excludes(summary)
      ->excludes(statistics);
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
      "Exit status: 0 ok, 1 errors in the rules or a construct refused, 2 usage, 4 internal "
      "error.");
  return {app, [args] { return RunSql(*args); }};
}

}  // namespace segc::cli
