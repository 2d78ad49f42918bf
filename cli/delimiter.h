// The --delimiter and --encoding options of `segc run` and `segc schema infer`.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace segc::cli {

/// Adds `--delimiter D` to `app`, storing the text in `value` (default "auto"); only the
/// spellings DelimiterChar knows are accepted.
void AddDelimiterOption(CLI::App* app, std::string& value);

/// Adds `--encoding NAME` (utf-8, windows-1252, iso-8859-1, iso-8859-15; rt::ParseEncodingName
/// spellings) to `app`, storing the text in `value`.
void AddEncodingOption(CLI::App* app, std::string& value, const std::string& description);

/// The CsvOptions delimiter for a --delimiter value: '\0' for "auto" (detect), ',' ';' '|' for
/// themselves, '\t' for "tab", rt::kWhitespaceDelimiter for "whitespace".
char DelimiterChar(const std::string& value);

}  // namespace segc::cli
