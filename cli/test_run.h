// Running the tests of one rule test file (`segc test`, docs/testing.md "Rule tests").
#pragma once

#include <string>
#include <vector>

#include "cli/test_coverage.h"

namespace segc::cli {

/// The outcome of one test: failures is empty when it passed.
struct CaseResult {
  std::string file;
  std::string name;
  std::vector<std::string> failures;
  double seconds = 0;
};

/// The coverage targets of one project, summed over every test file that tests it.
struct ProjectCoverage {
  std::string rules;
  std::vector<CoverageTarget> targets;
};

struct TestOptions {
  bool coverage = false;
  std::string engine = "interp";  ///< jit or interp
  std::vector<std::string> lib_dirs;
  std::string color = "auto";
};

/// Runs every test of the test file at `path` and appends one result per test (one for the
/// whole file when it cannot be read or parsed, or its rules have errors; diagnostics go to
/// stderr). With options.coverage, adds the fixtures' outcomes to `coverage`.
void RunTestFile(const std::string& path, const TestOptions& options,
                 std::vector<CaseResult>& results, std::vector<ProjectCoverage>& coverage);

}  // namespace segc::cli
