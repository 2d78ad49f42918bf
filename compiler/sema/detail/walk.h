// Private: visiting the direct children of an expression node.
#pragma once

#include "compiler/ast/ast.h"

namespace segc::sema::detail {

/// Calls `f(const ast::Expr&)` on each direct child of `expr`, left to right.
template <class F>
void ForEachChild(const ast::Expr& expr, F&& f) {
  auto each = [&](const std::vector<ast::ExprPtr>& list) {
    for (const ast::ExprPtr& item : list) f(*item);
  };
  std::visit(ast::Overloaded{
                 [&](const ast::Call& call) {
                   each(call.args);
                   if (call.filter) f(*call.filter);
                   if (call.among) f(*call.among);
                 },
                 [&](const ast::Unary& unary) { f(*unary.operand); },
                 [&](const ast::Binary& binary) {
                   f(*binary.lhs);
                   f(*binary.rhs);
                 },
                 [&](const ast::Logical& logical) { each(logical.operands); },
                 [&](const ast::Between& between) {
                   f(*between.value);
                   f(*between.low);
                   f(*between.high);
                 },
                 [&](const ast::InList& in) {
                   f(*in.value);
                   each(in.items);
                 },
                 [&](const ast::IsNull& is_null) { f(*is_null.value); },
                 [&](const ast::Within& within) {
                   f(*within.value);
                   f(*within.duration);
                 },
                 [&](const ast::Ago& ago) { f(*ago.duration); },
                 [](const auto&) {},
             },
             expr.kind);
}

}  // namespace segc::sema::detail

namespace segc::sema::detail {

/// Calls `f(const ast::Expr&)` on each top-level expression of a segment, score, classify, measure
/// or let
/// (param values are literals and are checked on their own; other declarations have none).
template <class F>
void ForEachExpr(const ast::Decl& decl, F&& f) {
  std::visit(ast::Overloaded{
                 [&](const ast::LetDecl& let) { f(*let.value); },
                 [&](const ast::SegmentDecl& segment) { f(*segment.where); },
                 [&](const ast::ScoreDecl& score) {
                   if (score.expr) f(*score.expr);
                   for (const ast::ScoreRule& rule : score.rules) {
                     f(*rule.points);
                     if (rule.when) f(*rule.when);
                   }
                 },
                 [&](const ast::ClassifyDecl& classify) {
                   for (const ast::ClassifyArm& arm : classify.arms) {
                     if (arm.when) f(*arm.when);
                   }
                 },
                 [&](const ast::MeasureDecl& measure) {
                   for (const ast::ExprPtr& arg : measure.args) f(*arg);
                   if (measure.filter) f(*measure.filter);
                 },
                 [&](const ast::AudienceDecl& audience) { f(*audience.segment); },
                 [&](const ast::SplitDecl& split) { f(*split.segment); },
                 [](const auto&) {},
             },
             decl.kind);
}

}  // namespace segc::sema::detail
