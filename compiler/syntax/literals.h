// Decoding of literal token text into values: strings, numbers, dates, durations, percentiles.
// Pure functions with no ANTLR types; errors carry a code and a sub-range of the token.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostic.h"

namespace segc::syntax {

/// A problem inside one literal token: `offset`/`length` are relative to the token text.
struct LiteralError {
  diag::Code code;
  uint32_t offset = 0;
  uint32_t length = 0;
  std::string message;
  std::string help;
};

/// A decoded value, or the first problem found (the value is still usable as a fallback).
template <class T>
struct Decoded {
  T value{};
  std::optional<LiteralError> error;
};

/// `"a\"b"` or `'a'` with its quotes → decoded text; unknown escapes give E0003.
Decoded<std::string> DecodeString(std::string_view token);
/// `1_000` → 1000; E0004 for misplaced `_` or a value beyond int64.
Decoded<int64_t> DecodeInt(std::string_view token);
/// `12.5` (underscores allowed in the digit groups) → 12.5.
Decoded<double> DecodeFloat(std::string_view token);
/// `30%` → 0.30.
Decoded<double> DecodePercent(std::string_view token);
/// `2026-11-01` → days since 1970-01-01; E0005 for impossible calendar dates.
Decoded<int32_t> DecodeDate(std::string_view token);
/// `90d`, `2w`, `6mo`, `1y`.
Decoded<ast::DurationLit> DecodeDuration(std::string_view token);
/// `90 days`, `1 year` (the pre-pass merged number and unit word into one token).
Decoded<ast::DurationLit> DecodeLongDuration(std::string_view token);
/// `p90` → 90, `p99.5` → 99.5; E0015 above 100.
Decoded<double> DecodePercentile(std::string_view token);

/// The unit of a long-form word (`day`, `days`, ... `years`), if it is one.
std::optional<ast::DurationUnit> UnitFromWord(std::string_view word);
/// Days since 1970-01-01 of a proleptic Gregorian date (no validation).
int32_t DaysFromCivil(int year, unsigned month, unsigned day);
/// Number of days in `month` of `year`.
unsigned DaysInMonth(int year, unsigned month);

}  // namespace segc::syntax
