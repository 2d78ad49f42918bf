// Measures by group and segment overlaps in the text and JSON summaries.
#include "cli/run_summary_measures.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "cli/lang.h"

namespace segc::cli {
namespace {

using Json = nlohmann::ordered_json;

const char* AggregateName(rt::MeasureKind kind) {
  switch (kind) {
    case rt::MeasureKind::kSum:
      return "sum";
    case rt::MeasureKind::kMean:
      return "mean";
    case rt::MeasureKind::kMin:
      return "min";
    case rt::MeasureKind::kMax:
      return "max";
    case rt::MeasureKind::kCount:
      return "count";
  }
  return "?";
}

/// A named group of rows and its measures.
struct Group {
  std::string name;
  const rt::MeasureGroup* values;
};

/// The whole table, the segments, then each class's labels ("tier = gold"; null rows as
/// "tier = (null)", left out of the text when there are none).
std::vector<Group> Groups(const rt::RunResult& r, bool with_empty_nulls) {
  const rt::MeasureSummary& s = r.measure_summary;
  std::vector<Group> out{{Tr("(all rows)"), &s.total}};
  for (size_t i = 0; i < r.segments.size(); ++i)
    out.push_back({r.segments[i].name, &s.segments[i]});
  for (size_t c = 0; c < r.classes.size(); ++c) {
    const rt::ClassResult& cls = r.classes[c];
    for (size_t l = 0; l <= cls.labels.size(); ++l) {
      const rt::MeasureGroup& g = s.classes[c][l];
      if (l == cls.labels.size() && g.rows == 0 && !with_empty_nulls) continue;
      out.push_back({cls.name + " = " + (l < cls.labels.size() ? cls.labels[l] : "(null)"), &g});
    }
  }
  return out;
}

bool Integral(double v) { return std::abs(v) < 1e15 && v == std::trunc(v); }

/// One measure's cells, printed by one rule for the whole column (docs/cli.md): counts as
/// integers; means with 2 decimals; sums, minima and maxima as integers when every value of the
/// column is one, else with 2 decimals. Null: "-".
std::vector<std::string> MeasureCells(const std::vector<Group>& groups, size_t m,
                                      rt::MeasureKind kind) {
  bool integers = kind == rt::MeasureKind::kCount;
  if (kind != rt::MeasureKind::kMean && kind != rt::MeasureKind::kCount) {
    integers = true;
    for (const Group& g : groups) {
      const auto& v = g.values->values[m];
      integers = integers && (!v || Integral(*v));
    }
  }
  std::vector<std::string> cells;
  for (const Group& g : groups) {
    const auto& v = g.values->values[m];
    if (!v) {
      cells.push_back("-");
    } else if (integers) {
      cells.push_back(fmt::format("{}", static_cast<int64_t>(*v)));
    } else {
      cells.push_back(fmt::format("{:.2f}", *v));
    }
  }
  return cells;
}

struct TextColumn {
  std::string header;
  std::vector<std::string> cells;
};

void AppendTable(const std::vector<Group>& groups, const std::vector<TextColumn>& columns,
                 std::string& out) {
  const std::string title = Tr("measures");
  size_t name_width = title.size();
  for (const Group& g : groups) name_width = std::max(name_width, g.name.size());
  std::vector<size_t> widths;
  for (const TextColumn& c : columns) {
    size_t w = c.header.size();
    for (const std::string& cell : c.cells) w = std::max(w, cell.size());
    widths.push_back(w);
  }
  out += fmt::format("\n{:<{}}", title, name_width);
  for (size_t c = 0; c < columns.size(); ++c) {
    out += fmt::format("  {:>{}}", columns[c].header, widths[c]);
  }
  out += "\n";
  for (size_t g = 0; g < groups.size(); ++g) {
    out += fmt::format("{:<{}}", groups[g].name, name_width);
    for (size_t c = 0; c < columns.size(); ++c) {
      out += fmt::format("  {:>{}}", columns[c].cells[g], widths[c]);
    }
    out += "\n";
  }
}

void AppendMeasures(const rt::RunResult& r, std::string& out) {
  const std::vector<Group> groups = Groups(r, false);
  std::vector<TextColumn> columns(2);
  columns[0].header = Tr("rows");
  columns[1].header = Tr("share");
  for (const Group& g : groups) {
    columns[0].cells.push_back(std::to_string(g.values->rows));
    columns[1].cells.push_back(PercentText(double(g.values->rows), double(r.rows)));
  }
  for (size_t m = 0; m < r.measures.size(); ++m) {
    const rt::MeasureResult& measure = r.measures[m];
    columns.push_back({measure.name, MeasureCells(groups, m, measure.kind)});
    if (measure.kind != rt::MeasureKind::kSum) continue;
    TextColumn share{"% " + measure.name, {}};
    const double total = *r.measure_summary.total.values[m];
    for (const Group& g : groups) share.cells.push_back(PercentText(*g.values->values[m], total));
    columns.push_back(std::move(share));
  }
  AppendTable(groups, columns, out);
}

constexpr const char* kOverlapTitle = "overlap (rows in both)";

/// The cell texts of the count matrix (`jaccard` false) or of the Jaccard matrix.
std::vector<std::vector<std::string>> MatrixCells(const rt::Overlaps& o, bool jaccard) {
  const size_t n = o.names.size();
  std::vector<std::vector<std::string>> cells(n, std::vector<std::string>(n));
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      std::optional<double> v = o.Jaccard(i, j);
      cells[i][j] = !jaccard ? std::to_string(o.counts[i * n + j])
                    : v      ? fmt::format("{:.2f}", *v)
                             : "-";
    }
  }
  return cells;
}

