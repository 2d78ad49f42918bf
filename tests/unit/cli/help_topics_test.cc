// `segc help CODE`: code recognition, pages or summaries, unknown codes, the list.
#include "cli/help_topics.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "cli/error_docs.h"
#include "compiler/diag/diagnostic.h"

namespace segc::cli {
namespace {

TEST(HelpTopics, LooksLikeCode) {
  EXPECT_TRUE(LooksLikeCode("E0101"));
  EXPECT_TRUE(LooksLikeCode("w0301"));
  EXPECT_FALSE(LooksLikeCode("E010"));
  EXPECT_FALSE(LooksLikeCode("X0101"));
  EXPECT_FALSE(LooksLikeCode("check"));
}

TEST(HelpTopics, KnownCodeGivesItsPageOrSummary) {
  auto help = CodeHelp("e0901");
  ASSERT_TRUE(help.has_value());
  if (auto page = FindErrorDoc("E0901")) {
    EXPECT_EQ(*help, *page);
  } else {
    EXPECT_NE(help->find("E0901: cannot read file"), std::string::npos) << *help;
  }
}

TEST(HelpTopics, PageSummaryIsTheTitleAfterTheCode) {
  EXPECT_EQ(PageSummary("# E0101 : colonne inconnue\n\ntext"), "colonne inconnue");
  EXPECT_EQ(PageSummary("# E0101: unknown column\r\n"), "unknown column");
  EXPECT_EQ(PageSummary("E0101: no title mark\n"), std::nullopt);
  EXPECT_EQ(PageSummary("# E0101 :  \n"), std::nullopt);
}

TEST(HelpTopics, FrenchHelpIsTheFrenchPage) {
  auto page = FindErrorDoc("E0101", diag::Lang::kFr);
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(CodeHelp("e0101", diag::Lang::kFr), std::string(*page));
  EXPECT_NE(CodeList(diag::Lang::kFr).find("E0101  erreur         colonne inconnue\n"),
            std::string::npos);
}

TEST(HelpTopics, UnknownCode) {
  EXPECT_EQ(CodeHelp("E9999"), std::nullopt);
  EXPECT_EQ(UnknownCodeHint("E9999"), "'segc help codes' lists every code");
  EXPECT_EQ(UnknownCodeHint("E0904"), "did you mean 'E0901'? 'segc help codes' lists every code");
}

TEST(HelpTopics, CodeListHasEveryCode) {
  std::string list = CodeList();
  EXPECT_NE(list.find("E0101  error    unknown column\n"), std::string::npos) << list;
  EXPECT_NE(list.find("W0301  warning  unused let\n"), std::string::npos) << list;
  EXPECT_EQ(static_cast<size_t>(std::count(list.begin(), list.end(), '\n')),
            diag::AllCodes().size());
}

}  // namespace
}  // namespace segc::cli
