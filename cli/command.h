// The shape every subcommand file follows: add its CLI11 app to the root, return how to run it.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

namespace segc::cli {

/// A registered subcommand: its CLI11 app (options bound to its own state) and its action, which
/// returns the process exit code. The state lives in the closure, so each file keeps its options
/// private.
struct Subcommand {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

/// `segc check PATH...` (check.cc).
Subcommand AddCheckCommand(CLI::App& root);
/// `segc run RULES... --data FILE` (run.cc and run_*.cc).
Subcommand AddRunCommand(CLI::App& root);
/// `segc explain RULES --data FILE (--key ID | --segment NAME --funnel)` (explain*.cc).
Subcommand AddExplainCommand(CLI::App& root);
/// `segc diff RULES --data FILE --base... ` (diff*.cc).
Subcommand AddDiffCommand(CLI::App& root);
/// `segc fmt [--check] [--write] PATH...` (fmt.cc).
Subcommand AddFmtCommand(CLI::App& root);
/// `segc graph RULES [--format dot|mermaid|json]` (graph.cc).
Subcommand AddGraphCommand(CLI::App& root);
/// `segc test PATH...` (test.cc and test_*.cc).
Subcommand AddTestCommand(CLI::App& root);
/// `segc sql RULES --dialect D [--table NAME] [--summary]` (sql.cc, sql_query.cc).
Subcommand AddSqlCommand(CLI::App& root);
/// `segc export RULES --data FILE --audience NAME -o FILE` (export.cc, export_writer.cc).
Subcommand AddExportCommand(CLI::App& root);
/// `segc report RULES --data FILE [-o report.html]` (report.cc, report_html.cc).
Subcommand AddReportCommand(CLI::App& root);
/// `segc schema infer DATA` (schema_infer.cc).
Subcommand AddSchemaCommand(CLI::App& root);
/// `segc profile DATA... [--schema RULES]` (profile.cc, profile_render.cc).
Subcommand AddProfileCommand(CLI::App& root);
/// `segc help [TOPIC]` (help.cc): subcommands, error codes, the list of codes.
Subcommand AddHelpCommand(CLI::App& root);

/// Adds every subcommand in the order `segc --help` lists them. New subcommands (fmt, test,
/// explain, sql) go here, each in its own file.
std::vector<Subcommand> AddAllCommands(CLI::App& root);

/// Prints "segc: error: MESSAGE" and, when given, a hint line, to stderr.
void PrintUsageError(const std::string& message, const std::string& hint);

/// Prints "segc: error: MESSAGE" on stderr in the message language (exit status is the caller's).
void PrintError(const std::string& message);

}  // namespace segc::cli
