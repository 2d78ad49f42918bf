// SARIF 2.1.0: the structure code-scanning tools require, rules, levels and regions.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "compiler/diag/render.h"

namespace segc::diag {
namespace {

using nlohmann::json;

json Sarif(const SourceManager& sm, const std::vector<Diagnostic>& diags) {
  RenderOptions opts;
  opts.tool_version = "0.1.0";
  return json::parse(RenderSarif(sm, diags, opts));
}

std::vector<Diagnostic> Sample(SourceManager& sm) {
  FileId f = sm.Add("rules/my rules.seg", "segment A where cltv2 > 1\nlet x = 顧客\n");
  Diagnostic e = Make(Code::kUnknownColumn, SourceRange{f, 16, 21}, "unknown column 'cltv2'");
  e.help = "did you mean 'cltv'?";
  e.secondary.push_back({SourceRange{f, 0, 7}, "in this segment"});
  Diagnostic w = Make(Code::kUnusedLet, SourceRange{f, 30, 31}, "let 'x' is never used");
  Diagnostic e2 = Make(Code::kUnknownColumn, SourceRange{f, 34, 40}, "unknown column '顧客'");
  Diagnostic none = Make(Code::kNoRuleFiles, SourceRange{}, "no .seg files under 'x'");
  return {e, w, e2, none};
}

TEST(RenderSarif, HasRequiredTopLevelStructure) {
  SourceManager sm;
  json log = Sarif(sm, Sample(sm));
  EXPECT_TRUE(log["$schema"].is_string());
  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_TRUE(log["runs"].is_array());
  ASSERT_EQ(log["runs"].size(), 1u);
  const json& driver = log["runs"][0]["tool"]["driver"];
  EXPECT_EQ(driver["name"], "segc");
  EXPECT_EQ(driver["version"], "0.1.0");
  EXPECT_EQ(log["runs"][0]["columnKind"], "unicodeCodePoints");
}

TEST(RenderSarif, OneRulePerCodeAndResultsPointAtThem) {
  SourceManager sm;
  json run = Sarif(sm, Sample(sm))["runs"][0];
  const json& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0]["id"], "E0101");
  EXPECT_EQ(rules[0]["shortDescription"]["text"], "unknown column");
  EXPECT_EQ(rules[1]["id"], "W0301");
  EXPECT_EQ(rules[1]["defaultConfiguration"]["level"], "warning");
  const json& results = run["results"];
  ASSERT_EQ(results.size(), 4u);
  for (const json& result : results) {
    ASSERT_TRUE(result["ruleId"].is_string());
    EXPECT_EQ(rules[result["ruleIndex"].get<size_t>()]["id"], result["ruleId"]);
    EXPECT_TRUE(result["message"]["text"].is_string());
    EXPECT_TRUE(result["locations"].is_array());
  }
  EXPECT_EQ(results[0]["level"], "error");
  EXPECT_EQ(results[1]["level"], "warning");
  EXPECT_EQ(results[0]["message"]["text"], "unknown column 'cltv2'\nhelp: did you mean 'cltv'?");
}

TEST(RenderSarif, PhysicalLocationWithEncodedUriAndCodePointColumns) {
  SourceManager sm;
  json results = Sarif(sm, Sample(sm))["runs"][0]["results"];
  json expected = json::parse(R"({
    "physicalLocation": {
      "artifactLocation": {"uri": "rules/my%20rules.seg"},
      "region": {"startLine": 2, "startColumn": 9, "endLine": 2, "endColumn": 11}
    }
  })");
  EXPECT_EQ(results[2]["locations"][0], expected);
  EXPECT_EQ(results[0]["locations"][0]["physicalLocation"]["region"]["startColumn"], 17);
  EXPECT_EQ(results[0]["relatedLocations"][0]["message"]["text"], "in this segment");
  EXPECT_EQ(results[3]["locations"], json::array());
}

TEST(RenderSarif, AbsolutePathBecomesFileUri) {
  SourceManager sm;
  FileId f = sm.Add("/tmp/a,b.seg", "x\n");
  json result =
      Sarif(sm, {Make(Code::kUnknownName, SourceRange{f, 0, 1}, "m")})["runs"][0]["results"][0];
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "file:///tmp/a%2Cb.seg");
}

TEST(RenderSarif, EmptyRunIsStillValid) {
  SourceManager sm;
  json log = Sarif(sm, {});
  EXPECT_EQ(log["runs"][0]["results"], json::array());
  EXPECT_EQ(log["runs"][0]["tool"]["driver"]["rules"], json::array());
}

}  // namespace
}  // namespace segc::diag
