// The one pipeline: load → check → compile → run. The CLI, the test harnesses, the benchmarks and
// the embedding API (segc/segc.hpp, segc/segc.h) all go through these functions; no other code
// composes the phases (syntax, sema, ir lowering, plan, codegen/interp).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/api/module_library.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/diag/source.h"
#include "compiler/driver/pipeline.h"
#include "compiler/ir/ir.h"
#include "compiler/plan/physical.h"
#include "compiler/sema/checked_project.h"
#include "segc/executor.h"
#include "segc/result.h"
#include "segc/schema.h"
#include "segc/table.h"

namespace segc::api {

/// A rule file's display path and text.
struct RuleText {
  std::string path;
  std::string text;
};

/// One project's rule texts (already in memory: the pipeline never opens rule files after
/// ReadProjects) and the modules its imports may name.
struct ProjectSource {
  std::string dir;  ///< how the user names the project ("rules", "." ...)
  std::vector<RuleText> files;
  std::shared_ptr<const ModuleLibrary> modules;  ///< null: the stdlib only
};

/// Discovers the projects named by command-line `paths` (directories or .seg files; see
/// driver::DiscoverProjects) and reads their files. Unreadable files are reported as E0901 and
/// left out of their project.
std::vector<ProjectSource> ReadProjects(const std::vector<std::string>& paths,
                                        std::shared_ptr<const ModuleLibrary> modules,
                                        diag::DiagnosticSink& sink);

/// A project after checking.
struct CheckedRules {
  std::string dir;
  size_t files = 0;  ///< rule files read (not counting modules)
  /// The checked project: never null. When a file had syntax errors, the files that parsed are
  /// still checked, but names they use that no parsed file defines are not reported (they may
  /// be defined in the broken part); such a project has errors and cannot be compiled.
  std::unique_ptr<sema::CheckedProject> project;
};

/// Parses every file of `source` into `sources` and checks the project; problems go to `sink`.
CheckedRules Check(const ProjectSource& source, diag::SourceManager& sources,
                   diag::DiagnosticSink& sink);

/// ReadProjects then Check of each project, with the modules of `lib_dirs` (`--lib`).
std::vector<CheckedRules> CheckPaths(const std::vector<std::string>& paths,
                                     const std::vector<std::string>& lib_dirs,
                                     diag::SourceManager& sources, diag::DiagnosticSink& sink);

/// Where Compile failed, so that a caller can tell the user's mistake from ours.
enum class CompilePhase : uint8_t {
  kParams,       ///< a bad compile-time param value (usage)
  kUnsupported,  ///< a construct the engine does not run yet (a rule error)
  kBackend,      ///< the JIT failed (internal)
};

struct CompileError {
  CompilePhase phase = CompilePhase::kBackend;
  Status status;
};

/// A checked project lowered to its logical IR and planned: everything but the kernels.
struct PlannedRules {
  std::shared_ptr<const ir::Program> logical;      ///< the language's meaning (ir::Lower)
  std::shared_ptr<const plan::PhysicalPlan> plan;  ///< how the engine evaluates it (plan::Plan)
  rt::Schema schema;
  /// The event tables' declarations, in the order Run takes their tables.
  std::vector<rt::Schema> event_schemas;
  std::optional<int32_t> declared_as_of;  ///< the rules' `as_of`
  std::vector<std::string> param_names;   ///< every param of the project, qualified
  /// The param values Plan was given; duration and string params are compiled with them.
  std::map<std::string, std::string> compiled_params;
};

struct PlanResult {
  std::shared_ptr<const PlannedRules> rules;
  std::optional<CompileError> error;
};

/// Lowers and plans a checked project without errors; `params` are `--param` overrides (name →
/// rule-file literal) for params the compiler needs as constants.
PlanResult Plan(const sema::CheckedProject& project,
                const std::map<std::string, std::string>& params);

/// An immutable compiled program: its plan and its kernels. Safe to run from many threads at
/// once.
struct CompiledProgram {
  std::shared_ptr<const PlannedRules> rules;
  rt::ExecProgram exec;
};

struct CompileResult {
  std::shared_ptr<const CompiledProgram> program;
  std::optional<CompileError> error;
};

/// Builds the kernels of `rules` (JIT or interpreter; a JIT failure is kBackend, never a
/// fallback).
CompileResult Build(std::shared_ptr<const PlannedRules> rules,
                    const driver::EngineOptions& options);

/// How to compile: the backend and the params the compiler needs as constants.
struct CompileOptions {
  driver::EngineOptions engine;
  std::map<std::string, std::string> params;
};

/// Plan then Build.
CompileResult Compile(const sema::CheckedProject& project, const CompileOptions& options);

/// What varies between runs of one compiled program.
struct RunInputs {
  int32_t as_of = 0;  ///< days since 1970-01-01
  /// Param values (name → rule-file literal). Bool, int, float and date params take any value
  /// of their type, except those the compiler needed as a constant (ir::RunInput::pinned);
  /// duration and string params must repeat the value the program was planned with.
  std::map<std::string, std::string> params;
  int threads = 1;
  int64_t morsel_rows = 65536;
  /// Event rows whose key is not a customer are counted (RunResult::unknown_event_keys) instead
  /// of failing the run.
  bool allow_unknown_event_keys = false;
};

/// The value of every run input of `rules` (as_of, then params) for `inputs`; kInvalidArgument
/// for a bad param.
Result<std::vector<rt::RunInputValue>> RunInputValues(const PlannedRules& rules,
                                                      const RunInputs& inputs);

/// Runs `program` over `table` with `inputs`. A bad param (unknown, wrong type, or a compiled
/// one given another value) is kInvalidArgument; other failures as rt::Execute.
Result<rt::RunResult> Run(const CompiledProgram& program, const rt::Table& table,
                          const RunInputs& inputs);
/// Same, with one table per event table of the rules (PlannedRules::event_schemas order).
Result<rt::RunResult> Run(const CompiledProgram& program, const rt::Table& table,
                          const std::vector<rt::Table>& event_tables, const RunInputs& inputs);

}  // namespace segc::api
