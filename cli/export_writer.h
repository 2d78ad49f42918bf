// The audience list `segc export` writes (docs/cli.md, "segc export"): the key and chosen
// columns of the member rows only, in one of three dialects, atomically.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "segc/column.h"
#include "segc/result.h"

namespace segc::cli {

/// csv: RFC 4180 (',' and '.', LF, ISO dates, bools 1/0); excel-fr: French Excel (UTF-8 BOM,
/// ';', decimal comma, CRLF, dates DD/MM/YYYY, bools 1/0); jsonl: one JSON object per member
/// (numbers, true/false, ISO date strings, null).
enum class ExportDialect { kCsv, kExcelFr, kJsonl };

/// "csv", "excel-fr", "jsonl"; nullopt for other texts.
std::optional<ExportDialect> ParseExportDialect(const std::string& text);

struct ExportColumn {
  std::string name;
  const rt::Column* column = nullptr;
};

/// Writes the header (csv, excel-fr) and one record per row in `rows`, through
/// rt::AtomicFileWriter: on failure no file is left at `path`.
Status WriteExport(const std::string& path, ExportDialect dialect,
                   const std::vector<ExportColumn>& columns, const std::vector<int64_t>& rows);

/// One cell as the dialect writes it, before CSV quoting (exposed for the unit tests).
std::string ExportCell(const rt::Column& column, int64_t row, ExportDialect dialect);

}  // namespace segc::cli