/// Both matrices, rows named "N NAME" and columns "#N", with one set of widths.
void AppendMatrices(const rt::Overlaps& o, std::string& out) {
  const size_t n = o.names.size();
  const std::vector<std::vector<std::string>> counts = MatrixCells(o, false);
  const std::vector<std::vector<std::string>> jaccard = MatrixCells(o, true);
  const std::string overlap_title = Tr(kOverlapTitle);
  size_t name_width = overlap_title.size();
  size_t width = 4;  // "1.00"
  for (size_t i = 0; i < n; ++i) {
    name_width = std::max(name_width, fmt::format("{:>2} {}", i + 1, o.names[i]).size());
    width = std::max(width, 1 + std::to_string(i + 1).size());
    for (const std::string& cell : counts[i]) width = std::max(width, cell.size());
  }
  auto matrix = [&](const std::string& title, const std::vector<std::vector<std::string>>& cells) {
    out += fmt::format("\n{:<{}}", title, name_width);
    for (size_t j = 0; j < n; ++j) {
      out += fmt::format("  {:>{}}", "#" + std::to_string(j + 1), width);
    }
    out += "\n";
    for (size_t i = 0; i < n; ++i) {
      out += fmt::format("{:<{}}", fmt::format("{:>2} {}", i + 1, o.names[i]), name_width);
      for (size_t j = 0; j < n; ++j) out += fmt::format("  {:>{}}", cells[i][j], width);
      out += "\n";
    }
  };
  matrix(overlap_title, counts);
  matrix(Tr("jaccard"), jaccard);
}

Json Optional(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

/// A measure's value: counts as integers, other values as numbers, null when there is none.
Json ValueJson(rt::MeasureKind kind, const std::optional<double>& v) {
  if (v && kind == rt::MeasureKind::kCount) return Json(static_cast<int64_t>(*v));
  return Optional(v);
}

Json GroupJson(const rt::RunResult& r, const rt::MeasureGroup& g) {
  Json j;
  j["count"] = g.rows;
  j["share"] = r.rows > 0 ? Json(double(g.rows) / double(r.rows)) : Json(nullptr);
  j["measures"] = Json::object();
  for (size_t m = 0; m < r.measures.size(); ++m) {
    Json v;
    v["value"] = ValueJson(r.measures[m].kind, g.values[m]);
    v["non_null"] = g.counts[m];
    if (r.measures[m].kind == rt::MeasureKind::kSum) {
      const double total = *r.measure_summary.total.values[m];
      v["share_of_total"] = total != 0 ? Json(*g.values[m] / total) : Json(nullptr);
    }
    j["measures"][r.measures[m].name] = std::move(v);
  }
  return j;
}

Json MeasuresJson(const rt::RunResult& r) {
  Json j = Json::object();
  for (size_t m = 0; m < r.measures.size(); ++m) {
    const rt::MeasureResult& measure = r.measures[m];
    Json d;
    d["aggregate"] = AggregateName(measure.kind);
    d["description"] = measure.description.empty() ? Json(nullptr) : Json(measure.description);
    d["value"] = ValueJson(measure.kind, r.measure_summary.total.values[m]);
    j[measure.name] = std::move(d);
  }
  return j;
}

Json GroupsJson(const rt::RunResult& r) {
  const rt::MeasureSummary& s = r.measure_summary;
  Json j;
  j["all"] = GroupJson(r, s.total);
  j["segments"] = Json::object();
  for (size_t i = 0; i < r.segments.size(); ++i) {
    j["segments"][r.segments[i].name] = GroupJson(r, s.segments[i]);
  }
  j["classes"] = Json::object();
  for (size_t c = 0; c < r.classes.size(); ++c) {
    const rt::ClassResult& cls = r.classes[c];
    Json labels = Json::object();
    for (size_t l = 0; l < cls.labels.size(); ++l)
      labels[cls.labels[l]] = GroupJson(r, s.classes[c][l]);
    labels["null"] = GroupJson(r, s.classes[c][cls.labels.size()]);
    j["classes"][cls.name] = std::move(labels);
  }
  return j;
}

Json OverlapsJson(const rt::Overlaps& o) {
  const size_t n = o.names.size();
  Json counts = Json::array(), jaccard = Json::array();
  for (size_t i = 0; i < n; ++i) {
    Json count_row = Json::array(), jaccard_row = Json::array();
    for (size_t j = 0; j < n; ++j) {
      count_row.push_back(o.counts[i * n + j]);
      jaccard_row.push_back(Optional(o.Jaccard(i, j)));
    }
    counts.push_back(std::move(count_row));
    jaccard.push_back(std::move(jaccard_row));
  }
  return Json{{"segments", o.names}, {"counts", counts}, {"jaccard", jaccard}};
}

}  // namespace

void AppendMeasureSections(const rt::RunResult& result, const std::optional<rt::Overlaps>& overlaps,
                           std::string& out) {
  if (!result.measures.empty()) AppendMeasures(result, out);
  if (overlaps && !overlaps->names.empty()) {
    AppendMatrices(*overlaps, out);
  }
}

void AddMeasureSections(const rt::RunResult& result, const std::optional<rt::Overlaps>& overlaps,
                        nlohmann::ordered_json& j) {
  if (!result.measures.empty()) {
    j["measures"] = MeasuresJson(result);
    j["measure_groups"] = GroupsJson(result);
  }
  if (overlaps) j["overlaps"] = OverlapsJson(*overlaps);
}

std::string PercentText(double part, double whole) {
  if (whole == 0) return "-";
  return fmt::format("{:.1f}%", 100.0 * part / whole);
}

}  // namespace segc::cli
