// The --delimiter option of `segc run` and `segc schema infer`.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace segc::cli {

/// Adds `--delimiter D` to `app`, storing the text in `value` (default "auto"); only the
/// spellings DelimiterChar knows are accepted.
void AddDelimiterOption(CLI::App* app, std::string& value);

/// The CsvOptions delimiter for a --delimiter value: '\0' for "auto" (detect), ',' ';' '|' for
/// themselves, '\t' for "tab", rt::kWhitespaceDelimiter for "whitespace".
char DelimiterChar(const std::string& value);

}  // namespace segc::cli
