// The options of `segc run`, as parsed from the command line (cli/run.cc).
#pragma once

#include <string>
#include <vector>

namespace segc::cli {

/// The largest --threads (docs/cli.md): more threads than this only cost memory for stacks.
inline constexpr int kMaxThreads = 256;

/// Everything `segc run` was asked to do; defaults match docs/cli.md.
struct RunArgs {
  std::vector<std::string> rules;  ///< rule files or project directories (exactly one project)
  /// `--data FILE` (the customer table) and `--data NAME=FILE` (a table or event table by name);
  /// resolved against the rules' tables by LoadData.
  std::vector<std::string> data;
  std::string unknown_keys = "error";  ///< event rows whose key is not a customer: error|report
  std::string as_of;                   ///< YYYY-MM-DD; empty = the project's `as_of`, else today
  std::vector<std::string> params;     ///< NAME=VALUE overrides
  std::string out;                     ///< membership file (.csv or .jsonl); empty = none
  std::string format = "text";         ///< summary format: text or json
  int threads = 0;                     ///< 0 = all cores
  std::string engine = "jit";          ///< jit, interp or postgres
  std::string dsn;                     ///< --engine postgres: libpq connection URI
  /// --engine postgres: the tables' names in the database, "NAME" (the customer table) or
  /// "EVENTS=NAME" (default: the declared names).
  std::vector<std::string> tables;
  std::string cache_dir;           ///< JIT object cache; empty = none
  std::string opt_level = "auto";  ///< JIT level: auto or 0..3
  bool timings = false;            ///< print the time of each step on stderr
  bool overlaps = false;           ///< report the segments' pairwise overlaps
  bool histograms = false;         ///< each score's histogram in the JSON summary
  std::string dump_ir;             ///< file for the planned IR (and LLVM IR); empty = none
  bool strict_sizes = false;       ///< `expect size` violations are errors
  bool strict_columns = false;     ///< parse every declared column, not only the ones read
  bool decimal_comma = false;      ///< "12,5" is a number in float columns
  std::string encoding = "utf-8";  ///< the data files' text encoding (--encoding)
  std::string delimiter = "auto";  ///< --delimiter for every --data file: auto , ; | tab whitespace
  std::vector<std::string> null_tokens;  ///< extra field texts that mean null
  int max_errors = 20;                   ///< data errors shown in detail
  std::string rejects;                   ///< file receiving every rejected record
  std::vector<std::string> lib_dirs;     ///< --lib folders for `import`
  std::string color = "auto";            ///< colour of rule diagnostics
};

}  // namespace segc::cli
