// Edit distance and did-you-mean help texts.
#include "compiler/diag/suggest.h"

#include <algorithm>
#include <cctype>

namespace segc::diag {
namespace {

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

}  // namespace

size_t EditDistance(std::string_view a, std::string_view b) {
  // Three rolling rows of the optimal-string-alignment table; names are short, so the rows live
  // on the stack (a did-you-mean search measures thousands of candidates: no allocation each).
  constexpr size_t kStackRow = 64;
  size_t stack_rows[3][kStackRow];
  std::vector<size_t> heap_rows;
  size_t* rows[3] = {stack_rows[0], stack_rows[1], stack_rows[2]};
  if (b.size() + 1 > kStackRow) {
    heap_rows.resize(3 * (b.size() + 1));
    for (size_t r = 0; r < 3; ++r) rows[r] = heap_rows.data() + r * (b.size() + 1);
  }
  size_t* prev2 = rows[0];
  size_t* prev = rows[1];
  size_t* cur = rows[2];
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
    }
    size_t* oldest = prev2;
    prev2 = prev;
    prev = cur;
    cur = oldest;
  }
  return prev[b.size()];
}

size_t SuggestionThreshold(std::string_view name) { return std::max<size_t>(1, name.size() / 3); }

std::vector<std::string> ClosestNames(std::string_view name,
                                      const std::vector<std::string>& candidates, size_t limit) {
  const std::string lower = Lower(name);
  const size_t threshold = SuggestionThreshold(name);
  std::vector<std::pair<size_t, size_t>> scored;  // (distance, candidate index)
  std::string lower_candidate;                    // reused: no allocation per candidate
  for (size_t i = 0; i < candidates.size(); ++i) {
    const std::string& candidate = candidates[i];
    if (candidate == name) continue;
    size_t length_gap = candidate.size() > name.size() ? candidate.size() - name.size()
                                                       : name.size() - candidate.size();
    if (length_gap > threshold) continue;
    lower_candidate.assign(candidate);
    for (char& c : lower_candidate)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    size_t distance = EditDistance(lower, lower_candidate);
    // A candidate that shares nothing with a short name ("D" → "A") is no suggestion.
    if (distance <= threshold && distance < name.size()) scored.emplace_back(distance, i);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> names;
  for (const auto& [distance, index] : scored) {
    if (names.size() == limit) break;
    if (std::find(names.begin(), names.end(), candidates[index]) == names.end()) {
      names.push_back(candidates[index]);
    }
  }
  return names;
}

std::optional<std::string> ClosestName(std::string_view name,
                                       const std::vector<std::string>& candidates) {
  std::vector<std::string> best = ClosestNames(name, candidates);
  if (best.empty()) return std::nullopt;
  return best[0];
}

std::string DidYouMean(std::string_view name, const std::vector<std::string>& candidates) {
  std::optional<std::string> best = ClosestName(name, candidates);
  return best ? "did you mean '" + *best + "'?" : "";
}

}  // namespace segc::diag
