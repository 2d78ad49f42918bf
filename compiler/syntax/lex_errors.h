// Diagnostics for the lexer's error tokens (E0001 E0002 E0004 E0005 E0006 E0009), with help.
#pragma once

#include <string_view>

#include "compiler/diag/diagnostic.h"
#include "compiler/syntax/token_kind.h"

namespace segc::syntax {

/// Describes one error token; `text` is the token's source text and `range` its location.
/// `word`: for a non-ASCII letter inside a name (`Clients_Fidèles`), the whole name around it,
/// which the help quotes in backquotes; else empty.
diag::Diagnostic DescribeLexError(Tok kind, std::string_view text, diag::SourceRange range,
                                  std::string_view word = {});

/// Whether the UTF-8 character `c` is a space other than ' ' and tab (non-breaking, thin...).
bool IsUnicodeSpace(std::string_view c);

}  // namespace segc::syntax
