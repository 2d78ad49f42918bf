// The C ABI's handle types and error plumbing (compiler/capi only).
#pragma once

#include <cstdint>
#include <exception>
#include <map>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "segc/executor.h"
#include "segc/result.h"
#include "segc/segc.h"
#include "segc/segc.hpp"
#include "segc/table.h"

/// Rule files (on disk or in memory, not both), library directories and in-memory modules;
/// turned into a segc::ProjectSource by segc_program_compile.
struct segc_source {
  std::vector<std::string> paths;
  std::vector<segc::SourceText> texts;
  std::vector<std::string> library_dirs;
  std::map<std::string, std::string> modules;
};

struct segc_compile_options {
  segc::CompileOptions options;
};

struct segc_run_options {
  segc::RunInputs inputs;
};

struct segc_program {
  segc::Program program;
};

/// Diagnostics of one compile, with their texts joined once for segc_diagnostics_rendered.
struct segc_diagnostics {
  std::vector<segc::Diagnostic> list;
  int64_t errors = 0;
  std::string rendered;
};

/// Columns added so far, as one immutable table (rebuilt by every add: tables are small lists).
struct segc_table {
  segc::rt::Table table;
};

/// The outputs of one run.
struct segc_result {
  segc::rt::RunResult run;
};

namespace segc::capi {

/// Records `status` and `message` as the calling thread's last error and returns `status`.
/// Never throws (without memory for the message, only the code is kept).
segc_status Fail(segc_status status, std::string_view message) noexcept;
/// SEGC_OK. Success leaves the last error as it was (errno semantics), so a caller can still
/// read it after, say, freeing what a failed call used.
segc_status Ok() noexcept;
/// Fail(SEGC_ERR_NULL_ARGUMENT) naming the argument.
segc_status NullArgument(std::string_view name) noexcept;
/// Fail(SEGC_ERR_OUT_OF_RANGE) unless 0 <= index < size; else SEGC_OK (not recorded).
segc_status CheckIndex(int64_t index, size_t size, std::string_view what) noexcept;
/// Records a failed Status under `code` (its message kept).
segc_status FailStatus(segc_status code, const Status& status) noexcept;

/// Runs `body` (which returns a segc_status); an exception escaping it becomes
/// SEGC_ERR_INTERNAL, so none crosses the C ABI.
template <typename Body>
segc_status Guard(Body&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return Fail(SEGC_ERR_INTERNAL, "out of memory");
  } catch (const std::exception& e) {
    return Fail(SEGC_ERR_INTERNAL, e.what());
  } catch (...) {
    return Fail(SEGC_ERR_INTERNAL, "unknown exception");
  }
}

/// A new result handle owning `run` (for segc_program_run and tests).
segc_result* NewResult(rt::RunResult run);

/// The runtime column type of a C type code, or nullopt.
std::optional<rt::ColumnType> ColumnTypeOf(int32_t type) noexcept;
/// The C type code of a runtime column type.
int32_t TypeCodeOf(rt::ColumnType type) noexcept;

}  // namespace segc::capi
