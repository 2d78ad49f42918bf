// Tests for the C ABI's results: counts, bitmaps, scores and classes by index, misuse as error
// codes, and the Arrow export read back through segc_table_from_arrow.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "compiler/capi/capi_internal.h"
#include "segc/segc.h"

namespace segc::capi {
namespace {

// A result of 4 rows: segment "vip" = rows 0 and 2, score "value" (row 3 null), class "tier"
// over gold/silver (row 1 null).
std::unique_ptr<segc_result, void (*)(segc_result*)> SampleResult() {
  rt::RunResult run;
  run.rows = 4;
  run.segments.push_back({"vip", "", rt::PackBitmap({1, 0, 1, 0}), 2});
  rt::ScoreResult score;
  score.name = "value";
  score.values = rt::Column::FromFloat64({1.0, 2.0, 4.5, std::nullopt});
  score.count = 3;
  score.sum = 7.5;
  score.min = 1.0;
  score.max = 4.5;
  score.mean = 2.5;
  run.scores.push_back(score);
  rt::ClassResult tier;
  tier.name = "tier";
  tier.labels = {"gold", "silver"};
  tier.values = rt::Column::FromEnum({"gold", std::nullopt, "silver", "silver"}, tier.labels);
  tier.label_counts = {1, 2};
  tier.null_count = 1;
  run.classes.push_back(tier);
  return {NewResult(std::move(run)), &segc_result_free};
}

TEST(CapiResult, OutputsByIndex) {
  auto r = SampleResult();
  EXPECT_EQ(segc_result_num_rows(r.get()), 4);
  ASSERT_EQ(segc_result_num_segments(r.get()), 1);
  EXPECT_STREQ(segc_result_segment_name(r.get(), 0), "vip");
  EXPECT_EQ(segc_result_segment_count(r.get(), 0), 2);
  EXPECT_EQ(segc_result_segment_bitmap(r.get(), 0)[0], 0b0101);
  ASSERT_EQ(segc_result_num_scores(r.get()), 1);
  EXPECT_STREQ(segc_result_score_name(r.get(), 0), "value");
  EXPECT_EQ(segc_result_score_values(r.get(), 0)[2], 4.5);
  EXPECT_EQ(segc_result_score_validity(r.get(), 0)[0], 0b0111);
  EXPECT_EQ(segc_result_score_count(r.get(), 0), 3);
  double sum = 0, min = 0, max = 0, mean = 0;
  EXPECT_EQ(segc_result_score_summary(r.get(), 0, &sum, &min, &max, &mean), SEGC_OK);
  EXPECT_EQ(sum, 7.5);
  EXPECT_EQ(max, 4.5);
  EXPECT_EQ(mean, 2.5);
  EXPECT_EQ(segc_result_score_summary(r.get(), 0, nullptr, nullptr, nullptr, nullptr), SEGC_OK);
  ASSERT_EQ(segc_result_num_classes(r.get()), 1);
  EXPECT_STREQ(segc_result_class_name(r.get(), 0), "tier");
  EXPECT_EQ(segc_result_class_num_labels(r.get(), 0), 2);
  EXPECT_STREQ(segc_result_class_label(r.get(), 0, 1), "silver");
  EXPECT_EQ(segc_result_class_label_count(r.get(), 0, 1), 2);
  EXPECT_EQ(segc_result_class_null_count(r.get(), 0), 1);
  EXPECT_EQ(segc_result_class_codes(r.get(), 0)[3], 1);
  EXPECT_EQ(segc_result_class_validity(r.get(), 0)[0], 0b1101);
}

TEST(CapiResult, MisuseIsAnErrorCodeNotACrash) {
  auto r = SampleResult();
  EXPECT_EQ(segc_result_num_segments(nullptr), -1);
  EXPECT_EQ(segc_last_error_code(), SEGC_ERR_NULL_ARGUMENT);
  EXPECT_STREQ(segc_last_error_message(), "argument 'result' is NULL");
  EXPECT_EQ(segc_result_segment_name(r.get(), 1), nullptr);
  EXPECT_EQ(segc_last_error_code(), SEGC_ERR_OUT_OF_RANGE);
  EXPECT_STREQ(segc_last_error_message(), "segment index 1 is out of range [0, 1)");
  EXPECT_EQ(segc_result_segment_count(r.get(), -1), -1);
  EXPECT_EQ(segc_result_score_values(nullptr, 0), nullptr);
  EXPECT_EQ(segc_result_class_label(r.get(), 0, 2), nullptr);
  EXPECT_STREQ(segc_last_error_message(), "label index 2 is out of range [0, 2)");
  EXPECT_EQ(segc_result_class_label_count(r.get(), 3, 0), -1);
  EXPECT_STREQ(segc_last_error_message(), "class index 3 is out of range [0, 1)");
  EXPECT_EQ(segc_result_score_summary(r.get(), 5, nullptr, nullptr, nullptr, nullptr),
            SEGC_ERR_OUT_OF_RANGE);
  ArrowSchema schema;
  EXPECT_EQ(segc_result_export_arrow(r.get(), &schema, nullptr), SEGC_ERR_NULL_ARGUMENT);
  EXPECT_STREQ(segc_last_error_message(), "argument 'array' is NULL");
  segc_result_free(nullptr);
}

TEST(CapiResult, ArrowExportReadsBackThroughTheTableImport) {
  auto r = SampleResult();
  const uint8_t* bitmap = segc_result_segment_bitmap(r.get(), 0);
  ArrowSchema schema;
  ArrowArray array;
  ASSERT_EQ(segc_result_export_arrow(r.get(), &schema, &array), SEGC_OK);
  r.reset();  // the exported structs keep the buffers alive
  segc_table* table = nullptr;
  ASSERT_EQ(segc_table_from_arrow(&schema, &array, &table), SEGC_OK) << segc_last_error_message();
  const rt::Table& t = table->table;
  ASSERT_EQ(t.num_columns(), 3);
  EXPECT_EQ(t.names(), (std::vector<std::string>{"vip", "value", "tier"}));
  EXPECT_EQ(t.column(0).values()->data(), bitmap);  // zero-copy both ways
  EXPECT_TRUE(t.column(0).Bool(2));
  EXPECT_FALSE(t.column(0).Bool(3));
  EXPECT_EQ(t.column(1).Float64(2), 4.5);
  EXPECT_TRUE(t.column(1).IsNull(3));
  EXPECT_EQ(t.column(2).String(0), "gold");
  EXPECT_TRUE(t.column(2).IsNull(1));
  EXPECT_EQ(t.column(2).String(3), "silver");
  segc_table_free(table);
}

}  // namespace
}  // namespace segc::capi
