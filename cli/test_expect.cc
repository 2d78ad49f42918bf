// The expectation forms of docs/testing.md, each against a run's segments, scores and classes.
#include "cli/test_expect.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

#include "cli/row_keys.h"
#include "cli/run_expect.h"
#include "cli/test_coverage.h"
#include "compiler/diag/suggest.h"

namespace segc::cli {
namespace {

/// "12", "12.5", "0.333333333333" — short, and exact for integers.
std::string ShortNumber(double v) {
  if (v == std::floor(v) && std::abs(v) < 1e15) return fmt::format("{}", int64_t(v));
  return fmt::format("{:.12g}", v);
}

/// Equality of a computed float with the number written in a test: relative 1e-9, so that
/// `== 66.666666667` matches 200/3 and `== 0.3` matches 0.1 + 0.2.
bool Near(double a, double b) {
  return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)});
}

class Checker {
 public:
  Checker(const Expectation& e, const TestRun& run) : e_(e), run_(run) {}

  std::string Check() {
    switch (e_.kind) {
      case ExpectKind::kSizes:
        return Sizes();
      case ExpectKind::kMember:
      case ExpectKind::kNotMember:
        return Membership();
      case ExpectKind::kMembers:
        return Members();
      case ExpectKind::kCount:
        return Count();
      case ExpectKind::kValue:
        return Value();
    }
    return "";
  }

 private:
  const rt::SegmentResult* Segment() const {
    for (const rt::SegmentResult& s : run_.result->segments)
      if (s.name == e_.name) return &s;
    return nullptr;
  }
  const rt::ScoreResult* Score() const {
    for (const rt::ScoreResult& s : run_.result->scores)
      if (s.name == e_.name) return &s;
    return nullptr;
  }
  const rt::ClassResult* Class() const {
    for (const rt::ClassResult& c : run_.result->classes)
      if (c.name == e_.name) return &c;
    return nullptr;
  }

  /// "no segment 'VIPS' in the rules (did you mean 'VIP'?)".
  std::string Unknown(const char* what, bool segments, bool scores, bool classes) const {
    std::vector<std::string> names;
    for (const auto& s : run_.result->segments)
      if (segments && !IsCoverageOutput(s.name)) names.push_back(s.name);
    for (const auto& s : run_.result->scores)
      if (scores) names.push_back(s.name);
    for (const auto& c : run_.result->classes)
      if (classes) names.push_back(c.name);
    std::string out = fmt::format("no {} '{}' in the rules", what, e_.name);
    if (auto near = diag::ClosestName(e_.name, names))
      out += fmt::format(" (did you mean '{}'?)", *near);
    return out;
  }

  const rt::Column& Keys() const { return *run_.table->GetColumn(run_.key); }

  /// The row of `key`, or nullopt with `problem` set.
  std::optional<int64_t> Row(const std::string& key, std::string* problem) const {
    std::optional<int64_t> row = FindRow(Keys(), key);
    if (!row) {
      *problem =
          fmt::format("key {} is not a row of the test data ({} rows)", key, Keys().length());
    }
    return row;
  }

  std::vector<std::string> MemberKeys(const rt::SegmentResult& s) const {
    std::vector<std::string> keys;
    for (int64_t row = 0; row < run_.result->rows; ++row) {
      if (rt::GetBit(s.bitmap->data(), row)) keys.push_back(KeyText(Keys(), row));
    }
    return keys;
  }

  /// "members: 1, 3" (the first 10), or "no members".
  std::string MemberList(const rt::SegmentResult& s) const {
    std::vector<std::string> keys = MemberKeys(s);
    if (keys.empty()) return "no members";
    std::string more = keys.size() > 10 ? fmt::format(", ... ({} in all)", keys.size()) : "";
    keys.resize(std::min<size_t>(keys.size(), 10));
    return fmt::format("members: {}{}", fmt::join(keys, ", "), more);
  }

  std::string Sizes() const {
    std::vector<SizeViolation> violations = CheckExpectedSizes(*run_.project, *run_.result);
    std::string out;
    for (const SizeViolation& v : violations) {
      if (!out.empty()) out += "\n";
      out += FormatViolation(*run_.sources, v, true);
    }
    return out;
  }

  std::string Membership() const {
    const rt::SegmentResult* s = Segment();
    if (s == nullptr) return Unknown("segment", true, false, false);
    std::string problem;
    std::optional<int64_t> row = Row(e_.key, &problem);
    if (!row) return problem;
    bool member = rt::GetBit(s->bitmap->data(), *row);
    if (member == (e_.kind == ExpectKind::kMember)) return "";
    return fmt::format("key {} is {}a member of {} ({})", e_.key, member ? "" : "not ", e_.name,
                       MemberList(*s));
  }

