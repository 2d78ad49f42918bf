// "Did you mean" for command-line words: the closest candidate by edit distance.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace segc::cli {

/// Levenshtein distance, case-insensitive.
size_t EditDistance(std::string_view a, std::string_view b);

/// The candidate closest to `word` if it is within a third of the word's length (at least 1);
/// ties go to the earlier candidate.
std::optional<std::string> ClosestMatch(std::string_view word,
                                        const std::vector<std::string>& candidates);

}  // namespace segc::cli
