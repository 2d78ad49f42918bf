// The message catalogue: diagnostics, data errors and summaries in the user's language.
//
// Messages are written in English where they are built. A translation is keyed by the message's
// shape: the English text with every quoted piece ('x', `x`, "x"), every number and every type
// phrase ("a date", "an int") replaced by {}. The French template re-inserts the pieces ({} in
// order, or {N} for the N-th); quoted pieces and numbers are copied as they are (they are code,
// names and values), type phrases are translated ("a date" -> "une date"). So one entry serves
// every column name, value and type a message can mention, and the English text stays the single
// source of what is said. docs/design-decisions.md ("segc speaks French") has the reasons.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/diagnostic.h"

namespace segc::diag {

enum class Lang { kEn, kFr };

/// "en" / "fr", or a locale name ("fr_FR.UTF-8", "fr", "en_US"); nullopt for anything else,
/// including "C" and "POSIX".
std::optional<Lang> ParseLang(std::string_view name);

/// The language the environment asks for, as gettext reads it: the first set of LC_ALL,
/// LC_MESSAGES and LANG names the locale; LANGUAGE (a ':' list) wins over it unless that locale
/// is C or POSIX. Only the names are read: no locale needs to be installed. English by default.
Lang LangFromEnvironment();
/// The same, from given values (nullptr for an unset variable); for tests.
Lang LangFromVariables(const char* language, const char* lc_all, const char* lc_messages,
                       const char* lang);

/// The catalogue key of an English text and the pieces taken out of it, in order.
struct Shape {
  std::string key;
  std::vector<std::string> pieces;
};
Shape ShapeOf(std::string_view english);

/// `english` in `lang`; nullopt when `lang` is French and the catalogue lacks its shape.
std::optional<std::string> Translate(std::string_view english, Lang lang);

/// `english` in `lang`, or `english` itself when there is no translation; with `mark`, an
/// untranslated text is prefixed with "[untranslated] " (the suite's completeness check).
std::string Localize(std::string_view english, Lang lang, bool mark = false);

/// The diagnostic with its message, labels, help and notes in `lang` (codes and ranges kept).
Diagnostic Localize(const Diagnostic& d, Lang lang, bool mark = false);
std::vector<Diagnostic> Localize(const std::vector<Diagnostic>& diagnostics, Lang lang,
                                 bool mark = false);

/// The renderers' words ("error", "warning", "note", "help") in `lang`.
std::string_view Word(std::string_view english, Lang lang);

}  // namespace segc::diag
