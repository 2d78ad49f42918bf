// Root app: subcommand registry, usage errors (exit 2), internal errors (exit 4).
#include "cli/app.h"

#include <fmt/format.h>

#include <cctype>
#include <cstdio>
#include <exception>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/lang.h"
#include "cli/version.h"
#include "compiler/diag/suggest.h"
#include "segc/writer.h"

namespace segc::cli {
namespace {

/// CLI11 2.1 names only the subcommand in its usage line; show the whole command ("segc check").
class Formatter : public CLI::Formatter {
 public:
  std::string make_usage(const CLI::App* app, std::string name) const override {
    if (name != app->get_name()) return CLI::Formatter::make_usage(app, name);  // already full
    for (const CLI::App* parent = app->get_parent(); parent; parent = parent->get_parent()) {
      name = parent->get_name() + " " + name;
    }
    return CLI::Formatter::make_usage(app, name);
  }
};

/// CLI11's messages start with a capital; ours are lower case (STYLE.md §5). Names written in
/// capitals ("PATH is required") stay as they are.
std::string LowerFirst(std::string text) {
  if (text.size() > 1 && std::islower(static_cast<unsigned char>(text[1]))) {
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  }
  return text;
}

void Configure(CLI::App& root) {
  root.formatter(std::make_shared<Formatter>());
  root.set_version_flag("--version", VersionString(), "Print the version and exit");
  root.set_help_flag("-h,--help", "Print this help and exit");
  root.require_subcommand(0, 1);
  root.footer(
      "Run 'segc help SUBCOMMAND' or 'segc SUBCOMMAND --help' for its options,\n"
      "'segc help E0101' for an error code. Exit status: 0 ok, 1 rule errors, 2 usage,\n"
      "3 bad input data, 4 internal error.");
}

const Subcommand* FindCommand(const std::vector<Subcommand>& commands, const std::string& name) {
  for (const Subcommand& command : commands) {
    if (command.app->get_name() == name) return &command;
  }
  return nullptr;
}

/// CLI11 would call an unknown first word an "extra argument"; name it a subcommand instead.
bool RejectUnknownSubcommand(const std::vector<Subcommand>& commands, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return false;
  std::string word = argv[1];
  if (FindCommand(commands, word) != nullptr) return false;
  std::vector<std::string> names;
  for (const Subcommand& command : commands) names.push_back(command.app->get_name());
  std::string hint = "run 'segc help' for the list of subcommands";
  if (auto near = diag::ClosestName(word, names))
    hint = fmt::format("did you mean 'segc {}'?", *near);
  PrintUsageError(fmt::format("unknown subcommand '{}'", word), hint);
  return true;
}

std::string HelpHint(const CLI::App& root) {
  for (const CLI::App* sub : root.get_subcommands()) {
    return fmt::format("run 'segc help {}' for its usage", sub->get_name());
  }
  return "run 'segc help' for usage";
}

int Dispatch(CLI::App& root, const std::vector<Subcommand>& commands, int argc, char** argv) {
  ApplyLangFromArguments(argc, argv);
  LocalizeHelp(root);
  if (RejectUnknownSubcommand(commands, argc, argv)) return kExitUsage;
  try {
    root.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return root.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return root.exit(e);
  } catch (const CLI::ParseError& e) {
    PrintUsageError(LowerFirst(e.what()), HelpHint(root));
    return kExitUsage;
  }
  ApplyLangOption();
  for (const Subcommand& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  std::fputs(root.help().c_str(), stderr);
  return kExitUsage;
}

}  // namespace

void PrintUsageError(const std::string& message, const std::string& hint) {
  diag::Lang lang = MessageLang();
  std::fprintf(stderr, "segc: %s: %s\n", std::string(diag::Word("error", lang)).c_str(),
               Tr(message).c_str());
  if (!hint.empty()) {
    std::fprintf(stderr, "  %s: %s\n", lang == diag::Lang::kFr ? "aide" : "hint", Tr(hint).c_str());
  }
}

void PrintError(const std::string& message) {
  std::fprintf(stderr, "segc: %s: %s\n", std::string(diag::Word("error", MessageLang())).c_str(),
               TrMessage(message).c_str());
}

std::vector<Subcommand> AddAllCommands(CLI::App& root) {
  return {AddCheckCommand(root),   AddRunCommand(root),    AddTestCommand(root),
          AddExplainCommand(root), AddDiffCommand(root),   AddFmtCommand(root),
          AddGraphCommand(root),   AddSqlCommand(root),    AddExportCommand(root),
          AddReportCommand(root),  AddSchemaCommand(root), AddProfileCommand(root),
          AddHelpCommand(root)};
}

int Main(int argc, char** argv) {
  rt::RemoveTempFilesOnSignals();  // docs/cli.md: no temporary file survives Ctrl-C
  try {
    CLI::App root(
        "segc compiles marketing segmentation rules (.seg), checks them and runs them over data.",
        "segc");
    Configure(root);
    std::vector<Subcommand> commands = AddAllCommands(root);
    std::vector<CLI::App*> apps = {&root};
    for (const Subcommand& command : commands) apps.push_back(command.app);
    AddLangOption(apps);
    return Dispatch(root, commands, argc, argv);
  } catch (const std::bad_alloc&) {
    std::fputs("segc: error: out of memory (ulimit -v, the container's limit)\n", stderr);
    return kExitInternal;
  } catch (const std::exception& e) {
    std::fprintf(stderr,
                 "segc: internal error: %s\n  this is a bug in segc; please report it with the "
                 "command line and the rule files\n",
                 e.what());
    return kExitInternal;
  }
}

}  // namespace segc::cli
