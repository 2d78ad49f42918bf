// Finding the files a subcommand works on in the directories it is given (fmt, test).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace segc::cli {

/// The regular files under `dir` (recursively) whose name ends in `extension` (".seg"),
/// sorted, so output never depends on the directory order.
std::vector<std::string> FilesUnder(const std::string& dir, std::string_view extension);

}  // namespace segc::cli
