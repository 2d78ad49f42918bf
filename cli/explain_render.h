// `segc explain` output: the explained tree with each line's value, and the funnel, as text or
// JSON.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/explain_tree.h"
#include "segc/executor.h"
#include "segc/table.h"

namespace segc::cli {

/// Where an explanation reads its values: the run, the table and the row.
struct ExplainRow {
  const rt::RunResult* result = nullptr;
  const rt::Table* table = nullptr;
  int64_t row = 0;
  int32_t as_of = 0;
};

/// "segment VIP = true" and the indented lines below it, for each declaration.
std::string ExplainText(const std::vector<ExplainDecl>& decls, const ExplainRow& row);

/// [{"kind": "segment", "name": "VIP", "value": true, "tree": {"text", "value", "children"}}].
nlohmann::ordered_json ExplainJson(const std::vector<ExplainDecl>& decls, const ExplainRow& row);

/// The rows left after each step of a funnel and what it excluded.
struct FunnelStep {
  std::string condition;
  int64_t rows = 0;      ///< rows passing this and every earlier step
  int64_t excluded = 0;  ///< rows the step removed
};

std::string FunnelText(const std::string& segment, int64_t rows,
                       const std::vector<FunnelStep>& steps);
nlohmann::ordered_json FunnelJson(const std::string& segment, int64_t rows,
                                  const std::vector<FunnelStep>& steps);

}  // namespace segc::cli
