// `expect size between A and B` on segments: which ones a run violated, and how to say so.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/diag/source.h"
#include "compiler/sema/checked_project.h"
#include "segc/executor.h"

namespace segc::cli {

/// A segment whose member count lies outside its `expect size` bounds.
struct SizeViolation {
  std::string segment;      ///< qualified name
  diag::SourceRange range;  ///< the `expect size ...` clause
  int64_t count = 0;        ///< members
  int64_t rows = 0;         ///< rows of the table
  std::string expected;     ///< "between 1% and 15%"
  int64_t low = 0;          ///< the bounds in rows (percent bounds rounded outwards)
  int64_t high = 0;
  bool passed = false;  ///< low <= count <= high (ExpectedSizes; always false in violations)
};

/// Every segment that declares `expect size`, passed or not, in program order (`segc report`).
std::vector<SizeViolation> ExpectedSizes(const sema::CheckedProject& project,
                                         const rt::RunResult& result);

/// Checks every segment of every instance that declares `expect size` against `result`.
/// Bounds are inclusive; a percent bound p means p * rows (a count must be >= ceil(low) and
/// <= floor(high)). In program order.
std::vector<SizeViolation> CheckExpectedSizes(const sema::CheckedProject& project,
                                              const rt::RunResult& result);

/// `path:line:col: warning: segment 'VIP' has 3 rows (0.3%), expected between 1% and 15%
/// (10 to 150 rows)` — `error` instead of `warning` when `as_error`. No trailing newline.
std::string FormatViolation(const diag::SourceManager& sources, const SizeViolation& violation,
                            bool as_error);

}  // namespace segc::cli
