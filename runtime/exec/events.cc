// Event tables: key linking, per-customer grouping (stable counting sort) and the aggregates.
#include "segc/events.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "segc/bitmap.h"
#include "segc/check.h"
#include "segc/key_index.h"

namespace segc::rt {

namespace {

bool IsStringKey(const Column& c) {
  return c.type() == ColumnType::kString || c.type() == ColumnType::kEnum;
}

/// Maps each event row to its customer row (KeyIndex::kNoRow: null or unknown key).
Result<std::vector<int32_t>> Link(const Column& customers, const Column& events,
                                  const std::string& customers_name, int threads) {
  KeyProblem problem;
  Result<KeyIndex> index = KeyIndex::Build(customers, &problem);
  if (!index.ok()) {
    if (problem.kind == KeyProblem::Kind::kNull) {
      return Status::DataError("table '" + customers_name + "': record " +
                               std::to_string(problem.row + 1) + " has an empty key");
    }
    if (problem.kind == KeyProblem::Kind::kDuplicate) {
      return Status::DataError("table '" + customers_name + "': key " +
                               KeyText(customers, problem.row) + " repeats (records " +
                               std::to_string(problem.first_row + 1) + " and " +
                               std::to_string(problem.row + 1) + ")");
    }
    return index.status();
  }
  Result<std::vector<int32_t>> rows = index->Map(events, threads);
  if (!rows.ok()) {
    return Status::DataError("the keys of table '" + customers_name +
                             "' and of its events are not of the same type");
  }
  return rows;
}

}  // namespace

Result<EventGroups> GroupEvents(const Column& customer_keys, const Column& event_keys,
                                const std::string& customers_name, const std::string& events_name,
                                bool allow_unknown, int threads) {
  SEGC_TRY(std::vector<int32_t> owner, Link(customer_keys, event_keys, customers_name, threads));
  EventGroups groups;
  const int64_t customers = customer_keys.length();
  groups.offsets.assign(size_t(customers) + 1, 0);
  for (size_t e = 0; e < owner.size(); ++e) {
    if (owner[e] < 0) {
      if (groups.unknown == 0 && !allow_unknown) {
        std::string what = event_keys.IsValid(int64_t(e))
                               ? "key " + KeyText(event_keys, int64_t(e)) + " is not in table '" +
                                     customers_name + "'"
                               : "has an empty key";
        return Status::DataError("events '" + events_name + "': record " + std::to_string(e + 1) +
                                 (event_keys.IsValid(int64_t(e)) ? ": " : " ") + what);
      }
      ++groups.unknown;
      continue;
    }
    ++groups.offsets[size_t(owner[e]) + 1];
  }
  for (size_t c = 0; c < size_t(customers); ++c) groups.offsets[c + 1] += groups.offsets[c];
  groups.rows.resize(size_t(groups.offsets.back()));
  std::vector<int64_t> next(groups.offsets.begin(), groups.offsets.end() - 1);
  for (size_t e = 0; e < owner.size(); ++e) {
    if (owner[e] >= 0) groups.rows[size_t(next[size_t(owner[e])]++)] = uint32_t(e);
  }
  return groups;
}

namespace {

/// Reads a value column as int64 (int, date, bool, string codes) or double (float).
struct ValueReader {
  const Column* column = nullptr;
  bool Valid(int64_t r) const { return column->IsValid(r); }
  int64_t Int(int64_t r) const {
    switch (column->type()) {
      case ColumnType::kInt:
        return column->Int64(r);
      case ColumnType::kDate:
        return column->Date32(r);
      case ColumnType::kBool:
        return column->Bool(r) ? 1 : 0;
      case ColumnType::kFloat: {
        double v = column->Float64(r);
        if (v == 0) v = 0;  // -0.0 and 0.0 are one value
        int64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        return bits;
      }
      default:
        return column->Code(r);
    }
  }
  double Float(int64_t r) const {
    return column->type() == ColumnType::kFloat ? column->Float64(r) : double(Int(r));
  }
};

/// Result buffers of one aggregate: values by type, validity when the result can be null.
class Output {
 public:
  Output(ColumnType type, int64_t n)
      : type_(type),
        n_(n),
        values_(Buffer::Allocate(size_t(std::max<int64_t>(1, n) * 8))),
        validity_(Buffer::Allocate(size_t(BitmapBytes(n) + 8))) {}

