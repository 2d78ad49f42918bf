// Constant arguments of calls: ntile's n, percentile's fraction, round's digits and matches'
// pattern. They are read from the lowered argument, not from sema's folding of the declared
// defaults: a param is a constant for the run even when --param overrides it (language.md,
// Decision 14). sema validated the defaults; an override is validated here and refused as a
// usage error (kInvalidArgument), like any other bad --param value.
#include <fmt/format.h>

#include <cmath>

#include "compiler/ir/lower_context.h"
#include "compiler/sema/regex.h"

namespace segc::ir::detail {

namespace {

/// How a valid value reads in messages. The only fractional constant is percentile's q.
std::string RangeText(const ConstantRule& rule) {
  if (!rule.integer) return "a number in 0..1 (`0.9` or `90%`)";
  return "an integer in " + std::to_string(int64_t(rule.low)) + ".." +
         std::to_string(int64_t(rule.high));
}

}  // namespace

std::optional<double> LowerContext::ConstantValue(ValueId value) const {
  const Node& node = builder_.node(value);
  auto arg = [&](size_t i) { return ConstantValue(node.args[i]); };
  switch (node.op) {
    case Op::kConst:
      if (node.payload.is_null) return std::nullopt;
      if (node.type == Type::kInt) return double(node.payload.i);
      if (node.type == Type::kFloat) return node.payload.f;
      return std::nullopt;
    case Op::kRunInput: {
      // A param needed as a constant: its compiled value becomes part of the code.
      if (node.payload.index == kAsOfInput) return std::nullopt;
      RunInput& input = program_.run_inputs[node.payload.index];
      if (input.type != Type::kInt && input.type != Type::kFloat) return std::nullopt;
      input.pinned = true;
      return input.type == Type::kInt ? double(input.value.i) : input.value.f;
    }
    case Op::kCast:
      return node.type == Type::kFloat ? arg(0) : std::nullopt;
    case Op::kNeg:
      if (auto a = arg(0)) return -*a;
      return std::nullopt;
    case Op::kAdd:
    case Op::kSub:
    case Op::kMul:
    case Op::kDiv: {
      std::optional<double> a = arg(0), b = arg(1);
      if (!a || !b || node.type == Type::kDate) return std::nullopt;
      if (node.op == Op::kAdd) return *a + *b;
      if (node.op == Op::kSub) return *a - *b;
      if (node.op == Op::kMul) return *a * *b;
      return *b == 0 ? std::nullopt : std::optional<double>(*a / *b);
    }
    default:
      return std::nullopt;
  }
}

void LowerContext::OverridesIn(const ast::Expr& expr, uint32_t instance,
                               std::vector<std::string>& out) const {
  if (const auto* unary = std::get_if<ast::Unary>(&expr.kind)) {
    return OverridesIn(*unary->operand, instance, out);
  }
  if (const auto* binary = std::get_if<ast::Binary>(&expr.kind)) {
    OverridesIn(*binary->lhs, instance, out);
    return OverridesIn(*binary->rhs, instance, out);
  }
  const sema::Symbol& symbol = info(expr).symbol;
  uint32_t target = instance;
  if (symbol.kind == sema::Symbol::Kind::kMember) {
    target = project_.instances[instance].children[symbol.import];
  } else if (symbol.kind != sema::Symbol::Kind::kDecl) {
    return;
  }
  const sema::DeclInfo& decl = project_.units[project_.instances[target].unit]->decls[symbol.index];
  if (decl.kind == sema::DeclKind::kLet) {
    return OverridesIn(*std::get<ast::LetDecl>(decl.ast->kind).value, target, out);
  }
  if (decl.kind != sema::DeclKind::kParam) return;
  std::string name = project_.QualifiedName({target, symbol.index});
  if (auto it = options_.params.find(name); it != options_.params.end()) {
    out.push_back("--param " + name + "=" + it->second);
  }
}

std::string LowerContext::Culprit(const ast::Expr& arg, uint32_t instance) const {
  std::vector<std::string> overrides;
  OverridesIn(arg, instance, overrides);
  std::string text;
  for (const std::string& o : overrides) text += (text.empty() ? "" : ", ") + o;
  return text.empty() ? "" : text + ": ";
}

double LowerContext::ConstantArg(const ast::Expr& arg, ValueId value, uint32_t instance,
                                 const ConstantRule& rule) {
  std::optional<double> number = ConstantValue(value);
  bool integral = number && std::floor(*number) == *number;
  if (number && *number >= rule.low && *number <= rule.high && (!rule.integer || integral)) {
    return *number;
  }
  std::string got = number ? " is " + fmt::format("{}", *number) + ";" : " is not a number;";
  Fail(Status::InvalidArgument(Culprit(arg, instance) + rule.what + got + " it must be " +
                               RangeText(rule)));
  return rule.low;
}

void LowerContext::CheckPattern(const ast::Expr& arg, ValueId value, uint32_t instance) {
  const Node& node = builder_.node(value);
  if (node.op != Op::kConst || node.type != Type::kString || node.payload.is_null) {
    Fail(Status::Internal("the pattern of 'matches' is not a constant string"));
    return;
  }
  const std::string& pattern = program_.strings[node.payload.index];
  if (std::optional<std::string> error = sema::RegexError(pattern)) {
    Fail(Status::InvalidArgument(Culprit(arg, instance) + "invalid regular expression \"" +
                                 pattern + "\" for 'matches': " + *error));
  }
}

}  // namespace segc::ir::detail
