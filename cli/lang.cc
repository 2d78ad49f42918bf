// --lang and the process's message language (lang.h).
#include "cli/lang.h"

#include <cstdio>
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

void ApplyLangFromArguments(int argc, char** argv) {
  std::optional<diag::Lang> flag;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg == "--lang" && i + 1 < argc) {
      flag = diag::ParseLang(argv[i + 1]);
    } else if (arg.substr(0, 7) == "--lang=") {
      flag = diag::ParseLang(arg.substr(7));
    }
  }
  CurrentLang() = flag ? *flag : diag::LangFromEnvironment();
}

diag::Lang MessageLang() { return CurrentLang(); }

void LocalizeHelp(CLI::App& root) {
  if (MessageLang() == diag::Lang::kEn) return;
  // CLI11's own words; subcommands share the root's formatter.
  static const std::pair<const char*, const char*> kLabels[] = {{"Usage", "Utilisation"},
                                                                {"Positionals", "Arguments"},
                                                                {"REQUIRED", "OBLIGATOIRE"},
                                                                {"SUBCOMMAND", "SOUS-COMMANDE"},
                                                                {"SUBCOMMANDS", "SOUS-COMMANDES"},
                                                                {"Needs", "Requiert"},
                                                                {"Excludes", "Exclut"}};
  for (const auto& [en, fr] : kLabels) root.get_formatter()->label(en, fr);
  std::vector<CLI::App*> apps = {&root};
  for (size_t i = 0; i < apps.size(); ++i) {
    CLI::App* app = apps[i];
    if (!app->get_description().empty()) app->description(Tr(app->get_description()));
    if (!app->get_footer().empty()) app->footer(Tr(app->get_footer()));
    if (app != &root) app->group("Sous-commandes");
    for (CLI::Option* option : app->get_options()) {
      if (!option->get_description().empty()) option->description(Tr(option->get_description()));
    }
    for (CLI::App* sub : app->get_subcommands({})) apps.push_back(sub);
  }
}

diag::RenderOptions LocalizedRenderOptions() {
  diag::RenderOptions options;
  options.lang = MessageLang();
  options.mark_untranslated = MarkUntranslated();
  return options;
}

std::string Tr(std::string_view english) {
  std::string text = diag::Localize(english, MessageLang(), MarkUntranslated());
  // SEGC_LANG_MISSING=FILE (with SEGC_LANG_CHECK=1): the untranslated texts are appended to FILE,
  // each ended by a 0x1E record separator, for the suite's completeness checks.
  const char* missing = std::getenv("SEGC_LANG_MISSING");
  if (missing != nullptr && text.rfind("[untranslated] ", 0) == 0) {
    if (std::FILE* file = std::fopen(missing, "a")) {
      std::fprintf(file, "%.*s\x1e", int(english.size()), english.data());
      std::fclose(file);
    }
  }
  return text;
}

namespace {

/// Where the trailing " (...)" note of `text` starts, or npos: the last character closes a
/// parenthesis opened after a space.
size_t TrailingNoteStart(std::string_view text) {
  if (text.empty() || text.back() != ')') return std::string_view::npos;
  int depth = 0;
  for (size_t i = text.size(); i-- > 0;) {
    if (text[i] == ')') ++depth;
    if (text[i] == '(' && --depth == 0) {
      return i > 0 && text[i - 1] == ' ' ? i - 1 : std::string_view::npos;
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::string TrMessage(std::string_view english) {
  if (MessageLang() == diag::Lang::kEn) return std::string(english);
  if (auto whole = diag::Translate(english, MessageLang())) return *whole;
  size_t note = TrailingNoteStart(english);
  if (note == std::string_view::npos) return Tr(english);
  return TrMessage(english.substr(0, note)) + " " + Tr(english.substr(note + 1));
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
