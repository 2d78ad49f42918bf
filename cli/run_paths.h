// `segc run` never writes over its own inputs: the output paths (--out, --rejects, --dump-ir)
// are compared with the data files and the rule files by device and inode before anything is
// written (docs/cli.md, "Guarantees").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/run_args.h"

namespace segc::cli {

/// A file `segc run` reads: what the option calls it ("--data") and its path.
struct InputFile {
  std::string option;
  std::string path;
};

/// The inputs named on the command line: each --data value (for NAME=FILE both the whole text
/// and FILE, since which one is meant is only known after the rules are read) and each rule
/// path that is a file.
std::vector<InputFile> CommandLineInputs(const RunArgs& args);

/// Refuses (usage error, exit 2) an output that is the same file as an
/// input (same device and inode, so symlinks and hard links are seen through), and two outputs
/// that name one file. Paths that do not exist yet are compared through their directory.
std::optional<int> CheckOutputsAreNotInputs(const RunArgs& args,
                                            const std::vector<InputFile>& inputs);

}  // namespace segc::cli
