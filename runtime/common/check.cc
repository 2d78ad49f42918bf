// Implementation of the internal-error channel declared in segc/check.h.
#include "segc/check.h"

#include <cstdio>
#include <cstdlib>

namespace segc::detail {

void InternalError(const char* file, int line, const char* what) {
  std::fprintf(stderr,
               "segc: internal error: %s (%s:%d)\n"
               "  this is a bug in segc; please report it with the rule files that caused it\n",
               what, file, line);
  std::fflush(stderr);
  std::_Exit(4);
}

}  // namespace segc::detail
