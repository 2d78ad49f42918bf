// The JSON diagnostic format: {"version": 1, "diagnostics": [...], "summary": {...}} (docs/cli.md).
#include <nlohmann/json.hpp>

#include "compiler/diag/render.h"
#include "compiler/diag/render_common.h"

namespace segc::diag {
namespace {

// Insertion order keeps "code" first, the way the format is documented.
using json = nlohmann::ordered_json;

json NullIfEmpty(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

/// Adds file, line, column, end_line, end_column (all null when the range has no file).
void AddLocation(const SourceManager& sources, SourceRange range, json& object) {
  auto loc = detail::Resolve(sources, range);
  object["file"] = loc ? json(loc->path) : json(nullptr);
  object["line"] = loc ? json(loc->line) : json(nullptr);
  object["column"] = loc ? json(loc->column) : json(nullptr);
  object["end_line"] = loc ? json(loc->end_line) : json(nullptr);
  object["end_column"] = loc ? json(loc->end_column) : json(nullptr);
}

json DiagnosticToJson(const SourceManager& sources, const Diagnostic& d) {
  json object = json::object();
  object["code"] = Info(d.code).id;
  object["severity"] = detail::SeverityName(d.severity);
  object["message"] = d.message;
  AddLocation(sources, d.range, object);
  object["label"] = NullIfEmpty(d.label);
  object["help"] = NullIfEmpty(d.help);
  object["notes"] = d.notes;
  json related = json::array();
  for (const Label& label : d.secondary) {
    json item = json::object();
    AddLocation(sources, label.range, item);
    item["message"] = label.message;
    related.push_back(std::move(item));
  }
  object["related"] = std::move(related);
  return object;
}

json Summary(const std::vector<Diagnostic>& diagnostics, const RenderOptions& options) {
  int64_t counts[3] = {0, 0, 0};
  for (const Diagnostic& d : diagnostics) ++counts[static_cast<int>(d.severity)];
  json summary = json::object();
  summary["errors"] = counts[static_cast<int>(Severity::kError)];
  summary["warnings"] = counts[static_cast<int>(Severity::kWarning)];
  summary["notes"] = counts[static_cast<int>(Severity::kNote)];
  for (const auto& [name, value] : options.summary_counts) summary[name] = value;
  return summary;
}

}  // namespace

std::string RenderJson(const SourceManager& sources, const std::vector<Diagnostic>& diagnostics,
                       const RenderOptions& options) {
  json diags = json::array();
  for (const Diagnostic& d : diagnostics) diags.push_back(DiagnosticToJson(sources, d));
  json root = json::object();
  root["version"] = 1;
  root["diagnostics"] = std::move(diags);
  root["summary"] = Summary(diagnostics, options);
  // Messages may quote bytes from a file that is not valid UTF-8 (E0007): replace, never throw.
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace segc::diag
