// Internal helpers of the executor (runtime/exec only).
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "segc/executor.h"
#include "segc/stats.h"

namespace segc::rt::detail {

/// `column` with offset 0, so kernels can index from row 0. Values of fixed width (int, float,
/// date, codes) are always a view of the same memory; bitmaps (validity, bool values) are a
/// view when the offset is a multiple of 8 rows, a copy otherwise.
Column Compact(const Column& column);

/// The ABI view of a column (values and validity of row 0).
segc_column ColumnView(const Column& column);

/// Computes one statistic over `x` into the ABI slot.
segc_stat_value ComputeStat(const ExecStat& stat, const Column& x);

/// The ABI slot of a floating-point statistic; non-finite values are null.
segc_stat_value StatValue(std::optional<double> value);

/// The run-summary view of statistic `stat` computed over `x` as `value`.
StatisticResult DescribeStat(const ExecStat& stat, const Column& x, const segc_stat_value& value);

/// Computes one derived column over `x`. For an ntile, also fills `*ntile` (when not null) with
/// the cut points the tiles were assigned by. Runs its passes as tasks of `parallel`.
Column ComputeDerived(const ExecDerived& derived, const Column& x, StatisticResult* ntile,
                      const ParallelFor& parallel);

/// The results of a finished run from its output slots (values and validity per slot). The
/// summaries of scores and classes run as tasks of `parallel`; they equal the row-order ones.
RunResult CollectOutputs(const ExecProgram& p, int64_t rows,
                         const std::vector<std::shared_ptr<Buffer>>& values,
                         const std::vector<std::shared_ptr<Buffer>>& validity,
                         const ParallelFor& parallel);

/// Fills r.measure_summary (see rt::SummarizeMeasures), in blocks run as tasks of `parallel`.
void SummarizeMeasures(RunResult& r, const ParallelFor& parallel);

/// rt::ComputeOverlaps, one task per segment.
Overlaps ComputeOverlaps(const RunResult& r, const ParallelFor& parallel);

/// The runtime column type holding values of `kind` (kBool, kInt, kFloat, kDate; labels kEnum).
ColumnType KindColumnType(ValueKind kind);

}  // namespace segc::rt::detail
