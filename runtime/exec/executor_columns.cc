// Executor helpers: column views, statistics and derived columns through segc/stats.h.
#include <algorithm>
#include <cmath>

#include "runtime/exec/executor_internal.h"
#include "segc/check.h"
#include "segc/stats.h"

namespace segc::rt::detail {

namespace {

// `buffer` from byte `byte_offset` on, sharing its memory (and keeping it alive).
std::shared_ptr<Buffer> ShiftedView(const std::shared_ptr<Buffer>& buffer, int64_t byte_offset) {
  return Buffer::Wrap(buffer->data() + byte_offset, buffer->size() - size_t(byte_offset), buffer);
}

// Bits [offset, offset + n) of a bitmap from bit 0: a view when `offset` is a whole number of
// bytes; otherwise a copy (the kernel ABI has no bit offset).
std::shared_ptr<Buffer> ShiftedBits(const std::shared_ptr<Buffer>& bits, int64_t offset,
                                    int64_t n) {
  if (offset % 8 == 0) return ShiftedView(bits, offset / 8);
  auto out = Buffer::Allocate(size_t(BitmapBytes(n)));
  for (int64_t i = 0; i < n; ++i) {
    if (GetBit(bits->data(), offset + i)) SetBit(out->mutable_data(), i);
  }
  return out;
}

}  // namespace

Column Compact(const Column& column) {
  const int64_t offset = column.offset();
  if (offset == 0) return column;
  const int64_t n = column.length();
  std::shared_ptr<Buffer> validity;
  if (column.validity() != nullptr) validity = ShiftedBits(column.validity(), offset, n);
  const int width = ValueWidth(column.type());
  std::shared_ptr<Buffer> values = width == 0 ? ShiftedBits(column.values(), offset, n)
                                              : ShiftedView(column.values(), offset * width);
  auto out =
      Column::Make(column.type(), n, values, validity, column.dictionary(), 0, column.null_count());
  SEGC_CHECK(out.ok());
  return *out;
}

segc_column ColumnView(const Column& column) {
  SEGC_CHECK(column.offset() == 0);
  segc_column view;
  view.values = column.values() ? const_cast<uint8_t*>(column.values()->data()) : nullptr;
  view.validity = column.validity() ? const_cast<uint8_t*>(column.validity()->data()) : nullptr;
  return view;
}

namespace {

/// Exact min/max of an int64 column (doubles lose precision above 2^53).
std::optional<int64_t> IntExtreme(const Column& x, bool max) {
  std::optional<int64_t> out;
  for (int64_t i = 0; i < x.length(); ++i) {
    if (!x.IsValid(i)) continue;
    int64_t v = x.Int64(i);
    if (!out || (max ? v > *out : v < *out)) out = v;
  }
  return out;
}

// Rows per task of the check for non-finite values.
constexpr int64_t kFiniteMorselRows = int64_t(1) << 16;

/// Whether any value of the float column `column`, null rows' included, is NaN or infinite: one
/// branch-free pass over the value bits, in morsels on the tasks of `parallel`.
bool AnyNonFinite(const Column& column, const ParallelFor& parallel) {
  const uint64_t* bits = column.data<uint64_t>();
  const int64_t n = column.length();
  const int64_t morsels = (n + kFiniteMorselRows - 1) / kFiniteMorselRows;
  std::vector<uint8_t> found(size_t(morsels), 0);
  const auto task = [&](int64_t m) {
    constexpr uint64_t kExponent = uint64_t(0x7ff) << 52;  // all ones: NaN or an infinity
    bool any = false;
    for (int64_t i = m * kFiniteMorselRows; i < std::min(n, (m + 1) * kFiniteMorselRows); ++i) {
      any |= (bits[i] & kExponent) == kExponent;
    }
    found[size_t(m)] = any;
  };
  if (parallel && morsels > 1) {
    parallel(morsels, task);
  } else {
    for (int64_t m = 0; m < morsels; ++m) task(m);
  }
  return std::find(found.begin(), found.end(), 1) != found.end();
}

/// LANGUAGE.md §5: NaN and infinities are not values. A float derived column whose arithmetic
/// overflowed (e.g. cumshare when the sum is infinite) holds null there, as every backend reads it.
/// Columns whose values are all finite (the usual case) are returned as they are.
Column NullNonFinite(Column column, const ParallelFor& parallel) {
  if (column.type() != ColumnType::kFloat || !AnyNonFinite(column, parallel)) return column;
  const int64_t n = column.length();
  std::vector<std::optional<double>> values(static_cast<size_t>(n));
  bool changed = false;
  for (int64_t i = 0; i < n; ++i) {
    if (!column.IsValid(i)) continue;
    double v = column.Float64(i);
    if (std::isfinite(v)) {
      values[size_t(i)] = v;
    } else {
      changed = true;
    }
  }
  return changed ? Column::FromFloat64(values) : column;
}

}  // namespace

segc_stat_value ComputeStat(const ExecStat& stat, const Column& x) {
  std::optional<double> value;
  bool is_max = stat.kind == StatKind::kMaxOf;
  if (stat.integer_result && x.type() == ColumnType::kInt) {
    std::optional<int64_t> exact = IntExtreme(x, is_max);
    segc_stat_value out{};
    out.valid = exact.has_value();
    out.i64 = exact.value_or(0);
    out.f64 = double(out.i64);
    return out;
  }
  switch (stat.kind) {
    case StatKind::kPercentile: {
      auto percentile = Percentile(x, stat.q);  // q was checked to be within [0, 1] by sema
      SEGC_CHECK(percentile.ok());
      value = *percentile;
      break;
    }
    case StatKind::kMean:
      value = Mean(x);
      break;
    case StatKind::kStddev:
      value = StddevSamp(x);
      break;
    case StatKind::kMinOf:
      value = MinOf(x);
      break;
    case StatKind::kMaxOf:
      value = MaxOf(x);
      break;
    case StatKind::kScalar:
      SEGC_UNREACHABLE();  // computed from the run inputs by Run::ComputeScalars
  }
  return StatValue(value);
}

segc_stat_value StatValue(std::optional<double> value) {
  // A statistic that overflowed (inf) or is undefined (NaN) is null, not a value (§5).
  segc_stat_value out{};
  out.valid = value.has_value() && std::isfinite(*value);
  out.f64 = out.valid ? *value : 0;
  out.i64 = std::fabs(out.f64) < 9.2e18 ? int64_t(out.f64) : 0;
  return out;
}

StatisticResult DescribeStat(const ExecStat& stat, const Column& x, const segc_stat_value& value) {
  StatisticResult out;
  out.name = stat.name;
  // A statistic of dates is a (possibly fractional) day, except the spread, which is in days.
  bool date = x.type() == ColumnType::kDate && stat.kind != StatKind::kStddev;
  bool exact_int = stat.integer_result && x.type() == ColumnType::kInt;
  out.kind = date ? ValueKind::kDate : exact_int ? ValueKind::kInt : ValueKind::kFloat;
  if (value.valid) out.value = value.f64;
  out.int_value = value.i64;
  return out;
}

Column ComputeDerived(const ExecDerived& derived, const Column& x, StatisticResult* ntile,
                      const ParallelFor& parallel) {
  switch (derived.kind) {
    case DerivedKind::kNtile: {
      std::vector<double> cuts = NtileCuts(x, int(derived.n), parallel);
      Column tiles = Compact(Ntile(x, cuts, parallel));
      if (ntile != nullptr) {
        ntile->name = derived.name;
        ntile->kind = x.type() == ColumnType::kDate ? ValueKind::kDate : ValueKind::kFloat;
        ntile->is_ntile = true;
        ntile->cuts = std::move(cuts);
      }
      return tiles;
    }
    case DerivedKind::kCumshare:
      return NullNonFinite(Compact(CumShare(x, parallel)), parallel);
    case DerivedKind::kPercentRank:
      return NullNonFinite(Compact(PercentRank(x, parallel)), parallel);
  }
  SEGC_UNREACHABLE();
}

ColumnType KindColumnType(ValueKind kind) {
  switch (kind) {
    case ValueKind::kBool:
      return ColumnType::kBool;
    case ValueKind::kInt:
      return ColumnType::kInt;
    case ValueKind::kFloat:
      return ColumnType::kFloat;
    case ValueKind::kDate:
      return ColumnType::kDate;
    case ValueKind::kLabel:
      return ColumnType::kEnum;
  }
  SEGC_UNREACHABLE();
}

}  // namespace segc::rt::detail
