// The JSON format: field names, locations (end exclusive), nulls, related labels and summary.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "compiler/diag/render.h"

namespace segc::diag {
namespace {

using nlohmann::json;

TEST(RenderJson, FullDiagnosticGolden) {
  SourceManager sm;
  FileId f = sm.Add("r/a.seg", "segment A where cltv2 > 1\nsegment A where x\n");
  Diagnostic d = Make(Code::kUnknownColumn, SourceRange{f, 16, 21}, "unknown column 'cltv2'");
  d.label = "not a column";
  d.help = "did you mean 'cltv'?";
  d.notes = {"columns come from schema.seg"};
  d.secondary.push_back({SourceRange{f, 34, 35}, "also here"});
  RenderOptions opts;
  opts.summary_counts = {{"projects", 1}, {"files", 2}};
  json out = json::parse(RenderJson(sm, {d}, opts));
  json expected = json::parse(R"({
    "version": 1,
    "diagnostics": [{
      "code": "E0101", "severity": "error", "message": "unknown column 'cltv2'",
      "file": "r/a.seg", "line": 1, "column": 17, "end_line": 1, "end_column": 22,
      "label": "not a column", "help": "did you mean 'cltv'?",
      "notes": ["columns come from schema.seg"],
      "related": [{"file": "r/a.seg", "line": 2, "column": 9, "end_line": 2, "end_column": 10,
                   "message": "also here"}]
    }],
    "summary": {"errors": 1, "warnings": 0, "notes": 0, "projects": 1, "files": 2}
  })");
  EXPECT_EQ(out, expected) << out.dump(2);
}

TEST(RenderJson, KeysKeepDocumentedOrder) {
  SourceManager sm;
  Diagnostic d = Make(Code::kNoRuleFiles, SourceRange{}, "no .seg files under 'x'");
  std::string text = RenderJson(sm, {d}, {});
  EXPECT_LT(text.find("\"version\""), text.find("\"diagnostics\""));
  EXPECT_LT(text.find("\"diagnostics\""), text.find("\"summary\""));
  EXPECT_LT(text.find("\"code\""), text.find("\"severity\""));
  EXPECT_TRUE(text.ends_with("}\n"));
}

TEST(RenderJson, NoLocationGivesNullsAndWarningsAreCounted) {
  SourceManager sm;
  FileId f = sm.Add("w.seg", "let x = 1\n");
  Diagnostic e = Make(Code::kCannotReadFile, SourceRange{}, "cannot read 'x.seg'");
  Diagnostic w = Make(Code::kUnusedLet, SourceRange{f, 4, 5}, "let 'x' is never used");
  json out = json::parse(RenderJson(sm, {e, w}, {}));
  const json& first = out["diagnostics"][0];
  for (const char* key : {"file", "line", "column", "end_line", "end_column", "label", "help"}) {
    EXPECT_TRUE(first[key].is_null()) << key;
  }
  EXPECT_EQ(first["notes"], json::array());
  EXPECT_EQ(out["diagnostics"][1]["severity"], "warning");
  EXPECT_EQ(out["summary"]["errors"], 1);
  EXPECT_EQ(out["summary"]["warnings"], 1);
}

TEST(RenderJson, CarriesEveryDiagnosticDespiteTheCap) {
  SourceManager sm;
  std::vector<Diagnostic> diags(5, Make(Code::kNoRuleFiles, SourceRange{}, "m"));
  RenderOptions opts;
  opts.max_errors = 2;
  EXPECT_EQ(json::parse(RenderJson(sm, diags, opts))["diagnostics"].size(), 5u);
}

TEST(RenderJson, InvalidUtf8InMessageIsReplacedNotThrown) {
  SourceManager sm;
  Diagnostic d = Make(Code::kInvalidUtf8, SourceRange{}, std::string("bad \xff byte"));
  json out = json::parse(RenderJson(sm, {d}, {}));
  EXPECT_EQ(out["diagnostics"][0]["message"], "bad \xEF\xBF\xBD byte");
}

}  // namespace
}  // namespace segc::diag
