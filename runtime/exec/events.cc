// Event tables: key linking and the per-customer aggregates, folded in one scan of the events.
#include "segc/events.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <optional>
#include <string_view>
#include <type_traits>
#include <unordered_map>

#include "runtime/exec/thread_pool.h"
#include "segc/bitmap.h"
#include "segc/check.h"
#include "segc/key_index.h"

namespace segc::rt {

namespace {

bool IsStringKey(const Column& c) {
  return c.type() == ColumnType::kString || c.type() == ColumnType::kEnum;
}

/// Fills `owner` with each event row's customer row (KeyIndex::kNoRow: null or unknown key).
Status Link(const Column& customers, const Column& events, const std::string& customers_name,
            int threads, HugeArray<int32_t>& owner) {
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
  owner.Allocate(size_t(events.length()));
  if (!index->MapInto(events, owner.data(), threads).ok()) {
    return Status::DataError("the keys of table '" + customers_name +
                             "' and of its events are not of the same type");
  }
  return Status::Ok();
}

/// Splits the customers into about `threads` ranges of whole 2^shift-row blocks (at least 64
/// rows, so no two tasks write one byte of a result bitmap) and, with more than one range, lists
/// each range's event rows in file order: a stable partition, chunk by chunk on the pool, so that
/// each task reads only its own events.
void Partition(EventGroups& g, int threads) {
  const int64_t customers = g.customers;
  const int64_t tasks = std::max(1, threads);
  int shift = 6;
  while (((customers - 1) >> shift) + 1 > 16 * tasks) ++shift;
  const int64_t blocks = customers == 0 ? 0 : ((customers - 1) >> shift) + 1;
  std::vector<uint16_t> range_of_block(static_cast<size_t>(blocks));
  for (int64_t r = 0, b = 0; r < tasks; ++r) {
    const int64_t end = blocks * (r + 1) / tasks;
    if (end == b) continue;
    for (; b < end; ++b) range_of_block[size_t(b)] = uint16_t(g.ranges.size());
    g.ranges.push_back({(blocks * r / tasks) << shift, std::min(customers, end << shift)});
  }
  const size_t n_ranges = g.ranges.size();
  if (n_ranges <= 1) return;
  const int32_t* owner = g.owner.data();
  const auto events = int64_t(g.owner.size());
  constexpr int64_t kChunk = int64_t(1) << 16;
  const int64_t chunks = (events + kChunk - 1) / kChunk;
  std::vector<int64_t> at(size_t(chunks) * n_ranges, 0);  // chunk-major counts, then cursors
  ThreadPool pool(threads);
  // Counters and cursors live on the task's stack while it runs: adjacent chunks' entries of
  // `at` share cache lines, and updating them in place from two threads costs 4x the pass.
  pool.ParallelFor(chunks, [&](int64_t k) {
    std::vector<int64_t> count(n_ranges, 0);
    for (int64_t e = k * kChunk; e < std::min(events, (k + 1) * kChunk); ++e) {
      if (owner[e] >= 0) ++count[range_of_block[size_t(owner[e] >> shift)]];
    }
    std::copy(count.begin(), count.end(), at.begin() + int64_t(size_t(k) * n_ranges));
  });
  g.part_start.assign(n_ranges + 1, 0);
  int64_t position = 0;
  for (size_t r = 0; r < n_ranges; ++r) {  // range-major: each range's rows in file order
    g.part_start[r] = position;
    for (int64_t k = 0; k < chunks; ++k) {
      int64_t& slot = at[size_t(k) * n_ranges + r];
      const int64_t count = slot;
      slot = position;
      position += count;
    }
  }
  g.part_start[n_ranges] = position;
  g.part.Allocate(size_t(position));
  uint32_t* part = g.part.data();
  pool.ParallelFor(chunks, [&](int64_t k) {
    std::vector<int64_t> cursor(at.begin() + int64_t(size_t(k) * n_ranges),
                                at.begin() + int64_t(size_t(k + 1) * n_ranges));
    for (int64_t e = k * kChunk; e < std::min(events, (k + 1) * kChunk); ++e) {
      if (owner[e] >= 0) part[cursor[range_of_block[size_t(owner[e] >> shift)]]++] = uint32_t(e);
    }
  });
}

}  // namespace

Result<EventGroups> GroupEvents(const Column& customer_keys, const Column& event_keys,
                                const std::string& customers_name, const std::string& events_name,
                                bool allow_unknown, int threads) {
  if (event_keys.length() > int64_t(UINT32_MAX)) {
    return Status::DataError("events '" + events_name + "' have " +
                             std::to_string(event_keys.length()) +
                             " rows; an event table may have at most 4294967295");
  }
  EventGroups groups;
  SEGC_RETURN_IF_ERROR(Link(customer_keys, event_keys, customers_name, threads, groups.owner));
  groups.customers = customer_keys.length();
  for (size_t e = 0; e < groups.owner.size(); ++e) {
    if (groups.owner[e] >= 0) continue;
    if (groups.unknown == 0 && !allow_unknown) {
      const bool valid = event_keys.IsValid(int64_t(e));
      std::string what = valid ? ": key " + KeyText(event_keys, int64_t(e)) + " is not in table '" +
                                     customers_name + "'"
                               : " has an empty key";
      return Status::DataError("events '" + events_name + "': record " + std::to_string(e + 1) +
                               what);
    }
    ++groups.unknown;
  }
  Partition(groups, threads);
  return groups;
}

namespace {

/// One bit per row of a bitmap that may start at a row offset (Arrow slices).
struct Bits {
  const uint8_t* bits = nullptr;
  int64_t offset = 0;
  bool operator[](int64_t e) const { return GetBit(bits, offset + e); }
};

Bits ValidityOf(const Column* c) {
  return c != nullptr && c->validity() ? Bits{c->validity()->data(), c->offset()} : Bits{};
}

/// Which events an aggregate takes: the filter is TRUE and, when there is a value, it is not
/// null (and for first/last the time is not null either).
struct Gate {
  Bits filter, filter_valid, value_valid, time_valid;
  bool operator()(int64_t e) const {
    if (filter.bits != nullptr && !(filter[e] && (filter_valid.bits == nullptr || filter_valid[e])))
      return false;
    return (value_valid.bits == nullptr || value_valid[e]) &&
           (time_valid.bits == nullptr || time_valid[e]);
  }
};

/// One task's customers (EventGroups::ranges[index]).
struct Range {
  int64_t begin = 0, end = 0;
  size_t index = 0;
};

/// Visits, in file order, the events of the customers of `range` that pass `gate`. With one
/// range that is every event with a known customer; with several, the events the partition
/// gave the range. Each customer's events are folded in file order by one task: the same bits
/// at any thread count.
template <typename Visit>
void Scan(const EventGroups& groups, Range range, const Gate& gate, Visit&& visit) {
  const int32_t* owner = groups.owner.data();
  if (groups.ranges.size() <= 1) {
    const auto n = int64_t(groups.owner.size());
    for (int64_t e = 0; e < n; ++e) {
      if (owner[e] >= 0 && gate(e)) visit(int64_t(owner[e]), e);
    }
    return;
  }
  const uint32_t* rows = groups.part.data();
  for (int64_t k = groups.part_start[range.index]; k < groups.part_start[range.index + 1]; ++k) {
    const int64_t e = rows[k];
    if (gate(e)) visit(int64_t(owner[e]), e);
  }
}

/// Calls `f` with a reader of `c`'s values: double for floats, int64 for ints, dates, booleans
/// and dictionary codes. The switch runs once per aggregate, not per event.
template <typename F>
void WithReader(const Column& c, F&& f) {
  switch (c.type()) {
    case ColumnType::kFloat: {
      const double* p = c.data<double>();
      return f([p](int64_t e) { return p[e]; });
    }
    case ColumnType::kInt: {
      const int64_t* p = c.data<int64_t>();
      return f([p](int64_t e) { return p[e]; });
    }
    case ColumnType::kBool: {
      Bits b{c.values()->data(), c.offset()};
      return f([b](int64_t e) { return int64_t(b[e]); });
    }
    default: {  // dates, strings and enums: 32-bit days or codes
      const int32_t* p = c.data<int32_t>();
      return f([p](int64_t e) { return int64_t(p[e]); });
    }
  }
}

/// The result column of one aggregate, built in int64 or double and converted at the end.
class Output {
 public:
  Output(ColumnType result, int64_t n)
      : result_(result),
        n_(n),
        values_(Zeroed(size_t(std::max<int64_t>(n, 1)) * 8)),
        validity_(Zeroed(size_t(BitmapBytes(n) + 8))) {}

