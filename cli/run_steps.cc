// The steps of `segc run`: rules, inputs, plan, data, kernels, execution.
#include "cli/run_steps.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string_view>

#include "cli/command.h"
#include "cli/delimiter.h"
#include "cli/exit_codes.h"
#include "cli/lang.h"
#include "cli/load_rules.h"
#include "cli/run_inputs.h"
#include "compiler/plan/physical.h"
#include "segc/csv.h"
#include "segc/events.h"
#include "segc/writer.h"

namespace segc::cli {
namespace {

/// Erases the progress line before anything else goes to stderr.
void Quiet(RunState& state) {
  if (state.progress != nullptr) state.progress->Clear();
}

codegen::FailurePoint ForcedJitFailure() {
  // Test hook (docs/cli.md): make the JIT fail so tests can see exit 4 and no fallback.
  const char* value = std::getenv("SEGC_TEST_FORCE_JIT_FAILURE");
  if (value == nullptr || *value == '\0' || std::string_view(value) == "0") {
    return codegen::FailurePoint::kNone;
  }
  std::string_view point(value);
  if (point == "optimize") return codegen::FailurePoint::kOptimize;
  if (point == "emit") return codegen::FailurePoint::kEmit;
  if (point == "link") return codegen::FailurePoint::kLink;
  return codegen::FailurePoint::kBuild;
}

rt::CsvOptions MakeCsvOptions(const RunArgs& args, int threads, const std::string& path) {
  rt::CsvOptions options;
  if (args.decimal_comma) options.decimal_comma = rt::DecimalComma::kYes;
  options.encoding = rt::ParseEncodingName(args.encoding).value_or(rt::TextEncoding::kUtf8);
  options.delimiter = DelimiterChar(args.delimiter);
  options.null_tokens = args.null_tokens;
  options.threads = threads;
  options.max_errors = args.max_errors;
  options.rejects_path = args.rejects;
  options.display_name = path;
  options.hash_file = true;  // the summary's data_hash, computed while the file is parsed
  return options;
}

// `--dump-ir FILE`: the physical plan as plan::Print shows it, then the LLVM module (JIT only),
// written atomically; a failure to write it is exit 4 like --out (docs/cli.md).
std::optional<int> WriteIrDump(const std::string& path, const plan::PhysicalPlan& planned,
                               const std::string& llvm_ir, RunState& state) {
  Status status = [&]() -> Status {
    SEGC_TRY(rt::AtomicFileWriter out, rt::AtomicFileWriter::Open(path));
    SEGC_RETURN_IF_ERROR(out.Write("; segc IR (planned)\n"));
    SEGC_RETURN_IF_ERROR(out.Write(plan::Print(planned)));
    if (!llvm_ir.empty()) {
      SEGC_RETURN_IF_ERROR(out.Write("\n; LLVM IR (optimized)\n"));
      SEGC_RETURN_IF_ERROR(out.Write(llvm_ir));
    }
    return out.Commit();
  }();
  if (status.ok()) return std::nullopt;
  Quiet(state);
  std::fprintf(stderr, "segc: error: cannot write the IR dump '%s': %s\n", path.c_str(),
               status.message().c_str());
  return kExitInternal;
}

// The system refused threads (or memory outside loading): not a bug, exit 4 (docs/cli.md).
int ResourceError(const Status& status) {
  PrintError(status.message());
  std::fputs("  hint: a smaller --threads, or more memory (ulimit -v), may let the run start\n",
             stderr);
  return kExitInternal;
}

}  // namespace

int MemoryError(const std::string& message) {
  PrintError(message);
  std::fputs(
      "  hint: the data does not fit in the memory segc may use (ulimit -v, the "
      "container's limit): allow more, or split the file\n",
      stderr);
  return kExitBadData;
}

int OptLevelFromArgs(const std::string& text) {
  return text == "auto" ? driver::kAutoOptLevel : std::stoi(text);
}

int InternalError(const std::string& message, const std::string& hint) {
  std::fprintf(stderr, "segc: internal error: %s\n", message.c_str());
  if (!hint.empty()) std::fprintf(stderr, "  hint: %s\n", hint.c_str());
  std::fputs("  this is a bug in segc; please report it with the command line and the rule files\n",
             stderr);
  return kExitInternal;
}

std::optional<int> LoadRules(const RunArgs& args, RunState& state) {
  LoadRequest request{"run", args.rules, args.lib_dirs, args.color, [&state] { Quiet(state); }};
  if (auto code = LoadOneProject(request, state.sources, state.projects)) return code;
  state.project = state.projects[0].project.get();
  return std::nullopt;
}

std::optional<int> ResolveInputs(const RunArgs& args, RunState& state) {
  UsageProblem problem;
  auto as_of = ResolveAsOf(args.as_of, state.project->as_of, TodayUtc(), &problem);
  auto params =
      as_of ? ParseParams(args.params, ParamNames(*state.project), &problem) : std::nullopt;
  if (!params) {
    Quiet(state);
    PrintUsageError(problem.message, problem.hint);
    return kExitUsage;
  }
  state.as_of = *as_of;
  for (auto& [name, value] : *params) value = QuoteStringParam(*state.project, name, value);
  state.params = std::move(*params);
  return std::nullopt;
}

std::optional<int> BuildPlan(RunState& state) {
  api::PlanResult planned = api::Plan(*state.project, state.params);
  if (planned.error) {
    Quiet(state);
    const Status& status = planned.error->status;
    switch (planned.error->phase) {
      case api::CompilePhase::kParams:
        PrintUsageError(status.message(), "see the param's declaration in the rules");
        return kExitUsage;
      case api::CompilePhase::kUnsupported:
        std::fprintf(stderr, "segc: error: not supported yet: %s\n", status.message().c_str());
        return kExitRuleErrors;
      case api::CompilePhase::kBackend:
        return InternalError("planning: " + status.message());
    }
  }
  state.planned = std::move(planned.rules);
  return std::nullopt;
}

namespace {

/// `--data FILE` and `--data NAME=FILE` → the customer file and one file per event table.
std::optional<int> ResolveDataPaths(const RunArgs& args, RunState& state) {
  const std::vector<rt::Schema>& events = state.planned->event_schemas;
  const std::string& table = state.planned->schema.table_name;
  state.event_paths.assign(events.size(), "");
  bool customers = false;
  auto usage = [&](const std::string& message, const std::string& hint) {
    Quiet(state);
    PrintUsageError(message, hint);
    return kExitUsage;
  };
  for (const std::string& spec : args.data) {
    std::string name = table, path = spec;
    if (size_t eq = spec.find('='); eq != std::string::npos) {
      std::string prefix = spec.substr(0, eq);
      bool known = prefix == table;
      for (const rt::Schema& e : events) known |= prefix == e.table_name;
      if (known) {
        name = prefix;
        path = spec.substr(eq + 1);
      }
    }
    std::string* slot = name == table ? &state.customer_path : nullptr;
    for (size_t i = 0; i < events.size(); ++i) {
      if (events[i].table_name == name) slot = &state.event_paths[i];
    }
    if ((name == table && customers) || (name != table && !slot->empty())) {
      return usage(fmt::format("--data gives table '{}' twice", name),
                   "give one file per table: --data FILE --data EVENTS=FILE");
    }
    customers |= name == table;
    *slot = path;
  }
  for (size_t i = 0; i < events.size(); ++i) {
    if (state.event_paths[i].empty()) {
      return usage(fmt::format("no data for events '{}'", events[i].table_name),
                   fmt::format("add --data {}=FILE", events[i].table_name));
    }
  }
  return std::nullopt;
}

std::optional<int> ReportLoadFailure(const Status& status, const rt::CsvReport& report,
                                     const std::string& path, const std::string& table,
                                     RunState& state) {
  Quiet(state);
  if (status.code() == StatusCode::kResourceExhausted) {
    // docs/cli.md: data too large for the memory is exit 3; refused threads exit 4.
    if (status.message().rfind("not enough memory", 0) == 0) return MemoryError(status.message());
    return ResourceError(status);
  }
  if (report.rejects_failed) {  // an output, like --out: exit 4 (docs/cli.md)
    std::fprintf(stderr, "segc: error: cannot write --rejects: %s\n", status.message().c_str());
    return kExitInternal;
  }
  if (status.code() == StatusCode::kDataError && !report.errors.empty()) {
    std::fprintf(stderr, "%s\n",
                 rt::FormatDataErrors(report.errors, report.total_errors, TrMessage).c_str());
  } else if (status.code() == StatusCode::kIoError) {  // not a mismatch: the file is unreadable
    PrintError(status.message());
    std::fprintf(stderr, "%s\n", Tr(fmt::format("run failed: cannot read '{}'", path)).c_str());
    return kExitBadData;
  } else if (status.code() == StatusCode::kDataError) {
    PrintError(status.message());
  } else {
    return InternalError("loading data: " + status.message());
  }
  std::fprintf(
      stderr, "%s\n",
      Tr(fmt::format("run failed: the data in '{}' does not match table '{}'", path, table))
          .c_str());
  return kExitBadData;
}

/// Without a customer file, the customers are the distinct keys of the event tables.
std::optional<int> CustomersFromEvents(RunState& state) {
  const rt::Schema& schema = state.planned->schema;
  std::vector<const rt::Column*> keys;
  for (size_t i = 0; i < state.event_tables.size(); ++i) {
    keys.push_back(state.event_tables[i].GetColumn(state.planned->event_schemas[i].key));
  }
  Result<rt::Table> table = rt::CustomersFromEvents(schema.key, keys);
  if (!table.ok()) return ReportLoadFailure(table.status(), {}, "", schema.table_name, state);
  state.table = std::move(table).value();
  return std::nullopt;
}

}  // namespace

std::string DataPaths(const RunState& state) {
  std::vector<std::string> paths;
  if (!state.customer_path.empty()) paths.push_back(state.customer_path);
  for (const std::string& path : state.event_paths) paths.push_back(path);
  return fmt::format("{}", fmt::join(paths, ", "));
}

std::optional<int> LoadData(const RunArgs& args, RunState& state) {
  if (auto code = ResolveDataPaths(args, state)) return code;
  const std::vector<rt::Schema>& event_schemas = state.planned->event_schemas;
  for (size_t i = 0; i < event_schemas.size(); ++i) {
    rt::CsvReport report;
    const std::string& path = state.event_paths[i];
    rt::CsvOptions options = MakeCsvOptions(args, state.threads, path);
    options.rejects_path.clear();  // --rejects covers the customer file
    options.check_key = false;     // a customer's key repeats in its events
    if (!args.strict_columns) options.columns = api::ColumnsRead(*state.planned, i + 1);
    Result<rt::Table> events = rt::ReadCsv(path, event_schemas[i], options, &report);
    if (!events.ok()) {
      return ReportLoadFailure(events.status(), report, path, event_schemas[i].table_name, state);
    }
    state.event_tables.push_back(std::move(events).value());
    state.event_hashes.push_back(report.file_hash);
  }
  if (state.customer_path.empty()) return CustomersFromEvents(state);
  const rt::Schema& schema = state.planned->schema;
  rt::CsvReport report;
  rt::CsvOptions options = MakeCsvOptions(args, state.threads, state.customer_path);
  // Columns no rule reads are split but not parsed (docs/data-loading.md). The reader keeps the
  // key, which it checks; --out writes it.
  if (!args.strict_columns) {
    options.columns = api::ColumnsRead(*state.planned, 0);
    // Consent columns (the summary's reachable counts) and the columns an export writes.
    std::vector<std::string> extra = state.extra_columns;
    for (const sema::Channel& channel : state.project->channels) extra.push_back(channel.column);
    for (const std::string& name : extra) {
      if (std::find(options.columns.begin(), options.columns.end(), name) == options.columns.end())
        options.columns.push_back(name);
    }
  }
  Result<rt::Table> table = rt::ReadCsv(state.customer_path, schema, options, &report);
  if (table.ok()) {
    state.table = std::move(table).value();
    state.customer_hash = report.file_hash;
    return std::nullopt;
  }
  return ReportLoadFailure(table.status(), report, state.customer_path, schema.table_name, state);
}

std::optional<int> BuildKernels(const RunArgs& args, RunState& state) {
  driver::EngineOptions options;
  options.engine = args.engine == "interp" ? driver::Engine::kInterp : driver::Engine::kJit;
  options.cache_dir = args.cache_dir;
  options.opt_level = OptLevelFromArgs(args.opt_level);
  options.rows = state.table.num_rows();
  options.threads = state.threads;
  options.report = &state.jit;
  options.fail_at = ForcedJitFailure();
  std::ostringstream llvm_ir;
  if (!args.dump_ir.empty()) options.dump_llvm_ir = &llvm_ir;
  api::CompileResult compiled = api::Build(state.planned, options);
  // Written even when the JIT failed: the IR is what one needs to see then.
  if (!args.dump_ir.empty()) {
    if (auto code = WriteIrDump(args.dump_ir, *state.planned->plan, llvm_ir.str(), state)) {
      return *code;
    }
  }
  if (compiled.error) {
    Quiet(state);
    return InternalError(compiled.error->status.message(),
                         "'--engine interp' runs the same rules without the JIT");
  }
  state.compiled = std::move(compiled.program);
  if (!state.jit.stats.cache_warning.empty()) {
    Quiet(state);
    std::fprintf(stderr, "segc: warning: the JIT cache was %s\n",
                 state.jit.stats.cache_warning.c_str());
  }
  return std::nullopt;
}

std::optional<int> Execute(RunState& state) {
  api::RunInputs inputs;
  inputs.allow_unknown_event_keys = state.allow_unknown_event_keys;
  inputs.as_of = state.as_of;
  inputs.params = state.params;
  inputs.threads = state.threads;
  Result<rt::RunResult> result = api::Run(*state.compiled, state.table, state.event_tables, inputs);
  if (!result.ok()) {
    Quiet(state);
    if (result.status().code() == StatusCode::kDataError) {
      PrintError(result.status().message());
      return kExitBadData;
    }
    if (result.status().code() == StatusCode::kResourceExhausted) {
      return ResourceError(result.status());
    }
    return InternalError("execution: " + result.status().message());
  }
  state.result = std::move(result).value();
  return std::nullopt;
}

}  // namespace segc::cli
