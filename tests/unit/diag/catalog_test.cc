// The message catalogue: shapes, French templates, and the language the environment asks for.
#include "compiler/diag/catalog.h"

#include <gtest/gtest.h>

#include <map>
#include <string_view>

namespace segc::diag {
namespace {

// A key given twice is dead text: the table keeps the first entry, so an edit to the second
// would change nothing.
TEST(CatalogFrench, NoKeyIsGivenTwice) {
  std::map<std::string_view, int> entries;
#define SEGC_FR(english, french) ++entries[english];
#include "compiler/diag/catalog_fr.inc"
#include "compiler/diag/catalog_fr_cli.inc"
#undef SEGC_FR
  for (const auto& [key, count] : entries) EXPECT_EQ(count, 1) << "catalogue key twice: " << key;
}

TEST(CatalogShape, QuotedPiecesNumbersAndTypePhrasesBecomePlaceholders) {
  Shape s = ShapeOf("cannot compare a date with an int");
  EXPECT_EQ(s.key, "cannot compare {} with {}");
  EXPECT_EQ(s.pieces, (std::vector<std::string>{"a date", "an int"}));
  s = ShapeOf("unexpected '000' after '1' in `x` and \"y\" at 12.5");
  EXPECT_EQ(s.key, "unexpected {} after {} in {} and {} at {}");
  EXPECT_EQ(s.pieces.back(), "12.5");
}

TEST(CatalogShape, AnApostropheInsideAWordIsNotAQuote) {
  EXPECT_EQ(ShapeOf("write '6mo': segc's units are d").key, "write {}: segc's units are d");
  EXPECT_EQ(ShapeOf("the project's table is 'c'").key, "the project's table is {}");
}

TEST(CatalogShape, ListsAreOnePiece) {
  Shape s = ShapeOf("the labels are: 'A', 'B', 'C'");
  EXPECT_EQ(s.key, "the labels are: {}");
  EXPECT_EQ(s.pieces, (std::vector<std::string>{"'A', 'B', 'C'"}));
  EXPECT_EQ(ShapeOf("module import cycle: 'a' → 'b' → 'a'").key, "module import cycle: {}");
}

TEST(CatalogTranslate, FrenchKeepsCodeAndTranslatesTypes) {
  EXPECT_EQ(Translate("cannot compare a string with an int", Lang::kFr),
            "impossible de comparer une chaîne avec un int");
  EXPECT_EQ(Translate("unknown column 'cltv' in table 'customers'", Lang::kFr),
            "colonne inconnue 'cltv' dans la table 'customers'");
  EXPECT_EQ(Translate("anything at all", Lang::kEn), "anything at all");
  EXPECT_EQ(Translate("a message nobody translated", Lang::kFr), std::nullopt);
  EXPECT_EQ(Localize("a message nobody translated", Lang::kFr, true),
            "[untranslated] a message nobody translated");
}

TEST(CatalogLang, NamesAndLocales) {
  EXPECT_EQ(ParseLang("fr"), Lang::kFr);
  EXPECT_EQ(ParseLang("fr_FR.UTF-8"), Lang::kFr);
  EXPECT_EQ(ParseLang("fr_CA"), Lang::kFr);
  EXPECT_EQ(ParseLang("en_US.UTF-8"), Lang::kEn);
  EXPECT_EQ(ParseLang("C"), std::nullopt);
  EXPECT_EQ(ParseLang("de_DE"), std::nullopt);
}

TEST(CatalogLang, EnvironmentPrecedenceAsGettext) {
  EXPECT_EQ(LangFromVariables(nullptr, nullptr, nullptr, nullptr), Lang::kEn);
  EXPECT_EQ(LangFromVariables(nullptr, nullptr, nullptr, "fr_FR.UTF-8"), Lang::kFr);
  EXPECT_EQ(LangFromVariables(nullptr, "en_US.UTF-8", nullptr, "fr_FR.UTF-8"), Lang::kEn);
  EXPECT_EQ(LangFromVariables(nullptr, "", "fr_FR", "en_US"), Lang::kFr);  // empty is unset
  EXPECT_EQ(LangFromVariables("fr:en", nullptr, nullptr, "en_US.UTF-8"), Lang::kFr);
  EXPECT_EQ(LangFromVariables("de:fr", nullptr, nullptr, "en_US.UTF-8"), Lang::kFr);
  // LANGUAGE is ignored in the C locale, as gettext does.
  EXPECT_EQ(LangFromVariables("fr", nullptr, nullptr, "C"), Lang::kEn);
  EXPECT_EQ(LangFromVariables("fr", "C.UTF-8", nullptr, nullptr), Lang::kEn);
}

}  // namespace
}  // namespace segc::diag
