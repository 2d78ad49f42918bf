// Interval and value-set reasoning over `and` chains, for W0304 and W0303's exclusive bands.
#include "compiler/sema/detail/contradiction.h"

#include <limits>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace segc::sema::detail {
namespace {

using diag::Code;
using diag::Make;

constexpr double kInf = std::numeric_limits<double>::infinity();

/// An interval with open or closed ends.
struct Range {
  double low = -kInf, high = kInf;
  bool low_open = false, high_open = false;

  bool Empty() const { return low > high || (low == high && (low_open || high_open)); }
  void Meet(const Range& other) {
    if (other.low > low || (other.low == low && other.low_open)) {
      low = other.low;
      low_open = other.low_open;
    }
    if (other.high < high || (other.high == high && other.high_open)) {
      high = other.high;
      high_open = other.high_open;
    }
  }
};

using Key = std::tuple<int, uint32_t, uint32_t>;

class Contradictions {
 public:
  /// `segment` names the segment in the warnings; without one, nothing is reported and Add
  /// only answers.
  Contradictions(Context& ctx, const std::string* segment) : ctx_(ctx), segment_(segment) {}

  /// Returns false (after warning) at the first conjunct that contradicts the earlier ones.
  bool Add(const ast::Expr& expr) {
    if (const auto* logical = std::get_if<ast::Logical>(&expr.kind)) {
      if (logical->op != ast::LogicalOp::kAnd) return true;
      for (const ast::ExprPtr& operand : logical->operands) {
        if (!Add(*operand)) return false;
      }
      return true;
    }
    if (ctx_.Info(expr.id).desugar != Desugar::kNone) return true;
    if (const auto* binary = std::get_if<ast::Binary>(&expr.kind)) return Compare(expr, *binary);
    if (const auto* between = std::get_if<ast::Between>(&expr.kind)) return Between(expr, *between);
    if (const auto* in = std::get_if<ast::InList>(&expr.kind)) return In(expr, *in);
    return true;
  }

 private:
  std::optional<Key> Subject(const ast::Expr& expr) {
    const ExprInfo& info = ctx_.Info(expr.id);
    bool subject = info.symbol.kind == Symbol::Kind::kColumn ||
                   info.symbol.kind == Symbol::Kind::kDecl ||
                   info.symbol.kind == Symbol::Kind::kMember;
    if (info.type.is_error() || !subject || !info.row_dependent) {
      return std::nullopt;
    }
    return Key{static_cast<int>(info.symbol.kind), info.symbol.index, info.symbol.import};
  }

  std::optional<double> Constant(const ast::Expr& expr) {
    if (const auto* date = std::get_if<ast::DateLit>(&expr.kind)) return date->days;
    const ExprInfo& info = ctx_.Info(expr.id);
    // Params can be overridden at run time, so only literals count.
    if (info.desugar != Desugar::kNone || info.symbol.kind != Symbol::Kind::kNone) {
      return std::nullopt;
    }
    return info.number;
  }

  bool Compare(const ast::Expr& expr, const ast::Binary& binary) {
    if (binary.op < ast::BinaryOp::kEq || binary.op == ast::BinaryOp::kNe) return true;
    bool swapped = !Subject(*binary.lhs).has_value();
    const ast::Expr& subject = swapped ? *binary.rhs : *binary.lhs;
    const ast::Expr& value = swapped ? *binary.lhs : *binary.rhs;
    std::optional<Key> key = Subject(subject);
    if (!key) return true;
    if (const auto* text = std::get_if<ast::StringLit>(&value.kind)) {
      if (binary.op != ast::BinaryOp::kEq) return true;
      return Strings(expr, subject, *key, {text->value});
    }
    std::optional<double> c = Constant(value);
    if (!c) return true;
    ast::BinaryOp op = binary.op;
    if (swapped)
      op = op == ast::BinaryOp::kLt   ? ast::BinaryOp::kGt
           : op == ast::BinaryOp::kGt ? ast::BinaryOp::kLt
           : op == ast::BinaryOp::kLe ? ast::BinaryOp::kGe
           : op == ast::BinaryOp::kGe ? ast::BinaryOp::kLe
                                      : op;
    Range range;
    if (op == ast::BinaryOp::kEq || op == ast::BinaryOp::kGt || op == ast::BinaryOp::kGe) {
      range.low = *c;
      range.low_open = op == ast::BinaryOp::kGt;
    }
    if (op == ast::BinaryOp::kEq || op == ast::BinaryOp::kLt || op == ast::BinaryOp::kLe) {
      range.high = *c;
      range.high_open = op == ast::BinaryOp::kLt;
    }
    return Numbers(expr, subject, *key, range);
  }

