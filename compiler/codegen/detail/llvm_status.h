// Conversion of llvm::Error / llvm::Expected into segc::Status at the codegen boundary.
#pragma once

#include <string>
#include <utility>

#include "compiler/codegen/llvm_includes.h"
#include "segc/result.h"

namespace segc::codegen::detail {

/// Consumes `err` and returns Ok or an internal Status "jit: <what>: <llvm message>".
inline Status ToStatus(llvm::Error err, const std::string& what) {
  if (!err) return Status::Ok();
  return Status::Internal("jit: " + what + ": " + llvm::toString(std::move(err)));
}

/// Unwraps `expected` into a Result, converting its error like ToStatus.
template <typename T>
Result<T> ToResult(llvm::Expected<T> expected, const std::string& what) {
  if (!expected) return ToStatus(expected.takeError(), what);
  return std::move(*expected);
}

}  // namespace segc::codegen::detail
