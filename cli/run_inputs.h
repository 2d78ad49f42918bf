// Turning `segc run` flags into lowering inputs: the evaluation date and the param overrides.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/sema/checked_project.h"

namespace segc::cli {

/// A command-line mistake: "segc: error: MESSAGE" plus a hint line (exit 2).
struct UsageProblem {
  std::string message;
  std::string hint;
};

/// Days since 1970-01-01 of a strict ISO date "YYYY-MM-DD" (a real calendar day), else nullopt.
std::optional<int32_t> ParseIsoDate(std::string_view text);

/// Today's date in UTC, as days since 1970-01-01.
int32_t TodayUtc();

/// The evaluation date: `flag` (if not empty) wins over the project's `as_of`, which wins over
/// `today`. A malformed flag is a usage problem.
std::optional<int32_t> ResolveAsOf(const std::string& flag, std::optional<int32_t> project_as_of,
                                   int32_t today, UsageProblem* problem);

/// Qualified names of every param of the project and its imports ("vip_window",
/// "rfm.window"), sorted.
std::vector<std::string> ParamNames(const sema::CheckedProject& project);

/// Splits `--param NAME=VALUE` flags into a map. A flag without '=', an empty name or value, a
/// name given twice, or a name that is not in `known` (with a did-you-mean hint) is a usage
/// problem; values are checked later, by lowering.
std::optional<std::map<std::string, std::string>> ParseParams(const std::vector<std::string>& flags,
                                                              const std::vector<std::string>& known,
                                                              UsageProblem* problem);

/// `value` in quotes (double, or single if it holds a double quote) when param `name` is a
/// string and the value is not already quoted, so `--param sector=agrifood` works; otherwise
/// `value` unchanged.
std::string QuoteStringParam(const sema::CheckedProject& project, const std::string& name,
                             const std::string& value);

}  // namespace segc::cli