  bool Between(const ast::Expr& expr, const ast::Between& between) {
    std::optional<double> low = Constant(*between.low), high = Constant(*between.high);
    if (between.negated || !low || !high) return true;
    if (*low > *high) {
      if (segment_ == nullptr) return false;
      diag::Diagnostic d = Make(Code::kSegmentAlwaysFalse, expr.range,
                                "segment " + Quote(*segment_) + " can never match: the low bound " +
                                    "of 'between' is above its high bound");
      d.help = "write the smaller bound first: `between " +
               std::string(ctx_.sources.Text(between.high->range)) + " and " +
               std::string(ctx_.sources.Text(between.low->range)) + "`";
      ctx_.Report(std::move(d));
      return false;
    }
    std::optional<Key> key = Subject(*between.value);
    return !key || Numbers(expr, *between.value, *key, Range{*low, *high, false, false});
  }

  bool In(const ast::Expr& expr, const ast::InList& in) {
    std::optional<Key> key = Subject(*in.value);
    if (in.negated || !key) return true;
    std::set<std::string> values;
    for (const ast::ExprPtr& item : in.items) {
      const auto* text = std::get_if<ast::StringLit>(&item->kind);
      if (text == nullptr) return true;
      values.insert(text->value);
    }
    return Strings(expr, *in.value, *key, values);
  }

  bool Numbers(const ast::Expr& expr, const ast::Expr& subject, const Key& key, Range range) {
    auto [it, inserted] = ranges_.emplace(key, range);
    if (!inserted) it->second.Meet(range);
    return it->second.Empty() ? Report(expr, subject) : true;
  }

  bool Strings(const ast::Expr& expr, const ast::Expr& subject, const Key& key,
               std::set<std::string> values) {
    auto [it, inserted] = strings_.emplace(key, values);
    if (!inserted) {
      std::set<std::string> both;
      for (const std::string& value : it->second) {
        if (values.contains(value)) both.insert(value);
      }
      it->second = std::move(both);
    }
    return it->second.empty() ? Report(expr, subject) : true;
  }

  bool Report(const ast::Expr& expr, const ast::Expr& subject) {
    if (segment_ == nullptr) return false;
    std::string name(ctx_.sources.Text(subject.range));
    diag::Diagnostic d = Make(Code::kSegmentAlwaysFalse, expr.range,
                              "segment " + Quote(*segment_) + " can never match: the conditions " +
                                  "on " + Quote(name) + " cannot all hold");
    d.label = "contradicts an earlier condition on " + Quote(name);
    d.help = "check the comparison operators and bounds (did you mean 'or'?)";
    ctx_.Report(std::move(d));
    return false;
  }

  Context& ctx_;
  const std::string* segment_;  // nullptr: quiet
  std::map<Key, Range> ranges_;
  std::map<Key, std::set<std::string>> strings_;
};

}  // namespace

void WarnIfNeverTrue(Context& ctx, const std::string& segment, const ast::Expr& where) {
  Contradictions(ctx, &segment).Add(where);
}

bool CannotBothHold(Context& ctx, const ast::Expr& a, const ast::Expr& b) {
  Contradictions conditions(ctx, nullptr);
  return !conditions.Add(a) || !conditions.Add(b);
}

}  // namespace segc::sema::detail
