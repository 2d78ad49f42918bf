// Number formats of float columns, given by example: `float("1 234,56 €")`, `float("12,5%")`.
#pragma once

#include <string>
#include <string_view>

#include "runtime/io/value_parse.h"
#include "segc/result.h"

namespace segc::rt {

/// How a float column writes its numbers, learnt from how it writes 1234.56: the thousands
/// separator (none, ' ' and the other spaces, '.', ',' or '\''), the decimal mark ('.' or ','),
/// a currency or unit text before or after the number (dropped), and '%' (the value is divided
/// by 100, as `60%` in rules means 0.6).
class NumberFormat {
 public:
  /// The empty format: plain numbers, read by ParseFloat64.
  NumberFormat() = default;
  /// kInvalidArgument when `example` is not 1234.56 written with separators and symbols.
  static Result<NumberFormat> FromExample(std::string_view example);

  bool empty() const { return text_.empty(); }
  const std::string& text() const { return text_; }
  /// Parses `s` written in this format (the symbols are optional, thousands separators are
  /// optional but must be the format's); kBad when it is not.
  FloatParse Parse(std::string_view s, double* out) const;

 private:
  std::string text_;
  std::string thousands;  ///< empty: none; " " stands for every space character
  char decimal = '.';
  std::string prefix, suffix;  ///< texts around the number, without spaces
  bool percent = false;
};

}  // namespace segc::rt
