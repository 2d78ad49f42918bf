// RE2 validation of `matches` patterns. The checker uses it for literal patterns and param
// defaults, the lowering for param values given with --param, so both accept exactly the
// patterns the runtime (RE2 too) can run.
#pragma once

#include <optional>
#include <string>

namespace segc::sema {

/// RE2's reason (e.g. "missing ): (a") when `pattern` does not compile with the options the
/// runtime uses; nullopt when it does.
std::optional<std::string> RegexError(const std::string& pattern);

}  // namespace segc::sema
