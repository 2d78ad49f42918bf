// Rule test files (`*.segtest`, docs/testing.md "Rule tests"): what they say, as parsed.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace segc::cli {

/// A 1-based place in a test file.
struct TestPlace {
  int line = 0;
  int column = 0;
};

/// Rows for one table: inline CSV or whitespace-aligned lines (header first), or a file.
struct Fixture {
  std::string table;    ///< empty: the project's customer table
  std::string path;     ///< `from "PATH"`, resolved against the test file's directory; else empty
  bool sample = false;  ///< `sample`: a full data file, not counted for coverage
  std::vector<std::string> lines;  ///< inline: header then rows, without their indentation
  std::vector<TestPlace> starts;   ///< where each of `lines` starts in the test file
  TestPlace at;
};

/// What an expectation compares: `OP NUMBER`, `between A and B`, `== "LABEL"`, `is [not] null`.
struct Comparison {
  std::string op;  ///< == != < <= > >= between is_null is_not_null
  double low = 0, high = 0;
  bool low_percent = false, high_percent = false;  ///< counts: a share of the rows
  std::optional<std::string> label;                ///< `== "gold"` on a class
};

enum class ExpectKind {
  kMember,     ///< expect KEY in SEGMENT
  kNotMember,  ///< expect KEY not in SEGMENT
  kMembers,    ///< expect SEGMENT == {KEY, ...}
  kCount,      ///< expect count SEGMENT OP N | expect count CLASS["LABEL"] OP N
  kValue,      ///< expect SCORE[KEY] OP NUMBER | expect CLASS[KEY] == "LABEL" | ... is null
  kSizes,      ///< expect sizes: every `expect size` of the project holds
};

struct Expectation {
  ExpectKind kind = ExpectKind::kSizes;
  std::string name;                  ///< segment, score or classify
  std::string key;                   ///< kMember, kNotMember, kValue
  std::vector<std::string> keys;     ///< kMembers
  std::optional<std::string> label;  ///< kCount of a class label
  Comparison compare;
  std::string text;  ///< the expectation as written (after `expect `), for messages
  TestPlace at;
};

struct TestCase {
  std::string name;
  std::optional<std::string> as_of;
  std::vector<std::pair<std::string, std::string>> params;
  std::vector<Fixture> fixtures;  ///< replace the file's fixtures of the same table
  std::vector<Expectation> expects;
  TestPlace at;
};

struct TestFile {
  std::string path;
  std::string rules;  ///< the project, resolved against the file's directory
  std::vector<std::string> lib_dirs;
  std::optional<std::string> as_of;
  std::vector<std::pair<std::string, std::string>> params;
  std::vector<Fixture> fixtures;
  std::vector<TestCase> tests;
};

/// A mistake in a test file: "PATH:LINE:COL: error: MESSAGE" plus an optional hint.
struct TestFileError {
  TestPlace at;
  std::string message;
  std::string hint;
};

/// Parses `text` (the contents of `path`). Returns the file, or the errors (all of them, in
/// line order) when it is malformed.
std::optional<TestFile> ParseTestFile(const std::string& path, const std::string& text,
                                      std::vector<TestFileError>& errors);

/// "PATH:LINE:COL: error: MESSAGE" (and "  hint: ..."), newline-terminated.
std::string FormatTestFileError(const std::string& path, const TestFileError& error);

}  // namespace segc::cli
