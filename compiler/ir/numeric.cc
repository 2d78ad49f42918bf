// Numeric helpers shared by the interpreter and the JIT runtime helpers.
#include "compiler/ir/numeric.h"

#include <cmath>

namespace segc::ir {

double RoundToDigits(double x, int64_t digits) {
  if (digits == 0) return std::round(x);
  if (digits > 308) return x;
  if (digits < -308) return 0.0 * x;  // keeps the sign of x
  const double scale = std::pow(10.0, static_cast<double>(digits > 0 ? digits : -digits));
  if (digits < 0) return std::round(x / scale) * scale;
  const double scaled = x * scale;
  // A value this large has no fractional digits left to round.
  return std::isfinite(scaled) ? std::round(scaled) / scale : x;
}

}  // namespace segc::ir