  int64_t* ints() { return values_->mutable_as<int64_t>(); }
  double* floats() { return values_->mutable_as<double>(); }
  uint8_t* valid() { return validity_->mutable_data(); }
  void AllValid() { std::memset(valid(), 0xff, size_t(BitmapBytes(n_))); }

  Column Finish() {
    std::shared_ptr<Buffer> values = values_;
    if (result_ == ColumnType::kDate) {
      values = Zeroed(size_t(std::max<int64_t>(n_, 1)) * 4);
      for (int64_t c = 0; c < n_; ++c) values->mutable_as<int32_t>()[c] = int32_t(ints()[c]);
    } else if (result_ == ColumnType::kBool) {
      values = Zeroed(size_t(BitmapBytes(n_) + 8));
      for (int64_t c = 0; c < n_; ++c) {
        if (ints()[c] != 0) SetBit(values->mutable_data(), c);
      }
    }
    auto column = Column::Make(result_, n_, values, validity_);
    SEGC_CHECK(column.ok());
    return *column;
  }

 private:
  // Huge pages: the accumulators are updated at random, and 4 KiB first-touch faults cost more.
  static std::shared_ptr<Buffer> Zeroed(size_t bytes) {
    std::shared_ptr<Buffer> buffer = Buffer::AllocateHuge(bytes);
    std::memset(buffer->mutable_data(), 0, bytes);
    return buffer;
  }
  ColumnType result_;
  int64_t n_;
  std::shared_ptr<Buffer> values_, validity_;
};

/// Sorts one customer's values: insertion sort for the short runs most customers have.
template <typename T>
void SortRun(T* begin, T* end) {
  if (end - begin > 24) return std::sort(begin, end);
  for (T* i = begin + 1; i < end; ++i) {
    T v = *i;
    T* j = i;
    for (; j > begin && v < j[-1]; --j) *j = j[-1];
    *j = v;
  }
}

/// True when two columns are views of the same values (`last(purchases.date)` ordered by date).
bool SameValues(const Column* a, const Column* b) {
  return a != nullptr && b != nullptr && a->values() == b->values() && a->offset() == b->offset();
}

/// Runs `task(range)` for every range, on the pool when there is one.
void ForRanges(const std::vector<Range>& ranges, const ParallelFor& parallel,
               const std::function<void(Range)>& task) {
  auto run = [&](int64_t t) { task(ranges[size_t(t)]); };
  if (parallel) {
    parallel(int64_t(ranges.size()), run);
  } else {
    for (size_t t = 0; t < ranges.size(); ++t) run(int64_t(t));
  }
}

/// Folds one aggregate over the events.
class Folder {
 public:
  Folder(const EventGroups& groups, const AggregateInputs& in, const ParallelFor& parallel)
      : groups_(groups), in_(in), parallel_(parallel) {
    for (size_t r = 0; r < groups.ranges.size(); ++r) {
      ranges_.push_back({groups.ranges[r].begin, groups.ranges[r].end, r});
    }
    if (in.filter != nullptr) {
      gate_.filter = Bits{in.filter->values()->data(), in.filter->offset()};
      gate_.filter_valid = ValidityOf(in.filter);
    }
    gate_.value_valid = ValidityOf(in.value);
  }

