// Runs one generated project through the real front end, the planner, and both backends (the
// LLVM JIT and the reference interpreter), and compares the results bit for bit.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/driver/pipeline.h"
#include "segc/executor.h"
#include "segc/table.h"
#include "tests/differential/gen_rules.h"

namespace segc::difftest {

/// How one case runs.
struct RunConfig {
  int32_t as_of = 20758;
  int threads = 1;
  int64_t morsel_rows = 64;
  int opt_level = 2;
  bool allow_unknown_event_keys = false;
};

/// The outcome of one case. Exactly one of `check_error`, `failure`, `mismatch` is set when it
/// did not pass.
struct CaseOutcome {
  std::string check_error;  ///< the front end rejected the text: a generator bug
  std::string failure;      ///< lowering, planning, compiling or executing failed
  std::string mismatch;     ///< the backends disagree, or a partition does not hold
  double compile_ms = 0;    ///< JIT compile time (wall clock)
  double optimize_ms = 0;   ///< of which the LLVM pass pipeline
  double codegen_ms = 0;    ///< of which machine code emission
  driver::JitReport jit;    ///< the JIT's level and statistics
  bool passed() const { return check_error.empty() && failure.empty() && mismatch.empty(); }
};

/// Checks, lowers, plans, runs `rules` over `table` (and `events`, one table per event table of
/// the schema) with both backends and compares.
CaseOutcome RunCase(const std::string& schema, const GenProgram& rules, const rt::Table& table,
                    const std::vector<rt::Table>& events, const RunConfig& config);

/// The first difference between two results (interpreter `a`, JIT `b`), or "".
std::string FirstDifference(const rt::RunResult& a, const rt::RunResult& b);

/// The first row where the three segments of a partition do not cover it exactly once, or "".
std::string CheckPartitions(const rt::RunResult& result, const std::vector<Partition>& parts);

}  // namespace segc::difftest
