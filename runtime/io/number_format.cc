// Number formats by example (float columns): parsing the example and values written in it.
#include "runtime/io/number_format.h"

#include <fmt/format.h>

#include <array>

namespace segc::rt {
namespace {

// ' ', and the no-break, narrow no-break and thin spaces spreadsheets put between thousands.
constexpr std::array<std::string_view, 4> kSpaces = {" ", "\u00A0", "\u202F", "\u2009"};

// The length of the space character at the start of `s`, or 0.
size_t SpaceAt(std::string_view s) {
  for (std::string_view space : kSpaces) {
    if (s.substr(0, space.size()) == space) return space.size();
  }
  return 0;
}

std::string_view TrimSpaces(std::string_view s) {
  for (size_t n; (n = SpaceAt(s)) > 0;) s.remove_prefix(n);
  for (bool trimmed = true; trimmed && !s.empty();) {
    trimmed = false;
    for (std::string_view space : kSpaces) {
      if (s.size() >= space.size() && s.substr(s.size() - space.size()) == space) {
        s.remove_suffix(space.size());
        trimmed = true;
      }
    }
  }
  return s;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

Status BadExample(std::string_view example, const std::string& why) {
  return Status::InvalidArgument(fmt::format(
      "number format \"{}\": {}; write how 1234.56 appears, e.g. \"1 234,56 €\", \"1.234,56\", "
      "\"$1,234.56\" or \"12,5%\" (for 12.5%)",
      example, why));
}

}  // namespace

Result<NumberFormat> NumberFormat::FromExample(std::string_view example) {
  NumberFormat f;
  f.text_ = std::string(example);
  std::string_view s = TrimSpaces(example);
  size_t first = 0;
  while (first < s.size() && !IsDigit(s[first])) ++first;
  size_t last = s.size();
  while (last > first && !IsDigit(s[last - 1])) --last;
  if (first == s.size()) return BadExample(example, "it has no digits");
  f.prefix = std::string(TrimSpaces(s.substr(0, first)));
  f.suffix = std::string(TrimSpaces(s.substr(last)));
  f.percent = f.suffix == "%";
  if (f.percent) f.suffix.clear();
  std::string_view number = s.substr(first, last - first);
  // 12,5% is the percent example: 12.5 with the decimal mark; else 1234.56.
  std::string_view whole = f.percent ? "12" : "1";
  std::string_view rest = f.percent ? "" : "234";
  std::string_view fraction = f.percent ? "5" : "56";
  if (number.substr(0, whole.size()) != whole) return BadExample(example, "it does not start at 1");
  number.remove_prefix(whole.size());
  if (!rest.empty()) {
    size_t sep = number.find(rest);
    if (sep == std::string_view::npos) return BadExample(example, "it does not show 1234");
    std::string_view between = number.substr(0, sep);
    f.thousands =
        SpaceAt(between) == between.size() && !between.empty() ? " " : std::string(between);
    if (!f.thousands.empty() && f.thousands != " " && f.thousands != "." && f.thousands != "," &&
        f.thousands != "'") {
      return BadExample(example, fmt::format("'{}' cannot separate thousands", between));
    }
    number.remove_prefix(sep + rest.size());
  }
  if (number.size() != fraction.size() + 1 || number.substr(1) != fraction ||
      (number[0] != '.' && number[0] != ',')) {
    return BadExample(example, "its decimals must follow a '.' or ','");
  }
  f.decimal = number[0];
  if (f.decimal == f.thousands[0]) {
    return BadExample(example, "the same mark separates thousands and decimals");
  }
  return f;
}

FloatParse NumberFormat::Parse(std::string_view s, double* out) const {
  s = TrimSpaces(s);
  bool negative = !s.empty() && s[0] == '-';
  if (negative) s = TrimSpaces(s.substr(1));
  if (!prefix.empty() && s.substr(0, prefix.size()) == prefix)
    s = TrimSpaces(s.substr(prefix.size()));
  if (!suffix.empty() && s.size() >= suffix.size() &&
      s.substr(s.size() - suffix.size()) == suffix) {
    s = TrimSpaces(s.substr(0, s.size() - suffix.size()));
  }
  if (percent && !s.empty() && s.back() == '%') s = TrimSpaces(s.substr(0, s.size() - 1));
  // Thousands separators only before the decimal mark, between groups of three digits (so
  // "1,234.56" is not read as 1.23456 in a "1.234,56" column).
  std::string plain = negative ? "-" : "";
  bool decimals = false;
  int group = -1;  // digits since the last thousands separator; -1 before the first
  int lead = 0;    // digits before the first separator
  for (size_t i = 0; i < s.size();) {
    size_t space = thousands == " " ? SpaceAt(s.substr(i)) : 0;
    bool separator = space > 0 || (!thousands.empty() && thousands != " " && s[i] == thousands[0]);
    if (IsDigit(s[i])) {
      plain += s[i++];
      if (decimals) continue;
      if (group >= 0)
        ++group;
      else
        ++lead;
    } else if (separator && !decimals) {
      if (lead == 0 || lead > 3 || (group >= 0 && group != 3)) return FloatParse::kBad;
      group = 0;
      i += space > 0 ? space : 1;
    } else if (s[i] == decimal && !decimals) {
      if (group >= 0 && group != 3) return FloatParse::kBad;
      plain += '.';
      decimals = true;
      ++i;
    } else {
      return FloatParse::kBad;
    }
  }
  if (!decimals && group >= 0 && group != 3) return FloatParse::kBad;
  FloatParse r = ParseFloat64(plain, false, out);
  if (r == FloatParse::kOk && percent) *out /= 100;
  return r;
}

Status ValidateNumberFormat(std::string_view example) {
  return NumberFormat::FromExample(example).status();
}

}  // namespace segc::rt
