// `segc diff` output: text, Markdown (for a pull-request comment) or JSON.
#pragma once

#include <string>

#include "cli/diff_compare.h"

namespace segc::cli {

/// `base` says what the base is ("rules at HEAD~1", "data old.csv", "as_of 2026-10-01").
std::string DiffText(const DiffReport& report, const std::string& base);
std::string DiffMarkdown(const DiffReport& report, const std::string& base);
std::string DiffJson(const DiffReport& report, const std::string& base);

}  // namespace segc::cli
