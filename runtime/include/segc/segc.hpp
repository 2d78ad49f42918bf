// segc.hpp — the C++ embedding API: compile a rule project once, run it on many tables.
//
//   segc::ProjectSource source = segc::ProjectSource::FromPaths({"rules"});
//   std::vector<segc::Diagnostic> diagnostics;
//   segc::Result<segc::Program> program = segc::Program::Compile(source, {}, &diagnostics);
//   if (!program.ok()) { /* diagnostics say why */ }
//   segc::Result<segc::rt::RunResult> result = program->Run(table, {.as_of = days});
//
// Lifecycle, threading, ownership and versioning: docs/embedding.md. The C ABI over this API is
// segc/segc.h; Arrow arrays come in and go out through segc/arrow.h.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "segc/executor.h"
#include "segc/result.h"
#include "segc/schema.h"
#include "segc/table.h"

namespace segc {

/// Version of this API (and of the C ABI in segc/segc.h). Incremented on every incompatible
/// change; additions that keep old callers working do not change it.
inline constexpr int kApiVersion = 1;

/// One rule or module file given as text. `path` is what diagnostics show; for a project made of
/// texts it also names the project ("rules/vip.seg" and "rules/schema.seg" form project "rules").
struct SourceText {
  std::string path;
  std::string text;
};

/// Where a project's rule files and its imported modules come from. The compiler never opens a
/// file itself: FromPaths reads the files when Compile is called, FromTexts never touches disk.
/// Modules named by `import NAME` are looked up in the in-memory modules first, then in the
/// library directories in the order added, then in the standard library.
class ProjectSource {
 public:
  /// Rule files on disk: one project directory, or .seg files of one directory (plus the
  /// `schema.seg` beside them), as `segc run` takes them.
  static ProjectSource FromPaths(std::vector<std::string> paths);
  /// Rule files in memory; they form one project.
  static ProjectSource FromTexts(std::vector<SourceText> files);

  /// Adds a directory searched for `import NAME` (NAME.seg), like `segc run --lib DIR`.
  ProjectSource& AddLibraryDir(std::string dir);
  /// Adds an in-memory module: `import name` reads `text`.
  ProjectSource& AddModule(std::string name, std::string text);

  const std::vector<std::string>& paths() const { return paths_; }
  const std::vector<SourceText>& texts() const { return texts_; }
  const std::vector<std::string>& library_dirs() const { return library_dirs_; }
  const std::map<std::string, std::string>& modules() const { return modules_; }

 private:
  std::vector<std::string> paths_;
  std::vector<SourceText> texts_;
  std::vector<std::string> library_dirs_;
  std::map<std::string, std::string> modules_;
};

enum class Severity : uint8_t { kError, kWarning, kNote };

/// A problem found in the rules, as a value. Lines and columns are 1-based (0 when the problem
/// has no place in a file, e.g. a file that cannot be read).
struct Diagnostic {
  std::string code;  ///< stable code, e.g. "E0203" (docs/errors/E0203.md)
  Severity severity = Severity::kError;
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;
  std::string help;      ///< a suggestion, or empty
  std::string rendered;  ///< the full text form `segc check` prints (source line and caret)
};

/// Which backend produces the kernels. Both give bit-identical results; the interpreter is the
/// reference. There is never a fallback from one to the other.
enum class Engine : uint8_t { kJit, kInterpreter };

/// How to compile.
struct CompileOptions {
  Engine engine = Engine::kJit;
  /// JIT optimization level 0..3, or -1: 2 (vectorized; best for large tables).
  int opt_level = -1;
  /// Threads compiling the JIT's units in parallel (>= 1).
  int compile_threads = 1;
  /// Directory of the JIT object cache; empty = no cache. Entries do not depend on as_of or on
  /// param values given at run time.
  std::string cache_dir;
  /// Values of params the compiler needs as constants (ntile's tile count, percentile's
  /// quantile, round's digits, matches' pattern), as rule-file literals ("4", "0.9", "\"^a\"").
  /// Other params are run inputs (RunInputs::params); a param given here and used only as a run
  /// input is accepted and becomes that param's default for runs.
  std::map<std::string, std::string> params;
};

/// The inputs of one run: what may change between runs of one compiled program.
struct RunInputs {
  /// Evaluation date in days since 1970-01-01 (see ParseDate). Unset: the rules' `as_of`, or
  /// today (UTC) when the rules have none.
  std::optional<int32_t> as_of;
  /// `param` overrides, name → rule-file literal ("60d", "0.3", "30%", "\"FR\"", "2026-01-01"),
  /// as `segc run --param` takes them. Qualified names for module params ("rfm.window").
  std::map<std::string, std::string> params;
  /// Executor threads; <= 0: all cores. Results do not depend on it.
  int threads = 1;
};

/// What a program outputs, in the order of RunResult's vectors.
struct OutputNames {
  std::vector<std::string> segments;
  std::vector<std::string> scores;
  std::vector<std::string> classes;
  std::vector<std::string> measures;  ///< RunResult::measures and measure_summary order
};

/// A compiled rule project. Immutable: one Program may be run by many threads at once, on
/// different tables and with different run inputs. Cheap to copy (copies share the code).
class Program {
 public:
  /// Loads, checks and compiles the project of `source`. Every diagnostic (errors and warnings)
  /// is appended to `diagnostics` when given. Fails with kInvalidArgument when the rules have
  /// errors (the message counts them), when the source names no project or several, or for a
  /// bad CompileOptions::params value; kIoError when a rule file cannot be read is reported as a
  /// diagnostic (E0901) and also fails with kInvalidArgument; kInternal when the JIT fails.
  static Result<Program> Compile(const ProjectSource& source, const CompileOptions& options = {},
                                 std::vector<Diagnostic>* diagnostics = nullptr);

  /// Runs the program over `table`, whose columns are matched by name to the declared table
  /// (extra columns are ignored; columns the rules never read may be absent). The table's
  /// buffers are read in place, never copied. Fails with kDataError when a column the rules
  /// read is missing or has another type, kInvalidArgument for a bad run input (unknown param,
  /// a value of the wrong type, a param the program was compiled with a constant for given
  /// another value).
  Result<rt::RunResult> Run(const rt::Table& table, const RunInputs& inputs = {}) const;

  /// The table the rules declare (names, types, key).
  const rt::Schema& schema() const;
  /// The names of the outputs, in RunResult order.
  const OutputNames& outputs() const;
  /// The rules' `as_of` in days since 1970-01-01, if they declare one.
  std::optional<int32_t> declared_as_of() const;

  struct Impl;
  explicit Program(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

 private:
  std::shared_ptr<const Impl> impl_;
};

/// Days since 1970-01-01 of an ISO date "YYYY-MM-DD"; kInvalidArgument otherwise.
Result<int32_t> ParseDate(std::string_view text);
/// The ISO text of a date in days since 1970-01-01.
std::string FormatDate(int32_t days);

}  // namespace segc
