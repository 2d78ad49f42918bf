// `segc fmt [--check] [--write] PATH...`: rule files in the canonical layout (docs/formatting.md).
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <optional>
#include <stdexcept>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/file_list.h"
#include "cli/load_rules.h"
#include "compiler/driver/file_reader.h"
#include "compiler/format/diff.h"
#include "compiler/format/format.h"
#include "compiler/syntax/parse.h"
#include "segc/writer.h"

namespace segc::cli {
namespace {

struct FmtArgs {
  std::vector<std::string> paths;
  bool check = false;
  bool write = false;
  std::string color = "auto";
};

/// The .seg files named by `paths`: files as given (`-` is stdin), directories searched
/// recursively (sorted).
/// A path that is neither is a usage error (returned as a message).
std::optional<std::string> ListFiles(const std::vector<std::string>& paths,
                                     std::vector<std::string>& files) {
  namespace fs = std::filesystem;
  for (const std::string& path : paths) {
    std::error_code error;
    if (fs::is_directory(path, error)) {
      std::vector<std::string> found = FilesUnder(path, ".seg");
      files.insert(files.end(), found.begin(), found.end());
    } else if (path == "-" || fs::exists(path, error)) {
      files.push_back(path);
    } else {
      return fmt::format("no such file or directory: '{}'", path);
    }
  }
  return std::nullopt;
}

/// Replaces `shown` by `text` atomically (rt::AtomicFileWriter: a temporary file next to it,
/// fsync, rename) with the original's permissions. Through a symbolic link, the file it points to
/// is replaced, not the link. Returns an error message on failure.
std::optional<std::string> WriteAtomically(const std::string& shown, const std::string& text) {
  std::error_code resolve_error;
  std::string path = std::filesystem::canonical(shown, resolve_error).string();
  if (resolve_error) path = shown;
  struct stat original {};
  if (stat(path.c_str(), &original) != 0) {
    return fmt::format("cannot write '{}': {}", shown, std::strerror(errno));
  }
  Result<rt::AtomicFileWriter> writer = rt::AtomicFileWriter::Open(path);
  if (!writer.ok()) return fmt::format("cannot write '{}': {}", shown, writer.status().message());
  // The writer gives the replacement the replaced file's mode (it may have no name to chmod).
  Status status = writer->Write(text);
  if (status.ok()) status = writer->Commit();
  if (!status.ok()) return fmt::format("cannot write '{}': {}", shown, status.message());
  return std::nullopt;
}

int RunFmt(const FmtArgs& args) {
  std::vector<std::string> files;
  if (auto problem = ListFiles(args.paths, files)) {
    PrintUsageError(*problem, "segc fmt takes .seg files and directories");
    return kExitUsage;
  }
  if (!args.check && !args.write && files.size() != 1) {
    PrintUsageError(
        fmt::format("without --write or --check, segc fmt formats one file (got {})", files.size()),
        "'segc fmt --write PATH...' rewrites files, 'segc fmt --check PATH...' lists changes");
    return kExitUsage;
  }
  if (args.write && std::find(files.begin(), files.end(), "-") != files.end()) {
    PrintUsageError("--write cannot rewrite stdin ('-')", "'segc fmt -' prints the result");
    return kExitUsage;
  }
  diag::SourceManager sources;
  diag::DiagnosticSink sink;
  ast::NodeIdAllocator ids;
  size_t unformatted = 0, broken = 0;
  std::string out;
  for (const std::string& path : files) {
    std::optional<diag::FileId> id;
    if (path == "-") {
      std::string text((std::istreambuf_iterator<char>(std::cin)),
                       std::istreambuf_iterator<char>());
      id = sources.Add("<stdin>", std::move(text));
    } else {
      id = driver::ReadRuleFile(path, sources, sink);
    }
    if (!id) {
      ++broken;
      continue;
    }
    size_t errors_before = sink.error_count();
    std::unique_ptr<ast::File> tree = syntax::Parse(sources, *id, ids, sink);
    if (sink.error_count() != errors_before) {  // left untouched
      ++broken;
      continue;
    }
    const std::string& text = sources.file(*id).text;
    std::string formatted = format::FormatText(text, *tree);
    if (!args.check && !args.write) {
      out += formatted;
      continue;
    }
    if (formatted == text) continue;
    ++unformatted;
    if (args.check) {
      out += format::UnifiedDiff(text, formatted, path == "-" ? "<stdin>" : path);
    } else if (auto problem = WriteAtomically(path, formatted)) {
      std::fprintf(stderr, "segc: error: %s\n", problem->c_str());
      ++broken;
    } else {
      out += fmt::format("formatted {}\n", path);
    }
  }
  std::fputs(out.c_str(), stdout);
  RenderDiagnostics(sources, sink, args.color);
  if (args.check && unformatted > 0) {
    std::fprintf(stderr, "fmt: %zu of %zu file%s not formatted\n", unformatted, files.size(),
                 files.size() == 1 ? "" : "s");
  }
  if (broken > 0) {
    std::fprintf(stderr, "fmt: %zu file%s not formatted because of errors (left unchanged)\n",
                 broken, broken == 1 ? "" : "s");
  }
  return (broken > 0 || (args.check && unformatted > 0)) ? kExitRuleErrors : kExitOk;
}

}  // namespace

Subcommand AddFmtCommand(CLI::App& root) {
  auto args = std::make_shared<FmtArgs>();
  CLI::App* app = root.add_subcommand("fmt", "Rewrite rule files in the canonical layout");
  app->add_option("PATH", args->paths,
                  ".seg files or directories (searched recursively); - reads stdin")
      ->required()
      ->type_name("");
  CLI::Option* check =
      app->add_flag("--check", args->check,
                    "Change nothing; print a unified diff of what would change (exit 1 if any)");
  app->add_flag("--write", args->write, "Rewrite the files that are not formatted, in place")
      ->excludes(check);
  app->add_option("--color", args->color, "Colour in diagnostics (auto: only on a terminal)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app->footer(
      "Without --check or --write, prints the formatted text of one file (or of stdin: -)\n"
      "to stdout.\n"
      "Comments are kept; formatting twice changes nothing; the rules mean the same.\n"
      "A file with syntax errors is reported as by 'segc check' and left unchanged.\n"
      "The layout is described in docs/formatting.md.\n"
      "Exit status: 0 ok (with --check: every file formatted), 1 files not formatted (--check)\n"
      "or with syntax errors, 2 usage, 4 internal error.");
  return {app, [args] { return RunFmt(*args); }};
}

}  // namespace segc::cli
