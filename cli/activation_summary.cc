// Audience sizes and reachable counts per consent channel.
#include "cli/activation_summary.h"

#include <fmt/format.h>

#include <algorithm>

#include "cli/lang.h"
#include "segc/bitmap.h"

namespace segc::cli {
namespace {

const rt::SegmentResult* FindSegment(const rt::RunResult& result, const std::string& name) {
  for (const rt::SegmentResult& s : result.segments) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

bool Member(const rt::SegmentResult& s, int64_t row) { return rt::GetBit(s.bitmap->data(), row); }

/// Members of `segment` whose consent column is true.
int64_t Reachable(const rt::SegmentResult& segment, const rt::Column& consent, int64_t rows) {
  int64_t n = 0;
  for (int64_t i = 0; i < rows; ++i) {
    if (Member(segment, i) && consent.IsValid(i) && consent.Bool(i)) ++n;
  }
  return n;
}

bool IsAudience(const sema::CheckedProject& project, const std::string& name) {
  return std::any_of(project.audiences.begin(), project.audiences.end(),
                     [&](const sema::Audience& a) { return a.name == name; });
}

}  // namespace

ActivationSummary SummarizeActivation(const sema::CheckedProject& project, const rt::Table& table,
                                      const rt::RunResult& result) {
  ActivationSummary out;
  int64_t rows = result.rows;
  auto consent_of = [&](const std::string& column) -> const rt::Column* {
    const rt::Column* c = column.empty() ? nullptr : table.GetColumn(column);
    return c != nullptr && c->type() == rt::ColumnType::kBool && c->length() == rows ? c : nullptr;
  };
  for (const sema::Audience& a : project.audiences) {
    const rt::SegmentResult* s = FindSegment(result, a.name);
    if (s == nullptr) continue;
    ActivationSummary::Audience row{a.name, a.segment, a.channel, s->count, std::nullopt};
    if (const rt::Column* consent = consent_of(a.consent_column)) {
      row.reachable = Reachable(*s, *consent, rows);
    }
    out.audiences.push_back(std::move(row));
  }
  for (const sema::Channel& c : project.channels) {
    const rt::Column* consent = consent_of(c.column);
    if (consent == nullptr) continue;
    ActivationSummary::Channel channel{c.name, c.column, {}};
    for (const rt::SegmentResult& s : result.segments) {
      if (IsAudience(project, s.name)) continue;
      int64_t reachable = Reachable(s, *consent, rows);
      channel.segments.push_back({s.name, reachable, s.count - reachable});
    }
    out.channels.push_back(std::move(channel));
  }
  return out;
}

void AppendActivationText(const ActivationSummary& summary, int64_t, std::string& out) {
  size_t w = 8;
  for (const auto& a : summary.audiences) w = std::max(w, a.name.size());
  for (const auto& c : summary.channels) {
    for (const auto& s : c.segments) w = std::max(w, s.segment.size());
  }
  if (!summary.audiences.empty()) {
    out += fmt::format("\n{:<{}}  {:<10}  {:>10}  {:>10}\n", Tr("audience"), w, Tr("channel"),
                       Tr("count"), Tr("reachable"));
    for (const auto& a : summary.audiences) {
      std::string reachable = a.reachable ? fmt::format("{}", *a.reachable) : "-";
      out +=
          fmt::format("{:<{}}  {:<10}  {:>10}  {:>10}\n", a.name, w, a.channel, a.count, reachable);
    }
  }
  for (const auto& c : summary.channels) {
    std::string title = Tr("channel") + " " + c.name + " (" + c.column + ")";
    w = std::max(w, title.size());
    out +=
        fmt::format("\n{:<{}}  {:>10}  {:>14}\n", title, w, Tr("reachable"), Tr("not reachable"));
    for (const auto& s : c.segments) {
      out += fmt::format("{:<{}}  {:>10}  {:>14}\n", s.segment, w, s.reachable, s.not_reachable);
    }
  }
}

void AddActivationJson(const ActivationSummary& summary, nlohmann::ordered_json& j) {
  using Json = nlohmann::ordered_json;
  if (summary.audiences.empty() && summary.channels.empty()) return;
  j["audiences"] = Json::object();
  for (const auto& a : summary.audiences) {
    Json entry{{"segment", a.segment}, {"channel", a.channel}, {"count", a.count}};
    entry["reachable"] = a.reachable ? Json(*a.reachable) : Json(nullptr);
    j["audiences"][a.name] = std::move(entry);
  }
  j["channels"] = Json::object();
  for (const auto& c : summary.channels) {
    Json segments = Json::object();
    for (const auto& s : c.segments) {
      segments[s.segment] = Json{{"reachable", s.reachable}, {"not_reachable", s.not_reachable}};
    }
    j["channels"][c.name] = Json{{"consent", c.column}, {"segments", std::move(segments)}};
  }
}

}  // namespace segc::cli
