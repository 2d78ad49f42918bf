// `segc export RULES --data FILE (--audience NAME | --segment NAME) -o FILE [--columns A,B]
// [--dialect csv|excel-fr|jsonl] [--arm LABEL]`: the members of one audience or segment with
// the columns a campaign tool needs (docs/cli.md, "segc export").
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <thread>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/export_writer.h"
#include "cli/lang.h"
#include "cli/run_args.h"
#include "cli/run_options.h"
#include "cli/run_paths.h"
#include "cli/run_steps.h"
#include "compiler/diag/suggest.h"

namespace segc::cli {
namespace {

struct ExportArgs {
  RunArgs run;
  std::string audience;
  std::string segment;
  std::string out;
  std::string dialect;  ///< "" → by the file name (.jsonl / .ndjson), else csv
  std::vector<std::string> columns;
  std::string arm;
};

int ExportUsage(const std::string& message, const std::string& hint = "") {
  PrintUsageError(message, hint);
  return kExitUsage;
}

/// What is exported: the output segment whose members are written, the splits of its segment.
struct Target {
  std::string output;   ///< the audience or segment output
  std::string segment;  ///< the segment it sends (the audience's), for splits
  std::vector<std::string> splits;
};

std::optional<int> ResolveTarget(const ExportArgs& args, const sema::CheckedProject& project,
                                 Target& target) {
  if (!args.audience.empty()) {
    std::vector<std::string> names;
    for (const sema::Audience& a : project.audiences) {
      names.push_back(a.name);
      if (a.name == args.audience) target = {a.name, a.segment, {}};
    }
    if (target.output.empty()) {
      std::string hint = diag::DidYouMean(args.audience, names);
      if (hint.empty()) {
        hint = names.empty() ? "the rules declare no audience: `audience NAME from SEGMENT "
                               "channel CHANNEL`, or export a segment with --segment"
                             : fmt::format("the audiences are {}", fmt::join(names, ", "));
      }
      return ExportUsage(fmt::format("unknown audience '{}'", args.audience), hint);
    }
  } else {
    std::vector<std::string> names;  // the project's segments and its modules' ("rfm.At_Risk")
    for (const sema::DeclRef& ref : project.order) {
      const sema::Unit& unit = *project.units[project.instances[ref.instance].unit];
      if (unit.decls[ref.decl].kind != sema::DeclKind::kSegment) continue;
      names.push_back(project.QualifiedName(ref));
      if (names.back() == args.segment) target = {names.back(), names.back(), {}};
    }
    if (target.output.empty()) {
      return ExportUsage(fmt::format("unknown segment '{}'", args.segment),
                         diag::DidYouMean(args.segment, names));
    }
  }
  for (const sema::SplitInfo& split : project.splits) {
    if (split.segment == target.segment || split.segment == target.output) {
      target.splits.push_back(split.name);
    }
  }
  if (!args.arm.empty() && target.splits.size() != 1) {
    return ExportUsage(
        fmt::format("--arm needs exactly one split of segment '{}', and it has {}", target.segment,
                    target.splits.size()),
        "declare `split NAME of " + target.segment + " into A 50%, B 50% salt \"...\"`");
  }
  return std::nullopt;
}

std::optional<int> CheckColumns(const ExportArgs& args, const sema::CheckedProject& project) {
  std::vector<std::string> names;
  for (const sema::Column& c : project.schema.columns) names.push_back(c.name);
  for (const std::string& column : args.columns) {
    if (project.schema.Find(column) != sema::kNone) continue;
    std::string hint = diag::DidYouMean(column, names);
    if (hint.empty())
      hint =
          fmt::format("the columns of '{}' are {}", project.schema.table, fmt::join(names, ", "));
    return ExportUsage(
        fmt::format("unknown column '{}' in --columns (table '{}')", column, project.schema.table),
        hint);
  }
  return std::nullopt;
}

int Export(const ExportArgs& args) {
  if (args.audience.empty() == args.segment.empty()) {
    return ExportUsage("give exactly one of --audience NAME and --segment NAME");
  }
  std::string dialect_text = args.dialect;
  if (dialect_text.empty()) {
    bool json = args.out.ends_with(".jsonl") || args.out.ends_with(".ndjson");
    dialect_text = json ? "jsonl" : "csv";
  }
  ExportDialect dialect = *ParseExportDialect(dialect_text);
  RunArgs run = args.run;
  run.out = args.out;  // compared with the inputs below; written here, not by a run step
  if (auto code = CheckOutputsAreNotInputs(run, CommandLineInputs(run))) return *code;
  RunState state;
  state.extra_columns = args.columns;
  unsigned cores = std::thread::hardware_concurrency();
  state.threads = run.threads > 0 ? run.threads : cores == 0 ? 1 : int(cores);
  if (auto code = LoadRules(run, state)) return *code;
  Target target;
  if (auto code = ResolveTarget(args, *state.project, target)) return *code;
  if (auto code = CheckColumns(args, *state.project)) return *code;
  if (auto code = ResolveInputs(run, state)) return *code;
  if (auto code = BuildPlan(state)) return *code;
  if (auto code = LoadData(run, state)) return *code;
  if (auto code = BuildKernels(run, state)) return *code;
  if (auto code = Execute(state)) return *code;

  const rt::RunResult& result = state.result;
  auto segment = std::find_if(result.segments.begin(), result.segments.end(),
                              [&](const rt::SegmentResult& s) { return s.name == target.output; });
  if (segment == result.segments.end()) {
    return InternalError("segment '" + target.output + "' missing from the run's results");
  }
  std::vector<ExportColumn> columns;
  const std::string& key = state.project->schema.key;
  columns.push_back({key, state.table.GetColumn(key)});
  for (const std::string& name : args.columns) {
    if (name != key) columns.push_back({name, state.table.GetColumn(name)});
  }
  const rt::Column* arm_column = nullptr;
  for (const std::string& split : target.splits) {
    for (const rt::ClassResult& c : result.classes) {
      if (c.name != split) continue;
      columns.push_back({split, &c.values});
      if (args.arm.empty()) continue;
      auto label = std::find(c.labels.begin(), c.labels.end(), args.arm);
      if (label == c.labels.end()) {
        return ExportUsage(fmt::format("split '{}' has no arm '{}'", split, args.arm),
                           fmt::format("the arms are {}", fmt::join(c.labels, ", ")));
      }
      arm_column = &c.values;
    }
  }
  for (const ExportColumn& c : columns) {
    if (c.column == nullptr) return InternalError("column '" + c.name + "' was not loaded");
  }
  std::vector<int64_t> rows;
  for (int64_t i = 0; i < result.rows; ++i) {
    if (!rt::GetBit(segment->bitmap->data(), i)) continue;
    if (arm_column != nullptr && (arm_column->IsNull(i) || arm_column->String(i) != args.arm)) {
      continue;
    }
    rows.push_back(i);
  }
  Status status = WriteExport(args.out, dialect, columns, rows);
  if (!status.ok()) {
    std::fprintf(stderr, "segc: error: cannot write '%s': %s\n", args.out.c_str(),
                 status.message().c_str());
    return status.code() == StatusCode::kInvalidArgument ? kExitBadData : kExitInternal;
  }
  std::printf("%s\n", fmt::format("wrote {} of {} rows ({} '{}'{}) to {}", rows.size(), result.rows,
                                  args.audience.empty() ? "segment" : "audience", target.output,
                                  args.arm.empty() ? "" : ", arm '" + args.arm + "'", args.out)
                          .c_str());
  return kExitOk;
}

}  // namespace

Subcommand AddExportCommand(CLI::App& root) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* app = root.add_subcommand(
      "export", "Write the members of an audience or segment for a campaign tool");
  app->add_option("RULES", args->run.rules, "Rule files or the directory of one project")
      ->required()
      ->type_name("");
  AddDataOptions(app, args->run);
  AddEvaluationOptions(app, args->run);
  app->add_option("--audience", args->audience, "The audience to export (its segment's members)")
      ->type_name("NAME");
  app->add_option("--segment", args->segment, "A segment to export instead of an audience")
      ->type_name("NAME");
  app->add_option("-o,--out", args->out, "The list to write (atomically)")
      ->type_name("FILE")
      ->required()
      ->check(kNotEmpty);
  app->add_option("--columns", args->columns,
                  "Customer columns to write after the key, e.g. email,first_name")
      ->type_name("A,B")
      ->delimiter(',')
      ->allow_extra_args(false);
  app->add_option("--dialect", args->dialect,
                  "csv (',' and '.'), excel-fr (BOM, ';', decimal comma, CRLF, DD/MM/YYYY) or "
                  "jsonl (default: jsonl for FILE.jsonl, else csv)")
      ->check(CLI::IsMember({"csv", "excel-fr", "jsonl"}));
  app->add_option("--arm", args->arm, "Only the members in this arm of the segment's split")
      ->type_name("LABEL");
  app->add_option("--engine", args->run.engine, "jit or interp (the reference interpreter)")
      ->check(CLI::IsMember({"jit", "interp"}))
      ->capture_default_str();
  app->add_option("--threads", args->run.threads, "Worker threads (0: all cores)")
      ->check(CLI::Range(0, kMaxThreads))
      ->capture_default_str();
  app->footer(
      "Only members are written: the key, the --columns in that order, then one column per\n"
      "split of the segment (the arm). Exit status: 0 ok, 1 rule errors, 2 usage, 3 bad data.");
  return {app, [args] { return Export(*args); }};
}

}  // namespace segc::cli
