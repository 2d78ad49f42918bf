// The measure and overlap sections of `segc run`'s summaries (docs/cli.md, "Measures" and
// "Overlaps"); called once from each printer of cli/run_summary.cc.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "segc/executor.h"

namespace segc::cli {

/// A share in the text summaries: "26.2%" (one decimal), "-" when the whole is 0.
std::string PercentText(double part, double whole);

/// Text: the table of measures by group (the whole table, each segment, each class label), when
/// the run has measures, then the overlap matrices when `overlaps` is given.
void AppendMeasureSections(const rt::RunResult& result, const std::optional<rt::Overlaps>& overlaps,
                           std::string& out);

/// JSON: "measures" and "measure_groups" when the run has measures, "overlaps" when given.
void AddMeasureSections(const rt::RunResult& result, const std::optional<rt::Overlaps>& overlaps,
                        nlohmann::ordered_json& j);

}  // namespace segc::cli