  /// count(events) and count(events.x): events passing the gate.
  void Count(Output& out) {
    int64_t* n = out.ints();
    ForRanges(ranges_, parallel_,
              [&](Range r) { Scan(groups_, r, gate_, [&](int64_t c, int64_t) { ++n[c]; }); });
    out.AllValid();
  }

  /// sum: 0 without events; an int sum that overflows, or a float sum that is not finite, is
  /// null and counted in `overflow`.
  int64_t Sum(Output& out, bool floats) {
    int64_t overflow = 0;
    out.AllValid();
    if (floats) {
      double* sum = out.floats();
      WithReader(*in_.value, [&](auto read) {
        ForRanges(ranges_, parallel_, [&](Range r) {
          Scan(groups_, r, gate_, [&](int64_t c, int64_t e) { sum[c] += double(read(e)); });
        });
      });
      for (int64_t c = 0; c < groups_.customers; ++c) {
        if (!std::isfinite(sum[c])) overflow += ClearValid(out, c);
      }
      return overflow;
    }
    int64_t* sum = out.ints();
    HugeArray<uint8_t> overflowed(size_t(groups_.customers), 0);
    WithReader(*in_.value, [&](auto read) {
      ForRanges(ranges_, parallel_, [&](Range r) {
        Scan(groups_, r, gate_, [&](int64_t c, int64_t e) {
          if (__builtin_add_overflow(sum[c], int64_t(read(e)), &sum[c])) overflowed[size_t(c)] = 1;
        });
      });
    });
    for (int64_t c = 0; c < groups_.customers; ++c) {
      if (overflowed[size_t(c)]) overflow += ClearValid(out, c);
    }
    return overflow;
  }

