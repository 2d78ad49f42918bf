// Golden strings for the text renderer (STYLE.md §5).
#include <gtest/gtest.h>

#include "compiler/diag/render.h"

namespace segc::diag {
namespace {

/// Byte range of the `occurrence`-th match of `needle` in the file's text.
SourceRange Find(const SourceManager& sm, FileId file, std::string_view needle,
                 int occurrence = 0) {
  const std::string& text = sm.file(file).text;
  size_t pos = text.find(needle);
  while (occurrence-- > 0) pos = text.find(needle, pos + 1);
  EXPECT_NE(pos, std::string::npos) << needle;
  return {file, static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + needle.size())};
}

std::string Text(const SourceManager& sm, std::vector<Diagnostic> diags, RenderOptions opts = {}) {
  return RenderText(sm, diags, opts);
}

TEST(RenderText, UnknownColumnMatchesStyleGuide) {
  SourceManager sm;
  FileId f = sm.Add("rules/retail.seg", "segment VIP\n\n\n\n\n\n  where cltv2 > p90\n");
  Diagnostic d = Make(Code::kUnknownColumn, Find(sm, f, "cltv2"),
                      "unknown column 'cltv2' in table 'customers'");
  d.label = "not a column";
  d.help = "did you mean 'cltv'?";
  EXPECT_EQ(Text(sm, {d}),
            "rules/retail.seg:7:9: error[E0101]: unknown column 'cltv2' in table 'customers'\n"
            "   |\n"
            " 7 |   where cltv2 > p90\n"
            "   |         ^^^^^ not a column\n"
            "   = help: did you mean 'cltv'?\n"
            "\n");
}

// Terminal safety: ESC, BEL and CR from rule text (a backquoted name) or a file name never reach
// the terminal raw, in the header, the label, the help or the snippet; they show as control
// pictures (U+241B, U+2407, U+240D).
TEST(RenderText, ControlCharactersAreEscapedEverywhere) {
  SourceManager sm;
  FileId f = sm.Add("r\x1b[2J.seg", "where `a\x1b[31mb\x07` > 1\n");
  Diagnostic d =
      Make(Code::kUnknownColumn, Find(sm, f, "`a"), "unknown column 'a\x1b[31mb\x07' in table 't'");
  d.label =
      "not \x1b]0;title\x07"
      "a column";
  d.help = "did you mean 'x\r'?\nsecond line";
  std::string text = Text(sm, {d});
  EXPECT_EQ(text.find('\x1b'), std::string::npos) << text;
  EXPECT_EQ(text.find('\x07'), std::string::npos) << text;
  EXPECT_EQ(text.find('\r'), std::string::npos) << text;
  EXPECT_NE(text.find("r\u241b[2J.seg:1:7: error[E0101]: unknown column 'a\u241b[31mb\u2407'"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("not \u241b]0;title\u2407a column"), std::string::npos) << text;
  EXPECT_NE(text.find("did you mean 'x\u240d'?\n"), std::string::npos) << text;  // \n kept
}

TEST(RenderText, WarningWithNotesAndNoLabel) {
  SourceManager sm;
  FileId f = sm.Add("a.seg", "let x = 1\n");
  Diagnostic d = Make(Code::kUnusedLet, Find(sm, f, "x"), "let 'x' is never used");
  d.notes = {"lets are named expressions", "remove it or use it"};
  EXPECT_EQ(Text(sm, {d}),
            "a.seg:1:5: warning[W0301]: let 'x' is never used\n"
            "   |\n"
            " 1 | let x = 1\n"
            "   |     ^\n"
            "   = note: lets are named expressions\n"
            "   = note: remove it or use it\n"
            "\n");
}

TEST(RenderText, TabsAreExpandedBeforeCarets) {
  SourceManager sm;
  FileId f = sm.Add("t.seg", "\twhere\tcltv2 > 1\n");
  Diagnostic d = Make(Code::kUnknownColumn, Find(sm, f, "cltv2"), "unknown column 'cltv2'");
  // Column 8 counts characters (two tabs are two characters); the display expands them.
  EXPECT_EQ(Text(sm, {d}),
            "t.seg:1:8: error[E0101]: unknown column 'cltv2'\n"
            "   |\n"
            " 1 |     where   cltv2 > 1\n"
            "   |             ^^^^^\n"
            "\n");
}

TEST(RenderText, CaretsCountCharactersAndWideCharactersTakeTwo) {
  SourceManager sm;
  FileId f = sm.Add("u.seg", "where é == 1 and 顧客 == 2\n");
  Diagnostic accent = Make(Code::kUnknownColumn, Find(sm, f, "é"), "unknown column 'é'");
  Diagnostic wide = Make(Code::kUnknownColumn, Find(sm, f, "顧客"), "unknown column '顧客'");
  EXPECT_EQ(Text(sm, {accent, wide}),
            "u.seg:1:7: error[E0101]: unknown column 'é'\n"
            "   |\n"
            " 1 | where é == 1 and 顧客 == 2\n"
            "   |       ^\n"
            "\n"
            "u.seg:1:18: error[E0101]: unknown column '顧客'\n"
            "   |\n"
            " 1 | where é == 1 and 顧客 == 2\n"
            "   |                  ^^^^\n"
            "\n");
}

TEST(RenderText, MultiLineSpanUnderlinesToEndOfFirstLine) {
  SourceManager sm;
  FileId f = sm.Add("m.seg", "segment A where x and\n  y\n");
  SourceRange r{f, 16, static_cast<uint32_t>(sm.file(f).text.size() - 1)};
  Diagnostic d = Make(Code::kConditionNotBool, r, "condition is not a boolean");
  EXPECT_EQ(Text(sm, {d}),
            "m.seg:1:17: error[E0202]: condition is not a boolean\n"
            "   |\n"
            " 1 | segment A where x and\n"
            "   |                 ^^^^^\n"
            "\n");
}

TEST(RenderText, EmptySpanAtEndOfLineGetsOneCaret) {
  SourceManager sm;
  FileId f = sm.Add("e.seg", "segment A where\n");
  SourceRange r{f, 15, 15};
  Diagnostic d = Make(Code::kSyntaxError, r, "expected an expression after 'where'");
  EXPECT_EQ(Text(sm, {d}),
            "e.seg:1:16: error[E0010]: expected an expression after 'where'\n"
            "   |\n"
            " 1 | segment A where\n"
            "   |                ^\n"
            "\n");
}

TEST(RenderText, SecondaryLabelsInSameAndOtherFiles) {
  SourceManager sm;
  FileId schema = sm.Add("r/schema.seg", "table t key id {\n  id: int\n}\n");
  FileId rules = sm.Add("r/a.seg",
                        "segment VIP where id > 1\n# 1\n# 2\n# 3\n# 4\n# 5\n# 6\n# 7\n# 8\n"
                        "segment VIP where id > 2\n");
  Diagnostic d = Make(Code::kDuplicateName, Find(sm, rules, "VIP", 1), "name 'VIP' defined twice");
  d.label = "defined again here";
  d.secondary.push_back({Find(sm, rules, "VIP"), "first defined here"});
  d.secondary.push_back({Find(sm, schema, "id", 1), "a column"});
  EXPECT_EQ(Text(sm, {d}),
            "r/a.seg:10:9: error[E0104]: name 'VIP' defined twice\n"
            "    |\n"
            "  1 | segment VIP where id > 1\n"
            "    |         --- first defined here\n"
            "...\n"
            " 10 | segment VIP where id > 2\n"
            "    |         ^^^ defined again here\n"
            "   ::: r/schema.seg:2:3\n"
            "    |\n"
            "  2 |   id: int\n"
            "    |   -- a column\n"
            "\n");
}

TEST(RenderText, OneLineGapShowsTheLineInBetween) {
  SourceManager sm;
  FileId f = sm.Add("g.seg", "let a = b\nlet b = c\nlet c = a\n");
  Diagnostic d = Make(Code::kReferenceCycle, Find(sm, f, "a"), "reference cycle: a -> b -> c -> a");
  d.secondary.push_back({Find(sm, f, "c", 1), "c refers to a"});
  EXPECT_EQ(Text(sm, {d}),
            "g.seg:1:5: error[E0105]: reference cycle: a -> b -> c -> a\n"
            "   |\n"
            " 1 | let a = b\n"
            "   |     ^\n"
            " 2 | let b = c\n"
            " 3 | let c = a\n"
            "   |     - c refers to a\n"
            "\n");
}

TEST(RenderText, DiagnosticWithoutLocation) {
  SourceManager sm;
  Diagnostic d = Make(Code::kCannotReadFile, SourceRange{},
                      "cannot read 'missing.seg': no such file or directory");
  d.help = "check the path";
  EXPECT_EQ(Text(sm, {d}),
            "error[E0901]: cannot read 'missing.seg': no such file or directory\n"
            "   = help: check the path\n"
            "\n");
}

TEST(RenderText, MultiLineHelpIsIndented) {
  SourceManager sm;
  Diagnostic d = Make(Code::kNoRuleFiles, SourceRange{}, "no .seg files under 'x'");
  d.help = "first line\nsecond line";
  EXPECT_EQ(Text(sm, {d}),
            "error[E0902]: no .seg files under 'x'\n"
            "   = help: first line\n"
            "           second line\n"
            "\n");
}

TEST(RenderText, ControlCharactersAndInvalidUtf8StayPrintable) {
  SourceManager sm;
  FileId f = sm.Add("c.seg", std::string("a\x01z \xff!\n", 7));
  Diagnostic d = Make(Code::kInvalidUtf8, SourceRange{f, 4, 5}, "invalid UTF-8");
  EXPECT_EQ(Text(sm, {d}),
            "c.seg:1:5: error[E0007]: invalid UTF-8\n"
            "   |\n"
            " 1 | a\u2401z \uFFFD!\n"
            "   |     ^\n"
            "\n");
}

TEST(RenderText, CapStopsAfterMaxErrorsButNotBefore) {
  SourceManager sm;
  FileId f = sm.Add("x.seg", "a b c d\n");
  auto at = [&](uint32_t offset, Code code) {
    return Make(code, SourceRange{f, offset, offset + 1}, "m");
  };
  std::vector<Diagnostic> diags = {at(0, Code::kUnknownName), at(2, Code::kUnusedLet),
                                   at(4, Code::kUnknownName), at(6, Code::kUnknownName)};
  RenderOptions opts;
  opts.max_errors = 2;
  std::string out = RenderText(sm, diags, opts);
  EXPECT_EQ(out.find("x.seg:1:7"), std::string::npos);
  EXPECT_NE(out.find("x.seg:1:5"), std::string::npos);
  EXPECT_NE(out.find("warning[W0301]"), std::string::npos);
  EXPECT_TRUE(out.ends_with("\nerror: too many errors; stopping after 2\n")) << out;
  opts.max_errors = 3;
  EXPECT_EQ(RenderText(sm, diags, opts).find("too many"), std::string::npos);
  opts.max_errors = 0;
  EXPECT_EQ(RenderText(sm, diags, opts).find("too many"), std::string::npos);
}

TEST(RenderText, OutOfRangeAndReversedRangesAreClamped) {
  SourceManager sm;
  FileId f = sm.Add("o.seg", "ab\ncd");
  Diagnostic past_end = Make(Code::kSyntaxError, SourceRange{f, 100, 200}, "m");
  Diagnostic reversed = Make(Code::kSyntaxError, SourceRange{f, 4, 1}, "m");
  EXPECT_EQ(Text(sm, {past_end, reversed}),
            "o.seg:2:3: error[E0010]: m\n"
            "   |\n"
            " 2 | cd\n"
            "   |   ^\n"
            "\n"
            "o.seg:2:2: error[E0010]: m\n"
            "   |\n"
            " 2 | cd\n"
            "   |  ^\n"
            "\n");
}

TEST(RenderText, ColourOnlyWhenEnabled) {
  SourceManager sm;
  FileId f = sm.Add("k.seg", "x\n");
  Diagnostic d = Make(Code::kUnknownName, SourceRange{f, 0, 1}, "unknown name 'x'");
  EXPECT_EQ(Text(sm, {d}).find('\x1b'), std::string::npos);
  RenderOptions opts;
  opts.color = true;
  std::string out = RenderText(sm, {d}, opts);
  EXPECT_NE(out.find("\x1b[1;31merror[E0102]\x1b[0m"), std::string::npos) << out;
  EXPECT_NE(out.find("\x1b[1;34m   |\x1b[0m"), std::string::npos) << out;
  d.severity = Severity::kWarning;
  EXPECT_NE(RenderText(sm, {d}, opts).find("\x1b[1;33mwarning[E0102]"), std::string::npos);
}

}  // namespace
}  // namespace segc::diag
