// Executor: turns output slots into segment bitmaps, score and label columns with summaries.
#include "runtime/exec/executor_internal.h"
#include "segc/check.h"

namespace segc::rt::detail {

namespace {

ScoreResult Score(const ExecOutput& o, const Column& values) {
  ScoreResult out;
  out.name = o.name;
  out.values = values;
  for (int64_t i = 0; i < values.length(); ++i) {
    if (!values.IsValid(i)) continue;
    double v = values.Float64(i);
    out.min = out.count == 0 ? v : std::min(out.min, v);
    out.max = out.count == 0 ? v : std::max(out.max, v);
    out.sum += v;
    ++out.count;
  }
  if (out.count > 0) out.mean = out.sum / double(out.count);
  return out;
}

ClassResult Class(const ExecOutput& o, const Column& values) {
  ClassResult out;
  out.name = o.name;
  out.labels = o.labels;
  out.values = values;
  out.label_counts.assign(o.labels.size(), 0);
  for (int64_t i = 0; i < values.length(); ++i) {
    if (!values.IsValid(i)) {
      ++out.null_count;
      continue;
    }
    int32_t code = values.Code(i);
    SEGC_CHECK(code >= 0 && size_t(code) < o.labels.size());
    ++out.label_counts[size_t(code)];
  }
  return out;
}

}  // namespace

RunResult CollectOutputs(const ExecProgram& p, int64_t rows,
                         const std::vector<std::shared_ptr<Buffer>>& values,
                         const std::vector<std::shared_ptr<Buffer>>& validity) {
  RunResult result;
  result.rows = rows;
  for (const ExecOutput& o : p.outputs) {
    const auto& bits = values[o.slot];
    switch (o.kind) {
      case OutputKind::kSegment: {
        SegmentResult s{o.name, o.description, bits, CountSetBits(bits->data(), 0, rows)};
        result.segments.push_back(std::move(s));
        break;
      }
      case OutputKind::kScore: {
        auto column = Column::Make(ColumnType::kFloat, rows, bits, validity[o.slot]);
        SEGC_CHECK(column.ok());
        result.scores.push_back(Score(o, *column));
        break;
      }
      case OutputKind::kClass: {
        std::vector<std::string_view> labels(o.labels.begin(), o.labels.end());
        auto column =
            Column::Make(ColumnType::kEnum, rows, bits, validity[o.slot], Dictionary::Make(labels));
        SEGC_CHECK(column.ok());
        result.classes.push_back(Class(o, *column));
        break;
      }
    }
  }
  return result;
}

}  // namespace segc::rt::detail
