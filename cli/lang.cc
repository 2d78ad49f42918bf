// --lang and the process's message language (lang.h).
#include "cli/lang.h"

#include <cstdlib>

namespace segc::cli {
namespace {

std::string& LangFlag() {
  static std::string flag;
  return flag;
}

diag::Lang& CurrentLang() {
  static diag::Lang lang = diag::Lang::kEn;
  return lang;
}

bool MarkUntranslated() {
  const char* check = std::getenv("SEGC_LANG_CHECK");
  return check != nullptr && std::string_view(check) == "1";
}

}  // namespace

void AddLangOption(const std::vector<CLI::App*>& apps) {
  for (CLI::App* app : apps) {
    app->add_option("--lang", LangFlag(),
                    "Language of messages: en or fr (default: LANGUAGE, LC_ALL, LC_MESSAGES, "
                    "LANG)")
        ->check(CLI::IsMember({"en", "fr"}));
  }
}

void ApplyLangOption() {
  std::optional<diag::Lang> flag = diag::ParseLang(LangFlag());
  CurrentLang() = flag ? *flag : diag::LangFromEnvironment();
}

diag::Lang MessageLang() { return CurrentLang(); }

diag::RenderOptions LocalizedRenderOptions() {
  diag::RenderOptions options;
  options.lang = MessageLang();
  options.mark_untranslated = MarkUntranslated();
  return options;
}

std::string Tr(std::string_view english) {
  return diag::Localize(english, MessageLang(), MarkUntranslated());
}

std::string Counted(size_t n, std::string_view word) {
  if (MessageLang() == diag::Lang::kEn) {
    return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
  }
  static const std::pair<std::string_view, std::string_view> kFrench[] = {
      {"error", "erreur"},
      {"warning", "avertissement"},
      {"project", "projet"},
      {"file", "fichier"},
      {"segment", "segment"},
      {"score", "score"},
      {"classification", "classification"}};
  std::string_view french = word;
  for (const auto& [en, fr] : kFrench) {
    if (en == word) french = fr;
  }
  return std::to_string(n) + " " + std::string(french) + (n <= 1 ? "" : "s");  // 0 and 1: singular
}

std::string RulesFailedLine(const std::string& command, size_t errors) {
  if (MessageLang() == diag::Lang::kFr) {
    return command + " a échoué : " + Counted(errors, "error") + " dans les règles\n";
  }
  return command + " failed: " + Counted(errors, "error") + " in the rules\n";
}

}  // namespace segc::cli
