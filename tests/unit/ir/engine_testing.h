// Test helpers shared by the IR, plan and interp tests: real source text → checked → lowered.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "compiler/api/pipeline.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/ir/ir.h"
#include "compiler/sema/check.h"
#include "segc/result.h"

namespace segc::testing {

/// The schema the engine tests use (schema.seg).
extern const char* const kEngineSchema;

/// A checked project with the sources it refers to.
struct Compiled {
  diag::SourceManager sources;
  diag::DiagnosticSink sink;
  std::unique_ptr<sema::CheckedProject> project;
  /// Every diagnostic as "E0101: message" (for failure messages).
  std::string Dump() const;
};

/// Parses and checks `rules` (rules.seg) with `schema` (schema.seg); test-fails on errors.
std::unique_ptr<Compiled> Compile(const std::string& rules,
                                  const std::string& schema = kEngineSchema);

/// 2026-11-01 as days since 1970-01-01.
inline constexpr int32_t kAsOf = 20758;

/// Compiles and lowers `rules`; test-fails on diagnostics.
Result<ir::Program> LowerRules(const std::string& rules,
                               const std::map<std::string, std::string>& params = {},
                               const std::string& schema = kEngineSchema);

/// Compiles `rules` through the pipeline (compiler/api) for `engine` (JIT at level 2 by default).
api::CompileResult CompileRules(const std::string& rules,
                                driver::Engine engine = driver::Engine::kJit,
                                const std::map<std::string, std::string>& params = {});

/// Runs a compiled program at kAsOf on `threads` threads.
Result<rt::RunResult> RunCompiled(const api::CompiledProgram& program, const rt::Table& table,
                                  int threads = 1, int64_t morsel_rows = 65536);

/// The printed IR of `rules` (or "error: message").
std::string LoweredText(const std::string& rules,
                        const std::map<std::string, std::string>& params = {});

}  // namespace segc::testing
