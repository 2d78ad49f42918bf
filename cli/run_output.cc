// Assembling the output columns of a run and handing them to the runtime's atomic writers.
#include "cli/run_output.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

#include "segc/writer.h"

namespace segc::cli {
namespace {

bool EndsWithNoCase(const std::string& text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), text.end() - suffix.size(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  });
}

Result<std::vector<rt::OutputColumn>> OutputColumns(const rt::RunResult& result) {
  std::vector<rt::OutputColumn> columns;
  for (const rt::SegmentResult& s : result.segments) {
    SEGC_TRY(rt::Column bits, rt::Column::Make(rt::ColumnType::kBool, result.rows, s.bitmap,
                                               nullptr, nullptr, 0, 0));
    columns.push_back({s.name, std::move(bits)});
  }
  for (const rt::ScoreResult& s : result.scores) columns.push_back({s.name, s.values});
  for (const rt::ClassResult& c : result.classes) columns.push_back({c.name, c.values});
  return columns;
}

}  // namespace

std::optional<OutFormat> OutFormatFor(const std::string& path) {
  if (EndsWithNoCase(path, ".csv")) return OutFormat::kCsv;
  if (EndsWithNoCase(path, ".jsonl") || EndsWithNoCase(path, ".ndjson")) return OutFormat::kJsonl;
  return std::nullopt;
}

Status WriteMembers(const std::string& path, OutFormat format, const rt::Table& table,
                    const std::string& key, const rt::RunResult& result) {
  const rt::Column* key_column = table.GetColumn(key);
  if (key_column == nullptr) {
    return Status::InvalidArgument(fmt::format("the key column '{}' is not in the data", key));
  }
  SEGC_TRY(std::vector<rt::OutputColumn> columns, OutputColumns(result));
  rt::OutputColumn key_output{key, *key_column};
  if (format == OutFormat::kCsv) return rt::WriteMembershipCsv(path, key_output, columns);
  return rt::WriteMembershipJsonl(path, key_output, columns);
}

}  // namespace segc::cli
