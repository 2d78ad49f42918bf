// The text and JSON reports of `segc profile` (profile.cc gathers, this file prints).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "segc/profile.h"

namespace segc::cli {

/// One profiled file and where its types and key came from.
struct FileProfile {
  std::string path;                  ///< as given on the command line
  std::string table;                 ///< the declared table or events name, else the inferred one
  bool events = false;               ///< an `events` table of the rules
  std::string rules;                 ///< --schema as given; empty when every type is inferred
  int64_t sample = 0;                ///< records the inference examined
  int top = 5;                       ///< --top: 0 leaves the top values out of the text report
  bool encoding_guessed = false;     ///< not UTF-8 and no --encoding: read as windows-1252
  std::string key_source;            ///< "rules", "--key", "inferred", or empty (no key)
  std::vector<bool> declared;        ///< per column of data.columns: its type is the rules'
  std::vector<std::string> missing;  ///< declared columns the file lacks
  rt::DataProfile data;
};

/// The aligned terminal report, headings in the message language (cli/lang.h).
std::string ProfileText(const std::vector<FileProfile>& files);

/// One JSON object {"files": [...]}, field names as docs/cli.md lists them; pretty-printed.
std::string ProfileJson(const std::vector<FileProfile>& files);

/// How a column's type is declared: "int", "date(\"%Y%m%d\")", "float(\"1 234,56 €\")",
/// "bool(\"O/N\")", "enum".
std::string TypeText(const rt::ColumnSpec& spec);

}  // namespace segc::cli
