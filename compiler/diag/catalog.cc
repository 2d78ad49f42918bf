// The message catalogue (catalog.h): shapes, the French table and language selection.
#include "compiler/diag/catalog.h"

#include <array>
#include <cctype>
#include <cstdlib>
#include <unordered_map>
#include <utility>

namespace segc::diag {
namespace {

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

/// Type words a message names after "a"/"an" ("a date", "an int"), and how French says the
/// phrase. The article is not checked, so "a int" is taken out too.
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kTypeWords = {{
    {"boolean", "un booléen"},
    {"bool", "un bool"},
    {"date", "une date"},
    {"duration", "une durée"},
    {"float", "un float"},
    {"int", "un int"},
    {"number", "un nombre"},
    {"string", "une chaîne"},
}};

/// The type phrase at the start of `rest` ("a date", "an int"), or "" ("a dates", "a datum").
std::string_view TypePhraseAt(std::string_view rest) {
  size_t article = rest.substr(0, 3) == "an " ? 3 : rest.substr(0, 2) == "a " ? 2 : 0;
  if (article == 0) return {};
  for (const auto& [word, french] : kTypeWords) {
    size_t end = article + word.size();
    if (rest.substr(article, word.size()) != word) continue;
    if (end < rest.size() && IsWordChar(rest[end])) continue;
    return rest.substr(0, end);
  }
  return {};
}

/// Separators that make a run of pieces one list piece: "'a', 'b', 'c'" is one {}.
constexpr std::array<std::string_view, 2> kListSeparators = {", ", " → "};

/// Appends `piece` as a placeholder, or joins it to the previous piece when only a list
/// separator stands between them.
void AddPiece(std::string_view piece, bool joinable, Shape& shape, bool& last_joinable) {
  for (std::string_view sep : kListSeparators) {
    std::string tail = "{}" + std::string(sep);
    if (joinable && last_joinable && shape.key.size() >= tail.size() &&
        shape.key.compare(shape.key.size() - tail.size(), tail.size(), tail) == 0) {
      shape.key.resize(shape.key.size() - sep.size());
      shape.pieces.back() += std::string(sep) + std::string(piece);
      return;
    }
  }
  shape.key += "{}";
  shape.pieces.emplace_back(piece);
  last_joinable = joinable;
}

using Table = std::unordered_map<std::string_view, std::string_view>;

const Table& FrenchTable() {
  static const Table table = [] {
    Table t;
#define SEGC_FR(english, french) t.emplace(english, french);
#include "compiler/diag/catalog_fr.inc"
#include "compiler/diag/catalog_fr_cli.inc"
#undef SEGC_FR
    return t;
  }();
  return table;
}

/// The French of a type phrase piece ("a date" -> "une date"), or "" for any other piece.
std::string_view FrenchTypePhrase(std::string_view piece) {
  std::string_view phrase = TypePhraseAt(piece);
  if (phrase.size() != piece.size()) return {};
  std::string_view word = piece.substr(piece.find(' ') + 1);
  for (const auto& [english, french] : kTypeWords) {
    if (english == word) return french;
  }
  return {};
}

/// Fills `tmpl`'s {} (next piece) and {N} (N-th piece, from 1) with `pieces`.
std::string Fill(std::string_view tmpl, const std::vector<std::string>& pieces) {
  std::string out;
  size_t next = 0;
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] != '{') {
      out += tmpl[i];
      continue;
    }
    size_t close = tmpl.find('}', i);
    if (close == std::string_view::npos) {
      out += tmpl.substr(i);
      break;
    }
    std::string_view inside = tmpl.substr(i + 1, close - i - 1);
    size_t index = inside.empty() ? next++ : size_t(std::atoi(std::string(inside).c_str())) - 1;
    if (index < pieces.size()) {
      std::string_view french = FrenchTypePhrase(pieces[index]);
      out += french.empty() ? pieces[index] : std::string(french);
    }
    i = close;
  }
  return out;
}

std::string LangPrefix(std::string_view name) {
  std::string lower;
  for (char c : name.substr(0, name.find_first_of("_.@-"))) {
    lower += char(std::tolower(static_cast<unsigned char>(c)));
  }
  return lower;
}

}  // namespace

