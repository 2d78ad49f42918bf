// Reading a project at a git revision: `git ls-tree` and `git show REV:PATH`, run without a
// shell (arguments are passed as they are, so no quoting problem with paths or revisions).
#include "cli/diff_base.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace segc::cli {
namespace {

namespace fs = std::filesystem;

struct Output {
  int status = -1;
  std::string out, err;
};

/// Runs `argv` and collects its stdout and stderr (small outputs: rule files).
Result<Output> Run(const std::vector<std::string>& argv) {
  int out_pipe[2], err_pipe[2];
  if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) return Status::IoError("cannot create a pipe");
  pid_t pid = fork();
  if (pid < 0) return Status::IoError("cannot start git");
  if (pid == 0) {
    dup2(out_pipe[1], STDOUT_FILENO);
    dup2(err_pipe[1], STDERR_FILENO);
    close(out_pipe[0]);
    close(err_pipe[0]);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  Output result;
  // Read stdout then stderr: git writes little to stderr, so it cannot block on a full pipe.
  for (auto [fd, text] :
       {std::pair{out_pipe[0], &result.out}, std::pair{err_pipe[0], &result.err}}) {
    char buffer[65536];
    for (ssize_t n; (n = read(fd, buffer, sizeof buffer)) > 0;) text->append(buffer, size_t(n));
    close(fd);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (result.status == 127) return Status::IoError("cannot run git (is it installed?)");
  return result;
}

Result<std::string> Git(const std::string& dir, std::vector<std::string> args) {
  args.insert(args.begin(), {"git", "-C", dir});
  SEGC_TRY(Output output, Run(args));
  if (output.status != 0) {
    std::string message = output.err;
    while (!message.empty() && message.back() == '\n') message.pop_back();
    return Status::InvalidArgument(message.empty() ? "git failed" : message);
  }
  return output.out;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
    lines.push_back(text.substr(start, end - start));
  return lines;
}

/// Writes every file under `dir` (relative to `top`) at `rev` below `into`.
Status ExtractDirectory(const std::string& top, const std::string& rev, const std::string& dir,
                        const std::string& into) {
  SEGC_TRY(std::string listing, Git(top, {"ls-tree", "-r", "--name-only", rev, "--", dir + "/"}));
  std::vector<std::string> files = Lines(listing);
  if (files.empty()) {
    return Status::InvalidArgument(fmt::format("'{}' has no files at revision {}", dir, rev));
  }
  for (const std::string& file : files) {
    SEGC_TRY(std::string text, Git(top, {"show", rev + ":" + file}));
    fs::path target = fs::path(into) / file;
    std::error_code error;
    fs::create_directories(target.parent_path(), error);
    std::ofstream out(target, std::ios::binary);
    out << text;
    if (!out) return Status::IoError(fmt::format("cannot write '{}'", target.string()));
  }
  return Status::Ok();
}

}  // namespace

TempDir::~TempDir() {
  if (path_.empty()) return;
  std::error_code error;
  fs::remove_all(path_, error);
}

Status TempDir::Create() {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string(base && *base ? base : "/tmp") + "/segc-diff-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) {
    return Status::IoError(fmt::format("cannot create a temporary directory '{}'", pattern));
  }
  path_ = pattern;
  return Status::Ok();
}

Result<std::vector<std::string>> ExtractAtRevision(const std::vector<std::string>& paths,
                                                   const std::string& rev,
                                                   const std::string& into) {
  std::vector<std::string> out;
  for (const std::string& path : paths) {
    std::error_code error;
    fs::path absolute = fs::absolute(path, error);
    bool is_dir = fs::is_directory(absolute, error);
    fs::path dir = is_dir ? absolute : absolute.parent_path();
    SEGC_TRY(std::string top_line, Git(dir.string(), {"rev-parse", "--show-toplevel"}));
    fs::path top = Lines(top_line).empty() ? fs::path() : fs::path(Lines(top_line)[0]);
    fs::path relative = fs::relative(fs::weakly_canonical(absolute), fs::canonical(top), error);
    fs::path relative_dir = is_dir ? relative : relative.parent_path();
    SEGC_RETURN_IF_ERROR(ExtractDirectory(
        top.string(), rev, relative_dir.empty() ? "." : relative_dir.string(), into));
    out.push_back((fs::path(into) / relative).string());
  }
  return out;
}

}  // namespace segc::cli
