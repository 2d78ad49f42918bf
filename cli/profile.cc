// `segc profile DATA...`: the data audit before segmenting: per column fill, distinct and top
// values, min/max, invalid values, and duplicates of the key (docs/cli.md, "segc profile").
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "cli/delimiter.h"
#include "cli/exit_codes.h"
#include "cli/load_rules.h"
#include "cli/profile_render.h"
#include "cli/progress.h"
#include "cli/run_steps.h"
#include "compiler/diag/suggest.h"
#include "compiler/driver/runtime_schema.h"
#include "segc/schema_infer.h"

namespace segc::cli {
namespace {

struct ProfileArgs {
  std::vector<std::string> data;    ///< [NAME=]FILE
  std::vector<std::string> schema;  ///< --schema: rule files or the project directory
  std::string key;
  std::string format = "text";
  int top = 5;
  int64_t sample = 10000;
  std::string delimiter = "auto";
  std::string encoding;  ///< empty: UTF-8, or windows-1252 when the file is not UTF-8
  bool decimal_comma = false;
  std::vector<std::string> null_tokens;
  std::vector<std::string> lib_dirs;
  std::string color = "auto";
};

/// The declared tables of --schema: the customer table, then the event tables.
struct Declared {
  std::string rules;  ///< --schema as written
  std::vector<rt::Schema> tables;
  size_t customers = 0;  ///< tables[0]; the others are events
};

/// A file to profile and the declaration that types it (nullptr: all inferred).
struct Target {
  std::string path;
  const rt::Schema* declared = nullptr;
  bool events = false;
};

std::optional<int> LoadDeclared(const ProfileArgs& args, Declared& out,
                                diag::SourceManager& sources,
                                std::vector<api::CheckedRules>& projects) {
  if (args.schema.empty()) return std::nullopt;
  LoadRequest request{"profile", args.schema, args.lib_dirs, args.color, nullptr};
  if (auto code = LoadOneProject(request, sources, projects)) return code;
  const sema::CheckedProject& project = *projects[0].project;
  out.rules = fmt::format("{}", fmt::join(args.schema, " "));
  out.tables.push_back(driver::ToRuntimeSchema(project.schema));
  for (const sema::EventSchema& events : project.events) {
    out.tables.push_back(driver::ToRuntimeSchema(events.table));
  }
  return std::nullopt;
}

/// `FILE` (the rules' table) or `NAME=FILE` (the table or event table NAME of the rules).
std::vector<Target> ResolveTargets(const ProfileArgs& args, const Declared& declared) {
  std::vector<Target> targets;
  for (const std::string& spec : args.data) {
    Target target{spec, declared.tables.empty() ? nullptr : &declared.tables[0], false};
    if (size_t eq = spec.find('='); eq != std::string::npos) {
      for (size_t t = 0; t < declared.tables.size(); ++t) {
        if (declared.tables[t].table_name != spec.substr(0, eq)) continue;
        target = {spec.substr(eq + 1), &declared.tables[t], t > 0};
      }
    }
    targets.push_back(target);
  }
  return targets;
}

/// The file's columns typed as declared where the rules declare them, else as inferred;
/// fills `profile`'s declared flags and missing columns.
rt::Schema MergeSchema(const rt::Schema& inferred, const Target& target, FileProfile& profile) {
  rt::Schema merged = inferred;
  if (target.declared == nullptr) {
    profile.declared.assign(merged.columns.size(), false);
    return merged;
  }
  merged.table_name = target.declared->table_name;
  for (rt::ColumnSpec& column : merged.columns) {
    int d = target.declared->FindColumn(column.name);
    profile.declared.push_back(d >= 0);
    if (d >= 0) column = target.declared->columns[size_t(d)];
  }
  for (const rt::ColumnSpec& column : target.declared->columns) {
    if (inferred.FindColumn(column.name) < 0) profile.missing.push_back(column.name);
  }
  return merged;
}

/// A column named twice in the header cannot be told apart: a data error (exit 3), as for
/// `segc run`.
std::optional<int> CheckHeaderNames(const rt::Schema& inferred, const std::string& path) {
  for (size_t c = 0; c < inferred.columns.size(); ++c) {
    const std::string& name = inferred.columns[c].name;
    if (inferred.FindColumn(name) == int(c)) continue;
    std::fprintf(stderr, "segc: error: %s: column '%s' appears twice in the header\n", path.c_str(),
                 name.c_str());
    std::fprintf(stderr, "profile failed: cannot read '%s'\n", path.c_str());
    return kExitBadData;
  }
  return std::nullopt;
}

/// The key whose duplicates are counted: --key, else the declared table's key (not an event
/// table's: a customer's key repeats in its events), else the inferred one.
std::optional<int> ChooseKey(const ProfileArgs& args, const Target& target,
                             const rt::Schema& merged, const rt::Schema& inferred,
                             FileProfile& profile, std::string* key) {
  if (!args.key.empty()) {
    if (merged.FindColumn(args.key) < 0) {
      std::vector<std::string> names;
      for (const rt::ColumnSpec& c : merged.columns) names.push_back(c.name);
      std::string hint = fmt::format("columns: {}", fmt::join(names, ", "));
      if (auto near = diag::ClosestName(args.key, names)) {
        hint = fmt::format("did you mean '{}'?", *near);
      }
      PrintUsageError(fmt::format("--key '{}' is not a column of '{}'", args.key, target.path),
                      hint);
      return kExitUsage;
    }
    *key = args.key, profile.key_source = "--key";
  } else if (target.declared != nullptr) {
    if (!target.events && merged.FindColumn(target.declared->key) >= 0) {
      *key = target.declared->key, profile.key_source = "rules";
    }
  } else if (!inferred.key.empty()) {
    *key = inferred.key, profile.key_source = "inferred";
  }
  return std::nullopt;
}

int ReadFailure(const Status& status, const std::string& path) {
  if (status.code() == StatusCode::kResourceExhausted) return MemoryError(status.message());
  // kInvalidArgument: the header names a column twice (the schema built from it is refused).
  if (status.code() != StatusCode::kIoError && status.code() != StatusCode::kDataError &&
      status.code() != StatusCode::kInvalidArgument) {
    return InternalError("profiling: " + status.message());
  }
  const bool formatted = status.message().starts_with(path + ":");  // FILE:LINE: data error
  std::fprintf(stderr, "%s%s\n", formatted ? "" : "segc: error: ", status.message().c_str());
  std::fprintf(stderr, "profile failed: cannot read '%s'\n", path.c_str());
  return kExitBadData;
}

/// Shows "profiling FILE (N%)" on a terminal, redrawn when the percentage changes.
std::function<void(int64_t, int64_t)> ShowProgress(Progress& progress, const std::string& path) {
  auto shown = std::make_shared<int>(-1);
  return [&progress, path, shown](int64_t done, int64_t total) {
    const int percent = total == 0 ? 100 : int(100 * done / total);
    if (percent == *shown) return;
    *shown = percent;
    progress.Step(fmt::format("profiling {} ({}%)", path, percent));
  };
}

std::optional<int> ProfileOne(const ProfileArgs& args, const Target& target, Progress& progress,
                              FileProfile& profile) {
  rt::InferOptions infer;
  infer.sample_rows = args.sample;
  infer.delimiter = DelimiterChar(args.delimiter);
  if (!args.encoding.empty()) infer.encoding = rt::ParseEncodingName(args.encoding);
  rt::InferReport report;
  progress.Step("inferring the columns of " + target.path);
  Result<rt::Schema> inferred = rt::InferSchema(target.path, infer, &report);
  if (!inferred.ok()) {
    progress.Clear();
    return ReadFailure(inferred.status(), target.path);
  }
  profile.path = target.path;
  profile.events = target.events;
  profile.sample = args.sample;
  profile.top = args.top;
  profile.encoding_guessed = report.encoding_guessed;
  if (auto code = CheckHeaderNames(*inferred, target.path)) {
    progress.Clear();
    return code;
  }
  rt::Schema merged = MergeSchema(*inferred, target, profile);
  profile.table = merged.table_name;
  rt::ProfileOptions options;
  options.top = args.top;
  options.csv.delimiter = report.delimiter;
  options.csv.encoding = report.encoding;
  options.csv.decimal_comma = args.decimal_comma ? rt::DecimalComma::kYes : rt::DecimalComma::kAuto;
  options.csv.null_tokens = args.null_tokens;
  options.csv.display_name = target.path;
  if (auto code = ChooseKey(args, target, merged, *inferred, profile, &options.key)) {
    progress.Clear();
    return code;
  }
  options.progress = ShowProgress(progress, target.path);
  Result<rt::DataProfile> data = rt::ProfileCsv(target.path, merged, options);
  progress.Clear();
  if (!data.ok()) return ReadFailure(data.status(), target.path);
  profile.data = std::move(data).value();
  return std::nullopt;
}

int RunProfile(const ProfileArgs& args) {
  diag::SourceManager sources;
  std::vector<api::CheckedRules> projects;
  Declared declared;
  if (auto code = LoadDeclared(args, declared, sources, projects)) return *code;
  std::vector<FileProfile> files;
  Progress progress(STDERR_FILENO);
  try {
    for (const Target& target : ResolveTargets(args, declared)) {
      FileProfile& profile = files.emplace_back();
      profile.rules = declared.rules;
      if (auto code = ProfileOne(args, target, progress, profile)) return *code;
    }
  } catch (const std::bad_alloc&) {
    progress.Clear();
    return MemoryError("not enough memory for the distinct values of " +
                       (files.empty() ? std::string("the data") : files.back().path));
  }
  std::string out = args.format == "json" ? ProfileJson(files) : ProfileText(files);
  std::fputs(out.c_str(), stdout);
  return kExitOk;
}

}  // namespace

Subcommand AddProfileCommand(CLI::App& root) {
  auto args = std::make_shared<ProfileArgs>();
  CLI::App* app = root.add_subcommand(
      "profile",
      "Audit data files before segmenting: fill, distinct and top values, min/max, "
      "invalid values, duplicate keys");
  app->add_option("DATA", args->data,
                  "CSV files (plain or gzip); NAME=FILE profiles FILE as the table or event "
                  "table NAME of --schema")
      ->required()
      ->type_name("[NAME=]FILE");
  app->add_option("--schema", args->schema,
                  "Rule files or the project directory whose table declares the types (columns "
                  "it does not declare are inferred)")
      ->type_name("RULES")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app->add_option("--key", args->key,
                  "Column whose duplicates are counted (default: the table's key in --schema, "
                  "else the key 'segc schema infer' proposes)")
      ->type_name("COL");
  app->add_option("--format", args->format, "Report format on stdout")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  app->add_option("--top", args->top, "Most frequent values shown per column")
      ->check(CLI::Range(0, 1000))
      ->capture_default_str();
  app->add_option("--sample", args->sample,
                  "Records examined from the start of a file to infer undeclared types")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  AddDelimiterOption(app, args->delimiter);
  AddEncodingOption(app, args->encoding,
                    "The files' text encoding (default: UTF-8, or windows-1252 when a file is not "
                    "valid UTF-8)");
  app->add_flag("--decimal-comma", args->decimal_comma,
                "Read \"12,5\" as 12.5 in float columns (default: detect with ';' files)");
  app->add_option("--null", args->null_tokens,
                  "A field text that means null besides the empty field, e.g. NA (repeatable)")
      ->type_name("TOKEN")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app->add_option("--lib", args->lib_dirs, "Folder of library modules for 'import' (repeatable)")
      ->type_name("DIR")
      ->check(CLI::ExistingDirectory)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app->add_option("--color", args->color, "Colour in rule diagnostics (auto: only on a terminal)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app->footer(
      "Types come from --schema's declarations, else as 'segc schema infer' infers them.\n"
      "Exit status: 0 ok (findings are in the report), 1 rule errors in --schema, 2 usage,\n"
      "3 unreadable file or bad header, 4 internal error.");
  return {app, [args] { return RunProfile(*args); }};
}

}  // namespace segc::cli
