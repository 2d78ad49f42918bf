// Whole-file checks that run before lexing: size (E0013), NUL bytes (E0008), UTF-8 (E0007).
#pragma once

#include <cstddef>
#include <string_view>

#include "compiler/diag/diagnostic.h"

namespace segc::syntax {

/// Reports why `text` cannot be parsed at all; returns false if parsing must not go on.
/// Checks, in order: larger than `max_bytes` (E0013), contains NUL bytes (E0008),
/// not valid UTF-8 (E0007, at the first bad byte).
bool CheckSourceText(std::string_view text, diag::FileId file, size_t max_bytes,
                     diag::DiagnosticSink& sink);

/// Offset of the first byte that is not part of a well-formed UTF-8 sequence, or npos.
size_t FindInvalidUtf8(std::string_view text);

}  // namespace segc::syntax
