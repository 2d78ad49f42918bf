// Runtime helpers that generated kernels call, and the explicit symbol table the JIT links them by.
#pragma once

#include <cstdint>
#include <span>

extern "C" {
/// round(x, digits) on a float, half away from zero: digits == 0 → std::round(x); digits > 308
/// → x; digits < -308 → 0.0 * x; digits < 0 → round(x / 10^-d) * 10^-d; digits > 0 →
/// round(x * 10^d) / 10^d, or x itself when x * 10^d is not finite. 10^k is std::pow(10.0, k).
/// (An infinite result, possible for digits < 0, becomes null + overflow in the kernel.)
double segc_rt_round_f64(double x, int64_t digits);
/// ir::AddMonths (calendar months, day clamped to the month's end) with the result in int64:
/// INT64_MAX when it does not fit a date, so the caller's int32 range check makes it null and
/// counts the overflow.
int64_t segc_rt_add_months(int32_t days, int64_t months);
/// ir::CivilFromDays year / month (1..12) and ir::IsoWeekday (1 = Monday .. 7 = Sunday).
int64_t segc_rt_year(int32_t days);
int64_t segc_rt_month(int32_t days);
int64_t segc_rt_weekday(int32_t days);
/// ir::MonthsSince / ir::YearsSince (whole calendar months / years from `days` to `as_of`,
/// negative and truncated toward zero when `days` is later): months_since, years_since and age.
int64_t segc_rt_months_since(int32_t days, int32_t as_of);
int64_t segc_rt_years_since(int32_t days, int32_t as_of);
/// Whether x is among the n values of `sorted` (ascending, no duplicates): the membership test
/// of a long `in` list. Floats compare with ==, so -0.0 finds 0.0 and nothing finds NaN.
int32_t segc_rt_in_sorted_i64(int64_t x, const int64_t* sorted, int64_t n);
int32_t segc_rt_in_sorted_f64(double x, const double* sorted, int64_t n);
/// ir::SplitBucket(salt, ir::SplitKeyText(key)) with the salt's `n` bytes at `salt`: the bucket
/// (0..9999) of an int key in a split.
int64_t segc_rt_split_bucket(int64_t key, const uint8_t* salt, int64_t n);
}

namespace segc::codegen {

/// A name the JIT resolves and the address it resolves to.
struct RuntimeSymbol {
  const char* name;
  void* address;
};

/// Every symbol generated code may reference: the segc_rt_ helpers above plus the C library
/// functions LLVM itself may emit calls to (memset, memcpy, libm rounding). Nothing else links.
std::span<const RuntimeSymbol> RuntimeSymbols();

}  // namespace segc::codegen
