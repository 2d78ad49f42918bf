// GitHub workflow commands: properties, escaping and the error cap.
#include <gtest/gtest.h>

#include "compiler/diag/render.h"

namespace segc::diag {
namespace {

TEST(RenderGithub, ErrorAndWarningLines) {
  SourceManager sm;
  FileId f = sm.Add("rules/a.seg", "segment A where cltv2 > 1\nlet x = 1\n");
  Diagnostic e = Make(Code::kUnknownColumn, SourceRange{f, 16, 21}, "unknown column 'cltv2'");
  e.help = "did you mean 'cltv'?";
  Diagnostic w = Make(Code::kUnusedLet, SourceRange{f, 30, 31}, "let 'x' is never used");
  EXPECT_EQ(RenderGithub(sm, {e, w}, {}),
            "::error file=rules/a.seg,line=1,col=17,endLine=1,endColumn=21,title=E0101::"
            "unknown column 'cltv2'%0Ahelp: did you mean 'cltv'?\n"
            "::warning file=rules/a.seg,line=2,col=5,endLine=2,endColumn=5,title=W0301::"
            "let 'x' is never used\n");
}

TEST(RenderGithub, EscapesPropertiesAndData) {
  SourceManager sm;
  FileId f = sm.Add("we,ird:name%.seg", "x\n");
  Diagnostic d = Make(Code::kUnknownName, SourceRange{f, 0, 1}, "100% bad,\r\nreally: yes");
  EXPECT_EQ(RenderGithub(sm, {d}, {}),
            "::error file=we%2Cird%3Aname%25.seg,line=1,col=1,endLine=1,endColumn=1,title=E0102::"
            "100%25 bad,%0D%0Areally: yes\n");
}

TEST(RenderGithub, NoLocationAndCap) {
  SourceManager sm;
  std::vector<Diagnostic> diags(3, Make(Code::kNoRuleFiles, SourceRange{}, "no .seg files"));
  RenderOptions opts;
  opts.max_errors = 2;
  EXPECT_EQ(RenderGithub(sm, diags, opts),
            "::error title=E0902::no .seg files\n"
            "::error title=E0902::no .seg files\n"
            "::error title=segc::too many errors; stopping after 2\n");
}

}  // namespace
}  // namespace segc::diag
