// RE2 validation of `matches` patterns (see regex.h).
#include "compiler/sema/regex.h"

#include <re2/re2.h>

namespace segc::sema {

std::optional<std::string> RegexError(const std::string& pattern) {
  RE2::Options options;
  options.set_log_errors(false);
  RE2 compiled(pattern, options);
  if (compiled.ok()) return std::nullopt;
  return compiled.error();
}

}  // namespace segc::sema
