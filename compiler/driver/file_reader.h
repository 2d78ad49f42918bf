// Reading rule files into the SourceManager, with readable errors (E0901).
#pragma once

#include <optional>
#include <string>
#include <system_error>

#include "compiler/diag/diagnostic.h"
#include "compiler/diag/source.h"

namespace segc::driver {

/// The OS reason for `error` in the lower-case form diagnostics use ("no such file or directory").
std::string DescribeError(const std::error_code& error);

/// Reads the whole of `path`. On failure reports E0901 with the OS reason and returns nullopt.
std::optional<std::string> ReadRuleText(const std::string& path, diag::DiagnosticSink& sink);

/// Reads `path` and registers it under that display path. On failure reports E0901 with the OS
/// reason and returns nullopt.
std::optional<diag::FileId> ReadRuleFile(const std::string& path, diag::SourceManager& sources,
                                         diag::DiagnosticSink& sink);

/// E0901 for `path` with the reason `error` (no source location: the file is what failed).
void ReportCannotRead(const std::string& path, const std::error_code& error,
                      diag::DiagnosticSink& sink);

}  // namespace segc::driver
