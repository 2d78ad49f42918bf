// Checking a rule test's expectations against the run of its fixture.
#pragma once

#include <string>
#include <vector>

#include "cli/test_file.h"
#include "compiler/diag/source.h"
#include "compiler/sema/checked_project.h"
#include "segc/executor.h"
#include "segc/table.h"

namespace segc::cli {

/// What an expectation is checked against: the run, the table it ran on and its key column.
struct TestRun {
  const rt::RunResult* result = nullptr;
  const rt::Table* table = nullptr;
  std::string key;  ///< the customer table's key column
  const sema::CheckedProject* project = nullptr;
  const diag::SourceManager* sources = nullptr;  ///< for `expect sizes` messages
};

/// Checks `expect` against `run`: empty when it holds, else why not, in one or more lines
/// ("key 100004 is not a member of VIP (members: 100001, 100003)").
std::string CheckExpectation(const Expectation& expect, const TestRun& run);

}  // namespace segc::cli
