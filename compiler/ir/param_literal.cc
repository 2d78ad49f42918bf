// Parsing of `--param NAME=VALUE` values written as rule-file literals.
#include <charconv>
#include <cstdlib>

#include "compiler/ir/calendar.h"
#include "compiler/ir/lower_context.h"

namespace segc::ir::detail {

namespace {

std::unique_ptr<ast::Expr> Make(ast::ExprKind kind) {
  auto expr = std::make_unique<ast::Expr>();
  expr->kind = std::move(kind);
  return expr;
}

std::optional<int64_t> ParseInt(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c != '_') digits += c;
  }
  int64_t value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()) {
    return std::nullopt;
  }
  return value;
}

std::optional<double> ParseFloat(std::string_view text) {
  std::string digits(text);
  if (digits.empty() || digits.find_first_not_of("0123456789._") != std::string::npos) {
    return std::nullopt;
  }
  std::erase(digits, '_');
  char* end = nullptr;
  double value = std::strtod(digits.c_str(), &end);
  if (end != digits.c_str() + digits.size()) return std::nullopt;
  return value;
}

std::optional<ast::DurationLit> ParseDuration(std::string_view text) {
  static const std::pair<std::string_view, ast::DurationUnit> kUnits[] = {
      {" days", ast::DurationUnit::kDays},     {" day", ast::DurationUnit::kDays},
      {" weeks", ast::DurationUnit::kWeeks},   {" week", ast::DurationUnit::kWeeks},
      {" months", ast::DurationUnit::kMonths}, {" month", ast::DurationUnit::kMonths},
      {" years", ast::DurationUnit::kYears},   {" year", ast::DurationUnit::kYears},
      {"mo", ast::DurationUnit::kMonths},      {"d", ast::DurationUnit::kDays},
      {"w", ast::DurationUnit::kWeeks},        {"y", ast::DurationUnit::kYears}};
  for (const auto& [suffix, unit] : kUnits) {
    if (text.size() > suffix.size() && text.ends_with(suffix)) {
      if (auto amount = ParseInt(text.substr(0, text.size() - suffix.size()))) {
        return ast::DurationLit{*amount, unit};
      }
    }
  }
  return std::nullopt;
}

std::optional<int32_t> ParseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto year = ParseInt(text.substr(0, 4)), month = ParseInt(text.substr(5, 2)),
       day = ParseInt(text.substr(8, 2));
  if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1) return std::nullopt;
  CivilDate date{*year, int(*month), int(*day)};
  int64_t days = DaysFromCivil(date);
  CivilDate back = CivilFromDays(days);
  if (back.month != date.month || back.day != date.day) return std::nullopt;
  return int32_t(days);
}

std::optional<ast::ExprKind> ParseUnsigned(std::string_view text) {
  if (text == "true" || text == "false") return ast::BoolLit{text == "true"};
  if (text.size() >= 2 && (text[0] == '"' || text[0] == '\'') && text.back() == text[0]) {
    return ast::StringLit{std::string(text.substr(1, text.size() - 2))};
  }
  if (auto days = ParseDate(text)) return ast::DateLit{*days};
  if (auto duration = ParseDuration(text)) return *duration;
  if (text.ends_with('%')) {
    if (auto value = ParseFloat(text.substr(0, text.size() - 1))) {
      return ast::PercentLit{*value / 100.0};
    }
    return std::nullopt;
  }
  if (text.find('.') == std::string_view::npos) {
    if (auto value = ParseInt(text)) return ast::IntLit{*value};
  }
  if (auto value = ParseFloat(text)) return ast::FloatLit{*value};
  return std::nullopt;
}

}  // namespace

Result<std::unique_ptr<ast::Expr>> ParseParamLiteral(const std::string& text) {
  std::string_view view(text);
  bool negative = view.starts_with('-');
  if (negative) view.remove_prefix(1);
  std::optional<ast::ExprKind> kind = ParseUnsigned(view);
  if (!kind || (negative && (std::holds_alternative<ast::StringLit>(*kind) ||
                             std::holds_alternative<ast::BoolLit>(*kind) ||
                             std::holds_alternative<ast::DateLit>(*kind)))) {
    return Status::InvalidArgument(
        "'" + text +
        "' is not a literal; write a number (`60`, `0.5`, `30%`), a duration (`90d`, `6mo`), a "
        "date (`2026-01-31`), `true`/`false` or a quoted string");
  }
  auto expr = Make(std::move(*kind));
  if (!negative) return expr;
  auto negated = Make(ast::Unary{ast::UnaryOp::kNeg, std::move(expr)});
  return negated;
}

const ast::DurationLit* DurationLiteral(const ast::Expr& expr) {
  if (const auto* unary = std::get_if<ast::Unary>(&expr.kind)) {
    return unary->op == ast::UnaryOp::kNeg ? DurationLiteral(*unary->operand) : nullptr;
  }
  return std::get_if<ast::DurationLit>(&expr.kind);
}

bool IsCalendar(const ast::DurationLit& duration) {
  return duration.unit == ast::DurationUnit::kMonths || duration.unit == ast::DurationUnit::kYears;
}

}  // namespace segc::ir::detail

namespace segc::ir {

Result<Payload> RunInputValue(const RunInput& input, const std::string& text) {
  auto bad = [&] {
    return Status::InvalidArgument("param '" + input.name + "': '" + text + "' is not " +
                                   (input.type == Type::kInt     ? "an int"
                                    : input.type == Type::kFloat ? "a number"
                                    : input.type == Type::kBool  ? "true or false"
                                                                 : "a date (YYYY-MM-DD)") +
                                   " like the declared default");
  };
  SEGC_TRY(std::unique_ptr<ast::Expr> expr, detail::ParseParamLiteral(text));
  const ast::Expr* e = expr.get();
  double sign = 1;
  if (const auto* unary = std::get_if<ast::Unary>(&e->kind)) {
    sign = -1;
    e = unary->operand.get();
  }
  Payload out;
  if (const auto* i = std::get_if<ast::IntLit>(&e->kind)) {
    if (input.type == Type::kInt) return out.i = int64_t(sign) * i->value, out;
    if (input.type == Type::kFloat) return out.f = sign * double(i->value), out;
  } else if (const auto* f = std::get_if<ast::FloatLit>(&e->kind)) {
    if (input.type == Type::kFloat) return out.f = sign * f->value, out;
  } else if (const auto* p = std::get_if<ast::PercentLit>(&e->kind)) {
    if (input.type == Type::kFloat) return out.f = sign * p->value, out;
  } else if (const auto* b = std::get_if<ast::BoolLit>(&e->kind)) {
    if (input.type == Type::kBool) return out.i = b->value ? 1 : 0, out;
  } else if (const auto* d = std::get_if<ast::DateLit>(&e->kind)) {
    if (input.type == Type::kDate) return out.i = d->days, out;
  }
  return bad();
}

}  // namespace segc::ir
