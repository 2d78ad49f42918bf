// Error-code help: embedded pages, summaries, the code list and suggestions.
#include "cli/help_topics.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "cli/error_docs.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/diag/suggest.h"

namespace segc::cli {
namespace {

std::string Upper(std::string_view word) {
  std::string out(word);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

bool LooksLikeCode(std::string_view word) {
  if (word.size() != 5) return false;
  char kind = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
  return (kind == 'E' || kind == 'W') && std::all_of(word.begin() + 1, word.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c));
         });
}

std::optional<std::string> CodeHelp(std::string_view code, diag::Lang lang) {
  std::string id = Upper(code);
  const diag::CodeInfo* info = diag::FindCode(id);
  if (info == nullptr) return std::nullopt;
  if (auto page = FindErrorDoc(id, lang)) return std::string(*page);
  if (lang == diag::Lang::kFr) {
    if (auto page = FindErrorDoc(id)) {
      return fmt::format(
          "(pas de page docs/fr/errors/{}.md dans cette version : la page anglaise "
          "suit)\n\n{}",
          id, *page);
    }
  }
  return fmt::format("{}: {}\n\n(no documentation page docs/errors/{}.md in this build)\n", id,
                     info->summary, id);
}

std::string UnknownCodeHint(std::string_view code) {
  // Prefer codes of the same range (E09xx for E0904), then any code.
  std::string id = Upper(code);
  std::vector<std::string> same_range;
  std::vector<std::string> all;
  for (const diag::CodeInfo& info : diag::AllCodes()) {
    all.emplace_back(info.id);
    if (info.id.substr(0, 3) == std::string_view(id).substr(0, 3)) same_range.emplace_back(info.id);
  }
  auto near = diag::ClosestName(id, same_range);
  if (!near) near = diag::ClosestName(id, all);
  if (near) {
    return fmt::format("did you mean '{}'? 'segc help codes' lists every code", *near);
  }
  return "'segc help codes' lists every code";
}

std::string CodeList(diag::Lang lang) {
  std::string out;
  for (const diag::CodeInfo& info : diag::AllCodes()) {
    std::string_view severity = info.severity == diag::Severity::kWarning ? "warning" : "error";
    std::string_view summary = info.summary;
    if (lang == diag::Lang::kFr) {
      if (auto page = FindErrorDoc(info.id, lang)) summary = PageSummary(*page).value_or(summary);
      // "avertissement" is 13 letters.
      out += fmt::format("{}  {:<13}  {}\n", info.id, diag::Word(severity, lang), summary);
    } else {
      out += fmt::format("{}  {:<7}  {}\n", info.id, severity, summary);
    }
  }
  return out;
}

}  // namespace segc::cli