  void SetInt(int64_t row, int64_t v) {
    if (type_ == ColumnType::kDate) {
      values_->mutable_as<int32_t>()[row] = int32_t(v);
    } else if (type_ == ColumnType::kBool) {
      if (v != 0) SetBit(values_->mutable_data(), row);
    } else {
      values_->mutable_as<int64_t>()[row] = v;
    }
    SetBit(validity_->mutable_data(), row);
  }
  void SetFloat(int64_t row, double v) {
    values_->mutable_as<double>()[row] = v;
    SetBit(validity_->mutable_data(), row);
  }
  Column Finish() {
    auto column = Column::Make(type_, n_, values_, validity_);
    SEGC_CHECK(column.ok());
    return *column;
  }

 private:
  ColumnType type_;
  int64_t n_;
  std::shared_ptr<Buffer> values_, validity_;
};

/// Folds the passing events of one customer.
class Folder {
 public:
  Folder(AggregateKind kind, ColumnType result, const AggregateInputs& in)
      : kind_(kind), result_(result), in_(in), value_{in.value}, order_{in.order} {}

  /// Computes customer `c` into `out`; returns 1 when a sum overflowed.
  int Fold(int64_t c, const EventGroups& g, Output& out, std::vector<int64_t>& scratch) const {
    const uint32_t* begin = g.rows.data() + g.offsets[size_t(c)];
    const uint32_t* end = g.rows.data() + g.offsets[size_t(c) + 1];
    switch (kind_) {
      case AggregateKind::kCount: {
        int64_t n = 0;
        for (const uint32_t* e = begin; e != end; ++e) n += Passes(*e) && HasValue(*e);
        out.SetInt(c, n);
        return 0;
      }
      case AggregateKind::kCountDistinct: {
        scratch.clear();
        for (const uint32_t* e = begin; e != end; ++e) {
          if (Passes(*e) && HasValue(*e)) scratch.push_back(value_.Int(*e));
        }
        std::sort(scratch.begin(), scratch.end());
        out.SetInt(c, std::unique(scratch.begin(), scratch.end()) - scratch.begin());
        return 0;
      }
      case AggregateKind::kSum:
        return Sum(c, begin, end, out);
      case AggregateKind::kAvg: {
        double sum = 0;
        int64_t n = 0;
        for (const uint32_t* e = begin; e != end; ++e) {
          if (!Passes(*e) || !HasValue(*e)) continue;
          sum += value_.Float(*e);
          ++n;
        }
        if (n == 0) return 0;
        double mean = sum / double(n);
        if (!std::isfinite(mean)) return 1;
        out.SetFloat(c, mean);
        return 0;
      }
      case AggregateKind::kMin:
      case AggregateKind::kMax:
        Extreme(c, begin, end, out);
        return 0;
      case AggregateKind::kFirst:
      case AggregateKind::kLast:
        ByTime(c, begin, end, out);
        return 0;
    }
    SEGC_UNREACHABLE();
  }

 private:
  bool Passes(int64_t e) const {
    return in_.filter == nullptr || (in_.filter->IsValid(e) && in_.filter->Bool(e));
  }
  bool HasValue(int64_t e) const { return in_.value == nullptr || in_.value->IsValid(e); }

  int Sum(int64_t c, const uint32_t* begin, const uint32_t* end, Output& out) const {
    if (result_ == ColumnType::kFloat) {
      double sum = 0;
      for (const uint32_t* e = begin; e != end; ++e) {
        if (Passes(*e) && HasValue(*e)) sum += value_.Float(*e);
      }
      if (!std::isfinite(sum)) return 1;
      out.SetFloat(c, sum);
      return 0;
    }
    int64_t sum = 0;
    for (const uint32_t* e = begin; e != end; ++e) {
      if (Passes(*e) && HasValue(*e) && __builtin_add_overflow(sum, value_.Int(*e), &sum)) return 1;
    }
    out.SetInt(c, sum);
    return 0;
  }

