// `segc explain RULES --data FILE --key ID [--segment NAME]` (each sub-expression's value for one
// row) and `segc explain RULES --data FILE --segment NAME --funnel` (rows left after each
// condition), both from one run of the project with generated outputs (cli/explain_tree.h).
#include <fmt/format.h>

#include <cstdio>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/explain_render.h"
#include "cli/explain_tree.h"
#include "cli/load_rules.h"
#include "cli/row_keys.h"
#include "cli/run_steps.h"
#include "compiler/diag/suggest.h"
#include "compiler/ir/calendar.h"

namespace segc::cli {
namespace {

struct ExplainArgs {
  RunArgs run;
  std::string key;
  std::string segment;
  bool funnel = false;
  std::string format = "text";
};

std::optional<int> Usage(const std::string& message, const std::string& hint) {
  PrintUsageError(message, hint);
  return kExitUsage;
}

std::optional<int> CheckArgs(const ExplainArgs& args) {
  if (args.funnel && args.segment.empty())
    return Usage("--funnel needs --segment NAME",
                 "segc explain RULES --data FILE --segment VIP --funnel");
  if (args.funnel && !args.key.empty())
    return Usage("--funnel counts every row; it does not take --key", "leave out --key");
  if (!args.funnel && args.key.empty())
    return Usage("segc explain needs --key ID (the row to explain) or --segment NAME --funnel",
                 "segc explain RULES --data FILE --key 100042");
  return std::nullopt;
}

/// The declarations a name may refer to, for a did-you-mean.
std::optional<int> UnknownName(const sema::CheckedProject& project, const std::string& name,
                               bool segments_only) {
  std::vector<std::string> names;
  for (const sema::DeclInfo& d : project.project().decls) {
    bool segment = d.kind == sema::DeclKind::kSegment;
    if (segment || (!segments_only &&
                    (d.kind == sema::DeclKind::kScore || d.kind == sema::DeclKind::kClassify)))
      names.push_back(d.name);
  }
  auto near = diag::ClosestName(name, names);
  return Usage(fmt::format("no {} '{}' in the rules",
                           segments_only ? "segment" : "segment, score or classify", name),
               near ? fmt::format("did you mean '{}'?", *near)
                    : "run 'segc check' to list the declarations");
}

/// Checks the project again with the generated rules into `state`, then plans, loads, builds
/// and runs it: the steps of `segc run`.
std::optional<int> RunWith(const ExplainArgs& args, const std::string& extra, RunState& state) {
  diag::DiagnosticSink sink;
  auto modules = std::make_shared<const api::ModuleLibrary>(args.run.lib_dirs,
                                                            std::map<std::string, std::string>{});
  std::vector<api::ProjectSource> sources = api::ReadProjects(args.run.rules, modules, sink);
  if (sources.size() != 1) return InternalError("the rules could not be read a second time");
  sources[0].files.push_back({sources[0].dir + "/<explain>.seg", extra});
  state.projects.push_back(api::Check(sources[0], state.sources, sink));
  if (sink.has_errors()) {
    RenderDiagnostics(state.sources, sink, args.run.color);
    return InternalError("the generated explain outputs do not check");
  }
  state.project = state.projects[0].project.get();
  if (auto code = ResolveInputs(args.run, state)) return code;
  if (auto code = BuildPlan(state)) return code;
  if (auto code = LoadData(args.run, state)) return code;
  if (auto code = BuildKernels(args.run, state)) return code;
  return Execute(state);
}

int Print(const ExplainArgs& args, const std::string& text, const nlohmann::ordered_json& json) {
  std::fputs(args.format == "json" ? (json.dump(2) + "\n").c_str() : text.c_str(), stdout);
  return kExitOk;
}

int Funnel(const ExplainArgs& args, const RunState& base) {
  FunnelPlan plan = PlanFunnel(*base.project, base.sources, args.segment);
  if (plan.steps.empty()) return *UnknownName(*base.project, args.segment, true);
  RunState state;
  if (auto code = RunWith(args, plan.extra_rules, state)) return *code;
  std::vector<FunnelStep> steps;
  int64_t before = state.result.rows;
  for (size_t k = 0; k < plan.steps.size(); ++k) {
    for (const rt::SegmentResult& s : state.result.segments) {
      if (s.name != FunnelOutput(k)) continue;
      steps.push_back({plan.steps[k], s.count, before - s.count});
      before = s.count;
    }
  }
  return Print(args, FunnelText(args.segment, state.result.rows, steps),
               FunnelJson(args.segment, state.result.rows, steps));
}

int Explain(const ExplainArgs& args, const RunState& base) {
  ExplainPlan plan = PlanExplain(*base.project, base.sources, args.segment, base.params);
  if (plan.decls.empty() && !args.segment.empty())
    return *UnknownName(*base.project, args.segment, false);
  RunState state;
  if (auto code = RunWith(args, plan.extra_rules, state)) return *code;
  const std::string& key_name = state.planned->schema.key;
  const rt::Column* keys = state.table.GetColumn(key_name);
  std::optional<int64_t> row = keys ? FindRow(*keys, args.key) : std::nullopt;
  if (!row) {
    return *Usage(fmt::format("no row with {} {} in {}", key_name, args.key, DataPaths(state)),
                  "--key takes a value of the table's key column");
  }
  ExplainRow at{&state.result, &state.table, *row, state.as_of};
  std::string text =
      fmt::format("{} {} (as_of {})\n", key_name, args.key, ir::FormatDate(state.as_of)) +
      ExplainText(plan.decls, at);
  nlohmann::ordered_json json = {{"key", {{"column", key_name}, {"value", KeyText(*keys, *row)}}},
                                 {"as_of", ir::FormatDate(state.as_of)},
                                 {"explanations", ExplainJson(plan.decls, at)}};
  return Print(args, text, json);
}

int RunExplain(const ExplainArgs& args) {
  if (auto code = CheckArgs(args)) return *code;
  RunState base;
  LoadRequest request{"explain", args.run.rules, args.run.lib_dirs, args.run.color, {}};
  if (auto code = LoadOneProject(request, base.sources, base.projects)) return *code;
  base.project = base.projects[0].project.get();
  if (auto code = ResolveInputs(args.run, base)) return *code;
  return args.funnel ? Funnel(args, base) : Explain(args, base);
}

}  // namespace

Subcommand AddExplainCommand(CLI::App& root) {
  auto args = std::make_shared<ExplainArgs>();
  args->run.engine = "interp";
  args->run.threads = 1;
  CLI::App* app = root.add_subcommand(
      "explain", "Show why a row is or is not in each segment, or a segment's funnel");
  app->add_option("RULES", args->run.rules, "Rule files or the directory of one project")
      ->required()
      ->type_name("");
  app->add_option("--data", args->run.data, "CSV file, or NAME=FILE for a table or event table")
      ->required()
      ->type_name("[NAME=]FILE")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app->add_option("--key", args->key, "The key of the row to explain")->type_name("ID");
  app->add_option("--segment", args->segment,
                  "Only this segment (or score or classify); with --funnel, the segment")
      ->type_name("NAME");
  app->add_flag("--funnel", args->funnel,
                "Rows left after each top-level 'and' condition of --segment, in one pass");
  app->add_option("--format", args->format, "Output format on stdout")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  AddEvaluationOptions(app, args->run, "interp (default) or jit");
  app->footer(
      "Each line is an expression as written and its value on the row (true, false, null, a\n"
      "number, a date, a column's value; pNN shorthands as p90(cltv) = ...). The values come from\n"
      "one run of the project over the whole file, so statistics are those of the file.\n"
      "Exit status: 0 ok, 1 rule errors, 2 usage (also a --key not in the data), 3 bad data,\n"
      "4 internal error.");
  return {app, [args] { return RunExplain(*args); }};
}

}  // namespace segc::cli
