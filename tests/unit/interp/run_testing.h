// Test helpers: rules + an in-memory table → RunResult through lower, plan, interpreter, executor.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "segc/executor.h"
#include "segc/table.h"

namespace segc::testing {

/// Runs `rules` over `table` with the interpreter; test-fails (and returns an empty result) when
/// any phase fails.
rt::RunResult RunRules(const std::string& rules, const rt::Table& table, int threads = 1,
                       const std::map<std::string, std::string>& params = {},
                       int64_t morsel_rows = 65536);

/// Like RunRules but returns the failure of lower/plan/execute.
Result<rt::RunResult> TryRun(const std::string& rules, const rt::Table& table, int threads = 1,
                             const std::map<std::string, std::string>& params = {},
                             int64_t morsel_rows = 65536);

/// A table over the engine test schema (tests/unit/ir/engine_testing.h) with `n` rows of
/// deterministic pseudo-random data, some nulls in every column.
rt::Table SampleTable(int64_t n);

/// Members of segment `name` as row indices.
std::vector<int64_t> Members(const rt::RunResult& result, const std::string& name);
const rt::ScoreResult& ScoreOf(const rt::RunResult& result, const std::string& name);
const rt::ClassResult& ClassOf(const rt::RunResult& result, const std::string& name);
/// Score value of row i, or nullopt.
std::optional<double> ScoreAt(const rt::RunResult& result, const std::string& name, int64_t i);
/// Label text of row i, or "null".
std::string LabelAt(const rt::RunResult& result, const std::string& name, int64_t i);
/// A canonical dump of every output (for comparing runs bit for bit).
std::string Fingerprint(const rt::RunResult& result);

}  // namespace segc::testing
