// ExprGen: random boolean predicates (comparisons, membership, dates, strings, labels, Kleene).
#include "tests/differential/gen_expr.h"

namespace segc::difftest {
namespace {

const std::vector<std::string> kCompare = {"==", "!=", "<", "<=", ">", ">="};
const std::vector<std::string> kPatterns = {"^a", "b$", "^[A-Z]+$", "\\\\.", "(?i)fr", "", "\\\\s"};

}  // namespace

std::string ExprGen::BoolLeaf() {
  for (;;) {
    switch (rng_.Below(5)) {
      case 0:
        if (auto c = Column(ColKind::kBool); !c.empty()) return c;
        break;
      case 1:
        return rng_.Chance(0.5) ? "true" : "false";
      case 2:
      case 3:
        if (auto n = NameOf(T::kBool); !n.empty()) return n;
        break;
      default:
        return Column(ColKind::kBool);
    }
  }
}

std::string ExprGen::Compare(int depth) {
  const std::string& op = rng_.Pick(kCompare);
  switch (rng_.Below(5)) {
    case 0: {
      std::string col = Column(rng_.Chance(0.5) ? ColKind::kInt : ColKind::kFloat);
      const std::string& p = rng_.Pick(kPercentiles);
      return Paren(rng_.Chance(0.8) ? col + " " + op + " " + p : p + " " + op + " " + col);
    }
    case 1: {
      std::string x = Num(depth - 1, false);
      return Paren(x + (rng_.Chance(0.5) ? " between " : " not between ") + Num(0, false) +
                   " and " + Num(0, false));
    }
    case 2:
      return Paren(Bool(depth - 1) + (rng_.Chance(0.5) ? " == " : " != ") + BoolLeaf());
    default:
      return Paren(Num(depth - 1, false) + " " + op + " " + Num(depth - 1, false));
  }
}

std::string ExprGen::DatePredicate(int depth) {
  std::string d = Date(depth - 1);
  switch (rng_.Below(7)) {
    case 0:  // the date's age against a duration, on either side, with any of the six operators
      return Paren(rng_.Chance(0.75) ? d + " " + rng_.Pick(kCompare) + " " + Duration()
                                     : Duration() + " " + rng_.Pick(kCompare) + " " + d);
    case 5:  // a date difference is a number of days: it compares with day and week durations
      return Paren(Paren(d) + " - " + Paren(Date(depth - 1)) + " " + rng_.Pick(kCompare) + " " +
                   DayDuration());
    case 1:
      return Paren(d + " within " + Duration());
    case 2:
      return Paren(d + (rng_.Chance(0.7) ? " between " : " not between ") + Duration() + " and " +
                   Duration());
    case 3:
      return Paren(d + " between " + Date(0) + " and " + Date(0));
    default:
      return Paren(d + " " + rng_.Pick(kCompare) + " " + Date(depth - 1));
  }
}

std::string ExprGen::StrExpr(const GenColumn& column, bool& raw_enum) {
  raw_enum = false;
  switch (rng_.Below(4)) {
    case 0:
      return "lower(" + column.name + ")";
    case 1:
      return "upper(" + column.name + ")";
    default:
      raw_enum = column.kind == ColKind::kEnum;
      return column.name;
  }
}

std::string ExprGen::Membership() {
  std::string list;
  std::string subject;
  int n = int(rng_.Range(1, 4));
  auto strings = schema_.OfKind(ColKind::kString);
  for (const GenColumn* e : schema_.OfKind(ColKind::kEnum)) strings.push_back(e);
  if (!strings.empty() && rng_.Chance(0.5)) {
    const GenColumn& c = *rng_.Pick(strings);
    bool raw = false;
    subject = StrExpr(c, raw);
    static const std::vector<std::string> kAny = {"FR", "fr", "", "LEAD", "zz", "A"};
    for (int i = 0; i < n; ++i) {
      list += (i ? ", \"" : "\"") +
              (raw || rng_.Chance(0.6) ? rng_.Pick(c.pool) : rng_.Pick(kAny)) + "\"";
    }
  } else if (rng_.Chance(0.7)) {
    subject = rng_.Chance(0.7) ? Column(ColKind::kInt) : Num(1, true);
    for (int i = 0; i < n; ++i) list += (i ? ", " : "") + IntLit();
  } else {
    subject = Column(ColKind::kDate);
    for (int i = 0; i < n; ++i) list += (i ? ", " : "") + DateLit();
  }
  return Paren(subject + (rng_.Chance(0.6) ? " in (" : " not in (") + list + ")");
}

std::string ExprGen::StringPredicate() {
  auto strings = schema_.OfKind(ColKind::kString);
  for (const GenColumn* e : schema_.OfKind(ColKind::kEnum)) strings.push_back(e);
  if (strings.empty()) return Membership();
  const GenColumn& c = *rng_.Pick(strings);
  bool raw = false;
  std::string s = StrExpr(c, raw);
  std::string lit = "\"" + rng_.Pick(c.pool) + "\"";
  std::string any =
      "\"" + rng_.Pick(std::vector<std::string>{"a", "F", "r", "", "Fr", ".", "e"}) + "\"";
  switch (rng_.Below(8)) {
    case 0:
      return Paren(s + " == " + lit);
    case 1:
      return Paren(s + " != " + lit);
    case 2:
      if (c.kind == ColKind::kString) return Paren(s + " " + rng_.Pick(kCompare) + " " + lit);
      return Paren(s + " == " + lit);
    case 3:
      return "starts_with(" + s + ", " + any + ")";
    case 4:
      return "ends_with(" + s + ", " + any + ")";
    case 5:
      return "contains(" + s + ", " + any + ")";
    case 6:
      return "matches(" + s + ", \"" + rng_.Pick(kPatterns) + "\")";
    default:
      return Paren("length(" + s + ") " + rng_.Pick(kCompare) + " " + IntLit());
  }
}

std::string ExprGen::LabelPredicate() {
  if (classes.empty()) return StringPredicate();
  const ClassRef& c = rng_.Pick(classes);
  switch (rng_.Below(4)) {
    case 0:
      return Paren(c.name + " is null");
    case 1:
      return Paren(c.name + " != \"" + rng_.Pick(c.labels) + "\"");
    default:
      return Paren(c.name + " == \"" + rng_.Pick(c.labels) + "\"");
  }
}

std::string ExprGen::Bool(int depth) {
  if (depth <= 0 || rng_.Chance(0.1)) return BoolLeaf();
  auto sub = [&] { return Bool(depth - 1); };
  switch (rng_.Below(16)) {
    case 0:
    case 1: {
      std::string text = sub() + " and " + sub();
      if (rng_.Chance(0.3)) text += " and " + sub();
      return Paren(text);
    }
    case 2:
    case 3: {
      std::string text = sub() + " or " + sub();
      if (rng_.Chance(0.3)) text += " or " + sub();
      return Paren(text);
    }
    case 4:
      return Paren("not " + sub());
    case 5:
    case 6:
      return Compare(depth);
    case 7:
    case 8:
      return DatePredicate(depth);
    case 9:
      return Membership();
    case 10:
    case 11:
      return StringPredicate();
    case 12:
      return LabelPredicate();
    case 13: {
      std::string x;
      switch (rng_.Below(4)) {
        case 0:
          x = Num(depth - 1, false);
          break;
        case 1:
          x = Date(depth - 1);
          break;
        case 2:
          x = sub();
          break;
        default:
          x = Column(ColKind(rng_.Below(6)));
      }
      if (x.empty()) x = Column(ColKind::kInt);
      return Paren(x + (rng_.Chance(0.5) ? " is null" : " is not null"));
    }
    default:
      return BoolLeaf();
  }
}

}  // namespace segc::difftest
