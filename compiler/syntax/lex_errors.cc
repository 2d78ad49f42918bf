// Turns error tokens into diagnostics that say what was probably meant.
#include "compiler/syntax/lex_errors.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <iterator>

#include "compiler/syntax/literals.h"

namespace segc::syntax {
namespace {

using diag::Code;
using diag::Diagnostic;

std::string CharHelp(std::string_view c) {
  if (c == ";") return "segc needs no ';': start the next declaration on a new line";
  if (c == "&" || c == "&&") return "write 'and' instead of '&&'";
  if (c == "|" || c == "||") return "write 'or' instead of '||'";
  if (c == "!") return "write 'not' to negate a condition, or '!=' for 'not equal'";
  if (c == "%") return "write a percent right after its number, without a space: 30%";
  if (c == "[" || c == "]") return "lists use parentheses: country in (\"FR\", \"DE\")";
  if (c == "$" || c == "@") return "names use only letters, digits and '_'";
  if (c == "\u201C" || c == "\u201D" || c == "\u2018" || c == "\u2019") {
    return "use straight quotes (\" or ') instead of curly quotes";
  }
  if (c == "\u00AB" || c == "\u00BB") {
    return "write strings between straight double quotes, without guillemets: \"FR\"";
  }
  if (c == "\u2013" || c == "\u2014" || c == "\u2212") {
    return "write '-' (the hyphen-minus key) to subtract or negate; a dash is not an operator";
  }
  if (IsUnicodeSpace(c)) {
    return "a non-breaking or other special space, often pasted from a word processor or a "
           "spreadsheet: replace it with an ordinary space";
  }
  if (static_cast<unsigned char>(c[0]) >= 0x80) {
    return fmt::format(
        "names use only ASCII letters, digits and '_'; write other names in "
        "backquotes: `{}`",
        c);
  }
  return {};
}

// The code point of one UTF-8 encoded character (0 if `c` is not one).
uint32_t CodePoint(std::string_view c) {
  auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(c[i])); };
  if (c.size() == 2) return (b(0) & 0x1F) << 6 | (b(1) & 0x3F);
  if (c.size() == 3) return (b(0) & 0x0F) << 12 | (b(1) & 0x3F) << 6 | (b(2) & 0x3F);
  return c.size() == 1 ? b(0) : 0;
}

std::string Printable(std::string_view c) {
  unsigned char b = static_cast<unsigned char>(c[0]);
  if (b < 0x20 || b == 0x7F) return fmt::format("U+{:04X}", b);
  if (IsUnicodeSpace(c)) return fmt::format("U+{:04X} (a special space)", CodePoint(c));
  return fmt::format("'{}'", c);
}

Diagnostic UnexpectedChar(std::string_view text, diag::SourceRange range, std::string_view word) {
  bool pair = text == "&&" || text == "||";  // merged by the parser driver
  Diagnostic d = diag::Make(Code::kUnexpectedCharacter, range,
                            pair ? fmt::format("unexpected '{}'", text)
                                 : fmt::format("unexpected character {}", Printable(text)));
  d.help = CharHelp(text);
  if (word.size() > text.size()) {  // an accented letter inside a name: quote all of it
    d.help = fmt::format(
        "names use only ASCII letters, digits and '_'; write the whole name in backquotes: "
        "`{}`",
        word);
  }
  return d;
}

