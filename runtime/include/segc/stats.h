// Population statistics kernels with the semantics of LANGUAGE.md §5 (nulls excluded).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "segc/column.h"
#include "segc/result.h"

namespace segc::rt {

// Every kernel takes an int, float or date column (dates as days since 1970-01-01; ints are
// converted to double). Any other type is a bug in the caller (SEGC_CHECK). Results are
// nullopt / null rows when the column has no non-null value.

/// The non-null values of `x`, in row order, as doubles.
std::vector<double> NonNullValues(const Column& x);

/// PostgreSQL percentile_cont over `values` (reordered in place): with n values,
/// pos = q * (n - 1), result = v[floor] + (v[ceil] - v[floor]) * (pos - floor(pos)) on the sorted
/// values. O(n) expected (nth_element). kInvalidArgument when `q` is outside [0, 1] (or NaN).
Result<std::optional<double>> PercentileCont(std::vector<double>& values, double q);

/// Runs task(i) for every i in [0, tasks), possibly several at once, and returns when all are
/// done. The executor passes its thread pool; an empty one runs the tasks one after the other.
using ParallelFor = std::function<void(int64_t tasks, const std::function<void(int64_t)>& task)>;

/// percentile(x, q): PercentileCont over the non-null values of `x`. Int columns holding
/// values beyond +-2^53 are ordered and interpolated exactly (long double), then rounded once.
/// Computed without copying the column: by sampled select for columns of more than 2^16 rows
/// (one pass), otherwise by radix select (runtime/stats/select.h).
Result<std::optional<double>> Percentile(const Column& x, double q);
/// Percentile(x, q) for each of `qs`, bit for bit, sharing the passes over `x` (the executor
/// groups the percentiles of one column this way), which run as tasks of `parallel`.
Result<std::vector<std::optional<double>>> Percentiles(const Column& x,
                                                       const std::vector<double>& qs,
                                                       const ParallelFor& parallel = {});
/// median(x) = percentile(x, 0.5).
std::optional<double> Median(const Column& x);
/// mean(x): sum / count over non-null values, summed in row order (int columns: an exact
/// 128-bit sum, rounded once).
std::optional<double> Mean(const Column& x);
/// stddev(x): sample standard deviation (n - 1 denominator, two-pass); null with < 2 values.
/// Int columns beyond +-2^53 are computed in long double from the exact mean.
std::optional<double> StddevSamp(const Column& x);
/// min_of(x) (int columns: compared exactly, the result rounded to double once).
std::optional<double> MinOf(const Column& x);
/// max_of(x).
std::optional<double> MaxOf(const Column& x);

/// The ntile cut points percentile(x, k/n) for k = 1..n-1, as PercentileCont over the sorted
/// doubles of `x` (ints converted first), by selection (Percentiles, on the tasks of `parallel`):
/// no sort. Empty when all null. `n` must be >= 1.
std::vector<double> NtileCuts(const Column& x, int n, const ParallelFor& parallel = {});

/// ntile(n, x) as an int column: 1 + count(k: x > cut_k), null where x is null. Ties share a
/// tile; higher x gets a higher (or equal) tile.
Column Ntile(const Column& x, int n);
/// The same from cut points already computed by NtileCuts(x, n) (the executor keeps them for
/// the run summary), assigned in morsels on the tasks of `parallel`.
Column Ntile(const Column& x, const std::vector<double>& cuts, const ParallelFor& parallel = {});

/// cumshare(x) as a float column: sum(x' >= x) / sum(x) over non-null x; tied values share
/// one value (a RANGE window on descending x). Sums run in descending order, so the smallest
/// value gets exactly 1. Null where x is null, and everywhere when sum(x) == 0. The rows are
/// ordered by a radix sort on the tasks of `parallel`; the running sum is one serial pass (its
/// rounding is that of the definition), the per-row results are written in parallel.
Column CumShare(const Column& x, const ParallelFor& parallel = {});

/// percent_rank(x) as a float column, as SQL PERCENT_RANK() OVER (ORDER BY x) over the
/// non-null rows: (rank - 1) / (n - 1) with rank = 1 + count(x' < x); 0 when n == 1. Radix
/// sorted and assigned on the tasks of `parallel`.
Column PercentRank(const Column& x, const ParallelFor& parallel = {});

}  // namespace segc::rt
