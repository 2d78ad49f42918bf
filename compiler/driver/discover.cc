// Project discovery: command-line paths → projects of .seg files (LANGUAGE.md §4).
#include "compiler/driver/discover.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "compiler/driver/file_reader.h"

namespace segc::driver {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kSchemaFile = "schema.seg";

bool IsHidden(const fs::path& path) {
  std::string name = path.filename().string();
  return !name.empty() && name.front() == '.';
}

bool IsRuleFile(const fs::path& path) { return path.extension() == ".seg"; }

/// The identity of a path on disk, so one file named two ways is read once.
std::string Identity(const fs::path& path) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(path, ec);
  return (ec ? fs::absolute(path) : canonical).lexically_normal().string();
}

class Discovery {
 public:
  explicit Discovery(diag::DiagnosticSink& sink) : sink_(sink) {}

  void AddArgument(const std::string& arg);
  std::vector<ProjectSpec> Finish();

 private:
  struct Project {
    std::string dir;
    std::map<std::string, std::string> files;  // identity → display path
  };

  void AddFile(const fs::path& display);
  bool Walk(const fs::path& display, std::set<std::string>& visited);
  void ReportNotARuleFile(const std::string& arg, bool is_file);

  diag::DiagnosticSink& sink_;
  std::map<std::string, Project> projects_;  // directory identity → project
  std::set<std::string> files_;              // identities of every file added
};

void Discovery::AddFile(const fs::path& display) {
  if (!files_.insert(Identity(display)).second) return;
  fs::path parent = display.parent_path();
  Project& project = projects_[Identity(parent.empty() ? fs::path(".") : parent)];
  if (project.dir.empty()) project.dir = parent.empty() ? "." : parent.generic_string();
  project.files.emplace(Identity(display), display.generic_string());
}

bool Discovery::Walk(const fs::path& display, std::set<std::string>& visited) {
  if (!visited.insert(Identity(display)).second) return false;  // a symlink loop
  std::error_code ec;
  fs::directory_iterator it(display, ec);
  if (ec) {
    ReportCannotRead(display.generic_string(), ec, sink_);
    return true;  // the error is reported; do not also say "no files"
  }
  std::vector<fs::path> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (!IsHidden(it->path())) entries.push_back(display / it->path().filename());
  }
  if (ec) ReportCannotRead(display.generic_string(), ec, sink_);
  std::sort(entries.begin(), entries.end());
  bool found = false;
  for (const fs::path& entry : entries) {
    std::error_code status_ec;
    fs::file_status status = fs::status(entry, status_ec);
    if (fs::is_directory(status)) {
      found = Walk(entry, visited) || found;
    } else if (fs::is_regular_file(status) && IsRuleFile(entry)) {
      AddFile(entry);
      found = true;
    } else if (status_ec && IsRuleFile(entry)) {
      ReportCannotRead(entry.generic_string(), status_ec, sink_);  // e.g. a dangling symlink
      found = true;
    }
  }
  return found;
}

void Discovery::ReportNotARuleFile(const std::string& arg, bool is_file) {
  std::string what = is_file ? "a .seg rule file" : "a regular file or a directory";
  diag::Diagnostic d = diag::Make(diag::Code::kNotARuleFile, diag::SourceRange{},
                                  fmt::format("'{}' is not {}", arg, what));
  d.help = "pass .seg rule files or directories that contain them";
  sink_.Report(std::move(d));
}

void Discovery::AddArgument(const std::string& arg) {
  fs::path path(arg);
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    ReportCannotRead(arg, ec ? ec : std::make_error_code(std::errc::no_such_file_or_directory),
                     sink_);
  } else if (fs::is_directory(status)) {
    std::set<std::string> visited;
    if (!Walk(path, visited)) {
      diag::Diagnostic d = diag::Make(diag::Code::kNoRuleFiles, diag::SourceRange{},
                                      fmt::format("no .seg files found under '{}'", arg));
      d.help = "a project is a directory that holds .seg files (hidden entries are skipped)";
      sink_.Report(std::move(d));
    }
  } else if (!fs::is_regular_file(status) || !IsRuleFile(path)) {
    ReportNotARuleFile(arg, fs::is_regular_file(status));
  } else {
    AddFile(path);
    // LANGUAGE.md §4: a file is checked together with the schema beside it.
    fs::path schema = path.parent_path() / kSchemaFile;
    if (path.filename() != kSchemaFile && fs::is_regular_file(schema, ec)) AddFile(schema);
  }
}

std::vector<ProjectSpec> Discovery::Finish() {
  std::vector<ProjectSpec> specs;
  for (auto& [identity, project] : projects_) {
    ProjectSpec spec{project.dir, {}};
    for (auto& [file_identity, display] : project.files) spec.files.push_back(display);
    std::sort(spec.files.begin(), spec.files.end());
    specs.push_back(std::move(spec));
  }
  std::sort(specs.begin(), specs.end(),
            [](const ProjectSpec& a, const ProjectSpec& b) { return a.dir < b.dir; });
  return specs;
}

}  // namespace

std::vector<ProjectSpec> DiscoverProjects(const std::vector<std::string>& paths,
                                          diag::DiagnosticSink& sink) {
  Discovery discovery(sink);
  for (const std::string& path : paths) discovery.AddArgument(path);
  return discovery.Finish();
}

}  // namespace segc::driver
