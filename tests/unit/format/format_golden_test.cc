// Golden layouts: each tests/format/NAME.seg (messy input) formats to tests/format/NAME.expected,
// and the expected text is itself formatted (a fixed point).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/format/format.h"
#include "compiler/syntax/parse.h"

namespace segc::format {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Format(const std::string& text) {
  diag::SourceManager sources;
  diag::DiagnosticSink sink;
  ast::NodeIdAllocator ids;
  diag::FileId id = sources.Add("golden.seg", text);
  std::unique_ptr<ast::File> file = syntax::Parse(sources, id, ids, sink);
  EXPECT_FALSE(sink.has_errors());
  return FormatText(text, *file);
}

TEST(FormatGolden, MessyInputsGiveTheExpectedLayout) {
  const fs::path dir = fs::path(SEGC_SOURCE_DIR) / "tests" / "format";
  size_t cases = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".seg") continue;
    SCOPED_TRACE(entry.path().string());
    fs::path expected_path = entry.path();
    expected_path.replace_extension(".expected");
    ASSERT_TRUE(fs::exists(expected_path));
    std::string expected = Slurp(expected_path);
    EXPECT_EQ(Format(Slurp(entry.path())), expected);
    EXPECT_EQ(Format(expected), expected);
    ++cases;
  }
  EXPECT_GE(cases, 4u);
}

TEST(FormatText, KeepsSpellingAndParentheses) {
  EXPECT_EQ(Format("segment   A where((a>1)and   b)or c\n"),
            "segment A where ((a > 1) and b) or c\n");
  EXPECT_EQ(Format("let x=- -5+f( ( y ) )*p90 ( z )\n"), "let x = --5 + f((y)) * p90(z)\n");
  EXPECT_EQ(Format("segment B where d within 90   days and e > 1_000 and s in ('x')"),
            "segment B where d within 90 days and e > 1_000 and s in ('x')\n");
}

TEST(FormatText, CommentsStayWhereTheyWere) {
  EXPECT_EQ(Format("# head\n\n\n\nparam a=1 # one\nparam bb = 2    # two\n# tail"),
            "# head\n\nparam a = 1   # one\nparam bb = 2  # two\n# tail\n");
  // A comment inside an expression breaks the line after it.
  EXPECT_EQ(Format("segment A where a > 1 and # why\n b"),
            "segment A\n  where a > 1\n    and  # why\n        b\n");
}

TEST(FormatText, LongWhereIsBrokenAtTheOperators) {
  std::string longer(60, 'x');
  EXPECT_EQ(Format("segment S \"d\" where " + longer + " > 1 and (y or " + longer + " < 2)\n"),
            "segment S \"d\"\n  where " + longer + " > 1\n    and (y or " + longer + " < 2)\n");
}

}  // namespace
}  // namespace segc::format
