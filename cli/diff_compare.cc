// Matching two runs' outputs by name and their rows by key.
#include "cli/diff_compare.h"

#include <unordered_map>

#include "cli/row_keys.h"

namespace segc::cli {
namespace {

/// Row of each key of `side` ("null" keys are left out: they cannot be matched).
std::unordered_map<std::string, int64_t> RowsByKey(const DiffSide& side) {
  std::unordered_map<std::string, int64_t> rows;
  const rt::Column* key = side.table->GetColumn(side.key);
  if (key == nullptr) return rows;
  for (int64_t r = 0; r < key->length(); ++r) {
    if (key->IsValid(r)) rows.emplace(KeyText(*key, r), r);
  }
  return rows;
}

template <typename T>
const T* Named(const std::vector<T>& outputs, const std::string& name) {
  for (const T& o : outputs)
    if (o.name == name) return &o;
  return nullptr;
}

/// Names of both versions' outputs: the current order, then those only the base has.
template <typename T>
std::vector<std::string> Names(const std::vector<T>& base, const std::vector<T>& current) {
  std::vector<std::string> names;
  for (const T& o : current) names.push_back(o.name);
  for (const T& o : base)
    if (Named(current, o.name) == nullptr) names.push_back(o.name);
  return names;
}

class Comparer {
 public:
  Comparer(const DiffSide& base, const DiffSide& current, size_t sample)
      : base_(base),
        current_(current),
        sample_(sample),
        base_rows_(RowsByKey(base)),
        current_rows_(RowsByKey(current)) {}

  DiffReport Run() {
    DiffReport report;
    report.rows_before = base_.result->rows;
    report.rows_after = current_.result->rows;
    for (const std::string& name : Names(base_.result->segments, current_.result->segments))
      report.segments.push_back(Segment(name));
    for (const std::string& name : Names(base_.result->scores, current_.result->scores))
      report.scores.push_back(Score(name));
    for (const std::string& name : Names(base_.result->classes, current_.result->classes))
      report.classes.push_back(Class(name));
    return report;
  }

 private:
  static bool Member(const rt::SegmentResult* s, int64_t row) {
    return s != nullptr && rt::GetBit(s->bitmap->data(), row);
  }

  /// Keys that are members on `from`'s side and not on the other (or not there at all).
  void OneWay(const DiffSide& from, const rt::SegmentResult* in, const rt::SegmentResult* out,
              const std::unordered_map<std::string, int64_t>& other_rows, int64_t& n,
              std::vector<std::string>& keys) const {
    const rt::Column* key = from.table->GetColumn(from.key);
    if (in == nullptr || key == nullptr) return;
    for (int64_t r = 0; r < from.result->rows; ++r) {
      if (!Member(in, r)) continue;
      auto other = key->IsValid(r) ? other_rows.find(KeyText(*key, r)) : other_rows.end();
      if (other != other_rows.end() && Member(out, other->second)) continue;
      if (keys.size() < sample_) keys.push_back(KeyText(*key, r));
      ++n;
    }
  }

  SegmentChange Segment(const std::string& name) const {
    SegmentChange c{name, {}, {}, 0, 0, {}, {}};
    const rt::SegmentResult* before = Named(base_.result->segments, name);
    const rt::SegmentResult* after = Named(current_.result->segments, name);
    if (before) c.before = before->count;
    if (after) c.after = after->count;
    OneWay(current_, after, before, base_rows_, c.added, c.added_keys);
    OneWay(base_, before, after, current_rows_, c.removed, c.removed_keys);
    return c;
  }

  /// Runs `f(base_row, current_row)` for each key in both tables.
  template <typename F>
  void Matched(F&& f) const {
    for (const auto& [key, row] : current_rows_) {
      auto base = base_rows_.find(key);
      if (base != base_rows_.end()) f(base->second, row);
    }
  }

  ScoreChange Score(const std::string& name) const {
    ScoreChange c;
    c.name = name;
    const rt::ScoreResult* before = Named(base_.result->scores, name);
    const rt::ScoreResult* after = Named(current_.result->scores, name);
    if (before) c.before = ScoreChange::Side{before->count, before->mean};
    if (after) c.after = ScoreChange::Side{after->count, after->mean};
    if (before && after) {
      Matched([&](int64_t b, int64_t a) {
        bool bn = before->values.IsNull(b), an = after->values.IsNull(a);
        if (bn != an || (!bn && before->values.Float64(b) != after->values.Float64(a))) ++c.changed;
      });
    }
    return c;
  }

  static std::string LabelAt(const rt::ClassResult& c, int64_t row) {
    return c.values.IsNull(row) ? "null" : c.labels[size_t(c.values.Code(row))];
  }

  ClassChange Class(const std::string& name) const {
    ClassChange c;
    c.name = name;
    const rt::ClassResult* before = Named(base_.result->classes, name);
    const rt::ClassResult* after = Named(current_.result->classes, name);
    c.in_before = before != nullptr;
    c.in_after = after != nullptr;
    auto label = [&](const std::string& text) -> ClassChange::Label& {
      for (ClassChange::Label& l : c.labels)
        if (l.label == text) return l;
      c.labels.push_back({text, 0, 0});
      return c.labels.back();
    };
    if (before) {
      for (size_t i = 0; i < before->labels.size(); ++i)
        label(before->labels[i]).before = before->label_counts[i];
    }
    if (after) {
      for (size_t i = 0; i < after->labels.size(); ++i)
        label(after->labels[i]).after = after->label_counts[i];
    }
    label("null").before = before ? before->null_count : 0;
    label("null").after = after ? after->null_count : 0;
    if (before && after) {
      Matched(
          [&](int64_t b, int64_t a) { c.changed += LabelAt(*before, b) != LabelAt(*after, a); });
    }
    return c;
  }

  const DiffSide& base_;
  const DiffSide& current_;
  size_t sample_;
  std::unordered_map<std::string, int64_t> base_rows_, current_rows_;
};

}  // namespace

DiffReport CompareRuns(const DiffSide& base, const DiffSide& current, size_t sample) {
  return Comparer(base, current, sample).Run();
}

}  // namespace segc::cli
