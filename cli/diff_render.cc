// Renderings of a DiffReport. Counts print as "79 → 139 (+60)"; a missing side is "—".
#include "cli/diff_render.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace segc::cli {
namespace {

using OJson = nlohmann::ordered_json;

std::string Count(const std::optional<int64_t>& n) { return n ? std::to_string(*n) : "—"; }

std::string Change(const std::optional<int64_t>& before, const std::optional<int64_t>& after) {
  if (!before || !after) return !before ? "new" : "removed";
  return *after == *before ? "0" : fmt::format("{:+}", *after - *before);
}

bool Changed(const SegmentChange& s) { return s.added > 0 || s.removed > 0 || s.before != s.after; }

bool Changed(const ScoreChange& s) {
  return s.changed > 0 || !s.before || !s.after || s.before->count != s.after->count ||
         s.before->mean != s.after->mean;
}

bool Changed(const ClassChange& c) {
  bool counts = false;
  for (const ClassChange::Label& l : c.labels) counts |= l.before != l.after;
  return counts || c.changed > 0 || c.in_before != c.in_after;
}

/// "3 segments, 1 score and 2 classifications unchanged." (empty when everything changed).
std::string Unchanged(const DiffReport& r) {
  size_t segments = 0, scores = 0, classes = 0;
  for (const SegmentChange& s : r.segments) segments += Changed(s) ? 0 : 1;
  for (const ScoreChange& s : r.scores) scores += Changed(s) ? 0 : 1;
  for (const ClassChange& c : r.classes) classes += Changed(c) ? 0 : 1;
  std::vector<std::string> parts;
  auto add = [&](size_t n, const char* one, const char* many) {
    if (n > 0) parts.push_back(fmt::format("{} {}", n, n == 1 ? one : many));
  };
  add(segments, "segment", "segments");
  add(scores, "score", "scores");
  add(classes, "classification", "classifications");
  if (parts.empty()) return "";
  return fmt::format("Unchanged: {}.", fmt::join(parts, ", "));
}

std::string Keys(const std::vector<std::string>& keys, int64_t total) {
  std::string more = total > int64_t(keys.size()) ? fmt::format(" … ({} in all)", total) : "";
  return fmt::format("{}{}", fmt::join(keys, ", "), more);
}

std::string Mean(const std::optional<ScoreChange::Side>& side) {
  return side ? fmt::format("{:.4g}", side->mean) : "—";
}

std::string ScoreCount(const std::optional<ScoreChange::Side>& side) {
  return side ? std::to_string(side->count) : "—";
}

}  // namespace

std::string DiffText(const DiffReport& r, const std::string& base) {
  std::string out = fmt::format("base: {}; rows {} → {}\n", base, r.rows_before, r.rows_after);
  for (const SegmentChange& s : r.segments) {
    if (!Changed(s)) continue;
    out += fmt::format("segment {}: {} → {} ({}), {} added, {} removed\n", s.name, Count(s.before),
                       Count(s.after), Change(s.before, s.after), s.added, s.removed);
    if (s.added > 0) out += "  added: " + Keys(s.added_keys, s.added) + "\n";
    if (s.removed > 0) out += "  removed: " + Keys(s.removed_keys, s.removed) + "\n";
  }
  for (const ScoreChange& s : r.scores) {
    if (!Changed(s)) continue;
    out += fmt::format("score {}: {} → {} rows, mean {} → {}, {} rows changed\n", s.name,
                       ScoreCount(s.before), ScoreCount(s.after), Mean(s.before), Mean(s.after),
                       s.changed);
  }
  for (const ClassChange& c : r.classes) {
    if (!Changed(c)) continue;
    std::vector<std::string> parts;
    for (const ClassChange::Label& l : c.labels) {
      if (l.label == "null" && l.before == 0 && l.after == 0) continue;
      parts.push_back(l.before == l.after ? fmt::format("{} {}", l.label, l.after)
                                          : fmt::format("{} {} → {}", l.label, l.before, l.after));
    }
    out += fmt::format("classify {}: {}; {} rows changed\n", c.name, fmt::join(parts, ", "),
                       c.changed);
  }
  std::string unchanged = Unchanged(r);
  return unchanged.empty() ? out : out + unchanged + "\n";
}

