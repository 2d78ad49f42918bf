// Lowering: a checked project (AST + sema side tables) → one IR program with sema's desugaring.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "compiler/ir/ir.h"
#include "compiler/sema/checked_project.h"
#include "segc/result.h"

namespace segc::ir {

/// What lowering needs beyond the checked project.
struct LowerOptions {
  /// `--param NAME=VALUE` overrides: qualified param name ("vip_window", "rfm.window") → literal
  /// text as it would be written in a rule file ("60d", "0.3", "30%", "\"FR\"", "2026-01-01").
  std::map<std::string, std::string> params;
};

/// The value of param run input `input` written as a rule-file literal ("7", "0.3", "30%",
/// "true", "2026-01-31"), checked against its type (an int is accepted for a float);
/// kInvalidArgument otherwise.
Result<Payload> RunInputValue(const RunInput& input, const std::string& text);

/// Lowers every segment, score and classify of every instance (the project and its imports) in
/// dependency order. Lets are inlined, module inputs substituted by their bindings, segment
/// references become kIsTrue, and common subexpressions are shared. Fails with kInvalidArgument
/// for a bad or unknown param override, and with kInternal when the project still has errors.
Result<Program> Lower(const sema::CheckedProject& project, const LowerOptions& options);

}  // namespace segc::ir
