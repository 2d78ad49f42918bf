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

/// One row of the engine test schema (tests/unit/ir/engine_testing.h); id is the row index.
struct EngineRow {
  std::optional<double> cltv = std::nullopt;
  std::optional<int64_t> orders = std::nullopt;
  std::optional<int32_t> last = std::nullopt;  ///< days before as_of (converted to a date)
  std::optional<std::string> country = std::nullopt;
  std::optional<std::string> stage = std::nullopt;
  std::optional<bool> consent = std::nullopt;
};

/// A table over the engine test schema holding `rows`.
rt::Table EngineTable(const std::vector<EngineRow>& rows);

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
