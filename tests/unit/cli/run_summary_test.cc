// Run summaries: the JSON members of LANGUAGE.md §7 and the text table.
#include "cli/run_summary.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace segc::cli {
namespace {

rt::RunResult SampleResult() {
  rt::RunResult result;
  result.rows = 4;
  result.overflow_count = 2;
  result.segments.push_back({"VIP", "", nullptr, 1});
  result.segments.push_back({"rfm.Champions", "", nullptr, 3});
  rt::ScoreResult score;
  score.name = "value_index";
  score.count = 3;
  score.sum = 150;
  score.min = 0;
  score.max = 100;
  score.mean = 50;
  result.scores.push_back(score);
  rt::ScoreResult empty;
  empty.name = "never";
  result.scores.push_back(empty);
  rt::ClassResult tier;
  tier.name = "value_tier";
  tier.labels = {"gold", "bronze"};
  tier.label_counts = {1, 2};
  tier.null_count = 1;
  result.classes.push_back(tier);
  return result;
}

/// 2026-05-12 as days since 1970-01-01.
constexpr double kMay12 = 20585;

rt::StatisticResult Stat(const std::string& name, rt::ValueKind kind, std::optional<double> value) {
  rt::StatisticResult s;
  s.name = name;
  s.kind = kind;
  s.value = value;
  s.int_value = value ? int64_t(*value) : 0;
  return s;
}

rt::StatisticResult Cuts(const std::string& name, rt::ValueKind kind, std::vector<double> cuts) {
  rt::StatisticResult s;
  s.name = name;
  s.kind = kind;
  s.is_ntile = true;
  s.cuts = std::move(cuts);
  return s;
}

rt::RunResult WithStatistics() {
  rt::RunResult result = SampleResult();
  result.statistics = {Stat("p90(cltv)", rt::ValueKind::kFloat, 1234.5),
                       Stat("max_of(orders)", rt::ValueKind::kInt, 42),
                       Stat("median(last_purchase)", rt::ValueKind::kDate, kMay12 + 0.4),
                       Stat("mean(empty)", rt::ValueKind::kFloat, std::nullopt),
                       Cuts("ntile(4, orders)", rt::ValueKind::kFloat, {1, 2, 2.5}),
                       Cuts("ntile(2, last_purchase)", rt::ValueKind::kDate, {kMay12}),
                       Cuts("ntile(3, empty)", rt::ValueKind::kFloat, {})};
  return result;
}

const RunInfo kInfo{"2026-11-01", "jit", 2, "0.1.0", "00000000000000aa", "00000000000000bb", {}};

TEST(JsonSummary, HasTheDocumentedMembersInOrder) {
  auto j = nlohmann::ordered_json::parse(JsonSummary(SampleResult(), kInfo));
  EXPECT_EQ(j["rows"], 4);
  EXPECT_EQ(j["as_of"], "2026-11-01");
  EXPECT_EQ(j["segments"]["VIP"]["count"], 1);
  EXPECT_EQ(j["segments"]["rfm.Champions"]["count"], 3);
  EXPECT_EQ(j["scores"]["value_index"],
            nlohmann::ordered_json::parse(
                R"({"count": 3, "sum": 150.0, "min": 0.0, "max": 100.0, "mean": 50.0})"));
  EXPECT_EQ(j["classes"]["value_tier"],
            nlohmann::ordered_json::parse(R"({"gold": 1, "bronze": 2, "null": 1})"));
  EXPECT_EQ(j["overflows"], 2);
  EXPECT_EQ(j["engine"], "jit");
  EXPECT_EQ(j["threads"], 2);
  EXPECT_EQ(j["segc_version"], "0.1.0");
  EXPECT_EQ(j["rules_hash"], "00000000000000aa");
  EXPECT_EQ(j["data_hash"], "00000000000000bb");
  std::vector<std::string> keys;
  for (const auto& [key, value] : j["segments"].items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"VIP", "rfm.Champions"}));  // program order
}

