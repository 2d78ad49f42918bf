// Runtime helpers called from JIT code; plain C ABI, no LLVM.
#include "compiler/codegen/runtime_helpers.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>

#include "compiler/ir/calendar.h"
#include "compiler/ir/numeric.h"
#include "compiler/ir/split_hash.h"

extern "C" {

double segc_rt_round_f64(double x, int64_t digits) { return segc::ir::RoundToDigits(x, digits); }

int64_t segc_rt_add_months(int32_t days, int64_t months) {
  std::optional<int32_t> result = segc::ir::AddMonths(days, months);
  return result ? *result : std::numeric_limits<int64_t>::max();
}

int64_t segc_rt_year(int32_t days) { return segc::ir::CivilFromDays(days).year; }
int64_t segc_rt_month(int32_t days) { return segc::ir::CivilFromDays(days).month; }
int64_t segc_rt_weekday(int32_t days) { return segc::ir::IsoWeekday(days); }
int64_t segc_rt_months_since(int32_t days, int32_t as_of) {
  return segc::ir::MonthsSince(days, as_of);
}
int64_t segc_rt_years_since(int32_t days, int32_t as_of) {
  return segc::ir::YearsSince(days, as_of);
}

int32_t segc_rt_in_sorted_i64(int64_t x, const int64_t* sorted, int64_t n) {
  return std::binary_search(sorted, sorted + n, x) ? 1 : 0;
}
int32_t segc_rt_in_sorted_f64(double x, const double* sorted, int64_t n) {
  const double* at = std::lower_bound(sorted, sorted + n, x);
  return at != sorted + n && *at == x ? 1 : 0;
}

int64_t segc_rt_split_bucket(int64_t key, const uint8_t* salt, int64_t n) {
  std::string_view text(reinterpret_cast<const char*>(salt), size_t(n));
  return segc::ir::SplitBucket(text, segc::ir::SplitKeyText(key));
}

}  // extern "C"

namespace segc::codegen {
namespace {

double Floor(double x) { return std::floor(x); }
double Ceil(double x) { return std::ceil(x); }
double Trunc(double x) { return std::trunc(x); }
double Round(double x) { return std::round(x); }
double Rint(double x) { return std::rint(x); }
double NearbyInt(double x) { return std::nearbyint(x); }
double Fmod(double x, double y) { return std::fmod(x, y); }
double Pow(double x, double y) { return std::pow(x, y); }
void* Memset(void* d, int c, size_t n) { return std::memset(d, c, n); }
void* Memcpy(void* d, const void* s, size_t n) { return std::memcpy(d, s, n); }
void* Memmove(void* d, const void* s, size_t n) { return std::memmove(d, s, n); }

void* Address(auto* fn) { return reinterpret_cast<void*>(fn); }

const RuntimeSymbol kSymbols[] = {
    {"segc_rt_round_f64", Address(&segc_rt_round_f64)},
    {"segc_rt_add_months", Address(&segc_rt_add_months)},
    {"segc_rt_year", Address(&segc_rt_year)},
    {"segc_rt_month", Address(&segc_rt_month)},
    {"segc_rt_weekday", Address(&segc_rt_weekday)},
    {"segc_rt_months_since", Address(&segc_rt_months_since)},
    {"segc_rt_years_since", Address(&segc_rt_years_since)},
    {"segc_rt_in_sorted_i64", Address(&segc_rt_in_sorted_i64)},
    {"segc_rt_in_sorted_f64", Address(&segc_rt_in_sorted_f64)},
    {"segc_rt_split_bucket", Address(&segc_rt_split_bucket)},
    {"floor", Address(&Floor)},
    {"ceil", Address(&Ceil)},
    {"trunc", Address(&Trunc)},
    {"round", Address(&Round)},
    {"rint", Address(&Rint)},
    {"nearbyint", Address(&NearbyInt)},
    {"fmod", Address(&Fmod)},
    {"pow", Address(&Pow)},
    {"memset", Address(&Memset)},
    {"memcpy", Address(&Memcpy)},
    {"memmove", Address(&Memmove)},
};

}  // namespace

std::span<const RuntimeSymbol> RuntimeSymbols() { return kSymbols; }

}  // namespace segc::codegen
