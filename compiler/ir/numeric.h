// Numeric helpers whose exact results every backend must share (interpreter and JIT alike).
#pragma once

#include <cstdint>

namespace segc::ir {

/// `round(x, digits)`: half away from zero at 10^-digits. A value too large to have fractional
/// digits at that scale is returned unchanged; digits beyond ±308 saturate.
double RoundToDigits(double x, int64_t digits);

}  // namespace segc::ir
