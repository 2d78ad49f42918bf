// ExprGen: random well-typed expression text.
#include "tests/differential/gen_expr.h"

namespace segc::difftest {

std::string ExprGen::IntLit() {
  static const std::vector<std::string> kInts = {"0",
                                                 "1",
                                                 "2",
                                                 "3",
                                                 "7",
                                                 "10",
                                                 "40",
                                                 "1_000",
                                                 "3037000500",
                                                 "4611686018427387904",
                                                 "9223372036854775807",
                                                 "(-1)",
                                                 "(-5)",
                                                 "(-9223372036854775807)"};
  return rng_.Chance(0.3) ? std::to_string(rng_.Range(0, 50)) : rng_.Pick(kInts);
}

std::string ExprGen::FloatLit() {
  static const std::vector<std::string> kFloats = {"0.5",  "2.25",   "0.0", "30%", "100%",
                                                   "12.5", "(-0.5)", "1e3", "0.1", "1_000.75"};
  std::string lit = rng_.Pick(kFloats);
  return lit == "1e3" ? "1000.0" : lit;
}

std::string ExprGen::DateLit() {
  static const std::vector<std::string> kDates = {"2026-11-01", "2026-03-31", "2024-02-29",
                                                  "2000-01-01", "1970-01-01", "2030-12-31"};
  return rng_.Pick(kDates);
}

std::string ExprGen::Duration() {
  static const std::vector<std::string> kUnits = {"d", "w", "mo", "y"};
  static const std::vector<std::string> kLong = {" days", " weeks", " months", " years"};
  static const std::vector<int> kCounts = {0, 1, 2, 6, 7, 30, 90, 365, 1000};
  std::string named = NameOf(T::kDuration);
  if (!named.empty() && rng_.Chance(0.2)) return named;
  size_t unit = rng_.Below(4);
  std::string count = std::to_string(rng_.Pick(kCounts));
  return count + (rng_.Chance(0.2) ? kLong[unit] : kUnits[unit]);
}

std::string ExprGen::DayDuration() {
  static const std::vector<int> kCounts = {0, 1, 7, 30, 365, 1000};
  std::string count = std::to_string(rng_.Pick(kCounts));
  return count + (rng_.Chance(0.8) ? "d" : "w");
}

std::string ExprGen::ParamLiteral(T type) {
  switch (type) {
    case T::kInt:
      return rng_.Chance(0.2) ? "-3" : std::to_string(rng_.Range(0, 100));
    case T::kFloat:
      return rng_.Chance(0.5) ? "30%" : "2.5";
    case T::kBool:
      return rng_.Chance(0.5) ? "true" : "false";
    case T::kDate:
      return DateLit();
    case T::kDuration: {
      std::string d = Duration();
      return d.find_first_of("0123456789") == 0 ? d : "90d";
    }
  }
  return "0";
}

std::string ExprGen::Column(ColKind kind) {
  auto columns = schema_.OfKind(kind);
  return columns.empty() ? "" : rng_.Pick(columns)->name;
}

std::string ExprGen::NameOf(T type) {
  std::vector<std::string> fits;
  for (const Named& n : names) {
    if (n.type == type) fits.push_back(n.name);
  }
  return fits.empty() ? "" : rng_.Pick(fits);
}

std::string ExprGen::NumLeaf(bool want_int) {
  if (schema_.has_events() && rng_.Chance(0.25)) {
    return Aggregate(want_int || rng_.Chance(0.4) ? T::kInt : T::kFloat);
  }
  for (;;) {
    switch (rng_.Below(want_int ? 3 : 6)) {
      case 0:
        return Column(ColKind::kInt);
      case 1:
        return IntLit();
      case 2:
        if (auto n = NameOf(T::kInt); !n.empty()) return n;
        break;
      case 3:
        if (auto c = Column(ColKind::kFloat); !c.empty()) return c;
        break;
      case 4:
        return FloatLit();
      default:
        if (auto n = NameOf(T::kFloat); !n.empty()) return n;
        break;
    }
  }
}

std::string ExprGen::RowNum(bool int_only) {
  std::string col = Column(int_only || rng_.Chance(0.4) ? ColKind::kInt : ColKind::kFloat);
  if (schema_.has_events() && rng_.Chance(0.3)) col = Aggregate(int_only ? T::kInt : T::kFloat);
  switch (rng_.Below(6)) {
    case 0:
      return Paren(col + " + " + NumLeaf(int_only));
    case 1:
      return Paren(col + " * " + NumLeaf(true));
    case 2:
      return "abs(" + col + ")";
    default:
      return col;
  }
}

std::string ExprGen::NumStat(bool want_int) {
  if (want_int) {
    switch (rng_.Below(3)) {
      case 0:
        return "min_of(" + RowNum(true) + ")";
      case 1:
        return "max_of(" + RowNum(true) + ")";
      default:
        return "ntile(" + std::to_string(rng_.Range(1, 6)) + ", " + RowNum(false) + ")";
    }
  }
  static const std::vector<std::string> kQ = {"0", "0.25", "0.5", "0.9", "1", "33%"};
  std::string x = RowNum(false);
  switch (rng_.Below(11)) {
    case 0:
      return "mean(" + x + ")";
    case 1:
      return "median(" + x + ")";
    case 2:
      return "stddev(" + x + ")";
    case 3:
      return "percentile(" + x + ", " + rng_.Pick(kQ) + ")";
    case 4:
      return "zscore(" + x + ")";
    case 5:
      return "cumshare(" + x + ")";
    case 6:
      return "percent_rank(" + x + ")";
    case 7:
      return rng_.Pick(kPercentiles) + "(" + x + ")";
    case 8:
      return "min_of(" + x + ")";
    case 9:
      return "max_of(" + x + ")";
    default:
      return "zscore(" + Column(ColKind::kDate) + ")";
  }
}

std::string ExprGen::NumCompound(int depth, bool want_int) {
  auto sub = [&] { return Num(depth - 1, want_int); };
  switch (rng_.Below(want_int ? 14 : 17)) {
    case 0:
      return Paren(sub() + " + " + sub());
    case 1:
      return Paren(sub() + " - " + sub());
    case 2:
      return Paren(sub() + " * " + sub());
    case 3:
      return Paren("-" + sub());
    case 4:
      return "abs(" + sub() + ")";
    case 5:
      return rng_.Chance(0.5) ? "floor(" + sub() + ")" : "ceil(" + sub() + ")";
    case 6: {
      std::string args = sub() + ", " + sub();
      if (rng_.Chance(0.3)) args += ", " + sub();
      return (rng_.Chance(0.5) ? "min(" : "max(") + args + ")";
    }
    case 7:
      return "clamp(" + sub() + ", " + sub() + ", " + sub() + ")";
    case 8:
      return "coalesce(" + sub() + ", " + sub() + ")";
    case 9: {
      static const std::vector<std::string> kFns = {
          "days_since", "year", "month", "weekday", "age", "years_since", "months_since"};
      return rng_.Pick(kFns) + "(" + Date(depth - 1) + ")";
    }
    case 10: {
      auto strings = schema_.OfKind(rng_.Chance(0.5) ? ColKind::kString : ColKind::kEnum);
      if (strings.empty()) return sub();
      bool raw = false;
      return "length(" + StrExpr(*rng_.Pick(strings), raw) + ")";
    }
    case 11:
    case 12:
      return NumStat(want_int);
    case 13:
      return Paren(sub() + " * " + sub() + " * " + sub());
    case 14:
      return Paren(sub() + " / " + sub());
    case 15:
      return rng_.Chance(0.5) ? "round(" + sub() + ")"
                              : "round(" + sub() + ", " + std::to_string(rng_.Range(0, 3)) + ")";
    default: {
      std::string score = NameOf(T::kFloat);
      return score.empty() ? Paren(sub() + " / " + IntLit()) : score;
    }
  }
}

std::string ExprGen::Num(int depth, bool want_int) {
  if (depth <= 0 || rng_.Chance(0.3)) return NumLeaf(want_int);
  return NumCompound(depth, want_int);
}

std::string ExprGen::Date(int depth) {
  auto sub = [&] { return Date(depth - 1); };
  if (schema_.has_events() && rng_.Chance(0.2)) return Aggregate(T::kDate);
  uint64_t pick = rng_.Below(depth <= 0 ? 10 : 20);
  if (pick < 6) return Column(ColKind::kDate);
  switch (pick) {
    case 6:
      return DateLit();
    case 7:
      if (auto n = NameOf(T::kDate); !n.empty()) return n;
      return Column(ColKind::kDate);
    case 8:
      return Paren(Duration() + " ago");
    case 9:
      return Duration() + " ago";
    case 10:
    case 11:
      return "coalesce(" + sub() + ", " + sub() + ")";
    case 12:
    case 13:
      return (rng_.Chance(0.5) ? "min(" : "max(") + sub() + ", " + sub() + ")";
    case 14:
      return "median(" + Column(ColKind::kDate) + ")";
    case 15:
      return "percentile(" + Column(ColKind::kDate) + ", 0.25)";
    case 16:
      return (rng_.Chance(0.5) ? "min_of(" : "max_of(") + Column(ColKind::kDate) + ")";
    case 17:
      return "clamp(" + sub() + ", " + sub() + ", " + sub() + ")";
    case 18:
      return Paren(Paren(sub()) + (rng_.Chance(0.5) ? " + " : " - ") + Duration());
    default:
      return Column(ColKind::kDate);
  }
}

std::string ExprGen::EventColumn(ColKind kind, bool qualified) {
  auto columns = schema_.EventsOfKind(kind);
  if (columns.empty()) return "";
  return (qualified ? std::string(kEventTable) + "." : "") + rng_.Pick(columns)->name;
}

std::string ExprGen::EventValue(ColKind kind) {
  std::string column = EventColumn(kind, true);
  if (kind == ColKind::kDate || !rng_.Chance(0.2)) return column;
  // A computed value: the event stage evaluates it (JIT or interpreter) before aggregating.
  return Paren(column + (rng_.Chance(0.5) ? " + " : " * ") +
               (kind == ColKind::kInt ? IntLit() : FloatLit()));
}

std::string ExprGen::Aggregate(T type) {
  if (!schema_.has_events()) return "";
  static const ColKind kAny[] = {ColKind::kInt, ColKind::kFloat, ColKind::kBool, ColKind::kDate};
  std::string head;
  switch (type) {
    case T::kInt:
      switch (rng_.Below(6)) {
        case 0:
          head = "count(" + std::string(kEventTable);
          break;
        case 1:
          head = "count(" + EventColumn(kAny[rng_.Below(4)], true);
          break;
        case 2: {
          bool text = !schema_.EventsOfKind(ColKind::kString).empty() && rng_.Chance(0.3);
          head =
              "count_distinct(" + EventColumn(text ? ColKind::kString : kAny[rng_.Below(4)], true);
          break;
        }
        case 3:
          head = "sum(" + EventValue(ColKind::kInt);
          break;
        default:
          head = rng_.Pick(std::vector<std::string>{"min(", "max(", "first(", "last("}) +
                 EventColumn(ColKind::kInt, true);
          break;
      }
      break;
    case T::kFloat:
      switch (rng_.Below(3)) {
        case 0:
          head = "sum(" + EventValue(ColKind::kFloat);
          break;
        case 1:
          head = "avg(" + EventValue(rng_.Chance(0.5) ? ColKind::kInt : ColKind::kFloat);
          break;
        default:
          head = rng_.Pick(std::vector<std::string>{"min(", "max(", "first(", "last("}) +
                 EventColumn(ColKind::kFloat, true);
          break;
      }
      break;
    default:
      head = rng_.Pick(std::vector<std::string>{"min(", "max(", "first(", "last("}) +
             EventColumn(ColKind::kDate, true);
      break;
  }
  if (rng_.Chance(0.5)) head += " where " + EventPred(int(rng_.Range(0, 2)));
  return head + ")";
}

std::string ExprGen::EventPred(int depth) {
  if (depth > 0 && rng_.Chance(0.5)) {
    switch (rng_.Below(3)) {
      case 0:
        return Paren(EventPred(depth - 1) + " and " + EventPred(depth - 1));
      case 1:
        return Paren(EventPred(depth - 1) + " or " + EventPred(depth - 1));
      default:
        return Paren("not " + EventPred(depth - 1));
    }
  }
  static const std::vector<std::string> kOps = {"<", "<=", ">", ">=", "==", "!="};
  bool qualified = rng_.Chance(0.3);
  switch (rng_.Below(8)) {
    case 0:
      return EventColumn(ColKind::kInt, qualified) + " " + rng_.Pick(kOps) + " " + IntLit();
    case 1:
      return EventColumn(ColKind::kFloat, qualified) + " " + rng_.Pick(kOps) + " " + FloatLit();
    case 2:
      return EventColumn(ColKind::kDate, qualified) + " within " + DayDuration();
    case 3:
      return EventColumn(ColKind::kDate, qualified) + " " + rng_.Pick(kOps) + " " + Duration();
    case 4:
      return EventColumn(ColKind::kDate, qualified) + " between " + DateLit() + " and " + DateLit();
    case 5:
      return EventColumn(ColKind::kBool, qualified);
    case 6:
      return EventColumn(rng_.Pick(std::vector<ColKind>{ColKind::kInt, ColKind::kFloat,
                                                        ColKind::kBool, ColKind::kDate}),
                         qualified) +
             (rng_.Chance(0.5) ? " is null" : " is not null");
    default:
      return Paren(EventColumn(ColKind::kInt, qualified) + " + " +
                   EventColumn(ColKind::kInt, qualified)) +
             " > " + IntLit();
  }
}

}  // namespace segc::difftest
