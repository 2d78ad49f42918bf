// Reads whole rule files; failures become E0901 with the operating system's reason.
#include "compiler/driver/file_reader.h"

#include <fmt/format.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <memory>

namespace segc::driver {

std::string DescribeError(const std::error_code& error) {
  std::string reason = error.message();
  if (!reason.empty())
    reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
  return reason;
}

void ReportCannotRead(const std::string& path, const std::error_code& error,
                      diag::DiagnosticSink& sink) {
  diag::Diagnostic d = diag::Make(diag::Code::kCannotReadFile, diag::SourceRange{},
                                  fmt::format("cannot read '{}': {}", path, DescribeError(error)));
  if (error == std::errc::no_such_file_or_directory) {
    d.help = "check the path; it is resolved from the current directory";
  } else if (error == std::errc::permission_denied) {
    d.help = "check the file's permissions";
  }
  sink.Report(std::move(d));
}

std::optional<std::string> ReadRuleText(const std::string& path, diag::DiagnosticSink& sink) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) {
    ReportCannotRead(path, std::error_code(errno, std::generic_category()), sink);
    return std::nullopt;
  }
  std::string text;
  char buffer[1 << 16];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) text.append(buffer, n);
  if (std::ferror(file.get())) {
    ReportCannotRead(path, std::error_code(errno, std::generic_category()), sink);
    return std::nullopt;
  }
  return text;
}

std::optional<diag::FileId> ReadRuleFile(const std::string& path, diag::SourceManager& sources,
                                         diag::DiagnosticSink& sink) {
  std::optional<std::string> text = ReadRuleText(path, sink);
  if (!text) return std::nullopt;
  return sources.Add(path, std::move(*text));
}

}  // namespace segc::driver