std::string DiffMarkdown(const DiffReport& r, const std::string& base) {
  std::string out =
      fmt::format("### segc diff\n\nBase: {}. Rows: {} → {}.\n", base, r.rows_before, r.rows_after);
  std::string rows;
  for (const SegmentChange& s : r.segments) {
    if (!Changed(s)) continue;
    rows += fmt::format("| {} | {} | {} | {} | {} | {} |\n", s.name, Count(s.before),
                        Count(s.after), Change(s.before, s.after), s.added, s.removed);
  }
  if (!rows.empty()) {
    out +=
        "\n| segment | before | after | change | added | removed |\n"
        "|---|---:|---:|---:|---:|---:|\n" +
        rows;
  }
  rows.clear();
  for (const ScoreChange& s : r.scores) {
    if (!Changed(s)) continue;
    rows += fmt::format("| {} | {} | {} | {} | {} | {} |\n", s.name, ScoreCount(s.before),
                        ScoreCount(s.after), Mean(s.before), Mean(s.after), s.changed);
  }
  if (!rows.empty()) {
    out +=
        "\n| score | rows before | rows after | mean before | mean after | rows changed |\n"
        "|---|---:|---:|---:|---:|---:|\n" +
        rows;
  }
  rows.clear();
  for (const ClassChange& c : r.classes) {
    if (!Changed(c)) continue;
    for (const ClassChange::Label& l : c.labels) {
      if (l.before == l.after) continue;
      rows += fmt::format("| {} | {} | {} | {} | {:+} |\n", c.name, l.label, l.before, l.after,
                          l.after - l.before);
    }
  }
  if (!rows.empty()) {
    out += "\n| classify | label | before | after | change |\n|---|---|---:|---:|---:|\n" + rows;
  }
  std::string unchanged = Unchanged(r);
  if (!unchanged.empty()) out += "\n" + unchanged + "\n";
  for (const SegmentChange& s : r.segments) {
    if (s.added == 0 && s.removed == 0) continue;
    out += fmt::format("\n<details><summary>{}: {} added, {} removed</summary>\n\n", s.name,
                       s.added, s.removed);
    if (s.added > 0) out += "Added: " + Keys(s.added_keys, s.added) + "\n\n";
    if (s.removed > 0) out += "Removed: " + Keys(s.removed_keys, s.removed) + "\n\n";
    out += "</details>\n";
  }
  return out;
}

std::string DiffJson(const DiffReport& r, const std::string& base) {
  auto optional = [](const std::optional<int64_t>& n) { return n ? OJson(*n) : OJson(nullptr); };
  OJson out = {{"base", base}, {"rows", {{"before", r.rows_before}, {"after", r.rows_after}}}};
  out["segments"] = OJson::array();
  for (const SegmentChange& s : r.segments) {
    out["segments"].push_back({{"name", s.name},
                               {"before", optional(s.before)},
                               {"after", optional(s.after)},
                               {"added", s.added},
                               {"removed", s.removed},
                               {"added_keys", s.added_keys},
                               {"removed_keys", s.removed_keys}});
  }
  auto side = [](const std::optional<ScoreChange::Side>& s) {
    return s ? OJson{{"count", s->count}, {"mean", s->mean}} : OJson(nullptr);
  };
  out["scores"] = OJson::array();
  for (const ScoreChange& s : r.scores) {
    out["scores"].push_back({{"name", s.name},
                             {"before", side(s.before)},
                             {"after", side(s.after)},
                             {"changed", s.changed}});
  }
  out["classes"] = OJson::array();
  for (const ClassChange& c : r.classes) {
    OJson labels = OJson::object();
    for (const ClassChange::Label& l : c.labels)
      labels[l.label] = {{"before", l.before}, {"after", l.after}};
    out["classes"].push_back({{"name", c.name}, {"labels", labels}, {"changed", c.changed}});
  }
  return out.dump(2) + "\n";
}

}  // namespace segc::cli
