// SEGC_CHECK / SEGC_UNREACHABLE: the channel for our own bugs. They print "internal error" with
// the location and a bug-report hint, then exit with code 4 (LANGUAGE.md §8).
#pragma once

namespace segc::detail {
[[noreturn]] void InternalError(const char* file, int line, const char* what);
}  // namespace segc::detail

#define SEGC_CHECK(cond) \
  ((cond) ? (void)0 : ::segc::detail::InternalError(__FILE__, __LINE__, "check failed: " #cond))
#define SEGC_UNREACHABLE() \
  ::segc::detail::InternalError(__FILE__, __LINE__, "unreachable code reached")
