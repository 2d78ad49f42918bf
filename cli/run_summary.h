// The summary `segc run` prints on stdout: a text table, or one JSON object (LANGUAGE.md §7).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli/activation_summary.h"
#include "segc/executor.h"

namespace segc::cli {

/// What the summary reports besides the results themselves.
struct RunInfo {
  std::string as_of;                     ///< "2026-11-01"
  std::string engine;                    ///< "jit" or "interp"
  int threads = 1;                       ///< threads actually used
  std::string version;                   ///< segc version ("0.1.0")
  std::string rules_hash;                ///< 16 hex digits
  std::string data_hash;                 ///< 16 hex digits
  std::optional<rt::Overlaps> overlaps;  ///< `--overlaps`: the segments' pairwise overlaps
  /// Audiences and consent channels (cli/activation_summary.h); nullptr: none.
  const ActivationSummary* activation = nullptr;
  /// `--histograms` (and `segc report`): each score's "histogram" in the JSON summary.
  bool histograms = false;
};

/// The human-readable summary: the header line (as_of, rows, engine), then tables of segments
/// (count, share of rows), scores (count, mean, min, max), classes (count per label, nulls) and
/// population statistics (value, or an ntile's cut points); measures by group and overlaps
/// after the classes (cli/run_summary_measures.h).
/// The histogram of a score's non-null per-row values. Integer values spanning at most 20 whole
/// numbers get one bin per number (edges min, min+1, ..., max+1); other values 10 bins of equal
/// width from min to max. Bin i holds edges[i] <= v < edges[i+1], the last bin also v == max.
/// Empty `counts` when the score has no value.
struct Histogram {
  std::vector<double> edges;
  std::vector<int64_t> counts;
};
Histogram ScoreHistogram(const rt::ScoreResult& score);

std::string TextSummary(const rt::RunResult& result, const RunInfo& info);

/// Exactly one JSON object, pretty-printed, with a final newline:
/// {"rows", "as_of", "segments": {NAME: {"count"}}, "scores": {NAME: {"count", "sum", "min",
/// "max", "mean"}}, "classes": {NAME: {LABEL: N, ..., "null": N}}, "statistics": {NAME: VALUE
/// or [CUT, ...]}, "overflows", "engine", "threads", "segc_version", "rules_hash",
/// "data_hash"}. Score min/max/mean are null when the score has no non-null value. Statistics
/// of dates are date texts ("2026-05-12", or "2026-05-12 09:36:00" between two days). Object
/// members keep program order. "measures", "measure_groups" and "overlaps" follow "classes"
/// when there are any (cli/run_summary_measures.h). With `info.histograms`, each score also has
/// "histogram": {"edges": [E0, ..., Ek], "counts": [C1, ..., Ck]} (ScoreHistogram), or null
/// when it has no non-null value.
std::string JsonSummary(const rt::RunResult& result, const RunInfo& info);

}  // namespace segc::cli
