// `segc run RULES... --data FILE`: the options; the work is in run_command.cc.
#include <memory>

#include "cli/command.h"
#include "cli/delimiter.h"
#include "cli/run_args.h"
#include "cli/run_command.h"
#include "cli/run_options.h"

namespace segc::cli {

/// `--out ""` would silently write nothing: a path option needs a path.
const CLI::Validator kNotEmpty(
    [](const std::string& text) {
      return text.empty() ? std::string("needs a file name, not an empty text") : std::string();
    },
    "", "NOT_EMPTY");

void AddDataOptions(CLI::App* app, RunArgs& args) {
  app->add_option("--data", args.data,
                  "CSV file with one row per customer, or NAME=FILE for the table or an event "
                  "table NAME (plain or gzip; repeatable); not with --engine postgres")
      ->type_name("[NAME=]FILE")
      ->check(kNotEmpty)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app->add_option("--unknown-keys", args.unknown_keys,
                  "Event rows whose key is not a customer: error (exit 3) or report (count "
                  "them in the summary and leave them out)")
      ->check(CLI::IsMember({"error", "report"}))
      ->capture_default_str();
  AddDelimiterOption(app, args.delimiter);
  AddEncodingOption(app, args.encoding,
                    "Text encoding of the data files: utf-8, or windows-1252 (Excel's CSV on "
                    "Windows), iso-8859-1, iso-8859-15, converted while reading");
  app->add_flag("--decimal-comma", args.decimal_comma,
                "Read \"12,5\" as 12.5 in float columns (default: detect with ';' files)");
  app->add_option("--null", args.null_tokens,
                  "A field text that means null besides the empty field, e.g. NA (repeatable)")
      ->type_name("TOKEN")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app->add_option("--max-errors", args.max_errors, "Data errors shown in detail")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app->add_option("--rejects", args.rejects, "Write every rejected data record to FILE (CSV)")
      ->type_name("FILE")
      ->check(kNotEmpty);
}

void AddEvaluationOptions(CLI::App* app, RunArgs& args) {
  app->add_option("--as-of", args.as_of,
                  "Evaluation date YYYY-MM-DD (default: the rules' as_of, else today in UTC)")
      ->type_name("DATE");
  app->add_option("--param", args.params, "Override a param: NAME=VALUE (repeatable)")
      ->type_name("NAME=VALUE")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app->add_option("--lib", args.lib_dirs, "Folder of library modules for 'import' (repeatable)")
      ->type_name("DIR")
      ->check(CLI::ExistingDirectory)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app->add_flag("--strict-sizes", args.strict_sizes,
                "Segments outside their 'expect size' are errors (exit 1), not warnings");
  app->add_flag("--strict-columns", args.strict_columns,
                "Parse and check every declared column, not only those the rules read");
}

namespace {

void AddOutputOptions(CLI::App* app, RunArgs& args) {
  app->add_option("--out", args.out,
                  "Write per-row membership to FILE.csv or FILE.jsonl (atomically)")
      ->type_name("FILE")
      ->check(kNotEmpty);
  app->add_option("--format", args.format, "Summary format on stdout")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  app->add_option("--color", args.color, "Colour in rule diagnostics (auto: only on a terminal)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
}

void AddEngineOptions(CLI::App* app, RunArgs& args) {
  app->add_option("--threads", args.threads, "Worker threads (0: all cores, at most 256)")
      ->check(CLI::Range(0, kMaxThreads))
      ->capture_default_str();
  app->add_option("--engine", args.engine,
                  "jit: compiled native code; interp: the reference interpreter; postgres: the "
                  "emitted SQL run by the server at --dsn")
      ->check(CLI::IsMember({"jit", "interp", "postgres"}))
      ->capture_default_str();
  app->add_option("--dsn", args.dsn,
                  "--engine postgres: libpq connection URI of the database holding the table "
                  "(postgresql://user@host:port/db)")
      ->type_name("URI");
  app->add_option("--table", args.tables,
                  "--engine postgres: the customer table's name in the database, or EVENTS=NAME "
                  "for an event table (default: the declared names; repeatable)")
      ->type_name("[EVENTS=]NAME")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app->add_option("--cache-dir", args.cache_dir,
                  "Cache compiled code in DIR and reuse it when rules and CPU are unchanged")
      ->type_name("DIR")
      ->check(kNotEmpty);
  app->add_option("--opt-level", args.opt_level,
                  "JIT optimization: 1 lean (fast to compile), 2 vectorized (fast to run), "
                  "auto picks by rows per thread")
      ->check(CLI::IsMember({"auto", "0", "1", "2", "3"}))
      ->capture_default_str();
  app->add_flag("--overlaps", args.overlaps,
                "Report how many rows each pair of segments shares, and their Jaccard index");
  app->add_flag("--histograms", args.histograms,
                "Add each score's histogram (bin edges and counts) to the JSON summary");
  app->add_flag("--timings", args.timings,
                "Print how long each step took (and the JIT level, cache hit or miss) on stderr");
  app->add_option("--dump-ir", args.dump_ir,
                  "Write the planned segc IR and, with the JIT, the optimized LLVM IR to FILE")
      ->type_name("FILE")
      ->check(kNotEmpty);
}

}  // namespace

Subcommand AddRunCommand(CLI::App& root) {
  auto args = std::make_shared<RunArgs>();
  CLI::App* app = root.add_subcommand(
      "run", "Evaluate rules over a data file: segment counts, scores, classes");
  app->add_option("RULES", args->rules, "Rule files or the directory of one project")
      ->required()
      ->type_name("");
  AddDataOptions(app, *args);
  AddEvaluationOptions(app, *args);
  AddOutputOptions(app, *args);
  AddEngineOptions(app, *args);
  app->footer(
      "Exit status: 0 ok, 1 rule errors (or sizes with --strict-sizes), 2 usage, 3 bad data,\n"
      "4 internal error (e.g. the JIT failed). Data errors are reported as FILE:LINE:COL.\n"
      "The summary goes to stdout; diagnostics, data errors and warnings to stderr.");
  return {app, [args] { return ExecuteRun(*args); }};
}

}  // namespace segc::cli
