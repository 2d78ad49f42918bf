// The language of segc's messages for this process: `--lang en|fr` on any subcommand, else the
// environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG; docs/cli.md, "Language").
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "compiler/diag/catalog.h"
#include "compiler/diag/render.h"

namespace segc::cli {

/// Adds `--lang` to every subcommand app in `apps`; ApplyLangOption() then reads it.
void AddLangOption(const std::vector<CLI::App*>& apps);

/// Sets the process's language from `--lang` if given, else from the environment. Called once
/// after parsing, before a subcommand runs.
void ApplyLangOption();

/// The same from the raw arguments, before parsing: `--help` and usage errors are printed while
/// CLI11 parses, so the language must be known before (`--lang fr`, `--lang=fr`).
void ApplyLangFromArguments(int argc, char** argv);

/// Translates the help texts of `root` and of every subcommand and option (descriptions, footers
/// and CLI11's headings) into the message language; nothing to do in English.
void LocalizeHelp(CLI::App& root);

/// The language messages are printed in.
diag::Lang MessageLang();

/// Render options carrying the message language (and SEGC_LANG_CHECK's marking, used by the
/// suite to find messages the catalogue cannot translate).
diag::RenderOptions LocalizedRenderOptions();

/// `english` in the message language (the catalogue's translation, or English when it has none).
std::string Tr(std::string_view english);

/// Tr() for a sentence followed by parenthesized notes, as data errors are written ("invalid
/// float 'x' in column 'c' (pass --decimal-comma)"): when the whole has no translation, the
/// sentence and each trailing note are translated on their own.
std::string TrMessage(std::string_view english);

/// "1 error", "2 warnings" in the message language ("1 erreur", "0 avertissement"); `word` is
/// one of error, warning, project, file, segment, score, classification.
std::string Counted(size_t n, std::string_view word);

/// "run failed: 2 errors in the rules" for `command` (run, explain, ...), with its newline.
std::string RulesFailedLine(const std::string& command, size_t errors);

}  // namespace segc::cli
