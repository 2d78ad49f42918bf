// Hand-written number/bool parsing, UTF-8 validation and escaping for error messages.
#include "runtime/io/value_parse.h"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>

#include "segc/schema.h"

namespace segc::rt {

FloatParse ParseFloat64(std::string_view s, bool decimal_comma, double* out) {
  if (!decimal_comma && ParseSimpleDecimal(s, out)) return FloatParse::kOk;
  char buf[64];
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty() || s.front() == '+') return FloatParse::kBad;
  if (decimal_comma && s.find(',') != std::string_view::npos) {
    if (s.size() >= sizeof(buf) || s.find('.') != std::string_view::npos) return FloatParse::kBad;
    std::memcpy(buf, s.data(), s.size());
    for (size_t i = 0; i < s.size(); ++i) buf[i] = buf[i] == ',' ? '.' : buf[i];
    s = std::string_view(buf, s.size());
  }
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  if (ec == std::errc::result_out_of_range) {
    // Overflow is non-finite; underflow (tiny values) rounds to zero like strtod.
    bool tiny = s.find_first_of("eE") != std::string_view::npos &&
                s.find('-', s.find_first_of("eE")) != std::string_view::npos;
    if (!tiny) return FloatParse::kNonFinite;
    *out = 0.0;
    return ptr == s.data() + s.size() ? FloatParse::kOk : FloatParse::kBad;
  }
  if (ec != std::errc() || ptr != s.data() + s.size()) return FloatParse::kBad;
  return std::isfinite(*out) ? FloatParse::kOk : FloatParse::kNonFinite;
}

namespace {
bool EqualsLower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}
}  // namespace

namespace {
bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}
}  // namespace

bool ParseDeclaredBool(std::string_view s, const std::pair<std::string, std::string>& tokens,
                       bool* out) {
  if (tokens.first.empty()) return false;
  if (EqualsIgnoringCase(s, tokens.first)) return *out = true;
  if (EqualsIgnoringCase(s, tokens.second)) return !(*out = false);
  return false;
}

Status ValidateBoolTokens(std::string_view tokens) {
  size_t slash = tokens.find('/');
  auto bad = [&](const char* why) {
    return Status::InvalidArgument(
        fmt::format("boolean texts \"{}\": {}; write the true text, '/', then the false text, "
                    "e.g. \"O/N\" or \"X/-\"",
                    tokens, why));
  };
  if (slash == std::string_view::npos || tokens.find('/', slash + 1) != std::string_view::npos) {
    return bad("expected exactly one '/'");
  }
  std::string_view yes = tokens.substr(0, slash), no = tokens.substr(slash + 1);
  if (yes.empty() || no.empty()) return bad("a text is empty");
  if (yes.front() == ' ' || yes.back() == ' ' || no.front() == ' ' || no.back() == ' ') {
    return bad("a text starts or ends with a space");
  }
  if (EqualsIgnoringCase(yes, no)) return bad("true and false are the same text");
  return Status::Ok();
}

// French exports (Excel, CRMs) write booleans as VRAI/FAUX or Oui/Non: read them everywhere,
// since no other column type could mean them.
bool ParseBool(std::string_view s, bool* out) {
  if (EqualsLower(s, "true") || EqualsLower(s, "1") || EqualsLower(s, "yes") ||
      EqualsLower(s, "vrai") || EqualsLower(s, "oui")) {
    *out = true;
    return true;
  }
  if (EqualsLower(s, "false") || EqualsLower(s, "0") || EqualsLower(s, "no") ||
      EqualsLower(s, "faux") || EqualsLower(s, "non")) {
    *out = false;
    return true;
  }
  return false;
}

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = unsigned(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + int64_t(doe) - 719468;
}

void CivilFromDays(int64_t z, int64_t* y, unsigned* m, unsigned* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = unsigned(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = int64_t(yoe) + era * 400 + (*m <= 2);
}

std::string FormatIsoDate(int32_t days) {
  int64_t y;
  unsigned m, d;
  CivilFromDays(days, &y, &m, &d);
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    // ASCII fast path, 8 bytes at a time.
    while (end - p >= 8) {
      uint64_t word;
      std::memcpy(&word, p, 8);
      if (word & 0x8080808080808080ull) break;
      p += 8;
    }
    if (p == end) break;
    unsigned c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    int extra;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF)
      extra = 1, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
      extra = 2, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
      extra = 3, min = 0x10000;
    else
      return false;
    if (end - p <= extra) return false;
    unsigned cp = c & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
      if ((p[k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    p += extra + 1;
  }
  return true;
}

namespace {
// Length of the valid UTF-8 sequence at s[i], or 0 if invalid.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  unsigned c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (i + n > s.size() || !IsValidUtf8(s.substr(i, n))) return 0;
  return n;
}
}  // namespace

std::string EscapeForMessage(std::string_view s) {
  constexpr size_t kMax = 40;
  std::string out;
  size_t i = 0;
  while (i < s.size() && i < kMax) {
    unsigned char c = s[i];
    size_t n = c >= 0x80 ? Utf8SequenceLength(s, i) : 1;
    if (c == '\t')
      out += "\\t";
    else if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if (c == 0)
      out += "\\0";
    else if (c < 0x20 || c == 0x7F || n == 0)
      out += fmt::format("\\x{:02x}", c);
    else
      out.append(s.substr(i, n));
    i += n == 0 ? 1 : n;
  }
  if (i < s.size()) out += "...";
  return out;
}

}  // namespace segc::rt
