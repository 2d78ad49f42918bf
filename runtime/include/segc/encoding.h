// Text encodings of input files. segc works in UTF-8; files from Excel's "CSV" on Windows and
// older French systems are Windows-1252 or ISO-8859-1/15, converted while they are read.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace segc::rt {

enum class TextEncoding {
  kUtf8,         ///< read as is (the default)
  kWindows1252,  ///< Excel's "CSV" on Windows: Latin-1 plus € ’ “ ” – — … Œ œ in 0x80-0x9F
  kLatin1,  ///< ISO-8859-1: every byte is the code point of the same number
  kLatin9,  ///< ISO-8859-15: Latin-1 with € Š š Ž ž Œ œ Ÿ in eight places
};

/// "utf-8", "windows-1252", "iso-8859-1", "iso-8859-15" (also "utf8", "cp1252", "latin1",
/// "latin9", any letter case); nullopt for another name.
std::optional<TextEncoding> ParseEncodingName(std::string_view name);

/// The canonical name ParseEncodingName accepts.
const char* EncodingName(TextEncoding encoding);

/// `bytes` in `encoding` converted to UTF-8 (kUtf8: copied as is). Never fails: the five
/// bytes Windows-1252 leaves undefined become the C1 control of the same number, as in
/// Latin-1.
std::string ToUtf8(std::string_view bytes, TextEncoding encoding);

}  // namespace segc::rt
