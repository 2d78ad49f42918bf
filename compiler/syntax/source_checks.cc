// Whole-file checks before lexing: size, binary content, UTF-8 validity.
#include "compiler/syntax/source_checks.h"

#include <fmt/format.h>

namespace segc::syntax {
namespace {

/// Length of the well-formed UTF-8 sequence at `i`, or 0 (RFC 3629: no overlongs, no surrogates).
size_t Utf8SequenceLength(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (len == 0 || c > 0xF4 || i + len > text.size()) return 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c == 0xE0) lo = 0xA0;
  if (c == 0xED) hi = 0x9F;
  if (c == 0xF0) lo = 0x90;
  if (c == 0xF4) hi = 0x8F;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  return len;
}

std::string Mebibytes(size_t bytes) { return fmt::format("{:.1f} MiB", bytes / 1048576.0); }

// "8.0 MiB; the limit is 8.0 MiB" says nothing: sizes that round alike are given in bytes.
std::string SizeAndLimit(size_t size, size_t limit) {
  if (Mebibytes(size) != Mebibytes(limit)) {
    return fmt::format("rule file is {}; the limit is {}", Mebibytes(size), Mebibytes(limit));
  }
  return fmt::format("rule file is {} bytes; the limit is {} bytes ({})", size, limit,
                     Mebibytes(limit));
}

}  // namespace

size_t FindInvalidUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    size_t len = Utf8SequenceLength(text, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

bool CheckSourceText(std::string_view text, diag::FileId file, size_t max_bytes,
                     diag::DiagnosticSink& sink) {
  if (text.size() > max_bytes) {
    diag::Diagnostic d =
        diag::Make(diag::Code::kFileTooLarge, {file, 0, 0}, SizeAndLimit(text.size(), max_bytes));
    d.help = "split the rules into several .seg files in the same project";
    sink.Report(std::move(d));
    return false;
  }
  if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
    uint32_t at = static_cast<uint32_t>(nul);
    diag::Diagnostic d = diag::Make(diag::Code::kBinaryFile, {file, at, at + 1},
                                    "file contains NUL bytes; it looks like a binary file");
    d.label = "NUL byte here";
    d.help = "pass a .seg rule file (plain UTF-8 text), not a data or binary file";
    sink.Report(std::move(d));
    return false;
  }
  if (size_t bad = FindInvalidUtf8(text); bad != std::string_view::npos) {
    uint32_t at = static_cast<uint32_t>(bad);
    diag::Diagnostic d = diag::Make(
        diag::Code::kInvalidUtf8, {file, at, at + 1},
        fmt::format("file is not valid UTF-8: byte 0x{:02X} does not start a UTF-8 character",
                    static_cast<unsigned char>(text[bad])));
    d.label = "invalid byte";
    d.help = "save the file as UTF-8 (it may be in Latin-1 or Windows-1252)";
    sink.Report(std::move(d));
    return false;
  }
  return true;
}

}  // namespace segc::syntax
