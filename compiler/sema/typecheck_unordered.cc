// Ordering on enum values and classify labels is refused (E0217): their declared order is a
// funnel order to a marketer, but strings compare by bytes; the help spells out the `in` list.
#include <algorithm>

#include "compiler/sema/detail/expr_checker.h"

namespace segc::sema::detail {
namespace {

using diag::Code;
using diag::Make;

/// The values [first, last) that `value OP literal` selects in declared order, when `literal` is
/// one of `values`; nullopt otherwise. `op` is already normalised to `set_side OP literal`.
std::optional<std::pair<size_t, size_t>> SpanFor(const std::vector<std::string>& values,
                                                 const ast::Expr* literal, ast::BinaryOp op) {
  const auto* lit = literal ? std::get_if<ast::StringLit>(&literal->kind) : nullptr;
  if (lit == nullptr) return std::nullopt;
  auto it = std::find(values.begin(), values.end(), lit->value);
  if (it == values.end()) return std::nullopt;
  size_t k = static_cast<size_t>(it - values.begin());
  switch (op) {
    case ast::BinaryOp::kLt:
      return std::make_pair(size_t{0}, k);
    case ast::BinaryOp::kLe:
      return std::make_pair(size_t{0}, k + 1);
    case ast::BinaryOp::kGt:
      return std::make_pair(k + 1, values.size());
    default:
      return std::make_pair(k, values.size());
  }
}

std::optional<size_t> IndexOf(const std::vector<std::string>& values, const ast::Expr& literal) {
  const auto* lit = std::get_if<ast::StringLit>(&literal.kind);
  if (lit == nullptr) return std::nullopt;
  auto it = std::find(values.begin(), values.end(), lit->value);
  if (it == values.end()) return std::nullopt;
  return static_cast<size_t>(it - values.begin());
}

bool HasValueSet(const Type& type) {
  return type.kind() == TypeKind::kEnum || type.kind() == TypeKind::kLabel;
}

}  // namespace

bool ExprChecker::RefuseOrdering(const ast::Expr& lhs, const ast::Expr& rhs, ast::BinaryOp op,
                                 diag::SourceRange at) {
  bool left = HasValueSet(TypeOf(lhs));
  if (!left && !HasValueSet(TypeOf(rhs))) return false;
  const ast::Expr& set_side = left ? lhs : rhs;
  const ast::Expr& other = left ? rhs : lhs;
  if (!left) op = Mirror(op);
  Unordered(set_side, SpanFor(TypeOf(set_side).values(), &other, op), at);
  return true;
}

bool ExprChecker::RefuseOrderedBetween(const ast::Between& between, diag::SourceRange at) {
  const Type& type = TypeOf(*between.value);
  if (!HasValueSet(type)) return false;
  std::optional<size_t> low = IndexOf(type.values(), *between.low);
  std::optional<size_t> high = IndexOf(type.values(), *between.high);
  std::optional<std::pair<size_t, size_t>> span;
  if (low && high && *low <= *high && !between.negated) span = {{*low, *high + 1}};
  Unordered(*between.value, span, at);
  return true;
}

void ExprChecker::Unordered(const ast::Expr& set_side,
                            std::optional<std::pair<size_t, size_t>> span, diag::SourceRange at) {
  const Type& type = TypeOf(set_side);
  bool is_enum = type.kind() == TypeKind::kEnum;
  const std::vector<std::string>& values = type.values();
  diag::Diagnostic d = Make(Code::kNotComparable, at,
                            (is_enum ? "values of enum " : "labels of classify ") +
                                Quote(type.owner()) + " cannot be ordered");
  d.label = "this would compare the text, not the declared order";
  if (!span || span->first >= span->second) span = {{0, values.size()}};
  std::string list;
  for (size_t i = span->first; i < span->second; ++i) {
    list += (i > span->first ? ", \"" : "\"") + values[i] + "\"";
  }
  std::string_view text = ctx_.sources.Text(set_side.range);
  std::string subject = text.empty() || text.size() > 40 ? type.owner() : std::string(text);
  d.help = std::string(is_enum ? "enum values" : "labels") + " have no order; list the " +
           (is_enum ? "values" : "labels") + " you mean: `" + subject + " in (" + list + ")`";
  Fail(std::move(d));
}

}  // namespace segc::sema::detail