  std::string Members() const {
    const rt::SegmentResult* s = Segment();
    if (s == nullptr) return Unknown("segment", true, false, false);
    std::set<std::string> actual;
    for (const std::string& k : MemberKeys(*s)) actual.insert(k);
    std::set<std::string> wanted;
    std::string problem;
    for (const std::string& key : e_.keys) {
      std::optional<int64_t> row = Row(key, &problem);
      if (!row) return problem;
      wanted.insert(KeyText(Keys(), *row));
    }
    std::vector<std::string> extra, missing;
    for (const std::string& k : actual)
      if (!wanted.count(k)) extra.push_back(k);
    for (const std::string& k : wanted)
      if (!actual.count(k)) missing.push_back(k);
    if (extra.empty() && missing.empty()) return "";
    std::string out = fmt::format("{} has {}", e_.name, MemberList(*s));
    if (!missing.empty())
      out += fmt::format("; expected but missing: {}", fmt::join(missing, ", "));
    if (!extra.empty()) out += fmt::format("; not expected: {}", fmt::join(extra, ", "));
    return out;
  }

  /// True when `value` satisfies the numeric comparison; percents are shares of the rows.
  bool Holds(double value) const {
    const Comparison& c = e_.compare;
    double rows = double(run_.result->rows);
    double low = c.low_percent ? c.low * rows : c.low;
    double high = c.high_percent ? c.high * rows : c.high;
    if (c.op == "==") return Near(value, low);
    if (c.op == "!=") return !Near(value, low);
    if (c.op == "<") return value < low;
    if (c.op == "<=") return value <= low || Near(value, low);
    if (c.op == ">") return value > low;
    if (c.op == ">=") return value >= low || Near(value, low);
    if (c.op == "between")
      return (value >= low || Near(value, low)) && (value <= high || Near(value, high));
    return false;
  }

  std::string Count() const {
    std::optional<int64_t> count;
    if (e_.label) {
      const rt::ClassResult* c = Class();
      if (c == nullptr) return Unknown("classify", false, false, true);
      auto it = std::find(c->labels.begin(), c->labels.end(), *e_.label);
      if (it == c->labels.end()) {
        return fmt::format("classify {} has no label \"{}\" (labels: {})", e_.name, *e_.label,
                           fmt::join(c->labels, ", "));
      }
      count = c->label_counts[size_t(it - c->labels.begin())];
    } else if (const rt::SegmentResult* s = Segment()) {
      count = s->count;
    } else {
      return Unknown("segment", true, false, false) +
             "; count a class label as count NAME[\"LABEL\"]";
    }
    if (e_.compare.op == "is_null" || e_.compare.op == "is_not_null")
      return "a count is never null";
    if (Holds(double(*count))) return "";
    return fmt::format("the count is {} of {} rows", *count, run_.result->rows);
  }

  std::string Value() const {
    std::string problem;
    const rt::ScoreResult* score = Score();
    const rt::ClassResult* klass = score ? nullptr : Class();
    if (score == nullptr && klass == nullptr) {
      return Unknown("score or classify", Segment() == nullptr, true, true) +
             (Segment() ? "; a segment's membership is 'expect KEY in SEGMENT'" : "");
    }
    std::optional<int64_t> row = Row(e_.key, &problem);
    if (!row) return problem;
    const rt::Column& values = score ? score->values : klass->values;
    bool null = values.IsNull(*row);
    std::string shown = null    ? "null"
                        : score ? ShortNumber(values.Float64(*row))
                                : fmt::format("\"{}\"", klass->labels[size_t(values.Code(*row))]);
    const Comparison& c = e_.compare;
    bool holds = false;
    if (c.op == "is_null" || c.op == "is_not_null") {
      holds = null == (c.op == "is_null");
    } else if (c.label) {
      if (score) return fmt::format("{} is a score: compare it with a number", e_.name);
      holds = !null && (shown == fmt::format("\"{}\"", *c.label)) == (c.op == "==");
    } else if (klass) {
      return fmt::format("{} is a classify: compare it with a label, == \"LABEL\"", e_.name);
    } else {
      holds = !null && Holds(values.Float64(*row));
    }
    return holds ? "" : fmt::format("{}[{}] is {}", e_.name, e_.key, shown);
  }

  const Expectation& e_;
  const TestRun& run_;
};

}  // namespace

std::string CheckExpectation(const Expectation& expect, const TestRun& run) {
  return Checker(expect, run).Check();
}

}  // namespace segc::cli
