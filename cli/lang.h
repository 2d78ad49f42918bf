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

/// The language messages are printed in.
diag::Lang MessageLang();

/// Render options carrying the message language (and SEGC_LANG_CHECK's marking, used by the
/// suite to find messages the catalogue cannot translate).
diag::RenderOptions LocalizedRenderOptions();

/// `english` in the message language (the catalogue's translation, or English when it has none).
std::string Tr(std::string_view english);

/// "1 error", "2 warnings" in the message language ("1 erreur", "0 avertissement"); `word` is
/// one of error, warning, project, file, segment, score, classification.
std::string Counted(size_t n, std::string_view word);

/// "run failed: 2 errors in the rules" for `command` (run, explain, ...), with its newline.
std::string RulesFailedLine(const std::string& command, size_t errors);

}  // namespace segc::cli
