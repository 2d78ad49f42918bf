// The individual steps of `segc run` (run_command.cc strings them together). Each step reports
// its own problems on stderr and returns the exit code to stop with, or nullopt to go on.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "cli/progress.h"
#include "cli/run_args.h"
#include "compiler/api/pipeline.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/diag/source.h"
#include "compiler/driver/pipeline.h"
#include "compiler/ir/ir.h"
#include "segc/executor.h"
#include "segc/table.h"

namespace segc::cli {

/// State carried from step to step.
struct RunState {
  diag::SourceManager sources;
  std::vector<api::CheckedRules> projects;
  const sema::CheckedProject* project = nullptr;
  int32_t as_of = 0;
  std::map<std::string, std::string> params;
  std::shared_ptr<const api::PlannedRules> planned;
  rt::Table table;
  std::string customer_path;             ///< "" when the customers come from the event keys
  std::vector<std::string> event_paths;  ///< by PlannedRules::event_schemas
  std::vector<rt::Table> event_tables;
  bool allow_unknown_event_keys = false;  ///< --unknown-keys report
  /// Data file hashes computed by the CSV reader during the load (empty: hash the file after
  /// the run, e.g. gzip): the customer file's, then by event table.
  std::optional<uint64_t> customer_hash;
  std::vector<std::optional<uint64_t>> event_hashes;
  std::shared_ptr<const api::CompiledProgram> compiled;
  rt::RunResult result;
  int threads = 1;
  driver::JitReport jit;         ///< filled by BuildKernels with the JIT engine
  Progress* progress = nullptr;  ///< cleared before a step writes to stderr
  /// Customer columns to load besides those the rules read (`segc export --columns`).
  std::vector<std::string> extra_columns;
};

/// Loads and checks the rules; renders diagnostics (errors and warnings) on stderr. Exit 1 on
/// rule errors, 2 unless the paths make exactly one project.
std::optional<int> LoadRules(const RunArgs& args, RunState& state);

/// Resolves --as-of and --param (exit 2 on mistakes).
std::optional<int> ResolveInputs(const RunArgs& args, RunState& state);

/// Lowers and plans the program. A bad param value is a usage error (2); a construct the engine
/// does not support yet is a rule error (1).
std::optional<int> BuildPlan(RunState& state);

/// Reads the data file against the project's table. Data errors print as FILE:LINE:COL lines
/// (exit 3), as does an unreadable file.
std::optional<int> LoadData(const RunArgs& args, RunState& state);

/// The data files of the run, for messages ("a.csv, purchases.txt").
std::string DataPaths(const RunState& state);

/// Builds the kernels (JIT or interpreter); a JIT failure is an internal error (4), never a
/// fallback. Honours SEGC_TEST_FORCE_JIT_FAILURE (tests only, docs/cli.md).
std::optional<int> BuildKernels(const RunArgs& args, RunState& state);

/// Executes the program over the table.
std::optional<int> Execute(RunState& state);

/// The JIT level for --opt-level TEXT ("auto" or 0..3; validated by the option parser).
int OptLevelFromArgs(const std::string& text);

/// Prints "segc: error: MESSAGE" and a hint about memory limits; returns 3 (data too large).
int MemoryError(const std::string& message);

/// Prints "segc: internal error: MESSAGE" and the bug-report hint; returns 4.
int InternalError(const std::string& message, const std::string& hint = "");

}  // namespace segc::cli
