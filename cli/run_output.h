// `segc run --out FILE`: the per-row membership file (LANGUAGE.md §7), written atomically.
#pragma once

#include <string>

#include "segc/executor.h"
#include "segc/result.h"
#include "segc/table.h"

namespace segc::cli {

/// How --out is written, chosen by the file extension.
enum class OutFormat { kCsv, kJsonl };

/// kCsv for ".csv", kJsonl for ".jsonl" / ".ndjson" (case-insensitive); nullopt otherwise.
std::optional<OutFormat> OutFormatFor(const std::string& path);

/// Writes one row per table row: the key column (named as in the schema), one 0/1 column per
/// segment, each score and each class label, in program order. Atomic (temp file + rename): on
/// failure no file is left at `path`. kInvalidArgument when the key column is missing.
Status WriteMembers(const std::string& path, OutFormat format, const rt::Table& table,
                    const std::string& key, const rt::RunResult& result);

}  // namespace segc::cli