std::optional<Lang> ParseLang(std::string_view name) {
  std::string prefix = LangPrefix(name);
  if (prefix == "en") return Lang::kEn;
  if (prefix == "fr" || prefix == "french" || prefix == "francais") return Lang::kFr;
  return std::nullopt;
}

Lang LangFromVariables(const char* language, const char* lc_all, const char* lc_messages,
                       const char* lang) {
  auto set = [](const char* v) { return v != nullptr && *v != '\0'; };
  const char* locale = set(lc_all) ? lc_all : set(lc_messages) ? lc_messages : lang;
  std::string_view name = set(locale) ? locale : "";
  bool c_locale = name.empty() || name == "C" || name == "POSIX" || name.substr(0, 2) == "C.";
  if (set(language) && !c_locale) {
    std::string_view list = language;
    while (!list.empty()) {
      size_t colon = list.find(':');
      if (std::optional<Lang> l = ParseLang(list.substr(0, colon))) return *l;
      if (colon == std::string_view::npos) break;
      list.remove_prefix(colon + 1);
    }
  }
  return ParseLang(name).value_or(Lang::kEn);
}

Lang LangFromEnvironment() {
  return LangFromVariables(std::getenv("LANGUAGE"), std::getenv("LC_ALL"),
                           std::getenv("LC_MESSAGES"), std::getenv("LANG"));
}

Shape ShapeOf(std::string_view s) {
  Shape shape;
  bool last_joinable = false;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    bool after_word = i > 0 && IsWordChar(s[i - 1]);
    if (c == '\'' || c == '`' || c == '"') {
      size_t close = s.find(c, i + 1);
      if (close != std::string_view::npos && !(c == '\'' && after_word)) {
        AddPiece(s.substr(i, close + 1 - i), true, shape, last_joinable);
        i = close + 1;
        continue;
      }
    }
    if (std::isdigit(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      if (j + 1 < s.size() && s[j] == '.' && std::isdigit(static_cast<unsigned char>(s[j + 1]))) {
        for (++j; j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]));) ++j;
      }
      AddPiece(s.substr(i, j - i), true, shape, last_joinable);
      i = j;
      continue;
    }
    if (c == 'a' && !after_word) {
      std::string_view phrase = TypePhraseAt(s.substr(i));
      if (!phrase.empty()) {
        AddPiece(phrase, false, shape, last_joinable);
        i += phrase.size();
        continue;
      }
    }
    shape.key += c;
    ++i;
  }
  return shape;
}

std::optional<std::string> Translate(std::string_view english, Lang lang) {
  if (lang == Lang::kEn || english.empty()) return std::string(english);
  Shape shape = ShapeOf(english);
  const Table& table = FrenchTable();
  auto it = table.find(shape.key);
  if (it == table.end()) return std::nullopt;
  return Fill(it->second, shape.pieces);
}

std::string Localize(std::string_view english, Lang lang, bool mark) {
  if (std::optional<std::string> text = Translate(english, lang)) return *text;
  return (mark ? "[untranslated] " : "") + std::string(english);
}

Diagnostic Localize(const Diagnostic& d, Lang lang, bool mark) {
  if (lang == Lang::kEn) return d;
  Diagnostic out = d;
  out.message = Localize(d.message, lang, mark);
  out.label = Localize(d.label, lang, mark);
  for (Label& l : out.secondary) l.message = Localize(l.message, lang, mark);
  out.help = Localize(d.help, lang, mark);
  for (std::string& note : out.notes) note = Localize(note, lang, mark);
  return out;
}

std::vector<Diagnostic> Localize(const std::vector<Diagnostic>& diagnostics, Lang lang, bool mark) {
  std::vector<Diagnostic> out;
  out.reserve(diagnostics.size());
  for (const Diagnostic& d : diagnostics) out.push_back(Localize(d, lang, mark));
  return out;
}

std::string_view Word(std::string_view english, Lang lang) {
  if (lang == Lang::kEn) return english;
  if (english == "error") return "erreur";
  if (english == "warning") return "avertissement";
  if (english == "help") return "aide";
  if (english == "note") return "note";
  return english;
}

}  // namespace segc::diag
