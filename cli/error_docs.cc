// Lookup in the embedded error-code pages.
#include "cli/error_docs.h"

namespace segc::cli {

std::optional<std::string_view> FindErrorDoc(std::string_view id, diag::Lang lang) {
  const auto& docs = lang == diag::Lang::kFr ? EmbeddedFrenchErrorDocs() : EmbeddedErrorDocs();
  for (const ErrorDoc& doc : docs) {
    if (doc.id == id) return doc.text;
  }
  return std::nullopt;
}

std::optional<std::string_view> PageSummary(std::string_view page) {
  std::string_view title = page.substr(0, page.find('\n'));
  if (title.substr(0, 2) != "# ") return std::nullopt;
  size_t colon = title.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string_view summary = title.substr(colon + 1);
  while (!summary.empty() && summary.front() == ' ') summary.remove_prefix(1);
  while (!summary.empty() && (summary.back() == ' ' || summary.back() == '\r')) {
    summary.remove_suffix(1);
  }
  if (summary.empty()) return std::nullopt;
  return summary;
}

}  // namespace segc::cli