/// `6m`, `5h`, `90days`, `1.5w`, `1e5`: a number glued to letters.
Diagnostic BadNumber(std::string_view text, diag::SourceRange range) {
  size_t at = text.find_first_not_of("0123456789_.");
  std::string_view number = text.substr(0, at);
  std::string_view suffix = text.substr(at);
  auto unit = [&](Code code, std::string message, std::string help) {
    Diagnostic d = diag::Make(code, range, std::move(message));
    d.help = std::move(help);
    return d;
  };
  if (suffix == "m" || suffix == "min" || suffix == "mins" || suffix == "minutes") {
    return unit(Code::kUnknownDurationUnit, fmt::format("unknown duration unit in '{}'", text),
                fmt::format("write '{}mo' for months; minutes do not exist in segc", number));
  }
  if (suffix == "h" || suffix == "hr" || suffix == "hours" || suffix == "s" || suffix == "sec") {
    return unit(Code::kUnknownDurationUnit, fmt::format("unknown duration unit in '{}'", text),
                "the smallest unit is a day: write days as 'd', e.g. 1d");
  }
  static constexpr std::string_view kWords[][2] = {{"day", "d"},
                                                   {"days", "d"},
                                                   {"week", "w"},
                                                   {"weeks", "w"},
                                                   {"month", "mo"},
                                                   {"months", "mo"},
                                                   {"year", "y"},
                                                   {"years", "y"},
                                                   {"dy", "d"},
                                                   {"wk", "w"},
                                                   {"mon", "mo"},
                                                   {"yr", "y"},
                                                   {"yrs", "y"},
                                                   {"M", "mo"},
                                                   {"D", "d"},
                                                   {"Y", "y"},
                                                   {"W", "w"},
                                                   // French: jours, semaines, mois, ans.
                                                   {"j", "d"},
                                                   {"jour", "d"},
                                                   {"jours", "d"},
                                                   {"sem", "w"},
                                                   {"semaine", "w"},
                                                   {"semaines", "w"},
                                                   {"mois", "mo"},
                                                   {"an", "y"},
                                                   {"ans", "y"}};
  for (const auto& [word, short_unit] : kWords) {
    if (suffix != word) continue;
    std::string help = fmt::format("write '{}{}'", number, short_unit);
    if (UnitFromWord(word)) help += fmt::format(" or '{} {}'", number, word);
    if (!UnitFromWord(word) && std::islower(word[0])) {  // `90j`, `1an`, `3wk`
      help = fmt::format(
          "write '{}{}': segc's units are d (days), w (weeks), mo (months) and y (years)", number,
          short_unit);
    }
    return unit(Code::kUnknownDurationUnit, fmt::format("unknown duration unit in '{}'", text),
                help);
  }
  if (number.find('.') != std::string_view::npos) {
    return unit(Code::kInvalidNumber,
                fmt::format("invalid number '{}': a number cannot be followed by letters", text),
                "durations are whole numbers of d, w, mo or y, e.g. 10d");
  }
  return unit(Code::kUnknownDurationUnit,
              fmt::format("unknown duration unit '{}' in '{}'", suffix, text),
              "duration units are d (days), w (weeks), mo (months) and y (years); names cannot "
              "start with a digit");
}

}  // namespace

// Spaces that word processors and spreadsheets put in text (non-breaking, thin, figure...):
// invisible in an editor, so messages name them by code point.
bool IsUnicodeSpace(std::string_view c) {
  static constexpr std::string_view kSpaces[] = {"\u00A0", "\u202F", "\u2007", "\u2009",
                                                 "\u2002", "\u2003", "\u200B", "\uFEFF"};
  return std::find(std::begin(kSpaces), std::end(kSpaces), c) != std::end(kSpaces);
}

Diagnostic DescribeLexError(Tok kind, std::string_view text, diag::SourceRange range,
                            std::string_view word) {
  switch (kind) {
    case Tok::kUnterminatedString: {
      Diagnostic d = diag::Make(Code::kUnterminatedString, range, "unterminated string");
      d.label = "this string is never closed";
      d.help = fmt::format("close it with {} on the same line", text.substr(0, 1));
      return d;
    }
    case Tok::kUnterminatedBackquote: {
      Diagnostic d =
          diag::Make(Code::kUnterminatedBackquote, range, "unterminated backquoted name");
      d.label = "this name is never closed";
      d.help = "close it with ` on the same line";
      return d;
    }
    case Tok::kBadDate: {
      Diagnostic d = diag::Make(Code::kInvalidDate, range, fmt::format("invalid date '{}'", text));
      d.help =
          "write dates as YYYY-MM-DD with two-digit month and day, e.g. 2026-01-05; "
          "put spaces around '-' to subtract";
      return d;
    }
    case Tok::kBadNumber:
      return BadNumber(text, range);
    default:
      return UnexpectedChar(text, range, word);
  }
}

}  // namespace segc::syntax
