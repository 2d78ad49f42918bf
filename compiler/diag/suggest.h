// Did-you-mean suggestions by Damerau-Levenshtein (optimal string alignment) distance: one
// mechanism for every layer (names in rules, keywords in the parser, words on the command line).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace segc::diag {

/// Edit distance counting insertions, deletions, substitutions and adjacent transpositions.
size_t EditDistance(std::string_view a, std::string_view b);

/// The largest distance still worth suggesting for a name of this length: max(1, len / 3).
size_t SuggestionThreshold(std::string_view name);

/// The closest candidates to `name` within the threshold, best first (ties keep candidate order),
/// at most `limit`. Case is ignored; the name itself and candidates at a distance equal to the
/// name's length (nothing in common) are never suggested.
std::vector<std::string> ClosestNames(std::string_view name,
                                      const std::vector<std::string>& candidates, size_t limit = 1);

/// The closest candidate within the threshold (ties: the earlier one), if any.
std::optional<std::string> ClosestName(std::string_view name,
                                       const std::vector<std::string>& candidates);

/// "did you mean 'x'?" for the closest candidate, or "" if none is close enough.
std::string DidYouMean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace segc::diag
