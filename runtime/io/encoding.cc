// Single-byte encodings (Windows-1252, ISO-8859-1, ISO-8859-15) to UTF-8.
#include "segc/encoding.h"

#include <cctype>
#include <cstdint>

namespace segc::rt {
namespace {

// Windows-1252's 0x80..0x9F; 0 where it defines no character (then the byte's own number).
constexpr uint16_t kWindows1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

uint32_t CodePoint(unsigned char byte, TextEncoding encoding) {
  if (encoding == TextEncoding::kWindows1252 && byte >= 0x80 && byte <= 0x9F) {
    uint16_t mapped = kWindows1252High[byte - 0x80];
    return mapped != 0 ? mapped : byte;
  }
  if (encoding == TextEncoding::kLatin9) {
    switch (byte) {
      case 0xA4:
        return 0x20AC;
      case 0xA6:
        return 0x0160;
      case 0xA8:
        return 0x0161;
      case 0xB4:
        return 0x017D;
      case 0xB8:
        return 0x017E;
      case 0xBC:
        return 0x0152;
      case 0xBD:
        return 0x0153;
      case 0xBE:
        return 0x0178;
      default:
        break;
    }
  }
  return byte;
}

void AppendUtf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | cp >> 6);
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xE0 | cp >> 12);
    out += char(0x80 | (cp >> 6 & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

std::string Lower(std::string_view s) {
  std::string out;
  for (char c : s) out += char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::optional<TextEncoding> ParseEncodingName(std::string_view name) {
  const std::string n = Lower(name);
  if (n == "utf-8" || n == "utf8") return TextEncoding::kUtf8;
  if (n == "windows-1252" || n == "cp1252") return TextEncoding::kWindows1252;
  if (n == "iso-8859-1" || n == "latin1") return TextEncoding::kLatin1;
  if (n == "iso-8859-15" || n == "latin9") return TextEncoding::kLatin9;
  return std::nullopt;
}

const char* EncodingName(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kWindows1252:
      return "windows-1252";
    case TextEncoding::kLatin1:
      return "iso-8859-1";
    case TextEncoding::kLatin9:
      return "iso-8859-15";
    default:
      return "utf-8";
  }
}

std::string ToUtf8(std::string_view bytes, TextEncoding encoding) {
  if (encoding == TextEncoding::kUtf8) return std::string(bytes);
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      out += c;
    } else {
      AppendUtf8(CodePoint(byte, encoding), out);
    }
  }
  return out;
}

}  // namespace segc::rt
