// Whitespace-separated text (columns aligned with runs of spaces): detection and normalisation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace segc::rt {

/// True when `data` looks whitespace-separated: none of ',' ';' '\t' '|' occurs outside quotes
/// in its first line, and each of its first non-blank lines (up to 20) splits on runs of spaces
/// into the same number (at least 2) of fields.
bool LooksWhitespaceSeparated(std::string_view data);

/// True when every field of a header row is a number: the file has no header (its first line is
/// data), as in CDNOW_sample.txt.
bool LooksLikeDataRow(const std::vector<std::string>& fields);

/// `data` with each line's leading and trailing spaces and tabs removed and every other run of
/// spaces and tabs outside double quotes replaced by one '\t', so that it reads as a
/// tab-separated file with the same lines (quoted fields are copied unchanged). Stops after
/// `max_lines` line ends outside quotes when it is >= 0.
std::string NormalizeWhitespace(std::string_view data, int64_t max_lines = -1);

}  // namespace segc::rt
