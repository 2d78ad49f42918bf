// `segc diff RULES --data FILE (--base OLD_RULES | --base-rev REV | --base-data OLD | --base-as-of
// DATE)`: two runs of the pipeline, base and current, compared output by output and key by key.
#include <fmt/format.h>

#include <cstdio>

#include "cli/command.h"
#include "cli/diff_base.h"
#include "cli/diff_compare.h"
#include "cli/diff_render.h"
#include "cli/exit_codes.h"
#include "cli/load_rules.h"
#include "cli/run_steps.h"

namespace segc::cli {
namespace {

struct DiffArgs {
  RunArgs run;
  std::vector<std::string> base_rules;
  std::string base_rev;
  std::vector<std::string> base_data;
  std::string base_as_of;
  std::string format = "text";
  size_t sample = 10;
};

/// The steps of `segc run` up to the result, for one side.
std::optional<int> RunSide(const RunArgs& args, RunState& state) {
  LoadRequest request{"diff", args.rules, args.lib_dirs, args.color, {}};
  if (auto code = LoadOneProject(request, state.sources, state.projects)) return code;
  state.project = state.projects[0].project.get();
  if (auto code = ResolveInputs(args, state)) return code;
  if (auto code = BuildPlan(state)) return code;
  if (auto code = LoadData(args, state)) return code;
  if (auto code = BuildKernels(args, state)) return code;
  return Execute(state);
}

/// The base's arguments: the current ones with what --base* replaces; `what` describes it.
std::optional<int> BaseArgs(const DiffArgs& args, TempDir& temp, RunArgs& base, std::string& what) {
  base = args.run;
  std::vector<std::string> parts;
  if (!args.base_rules.empty()) {
    base.rules = args.base_rules;
    parts.push_back(fmt::format("rules {}", fmt::join(args.base_rules, " ")));
  }
  if (!args.base_rev.empty()) {
    Status created = temp.Create();
    Result<std::vector<std::string>> paths =
        created.ok() ? ExtractAtRevision(args.run.rules, args.base_rev, temp.path())
                     : Result<std::vector<std::string>>(created);
    if (!paths.ok()) {
      std::fprintf(stderr, "segc: error: cannot read the rules at revision '%s': %s\n",
                   args.base_rev.c_str(), paths.status().message().c_str());
      return paths.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitInternal;
    }
    base.rules = *paths;
    parts.push_back(fmt::format("rules at {}", args.base_rev));
  }
  if (!args.base_data.empty()) {
    base.data = args.base_data;
    parts.push_back(fmt::format("data {}", fmt::join(args.base_data, " ")));
  }
  if (!args.base_as_of.empty()) {
    base.as_of = args.base_as_of;
    parts.push_back(fmt::format("as_of {}", args.base_as_of));
  }
  if (parts.empty()) {
    PrintUsageError("segc diff needs a base to compare with",
                    "give --base OLD_RULES, --base-rev REV, --base-data FILE or --base-as-of DATE");
    return kExitUsage;
  }
  what = fmt::format("{}", fmt::join(parts, ", "));
  return std::nullopt;
}

int RunDiff(const DiffArgs& args) {
  if (!args.base_rules.empty() && !args.base_rev.empty()) {
    PrintUsageError("--base and --base-rev both name the base rules", "give one of them");
    return kExitUsage;
  }
  TempDir temp;
  RunArgs base_args;
  std::string what;
  if (auto code = BaseArgs(args, temp, base_args, what)) return *code;
  RunState base, current;
  if (auto code = RunSide(base_args, base)) return *code;
  if (auto code = RunSide(args.run, current)) return *code;
  DiffReport report =
      CompareRuns({&base.result, &base.table, base.planned->schema.key},
                  {&current.result, &current.table, current.planned->schema.key}, args.sample);
  std::string out = args.format == "markdown" ? DiffMarkdown(report, what)
                    : args.format == "json"   ? DiffJson(report, what)
                                              : DiffText(report, what);
  std::fputs(out.c_str(), stdout);
  return kExitOk;
}

void AddBaseOptions(CLI::App* app, DiffArgs& args) {
  app->add_option("--base", args.base_rules, "The base rules: a project directory or rule files")
      ->type_name("OLD_RULES")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app->add_option("--base-rev", args.base_rev,
                  "The base rules: RULES as they were at this git revision (git show)")
      ->type_name("REV");
  app->add_option("--base-data", args.base_data,
                  "The base's data instead of --data ([NAME=]FILE, repeatable)")
      ->type_name("[NAME=]FILE")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app->add_option("--base-as-of", args.base_as_of, "The base's evaluation date YYYY-MM-DD")
      ->type_name("DATE");
}

}  // namespace

Subcommand AddDiffCommand(CLI::App& root) {
  auto args = std::make_shared<DiffArgs>();
  args->run.threads = 1;
  CLI::App* app = root.add_subcommand(
      "diff", "Compare segment, score and class results with a base (rules, revision, data, date)");
  app->add_option("RULES", args->run.rules, "Rule files or the directory of one project")
      ->required()
      ->type_name("");
  app->add_option("--data", args->run.data, "CSV file, or NAME=FILE for a table or event table")
      ->required()
      ->type_name("[NAME=]FILE")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  AddBaseOptions(app, *args);
  app->add_option("--format", args->format, "Output format on stdout")
      ->check(CLI::IsMember({"text", "markdown", "json"}))
      ->capture_default_str();
  app->add_option("--sample", args->sample, "Keys listed per segment for added and removed members")
      ->capture_default_str();
  AddEvaluationOptions(app, args->run, "jit (default) or interp");
  app->footer(
      "The base is the current command with what the --base options replace (they combine).\n"
      "Members are matched by key. See docs/cli.md.\n"
      "Exit status: 0 ok (whatever changed), 1 rule errors, 2 usage (also an unknown revision),\n"
      "3 bad data, 4 internal error.");
  return {app, [args] { return RunDiff(*args); }};
}

}  // namespace segc::cli