  /// avg: null without events; a mean that is not finite is null and counted in `overflow`.
  int64_t Avg(Output& out) {
    double* sum = out.floats();
    HugeArray<int64_t> n(size_t(groups_.customers), 0);
    WithReader(*in_.value, [&](auto read) {
      ForRanges(ranges_, parallel_, [&](Range r) {
        Scan(groups_, r, gate_, [&](int64_t c, int64_t e) {
          sum[c] += double(read(e));
          ++n[size_t(c)];
        });
      });
    });
    int64_t overflow = 0;
    for (int64_t c = 0; c < groups_.customers; ++c) {
      if (n[size_t(c)] == 0) continue;
      sum[c] /= double(n[size_t(c)]);
      if (std::isfinite(sum[c])) {
        SetBit(out.valid(), c);
      } else {
        ++overflow;
      }
    }
    return overflow;
  }

  /// min and max: null without events.
  void Extreme(Output& out, bool max, bool floats) {
    uint8_t* has = out.valid();
    auto fold = [&](auto* best) {
      using T = std::remove_pointer_t<decltype(best)>;
      WithReader(*in_.value, [&](auto read) {
        ForRanges(ranges_, parallel_, [&](Range r) {
          Scan(groups_, r, gate_, [&](int64_t c, int64_t e) {
            const T v = T(read(e));
            if (!GetBit(has, c) || (max ? v > best[c] : v < best[c])) {
              best[c] = v;
              SetBit(has, c);
            }
          });
        });
      });
    };
    if (floats) {
      fold(out.floats());
    } else {
      fold(out.ints());
    }
  }

  /// first and last: the value of the earliest (latest) event by the time column; on a tie the
  /// earlier (later) event of the file. Null without such an event.
  void ByTime(Output& out, bool last, bool floats) {
    Gate gate = gate_;
    gate.time_valid = ValidityOf(in_.order);
    uint8_t* has = out.valid();
    HugeArray<double> when(size_t(groups_.customers), 0);
    auto fold = [&](auto* best) {
      using T = std::remove_pointer_t<decltype(best)>;
      WithReader(*in_.value, [&](auto read) {
        WithReader(*in_.order, [&](auto time) {
          ForRanges(ranges_, parallel_, [&](Range r) {
            Scan(groups_, r, gate, [&](int64_t c, int64_t e) {
              const double t = double(time(e));
              double& w = when[size_t(c)];
              if (!GetBit(has, c) || (last ? t >= w : t < w)) {
                w = t;
                best[c] = T(read(e));
                SetBit(has, c);
              }
            });
          });
        });
      });
    };
    if (floats) {
      fold(out.floats());
    } else {
      fold(out.ints());
    }
  }

