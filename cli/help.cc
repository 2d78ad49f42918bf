// `segc help [TOPIC]`: the overview, a subcommand's help, an error code's page, or the code list.
#include <fmt/format.h>

#include <cstdio>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/help_topics.h"
#include "cli/lang.h"
#include "compiler/diag/suggest.h"

namespace segc::cli {
namespace {

std::vector<std::string> SubcommandNames(const CLI::App& root) {
  std::vector<std::string> names;
  for (const CLI::App* sub : root.get_subcommands({})) names.push_back(sub->get_name());
  return names;
}

int RunHelp(CLI::App& root, const std::string& topic) {
  if (topic.empty()) {
    std::fputs(root.help().c_str(), stdout);
    return kExitOk;
  }
  if (topic == "codes") {
    std::fputs(CodeList(MessageLang()).c_str(), stdout);
    return kExitOk;
  }
  if (LooksLikeCode(topic)) {
    if (auto text = CodeHelp(topic, MessageLang())) {
      std::fputs(text->c_str(), stdout);
      return kExitOk;
    }
    PrintUsageError(fmt::format("unknown error code '{}'", topic), UnknownCodeHint(topic));
    return kExitUsage;
  }
  for (const CLI::App* sub : root.get_subcommands({})) {
    if (sub->get_name() == topic) {
      std::fputs(sub->help().c_str(), stdout);
      return kExitOk;
    }
  }
  std::string hint = "topics: a subcommand, an error code like E0101, or 'codes'";
  if (auto near = diag::ClosestName(topic, SubcommandNames(root))) {
    hint = fmt::format("did you mean 'segc help {}'?", *near);
  }
  PrintUsageError(fmt::format("unknown help topic '{}'", topic), hint);
  return kExitUsage;
}

}  // namespace

Subcommand AddHelpCommand(CLI::App& root) {
  auto topic = std::make_shared<std::string>();
  CLI::App* app = root.add_subcommand("help", "Show help for a subcommand or an error code");
  app->add_option("TOPIC", *topic, "A subcommand (check), an error code (E0101), or 'codes'");
  CLI::App* root_ptr = &root;
  return {app, [root_ptr, topic] { return RunHelp(*root_ptr, *topic); }};
}

}  // namespace segc::cli
