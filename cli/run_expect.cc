// Checking `expect size` bounds after a run (LANGUAGE.md §4: a warning, or an error with
// --strict-sizes).
#include "cli/run_expect.h"

#include <fmt/format.h>

#include <cmath>

namespace segc::cli {
namespace {

std::string BoundText(const ast::SizeBound& bound) {
  if (bound.percent) return fmt::format("{:g}%", bound.value * 100.0);
  return fmt::format("{:g}", bound.value);
}

/// The bound in rows; percent bounds are widened by a hair so that 15% of 1000 rows is 150.
int64_t BoundRows(const ast::SizeBound& bound, int64_t rows, bool low) {
  double value = bound.percent ? bound.value * static_cast<double>(rows) : bound.value;
  return static_cast<int64_t>(low ? std::ceil(value - 1e-9) : std::floor(value + 1e-9));
}

const rt::SegmentResult* FindSegment(const rt::RunResult& result, const std::string& name) {
  for (const rt::SegmentResult& segment : result.segments) {
    if (segment.name == name) return &segment;
  }
  return nullptr;
}

}  // namespace

std::vector<SizeViolation> ExpectedSizes(const sema::CheckedProject& project,
                                         const rt::RunResult& result) {
  std::vector<SizeViolation> checks;
  for (const sema::DeclRef& ref : project.order) {
    const sema::Unit& unit = *project.units[project.instances[ref.instance].unit];
    const sema::DeclInfo& info = unit.decls[ref.decl];
    if (info.kind != sema::DeclKind::kSegment || info.ast == nullptr) continue;
    const auto* decl = std::get_if<ast::SegmentDecl>(&info.ast->kind);
    if (decl == nullptr || !decl->expect) continue;
    std::string name = project.QualifiedName(ref);
    const rt::SegmentResult* segment = FindSegment(result, name);
    if (segment == nullptr) continue;
    SizeViolation v{name,
                    decl->expect->range,
                    segment->count,
                    result.rows,
                    fmt::format("between {} and {}", BoundText(decl->expect->low),
                                BoundText(decl->expect->high)),
                    BoundRows(decl->expect->low, result.rows, true),
                    BoundRows(decl->expect->high, result.rows, false)};
    v.passed = v.count >= v.low && v.count <= v.high;
    checks.push_back(std::move(v));
  }
  return checks;
}

std::vector<SizeViolation> CheckExpectedSizes(const sema::CheckedProject& project,
                                              const rt::RunResult& result) {
  std::vector<SizeViolation> violations;
  for (SizeViolation& v : ExpectedSizes(project, result)) {
    if (!v.passed) violations.push_back(std::move(v));
  }
  return violations;
}

std::string FormatViolation(const diag::SourceManager& sources, const SizeViolation& v,
                            bool as_error) {
  std::string where;
  if (v.range.valid()) {
    diag::LineCol at = sources.Locate(v.range.file, v.range.begin);
    where = fmt::format("{}:{}:{}: ", sources.file(v.range.file).path, at.line, at.column);
  }
  double share = v.rows == 0 ? 0.0 : 100.0 * static_cast<double>(v.count) / double(v.rows);
  // On a small table the bounds can leave no whole row count ("1% to 15%" of 1 row).
  std::string rows =
      v.low > v.high ? fmt::format("no row count fits on {} row{}", v.rows, v.rows == 1 ? "" : "s")
                     : fmt::format("{} to {} rows", v.low, v.high);
  return fmt::format("{}{}: segment '{}' has {} row{} ({:.1f}%), expected {} ({})", where,
                     as_error ? "error" : "warning", v.segment, v.count, v.count == 1 ? "" : "s",
                     share, v.expected, rows);
}

}  // namespace segc::cli
