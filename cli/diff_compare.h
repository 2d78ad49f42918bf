// `segc diff`: what changed between two runs (base and current) of segments, scores and classes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "segc/executor.h"
#include "segc/table.h"

namespace segc::cli {

/// One run's side of a comparison: its result and the table its rows came from.
struct DiffSide {
  const rt::RunResult* result = nullptr;
  const rt::Table* table = nullptr;
  std::string key;  ///< the key column's name
};

struct SegmentChange {
  std::string name;
  std::optional<int64_t> before, after;  ///< nullopt: the segment is not in that version
  int64_t added = 0, removed = 0;        ///< members by key
  std::vector<std::string> added_keys, removed_keys;  ///< the first `sample` of each, in row order
};

struct ScoreChange {
  std::string name;
  struct Side {
    int64_t count = 0;  ///< non-null rows
    double mean = 0;
  };
  std::optional<Side> before, after;
  int64_t changed = 0;  ///< keys in both runs whose value differs (null counts as a value)
};

struct ClassChange {
  std::string name;
  struct Label {
    std::string label;  ///< "null" for rows without a label
    int64_t before = 0, after = 0;
  };
  std::vector<Label> labels;  ///< the base's labels, then those only the current one has, then null
  bool in_before = false, in_after = false;
  int64_t changed = 0;  ///< keys in both runs whose label differs
};

struct DiffReport {
  int64_t rows_before = 0, rows_after = 0;
  std::vector<SegmentChange> segments;
  std::vector<ScoreChange> scores;
  std::vector<ClassChange> classes;
};

/// Compares the outputs of two runs by name, and members by key (rows whose key is in one table
/// only count as added or removed). `sample` keys are kept per list.
DiffReport CompareRuns(const DiffSide& base, const DiffSide& current, size_t sample);

}  // namespace segc::cli
