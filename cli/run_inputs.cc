// `--as-of` and `--param` handling for `segc run`.
#include "cli/run_inputs.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <set>

#include "compiler/diag/suggest.h"
#include "compiler/ir/calendar.h"

namespace segc::cli {
namespace {}  // namespace

std::string QuoteStringParam(const sema::CheckedProject& project, const std::string& name,
                             const std::string& value) {
  bool quoted =
      value.size() >= 2 && (value[0] == '"' || value[0] == '\'') && value.back() == value[0];
  if (quoted) return value;
  for (uint32_t i = 0; i < project.instances.size(); ++i) {
    const sema::Unit& unit = *project.units[project.instances[i].unit];
    for (uint32_t d = 0; d < unit.decls.size(); ++d) {
      const sema::DeclInfo& decl = unit.decls[d];
      if (decl.kind != sema::DeclKind::kParam || project.QualifiedName({i, d}) != name) continue;
      if (decl.type.kind() != sema::TypeKind::kString) return value;
      // Param literals are taken verbatim between the quotes (no escapes).
      char quote = value.find('"') == std::string::npos ? '"' : '\'';
      return quote + value + quote;
    }
  }
  return value;
}

std::optional<int32_t> ParseIsoDate(std::string_view text) { return ir::ParseIsoDate(text); }

int32_t TodayUtc() {
  auto now = std::chrono::system_clock::now();
  return static_cast<int32_t>(
      std::chrono::floor<std::chrono::days>(now).time_since_epoch().count());
}

std::optional<int32_t> ResolveAsOf(const std::string& flag, std::optional<int32_t> project_as_of,
                                   int32_t today, UsageProblem* problem) {
  if (flag.empty()) return project_as_of.value_or(today);
  if (auto days = ParseIsoDate(flag)) return days;
  *problem = {fmt::format("invalid --as-of '{}'", flag),
              "write the date as YYYY-MM-DD, e.g. --as-of 2026-11-01"};
  return std::nullopt;
}

std::vector<std::string> ParamNames(const sema::CheckedProject& project) {
  std::vector<std::string> names;
  for (uint32_t i = 0; i < project.instances.size(); ++i) {
    const sema::Unit& unit = *project.units[project.instances[i].unit];
    for (uint32_t d = 0; d < unit.decls.size(); ++d) {
      if (unit.decls[d].kind == sema::DeclKind::kParam) {
        names.push_back(project.QualifiedName({i, d}));
      }
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<std::map<std::string, std::string>> ParseParams(const std::vector<std::string>& flags,
                                                              const std::vector<std::string>& known,
                                                              UsageProblem* problem) {
  std::map<std::string, std::string> params;
  for (const std::string& flag : flags) {
    size_t eq = flag.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == flag.size()) {
      *problem = {fmt::format("invalid --param '{}'", flag),
                  "write --param NAME=VALUE, e.g. --param vip_window=60d"};
      return std::nullopt;
    }
    std::string name = flag.substr(0, eq);
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      std::string hint = known.empty() ? "the rules declare no params"
                                       : fmt::format("params: {}", fmt::join(known, ", "));
      if (auto near = diag::ClosestName(name, known))
        hint = fmt::format("did you mean '{}'?", *near);
      *problem = {fmt::format("unknown param '{}'", name), hint};
      return std::nullopt;
    }
    if (!params.emplace(name, flag.substr(eq + 1)).second) {
      *problem = {fmt::format("--param '{}' is given twice", name), "give each param once"};
      return std::nullopt;
    }
  }
  return params;
}

}  // namespace segc::cli