  /// count_distinct: the passing values of each customer are gathered into one array in
  /// customer order (a counting sort, range by range), then each customer's run is sorted.
  void CountDistinct(Output& out) {
    const ColumnType type = in_.value->type();
    if (type == ColumnType::kFloat) {
      // Floats by their bits, -0.0 and 0.0 as one value.
      const double* p = in_.value->data<double>();
      return Distinct<int64_t>(out, [p](int64_t e) {
        double v = p[e] == 0 ? 0.0 : p[e];
        int64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        return bits;
      });
    }
    if (type == ColumnType::kInt) {
      const int64_t* p = in_.value->data<int64_t>();
      return Distinct<int64_t>(out, [p](int64_t e) { return p[e]; });
    }
    WithReader(*in_.value, [&](auto read) {
      Distinct<int32_t>(out, [read](int64_t e) { return int64_t(read(e)); });
    });
  }

 private:
  static int64_t ClearValid(Output& out, int64_t c) {
    out.valid()[c >> 3] &= uint8_t(~(1u << (c & 7)));
    return 1;
  }

  template <typename T, typename Read>
  void Distinct(Output& out, Read read) {
    const auto n = size_t(groups_.customers);
    HugeArray<int64_t> start(n + 1, 0);
    ForRanges(ranges_, parallel_, [&](Range r) {
      Scan(groups_, r, gate_, [&](int64_t c, int64_t) { ++start[size_t(c) + 1]; });
    });
    for (size_t c = 0; c < n; ++c) start[c + 1] += start[c];
    HugeArray<T> values;
    values.Allocate(size_t(start[n]));
    HugeArray<int64_t> next;
    next.Allocate(n);
    std::copy(start.data(), start.data() + n, next.data());
    ForRanges(ranges_, parallel_, [&](Range r) {
      Scan(groups_, r, gate_,
           [&](int64_t c, int64_t e) { values[size_t(next[size_t(c)]++)] = T(read(e)); });
    });
    int64_t* count = out.ints();
    ForRanges(ranges_, parallel_, [&](Range r) {
      for (int64_t c = r.begin; c < r.end; ++c) {
        T* begin = values.data() + start[size_t(c)];
        T* end = values.data() + start[size_t(c) + 1];
        SortRun(begin, end);
        count[c] = std::unique(begin, end) - begin;
      }
    });
    out.AllValid();
  }

  const EventGroups& groups_;
  AggregateInputs in_;
  const ParallelFor& parallel_;
  std::vector<Range> ranges_;
  Gate gate_;
};

}  // namespace

Column Aggregate(AggregateKind kind, ColumnType result, const EventGroups& groups,
                 const AggregateInputs& in, const ParallelFor& parallel, int64_t* overflow) {
  Output out(result, groups.customers);
  Folder folder(groups, in, parallel);
  const bool floats = result == ColumnType::kFloat;
  switch (kind) {
    case AggregateKind::kCount:
      folder.Count(out);
      break;
    case AggregateKind::kCountDistinct:
      folder.CountDistinct(out);
      break;
    case AggregateKind::kSum:
      *overflow += folder.Sum(out, floats);
      break;
    case AggregateKind::kAvg:
      *overflow += folder.Avg(out);
      break;
    case AggregateKind::kMin:
    case AggregateKind::kMax:
      folder.Extreme(out, kind == AggregateKind::kMax, floats);
      break;
    case AggregateKind::kFirst:
    case AggregateKind::kLast:
      // The first (last) time itself is the smallest (largest) time: no tie to break.
      if (SameValues(in.value, in.order)) {
        folder.Extreme(out, kind == AggregateKind::kLast, floats);
      } else {
        folder.ByTime(out, kind == AggregateKind::kLast, floats);
      }
      break;
  }
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
