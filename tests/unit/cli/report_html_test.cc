// `segc report`'s HTML: names and labels are text, never markup (cli/report_html.h).
#include "cli/report_html.h"

#include <gtest/gtest.h>

namespace segc::cli {
namespace {

TEST(HtmlEscape, EscapesMarkupAndQuotesKeepsUtf8) {
  EXPECT_EQ(HtmlEscape("a < b & c > d"), "a &lt; b &amp; c &gt; d");
  EXPECT_EQ(HtmlEscape("say \"hi\" it's"), "say &quot;hi&quot; it&#39;s");
  EXPECT_EQ(HtmlEscape("Élodie, été, 東京"), "Élodie, été, 東京");
  EXPECT_EQ(HtmlEscape("&amp;"), "&amp;amp;");
  EXPECT_EQ(HtmlEscape(""), "");
}

ReportPage PageWithLabel(const std::string& segment, const std::string& description) {
  ReportPage page;
  page.summary = nlohmann::ordered_json::parse(
      R"({"rows": 10, "as_of": "2026-11-01", "segments": {)" + nlohmann::json(segment).dump() +
      R"(: {"count": 3}}, "scores": {}, "classes": {"tier": {"<b>gold</b>": 4, "null": 6}},
          "statistics": {}, "overflows": 0, "engine": "jit", "threads": 1,
          "segc_version": "0.1.0", "rules_hash": "00", "data_hash": "11"})");
  page.descriptions[segment] = description;
  return page;
}

TEST(RenderReport, LabelsWithScriptAreText) {
  std::string html = RenderReport(
      PageWithLabel("Quiet\"<x>", "Quiet <script>alert('x')</script> & \"valuable\", été"));
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("Quiet &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                      "&quot;valuable&quot;, été"),
            std::string::npos);
  // The segment's name is escaped in its cell and in its data-segc path.
  EXPECT_NE(html.find(">Quiet&quot;&lt;x&gt;</td>"), std::string::npos);
  EXPECT_NE(html.find("data-segc=\"segments.Quiet&quot;&lt;x&gt;.count\" data-value=\"3\">3<"),
            std::string::npos);
  EXPECT_EQ(html.find("<b>gold"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;gold&lt;/b&gt;"), std::string::npos);
}

TEST(RenderReport, NoExternalReference) {
  std::string html = RenderReport(PageWithLabel("VIP", "http://example.org"));
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("href="), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
}

}  // namespace
}  // namespace segc::cli
