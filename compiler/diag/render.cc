// Format names and the dispatch from a Format to its renderer.
#include "compiler/diag/render.h"

namespace segc::diag {

std::optional<Format> ParseFormat(std::string_view name) {
  if (name == "text") return Format::kText;
  if (name == "json") return Format::kJson;
  if (name == "sarif") return Format::kSarif;
  if (name == "github") return Format::kGithub;
  return std::nullopt;
}

std::string Render(Format format, const SourceManager& sources,
                   const std::vector<Diagnostic>& english, const RenderOptions& options) {
  std::vector<Diagnostic> diagnostics = Localize(english, options.lang, options.mark_untranslated);
  switch (format) {
    case Format::kText:
      return RenderText(sources, diagnostics, options);
    case Format::kJson:
      return RenderJson(sources, diagnostics, options);
    case Format::kSarif:
      return RenderSarif(sources, diagnostics, options);
    case Format::kGithub:
      return RenderGithub(sources, diagnostics, options);
  }
  return RenderText(sources, diagnostics, options);
}

}  // namespace segc::diag
