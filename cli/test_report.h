// What `segc test` prints: results as they come, the coverage table, and the JUnit XML file.
#pragma once

#include <string>
#include <vector>

#include "cli/test_run.h"

namespace segc::cli {

/// The lines for `results` (one file's tests, in order): the file, then "  ok    NAME" or
/// "  FAIL  NAME" followed by each failure, indented.
std::string FormatResults(const std::vector<CaseResult>& results);

/// Covered targets (both outcomes seen) over all targets, in percent (100 when there are none).
double CoveragePercent(const std::vector<ProjectCoverage>& coverage);

/// Per project: "coverage of DIR: C of N conditions both true and false (P%)" and one line per
/// target missing an outcome; then the total.
std::string FormatCoverage(const std::vector<ProjectCoverage>& coverage);

/// The JUnit XML document (testsuites > testsuite per test file > testcase > failure).
std::string JunitXml(const std::vector<CaseResult>& results);

}  // namespace segc::cli
