// Output paths against input paths, by device and inode.
#include "cli/run_paths.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <tuple>

#include "cli/command.h"
#include "cli/exit_codes.h"

namespace segc::cli {
namespace {

/// Which file a path names: its device and inode; for a path that does not exist, its
/// directory's device and inode plus the last component.
struct FileIdentity {
  dev_t dev = 0;
  ino_t ino = 0;
  std::string name;  ///< empty when the file exists

  bool operator==(const FileIdentity& o) const {
    return std::tie(dev, ino, name) == std::tie(o.dev, o.ino, o.name);
  }
};

std::optional<FileIdentity> IdentityOf(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) == 0) return FileIdentity{st.st_dev, st.st_ino, ""};
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (name.empty() || stat(dir.c_str(), &st) != 0) return std::nullopt;
  return FileIdentity{st.st_dev, st.st_ino, name};
}

struct OutputFile {
  const char* option;
  const std::string* path;
};

int Refuse(const std::string& message) {
  PrintUsageError(message, "segc never writes over its inputs: choose another output path");
  return kExitUsage;
}

}  // namespace

std::vector<InputFile> CommandLineInputs(const RunArgs& args) {
  std::vector<InputFile> inputs;
  for (const std::string& spec : args.data) {
    inputs.push_back({"--data", spec});
    if (size_t eq = spec.find('='); eq != std::string::npos) {
      inputs.push_back({"--data", spec.substr(eq + 1)});
    }
  }
  for (const std::string& rules : args.rules) {
    struct stat st;
    if (stat(rules.c_str(), &st) == 0 && S_ISREG(st.st_mode)) inputs.push_back({"rules", rules});
  }
  return inputs;
}

std::optional<int> CheckOutputsAreNotInputs(const RunArgs& args,
                                            const std::vector<InputFile>& inputs) {
  const OutputFile outputs[] = {
      {"--out", &args.out}, {"--rejects", &args.rejects}, {"--dump-ir", &args.dump_ir}};
  std::vector<std::pair<const OutputFile*, FileIdentity>> seen;
  for (const OutputFile& out : outputs) {
    if (out.path->empty()) continue;
    std::optional<FileIdentity> id = IdentityOf(*out.path);
    if (!id) continue;  // an unusable directory is reported where the file is written
    for (const InputFile& in : inputs) {
      if (id->name.empty() && IdentityOf(in.path) == id) {
        return Refuse(fmt::format("{} '{}' is the same file as {} '{}'", out.option, *out.path,
                                  in.option, in.path));
      }
    }
    for (const auto& [other, other_id] : seen) {
      if (other_id == *id) {
        return Refuse(fmt::format("{} '{}' and {} '{}' are the same file", other->option,
                                  *other->path, out.option, *out.path));
      }
    }
    seen.emplace_back(&out, *id);
  }
  return std::nullopt;
}

}  // namespace segc::cli
