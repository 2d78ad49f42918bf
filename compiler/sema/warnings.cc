// Warnings: unused lets and params (W0301, W0305), score ranges (W0302, W0303).
#include <cmath>

#include "compiler/sema/detail/bounds.h"
#include "compiler/sema/detail/context.h"
#include "compiler/sema/detail/contradiction.h"

namespace segc::sema::detail {
namespace {

using diag::Code;
using diag::Make;

std::string Number(double value) {
  if (std::isinf(value)) return value > 0 ? "+inf" : "-inf";
  std::string text = std::to_string(value);
  text.erase(text.find_last_not_of('0') + 1);
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

void WarnUnused(Context& ctx, const DeclInfo& decl) {
  if (decl.used || (decl.kind != DeclKind::kLet && decl.kind != DeclKind::kParam)) return;
  bool let = decl.kind == DeclKind::kLet;
  diag::Diagnostic d =
      Make(let ? Code::kUnusedLet : Code::kUnusedParam, decl.name_range,
           std::string(let ? "let " : "param ") + Quote(decl.name) + " is never used");
  d.help = let ? "remove it, or refer to it from a segment, score or classify (a let is not "
                 "an output)"
               : "remove it, or refer to it in an expression";
  ctx.Report(std::move(d));
}

/// W0302: the rules' reachable interval misses the range entirely (the score is always clamped
/// to one end). W0303: the rules are fully bounded and overshoot the range on some side by more
/// than half the range's width (a small overshoot is the usual intentional clamp).
void WarnRange(Context& ctx, const DeclInfo& decl, const ast::ScoreDecl& score, Bounds reach) {
  if (!score.range || decl.type.is_error() || !(score.range->low < score.range->high)) return;
  double low = score.range->low, high = score.range->high;
  std::string range = Number(low) + ".." + Number(high);
  std::string reachable = Number(reach.low) + " to " + Number(reach.high);
  if (reach.high < low || reach.low > high) {
    diag::Diagnostic d = Make(Code::kScoreRangeUnreachable, score.range->range,
                              "score " + Quote(decl.name) + " can never fall inside its range " +
                                  range + ": its rules give " + reachable);
    d.help = "check the signs and sizes of the points, or the range";
    ctx.Report(std::move(d));
    return;
  }
  double slack = (high - low) / 2;
  if (!reach.finite() || (low - reach.low <= slack && reach.high - high <= slack)) return;
  diag::Diagnostic d = Make(Code::kScoreRangeExceeded, score.range->range,
                            "the rules of score " + Quote(decl.name) + " give " + reachable +
                                ", far outside its range " + range);
  d.help =
      "the range clamps the score, so rows at the extremes become indistinguishable; "
      "rescale the points or widen the range";
  ctx.Report(std::move(d));
}

}  // namespace

void WarnUnit(Context& ctx, uint32_t unit_index) {
  Unit& unit = *ctx.project.units[unit_index];
  for (uint32_t index : unit.order) {
    DeclInfo& decl = unit.decls[index];
    if (const auto* score = std::get_if<ast::ScoreDecl>(&decl.ast->kind)) {
      if (decl.type.is_error() || decl.in_cycle) continue;
      Bounds reach = ScoreBounds(ctx, unit, *score);
      decl.min_points = reach.low;
      decl.max_points = reach.high;
      WarnRange(ctx, decl, *score, reach);
    } else if (const auto* segment = std::get_if<ast::SegmentDecl>(&decl.ast->kind)) {
      if (!ctx.Info(segment->where->id).type.is_error()) {
        WarnIfNeverTrue(ctx, decl.name, *segment->where);
      }
    }
  }
  // Module lets and params are API for importers, so only the project's are checked.
  if (unit.is_module) return;
  for (const DeclInfo& decl : unit.decls) WarnUnused(ctx, decl);
}

}  // namespace segc::sema::detail