TEST(JsonSummary, StatisticsAreOneMemberAfterTheClasses) {
  auto j = nlohmann::ordered_json::parse(JsonSummary(WithStatistics(), kInfo));
  EXPECT_EQ(j["statistics"], nlohmann::ordered_json::parse(R"json({
    "p90(cltv)": 1234.5, "max_of(orders)": 42, "median(last_purchase)": "2026-05-12 09:36:00",
    "mean(empty)": null, "ntile(4, orders)": [1.0, 2.0, 2.5],
    "ntile(2, last_purchase)": ["2026-05-12"], "ntile(3, empty)": []
})json"));
  std::vector<std::string> keys;
  for (const auto& [key, value] : j.items()) keys.push_back(key);
  EXPECT_EQ(keys[5], "statistics");
  EXPECT_EQ(keys[4], "classes");
  // Without statistics the member is still there, empty.
  auto plain = nlohmann::json::parse(JsonSummary(SampleResult(), kInfo));
  EXPECT_EQ(plain["statistics"], nlohmann::json::object());
}

TEST(JsonSummary, AScoreWithoutValuesHasNullStatistics) {
  auto j = nlohmann::json::parse(JsonSummary(SampleResult(), kInfo));
  EXPECT_EQ(j["scores"]["never"]["count"], 0);
  EXPECT_EQ(j["scores"]["never"]["sum"], 0.0);
  EXPECT_TRUE(j["scores"]["never"]["min"].is_null());
  EXPECT_TRUE(j["scores"]["never"]["mean"].is_null());
}

TEST(JsonSummary, IsOneObjectWithOneMemberPerTopLevelLine) {
  std::string text = JsonSummary(SampleResult(), kInfo);
  EXPECT_EQ(text.front(), '{');
  EXPECT_EQ(text.substr(text.size() - 2), "}\n");
  EXPECT_NE(text.find("\n  \"engine\": \"jit\",\n"), std::string::npos);  // tests filter lines
}

TEST(TextSummary, ShowsCountsSharesAndOverflows) {
  std::string text = TextSummary(SampleResult(), kInfo);
  EXPECT_EQ(text.substr(0, text.find('\n')), "as_of 2026-11-01: 4 rows, engine jit, 2 threads");
  EXPECT_NE(text.find("VIP                     1   25.0%"), std::string::npos) << text;
  EXPECT_NE(text.find("rfm.Champions           3   75.0%"), std::string::npos) << text;
  EXPECT_NE(text.find("value_index             3          50           0         100"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("never                   0           -"), std::string::npos) << text;
  EXPECT_NE(text.find("  (null)                1   25.0%"), std::string::npos) << text;
  EXPECT_NE(text.find("2 integer overflows or non-finite results became null"), std::string::npos);
}

TEST(TextSummary, ListsStatisticsAndCutPoints) {
  std::string text = TextSummary(WithStatistics(), kInfo);
  for (const char* line :
       {"statistic                value\n", "p90(cltv)                1234.50\n",
        "max_of(orders)           42\n", "median(last_purchase)    2026-05-12 09:36:00\n",
        "mean(empty)              -\n", "ntile(4, orders)         1, 2, 2.50\n",
        "ntile(2, last_purchase)  2026-05-12\n", "ntile(3, empty)          -\n"}) {
    EXPECT_NE(text.find(line), std::string::npos) << line << "\n" << text;
  }
  EXPECT_EQ(TextSummary(SampleResult(), kInfo).find("statistic"), std::string::npos);
}

TEST(TextSummary, NoOverflowLineWithoutOverflows) {
  rt::RunResult result = SampleResult();
  result.overflow_count = 0;
  EXPECT_EQ(TextSummary(result, kInfo).find("overflow"), std::string::npos);
}

}  // namespace
}  // namespace segc::cli
