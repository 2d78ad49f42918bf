// The AST printer: literals print in source form, operators as prefix S-expressions.
#include "compiler/ast/printer.h"

#include <fmt/format.h>

#include "compiler/ast/source_text.h"
#include "segc/schema_infer.h"

namespace segc::ast {
namespace {

std::string Date(int32_t days) {
  // Howard Hinnant's civil_from_days.
  int64_t z = static_cast<int64_t>(days) + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = static_cast<int64_t>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return fmt::format("{:04}-{:02}-{:02}", y + (m <= 2), m, d);
}

const char* UnitSuffix(DurationUnit u) {
  switch (u) {
    case DurationUnit::kDays:
      return "d";
    case DurationUnit::kWeeks:
      return "w";
    case DurationUnit::kMonths:
      return "mo";
    case DurationUnit::kYears:
      return "y";
  }
  return "?";
}

const char* BinarySymbol(BinaryOp op) {
  static constexpr const char* kSymbols[] = {"+", "-", "*", "/", "==", "!=", "<", "<=", ">", ">="};
  return kSymbols[static_cast<int>(op)];
}

void PrintExpr(const Expr& e, std::string& out);

void PrintList(const std::vector<ExprPtr>& items, std::string& out) {
  for (const ExprPtr& item : items) {
    out += ' ';
    PrintExpr(*item, out);
  }
}

/// `(head a b ...)` for operators whose operands are expressions.
void Form(std::string_view head, std::initializer_list<const Expr*> operands, std::string& out) {
  out += '(';
  out += head;
  for (const Expr* operand : operands) {
    out += ' ';
    PrintExpr(*operand, out);
  }
  out += ')';
}

void PrintExpr(const Expr& e, std::string& out) {
  std::visit(
      Overloaded{
          [&](const IntLit& v) { out += std::to_string(v.value); },
          [&](const FloatLit& v) { out += FormatNumber(v.value); },
          [&](const PercentLit& v) { out += "(percent " + FormatNumber(v.value) + ")"; },
          [&](const StringLit& v) { out += rt::QuoteString(v.value); },
          [&](const BoolLit& v) { out += v.value ? "true" : "false"; },
          [&](const DateLit& v) { out += Date(v.days); },
          [&](const DurationLit& v) { out += fmt::format("{}{}", v.amount, UnitSuffix(v.unit)); },
          [&](const NameRef& v) { out += FormatName(v.name); },
          [&](const QualifiedRef& v) {
            out += FormatName(v.module.name) + "." + FormatName(v.member.name);
          },
          [&](const PercentileRef& v) { out += "p" + FormatNumber(v.percent); },
          [&](const Call& v) {
            out += "(call " + v.callee.name;
            PrintList(v.args, out);
            if (v.filter) out += " (where " + Print(*v.filter) + ")";
            if (v.among) out += " (among " + Print(*v.among) + ")";
            out += ')';
          },
          [&](const Unary& v) {
            Form(v.op == UnaryOp::kNot ? "not" : "neg", {v.operand.get()}, out);
          },
          [&](const Binary& v) {
            Form(BinarySymbol(v.op), {v.lhs.get(), v.rhs.get()}, out);
          },
          [&](const Logical& v) {
            out += v.op == LogicalOp::kAnd ? "(and" : "(or";
            PrintList(v.operands, out);
            out += ')';
          },
          [&](const Between& v) {
            Form(v.negated ? "not_between" : "between", {v.value.get(), v.low.get(), v.high.get()},
                 out);
          },
          [&](const InList& v) {
            out += v.negated ? "(not_in " : "(in ";
            PrintExpr(*v.value, out);
            PrintList(v.items, out);
            out += ')';
          },
          [&](const IsNull& v) {
            Form(v.negated ? "is_not_null" : "is_null", {v.value.get()}, out);
          },
          [&](const Within& v) {
            Form("within", {v.value.get(), v.duration.get()}, out);
          },
          [&](const Ago& v) { Form("ago", {v.duration.get()}, out); },
      },
      e.kind);
}

std::string Type(const TypeSpec& t) {
  switch (t.kind) {
    case TypeSpec::Kind::kInt:
      return "int";
    case TypeSpec::Kind::kFloat:
      return t.format.empty() ? "float" : "(float " + rt::QuoteString(t.format) + ")";
    case TypeSpec::Kind::kBool:
      return t.format.empty() ? "bool" : "(bool " + rt::QuoteString(t.format) + ")";
    case TypeSpec::Kind::kString:
      return "string";
    case TypeSpec::Kind::kDate:
      return t.format.empty() ? "date" : "(date " + rt::QuoteString(t.format) + ")";
    case TypeSpec::Kind::kEnum: {
      std::string out = "(enum";
      for (const Ident& v : t.enum_values) out += " " + rt::QuoteString(v.name);
      return out + ")";
    }
  }
  return "?";
}

std::string Bound(const SizeBound& b) {
  return b.percent ? "(percent " + FormatNumber(b.value) + ")" : FormatNumber(b.value);
}

std::string Sub(std::string_view head, const Expr& e) {
  return fmt::format(" ({} {})", head, Print(e));
}

std::string Segment(const SegmentDecl& d) {
  std::string out = "(segment " + FormatName(d.name.name);
  if (d.description) out += " (description " + rt::QuoteString(*d.description) + ")";
  out += Sub("where", *d.where);
  if (d.expect) out += " (expect_size " + Bound(d.expect->low) + " " + Bound(d.expect->high) + ")";
  return out + ")";
}

std::string Score(const ScoreDecl& d) {
  std::string out = "(score " + FormatName(d.name.name);
  if (d.range)
    out += " (range " + FormatNumber(d.range->low) + " " + FormatNumber(d.range->high) + ")";
  if (d.expr) out += Sub("=", *d.expr);
  for (const ScoreRule& r : d.rules) {
    out += fmt::format(" (rule {} {}", r.sign < 0 ? "-" : "+", Print(*r.points));
    if (r.when) out += Sub("when", *r.when);
    out += ")";
  }
  return out + ")";
}

std::string Classify(const ClassifyDecl& d) {
  std::string out = "(classify " + FormatName(d.name.name);
  for (const ClassifyArm& arm : d.arms) {
    out += " (arm " + rt::QuoteString(arm.label.name) +
           (arm.when ? Sub("when", *arm.when) : " otherwise") + ")";
  }
  return out + ")";
}

std::string Measure(const MeasureDecl& d) {
  std::string out = "(measure " + FormatName(d.name.name);
  if (d.description) out += " (description " + rt::QuoteString(*d.description) + ")";
  out += " (" + (d.aggregate.name.empty() ? std::string("value") : d.aggregate.name);
  for (const ExprPtr& arg : d.args) out += " " + Print(*arg);
  if (d.filter) out += Sub("where", *d.filter);
  return out + "))";
}

std::string Split(const SplitDecl& d) {
  std::string out = "(split " + FormatName(d.name.name) + " " + Print(*d.segment);
  for (const SplitArm& arm : d.arms) {
    out += " (arm " + FormatName(arm.name.name) + " " + fmt::format("{}", arm.percent * 100) + "%)";
  }
  return out + " (salt " + rt::QuoteString(d.salt.name) + "))";
}

std::string Table(const TableDecl& d) {
  std::string out = "(table " + FormatName(d.name.name) + " (key " + FormatName(d.key.name) + ")";
  for (const ColumnDecl& c : d.columns)
    out += " (column " + FormatName(c.name.name) + " " + Type(c.type) + ")";
  return out + ")";
}

std::string Events(const EventsDecl& d) {
  std::string out = "(events " + FormatName(d.name.name) + " (of " + FormatName(d.parent.name) +
                    ") (by " + FormatName(d.key.name) + ")";
  if (d.time) out += " (at " + FormatName(d.time->name) + ")";
  for (const ColumnDecl& c : d.columns)
    out += " (column " + FormatName(c.name.name) + " " + Type(c.type) + ")";
  return out + ")";
}

std::string Import(const ImportDecl& d) {
  std::string out = "(import " + FormatName(d.module.name);
  for (const Binding& b : d.bindings)
    out += " (bind " + FormatName(b.name.name) + " " + Print(*b.value) + ")";
  if (d.alias) out += " (as " + FormatName(d.alias->name) + ")";
  return out + ")";
}

}  // namespace

std::string Print(const Expr& expr) {
  std::string out;
  PrintExpr(expr, out);
  return out;
}

std::string Print(const Decl& decl) {
  return std::visit(Overloaded{
                        [](const TableDecl& d) { return Table(d); },
                        [](const EventsDecl& d) { return Events(d); },
                        [](const ImportDecl& d) { return Import(d); },
                        [](const InputDecl& d) {
                          return "(input " + FormatName(d.name.name) + " " + Type(d.type) +
                                 (d.fallback ? " " + Print(*d.fallback) : std::string()) + ")";
                        },
                        [](const AsOfDecl& d) { return "(as_of " + Date(d.days) + ")"; },
                        [](const ParamDecl& d) {
                          return "(param " + FormatName(d.name.name) + " " + Print(*d.value) + ")";
                        },
                        [](const LetDecl& d) {
                          return "(let " + FormatName(d.name.name) + " " + Print(*d.value) + ")";
                        },
                        [](const SegmentDecl& d) { return Segment(d); },
                        [](const ScoreDecl& d) { return Score(d); },
                        [](const ClassifyDecl& d) { return Classify(d); },
                        [](const MeasureDecl& d) { return Measure(d); },
                        [](const ConsentDecl& d) {
                          return "(consent " + FormatName(d.channel.name) + " " +
                                 FormatName(d.column.name) + ")";
                        },
                        [](const AudienceDecl& d) {
                          return "(audience " + FormatName(d.name.name) + " " + Print(*d.segment) +
                                 " (channel " + FormatName(d.channel.name) + "))";
                        },
                        [](const SplitDecl& d) { return Split(d); },
                    },
                    decl.kind);
}

std::string Print(const File& file) {
  std::string out;
  for (const Decl& decl : file.decls) out += Print(decl) + "\n";
  return out;
}

}  // namespace segc::ast
