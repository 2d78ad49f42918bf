// Lookup in the embedded error-code pages.
#include "cli/error_docs.h"

namespace segc::cli {

std::optional<std::string_view> FindErrorDoc(std::string_view id) {
  for (const ErrorDoc& doc : EmbeddedErrorDocs()) {
    if (doc.id == id) return doc.text;
  }
  return std::nullopt;
}

}  // namespace segc::cli
