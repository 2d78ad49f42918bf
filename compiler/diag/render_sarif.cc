// SARIF 2.1.0 output (OASIS static analysis results format), as read by GitHub code scanning.
#include <map>
#include <nlohmann/json.hpp>

#include "compiler/diag/render.h"
#include "compiler/diag/render_common.h"

namespace segc::diag {
namespace {

using json = nlohmann::ordered_json;

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";

bool IsUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~' || c == '/';
}

/// A path as a URI reference: relative paths stay relative, absolute ones become file:// URIs.
std::string PathToUri(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = !path.empty() && path.front() == '/' ? "file://" : "";
  for (unsigned char c : path) {
    if (IsUnreserved(c)) {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 0xF];
    }
  }
  return uri;
}

std::string_view Level(Severity severity) {
  return severity == Severity::kNote ? "note" : detail::SeverityName(severity);
}

/// A `location` object, or nullopt for a range without a file.
std::optional<json> PhysicalLocation(const SourceManager& sources, SourceRange range) {
  auto loc = detail::Resolve(sources, range);
  if (!loc) return std::nullopt;
  json region = {{"startLine", loc->line},
                 {"startColumn", loc->column},
                 {"endLine", loc->end_line},
                 {"endColumn", loc->end_column}};
  json physical = {{"artifactLocation", {{"uri", PathToUri(loc->path)}}}, {"region", region}};
  return json{{"physicalLocation", physical}};
}

/// message.text: the message, then the help and notes on their own lines.
std::string MessageText(const Diagnostic& d, Lang lang) {
  std::string text = d.message;
  if (!d.help.empty()) text += "\n" + std::string(Word("help", lang)) + ": " + d.help;
  for (const std::string& note : d.notes)
    text += "\n" + std::string(Word("note", lang)) + ": " + note;
  return text;
}

json Result(const SourceManager& sources, const Diagnostic& d, size_t rule_index, Lang lang) {
  json result = {{"ruleId", Info(d.code).id},
                 {"ruleIndex", rule_index},
                 {"level", Level(d.severity)},
                 {"message", {{"text", MessageText(d, lang)}}}};
  json locations = json::array();
  if (auto location = PhysicalLocation(sources, d.range)) locations.push_back(*location);
  result["locations"] = std::move(locations);
  json related = json::array();
  for (const Label& label : d.secondary) {
    auto location = PhysicalLocation(sources, label.range);
    if (!location) continue;
    (*location)["id"] = related.size() + 1;
    (*location)["message"] = {{"text", label.message}};
    related.push_back(std::move(*location));
  }
  if (!related.empty()) result["relatedLocations"] = std::move(related);
  return result;
}

json Rule(const CodeInfo& info) {
  return {{"id", info.id},
          {"shortDescription", {{"text", info.summary}}},
          {"defaultConfiguration", {{"level", Level(info.severity)}}}};
}

}  // namespace

std::string RenderSarif(const SourceManager& sources, const std::vector<Diagnostic>& diagnostics,
                        const RenderOptions& options) {
  // One rule per code that occurs, in order of first occurrence; results point at it by index.
  std::map<Code, size_t> rule_index;
  json rules = json::array();
  json results = json::array();
  for (const Diagnostic& d : diagnostics) {
    auto [it, inserted] = rule_index.emplace(d.code, rules.size());
    if (inserted) rules.push_back(Rule(Info(d.code)));
    results.push_back(Result(sources, d, it->second, options.lang));
  }
  json driver = {{"name", options.tool_name}};
  if (!options.tool_version.empty()) driver["version"] = options.tool_version;
  driver["rules"] = std::move(rules);
  json run = {{"tool", {{"driver", std::move(driver)}}},
              {"columnKind", "unicodeCodePoints"},
              {"results", std::move(results)}};
  json log = {{"$schema", kSchema}, {"version", "2.1.0"}, {"runs", json::array({std::move(run)})}};
  return log.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace segc::diag