  void Extreme(int64_t c, const uint32_t* begin, const uint32_t* end, Output& out) const {
    bool max = kind_ == AggregateKind::kMax, any = false;
    if (result_ == ColumnType::kFloat) {
      double best = 0;
      for (const uint32_t* e = begin; e != end; ++e) {
        if (!Passes(*e) || !HasValue(*e)) continue;
        double v = value_.Float(*e);
        if (!any || (max ? v > best : v < best)) best = v;
        any = true;
      }
      if (any) out.SetFloat(c, best);
      return;
    }
    int64_t best = 0;
    for (const uint32_t* e = begin; e != end; ++e) {
      if (!Passes(*e) || !HasValue(*e)) continue;
      int64_t v = value_.Int(*e);
      if (!any || (max ? v > best : v < best)) best = v;
      any = true;
    }
    if (any) out.SetInt(c, best);
  }

  void ByTime(int64_t c, const uint32_t* begin, const uint32_t* end, Output& out) const {
    bool last = kind_ == AggregateKind::kLast;
    int64_t best_row = -1;
    double best_time = 0;
    for (const uint32_t* e = begin; e != end; ++e) {
      if (!Passes(*e) || !HasValue(*e) || !order_.Valid(*e)) continue;
      double t = order_.Float(*e);
      // Rows of a customer are in file order: ties go to the earlier (first) or later (last).
      if (best_row < 0 || (last ? t >= best_time : t < best_time)) {
        best_row = *e;
        best_time = t;
      }
    }
    if (best_row < 0) return;
    if (result_ == ColumnType::kFloat) {
      out.SetFloat(c, value_.Float(best_row));
    } else {
      out.SetInt(c, value_.Int(best_row));
    }
  }

  AggregateKind kind_;
  ColumnType result_;
  AggregateInputs in_;
  ValueReader value_;
  ValueReader order_;
};

}  // namespace

Column Aggregate(AggregateKind kind, ColumnType result, const EventGroups& groups,
                 const AggregateInputs& in, const ParallelFor& parallel, int64_t* overflow) {
  const int64_t n = int64_t(groups.offsets.size()) - 1;
  Output out(result, n);
  Folder folder(kind, result, in);
  // Chunks of whole 64-row words, so no two tasks write one byte of a bitmap.
  constexpr int64_t kChunk = 64 * 256;
  const int64_t tasks = (n + kChunk - 1) / kChunk;
  std::vector<int64_t> overflows(size_t(std::max<int64_t>(tasks, 1)), 0);
  auto task = [&](int64_t t) {
    std::vector<int64_t> scratch;
    int64_t count = 0;
    for (int64_t c = t * kChunk; c < std::min(n, (t + 1) * kChunk); ++c) {
      count += folder.Fold(c, groups, out, scratch);
    }
    overflows[size_t(t)] = count;
  };
  if (parallel) {
    parallel(tasks, task);
  } else {
    for (int64_t t = 0; t < tasks; ++t) task(t);
  }
  for (int64_t o : overflows) *overflow += o;
  return out.Finish();
}

Result<Table> CustomersFromEvents(const std::string& key_name,
                                  const std::vector<const Column*>& event_keys) {
  SEGC_CHECK(!event_keys.empty());
  bool strings = IsStringKey(*event_keys[0]);
  for (const Column* keys : event_keys) {
    if (IsStringKey(*keys) != strings) {
      return Status::DataError("the event tables' keys '" + key_name + "' differ in type");
    }
  }
  Column column;
  if (strings) {
    std::unordered_map<std::string_view, bool> seen;
    std::vector<std::optional<std::string>> values;
    for (const Column* keys : event_keys) {
      for (int64_t r = 0; r < keys->length(); ++r) {
        if (keys->IsValid(r) && seen.emplace(keys->String(r), true).second) {
          values.emplace_back(std::string(keys->String(r)));
        }
      }
    }
    column = Column::FromStrings(values);
  } else {
    std::unordered_map<int64_t, bool> seen;
    std::vector<std::optional<int64_t>> values;
    for (const Column* keys : event_keys) {
      for (int64_t r = 0; r < keys->length(); ++r) {
        if (keys->IsValid(r) && seen.emplace(keys->Int64(r), true).second) {
          values.emplace_back(keys->Int64(r));
        }
      }
    }
    column = Column::FromInt64(values);
  }
  return Table::Make({key_name}, {column});
}

}  // namespace segc::rt
