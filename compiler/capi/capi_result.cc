// The C ABI's results: segment bitmaps and counts, score and class columns, Arrow export.
#include <fmt/format.h>

#include "compiler/capi/capi_internal.h"
#include "segc/arrow.h"

namespace segc::capi {

segc_result* NewResult(rt::RunResult run) { return new segc_result{std::move(run)}; }

namespace {

// Output `index` of one kind (`of` picks segments, scores or classes), or nullptr after
// recording why.
template <typename Output>
const Output* Find(const segc_result* result,
                   const std::vector<Output>& (*of)(const rt::RunResult&), int64_t index,
                   std::string_view what) {
  if (result == nullptr) {
    NullArgument("result");
    return nullptr;
  }
  const std::vector<Output>& outputs = of(result->run);
  if (CheckIndex(index, outputs.size(), what) != SEGC_OK) return nullptr;
  return &outputs[size_t(index)];
}

const std::vector<rt::SegmentResult>& Segments(const rt::RunResult& r) { return r.segments; }
const std::vector<rt::ScoreResult>& Scores(const rt::RunResult& r) { return r.scores; }
const std::vector<rt::ClassResult>& Classes(const rt::RunResult& r) { return r.classes; }

const rt::SegmentResult* Segment(const segc_result* r, int64_t i) {
  return Find(r, &Segments, i, "segment");
}
const rt::ScoreResult* Score(const segc_result* r, int64_t i) {
  return Find(r, &Scores, i, "score");
}
const rt::ClassResult* Class(const segc_result* r, int64_t i) {
  return Find(r, &Classes, i, "class");
}

// The size of one kind of output, or -1 after recording a NULL result.
template <typename Output>
int64_t Count(const segc_result* result, const std::vector<Output>& (*of)(const rt::RunResult&)) {
  if (result == nullptr) {
    NullArgument("result");
    return -1;
  }
  return int64_t(of(result->run).size());
}

const uint8_t* Validity(const rt::Column& column) {
  return column.validity() ? column.validity()->data() : nullptr;
}

}  // namespace
}  // namespace segc::capi

using namespace segc::capi;  // NOLINT: the C entry points below are thin wrappers

extern "C" {

void segc_result_free(segc_result* result) { delete result; }

int64_t segc_result_num_rows(const segc_result* result) {
  if (result == nullptr) {
    NullArgument("result");
    return -1;
  }
  return result->run.rows;
}

int64_t segc_result_overflow_count(const segc_result* result) {
  if (result == nullptr) {
    NullArgument("result");
    return -1;
  }
  return result->run.overflow_count;
}

int64_t segc_result_num_segments(const segc_result* result) { return Count(result, &Segments); }

const char* segc_result_segment_name(const segc_result* result, int64_t segment) {
  const auto* s = Segment(result, segment);
  return s ? s->name.c_str() : nullptr;
}

int64_t segc_result_segment_count(const segc_result* result, int64_t segment) {
  const auto* s = Segment(result, segment);
  return s ? s->count : -1;
}

const uint8_t* segc_result_segment_bitmap(const segc_result* result, int64_t segment) {
  const auto* s = Segment(result, segment);
  return s ? s->bitmap->data() : nullptr;
}

int64_t segc_result_num_scores(const segc_result* result) { return Count(result, &Scores); }

const char* segc_result_score_name(const segc_result* result, int64_t score) {
  const auto* s = Score(result, score);
  return s ? s->name.c_str() : nullptr;
}

const double* segc_result_score_values(const segc_result* result, int64_t score) {
  const auto* s = Score(result, score);
  return s ? s->values.data<double>() : nullptr;
}

const uint8_t* segc_result_score_validity(const segc_result* result, int64_t score) {
  const auto* s = Score(result, score);
  return s ? Validity(s->values) : nullptr;
}

int64_t segc_result_score_count(const segc_result* result, int64_t score) {
  const auto* s = Score(result, score);
  return s ? s->count : -1;
}

segc_status segc_result_score_summary(const segc_result* result, int64_t score, double* sum,
                                      double* min, double* max, double* mean) {
  const auto* s = Score(result, score);
  if (s == nullptr) return segc_last_error_code();
  if (sum) *sum = s->sum;
  if (min) *min = s->count > 0 ? s->min : 0;
  if (max) *max = s->count > 0 ? s->max : 0;
  if (mean) *mean = s->count > 0 ? s->mean : 0;
  return Ok();
}

int64_t segc_result_num_classes(const segc_result* result) { return Count(result, &Classes); }

const char* segc_result_class_name(const segc_result* result, int64_t cls) {
  const auto* c = Class(result, cls);
  return c ? c->name.c_str() : nullptr;
}

int64_t segc_result_class_num_labels(const segc_result* result, int64_t cls) {
  const auto* c = Class(result, cls);
  return c ? int64_t(c->labels.size()) : -1;
}

const char* segc_result_class_label(const segc_result* result, int64_t cls, int64_t label) {
  const auto* c = Class(result, cls);
  if (c == nullptr || CheckIndex(label, c->labels.size(), "label") != SEGC_OK) return nullptr;
  return c->labels[size_t(label)].c_str();
}

int64_t segc_result_class_label_count(const segc_result* result, int64_t cls, int64_t label) {
  const auto* c = Class(result, cls);
  if (c == nullptr || CheckIndex(label, c->label_counts.size(), "label") != SEGC_OK) return -1;
  return c->label_counts[size_t(label)];
}

int64_t segc_result_class_null_count(const segc_result* result, int64_t cls) {
  const auto* c = Class(result, cls);
  return c ? c->null_count : -1;
}

const int32_t* segc_result_class_codes(const segc_result* result, int64_t cls) {
  const auto* c = Class(result, cls);
  return c ? c->values.data<int32_t>() : nullptr;
}

const uint8_t* segc_result_class_validity(const segc_result* result, int64_t cls) {
  const auto* c = Class(result, cls);
  return c ? Validity(c->values) : nullptr;
}

segc_status segc_result_export_arrow(const segc_result* result, ArrowSchema* schema,
                                     ArrowArray* array) {
  return Guard([&] {
    if (result == nullptr) return NullArgument("result");
    if (schema == nullptr) return NullArgument("schema");
    if (array == nullptr) return NullArgument("array");
    segc::Status status = segc::rt::ExportArrowResult(result->run, schema, array);
    if (!status.ok()) return FailStatus(SEGC_ERR_INTERNAL, status);
    return Ok();
  });
}

}  // extern "C"
