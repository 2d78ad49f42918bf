// The HTML of `segc report`, rendered on the server side from the run's JSON summary.
#include "cli/report_html.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "cli/lang.h"

namespace segc::cli {
namespace {

using Json = nlohmann::ordered_json;

const char* kStyle = R"(
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1d2330;background:#fff}
h1{font-size:22px;margin:0 0 8px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ccd}
h3{font-size:14px;margin:14px 0 4px}
table{border-collapse:collapse;margin:4px 0 12px}th,td{padding:3px 8px;border:1px solid #dde;text-align:right}
th{background:#f2f4f8}td.name,th.name{text-align:left}td.desc{text-align:left;color:#556;max-width:28em}
dl.meta{display:grid;grid-template-columns:max-content auto;gap:2px 14px;margin:0}
dl.meta dt{color:#556}dl.meta dd{margin:0;font-family:ui-monospace,monospace}
.pass{background:#e3f6e8;color:#135f2a}.fail{background:#fde4e4;color:#9b1c1c;font-weight:600}
table.heat td{min-width:34px;font-size:11px;line-height:1.1}table.heat small{display:block;color:#334}
table.heat th.col{writing-mode:vertical-rl;transform:rotate(180deg);text-align:left;font-weight:normal;font-size:11px}
.bar{display:inline-block;height:12px;background:#4c78a8;vertical-align:middle}
td.barcell{text-align:left;width:240px}
svg text{font-size:10px;fill:#334}svg rect.bin{fill:#4c78a8}
.muted{color:#778}
)";

std::string Esc(std::string_view text) { return HtmlEscape(text); }

/// The path of a summary value: member names and indices joined by '.'.
std::string Path(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view part : parts) {
    if (!out.empty()) out += '.';
    out += part;
  }
  return out;
}

/// A value as shown: integers as they are, other numbers with 2 decimals (integral ones
/// without), null as "–", texts as they are.
std::string Display(const Json& v) {
  if (v.is_null()) return "\u2013";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return v.dump();
  if (v.is_boolean()) return v.dump();
  double d = v.get<double>();
  if (std::abs(d) < 1e15 && d == std::trunc(d)) return fmt::format("{}", static_cast<int64_t>(d));
  return fmt::format("{:.2f}", d);
}

std::string Percent(const Json& share) {
  if (!share.is_number()) return "\u2013";
  return fmt::format("{:.1f}%", 100.0 * share.get<double>());
}

/// The attributes tying an element to a summary value.
std::string Attrs(const std::string& path, const Json& v) {
  return fmt::format(" data-segc=\"{}\" data-value=\"{}\"", Esc(path), Esc(v.dump()));
}

/// `<TAG data-segc=... data-value=...>TEXT</TAG>`; TEXT is the value's Display() unless given.
std::string Tagged(std::string_view tag, const std::string& path, const Json& v,
                   const std::string& cls = "", const std::string& text = "") {
  return fmt::format("<{}{}{}>{}</{}>", tag, cls.empty() ? "" : " class=\"" + cls + "\"",
                     Attrs(path, v), Esc(text.empty() ? Display(v) : text), tag);
}

const Json& Member(const Json& j, std::string_view name) {
  static const Json kNull;
  if (!j.is_object()) return kNull;
  auto it = j.find(name);
  return it == j.end() ? kNull : *it;
}

void Header(const ReportPage& page, std::string& out) {
  const Json& s = page.summary;
  out += "<h1>" + Esc(Tr("segc report")) + "</h1>\n<dl class=\"meta\">\n";
  auto row = [&](const std::string& label, const std::string& value_html) {
    out += "<dt>" + Esc(label) + "</dt><dd>" + value_html + "</dd>\n";
  };
  std::vector<std::string> rules, data;
  for (const auto& f : page.rule_files) rules.push_back(Esc(f));
  for (const auto& f : page.data_files) data.push_back(Esc(f));
  row(Tr("rules"), fmt::format("{}", fmt::join(rules, "<br>")));
  row(Tr("rules hash"), Tagged("span", "rules_hash", Member(s, "rules_hash")));
  row(Tr("data"), fmt::format("{}", fmt::join(data, "<br>")));
  row(Tr("data hash"), Tagged("span", "data_hash", Member(s, "data_hash")));
  row("as_of", Tagged("span", "as_of", Member(s, "as_of")));
  row(Tr("rows"), Tagged("span", "rows", Member(s, "rows")));
  row(Tr("engine"), Tagged("span", "engine", Member(s, "engine")) + ", " +
                        Tagged("span", "threads", Member(s, "threads")) + " " + Esc(Tr("threads")));
  row(Tr("overflows"), Tagged("span", "overflows", Member(s, "overflows")));
  row(Tr("segc version"), Tagged("span", "segc_version", Member(s, "segc_version")));
  out += "</dl>\n";
  const Json& events = Member(s, "events");
  if (!events.is_object() || events.empty()) return;
  out += "<h2>" + Esc(Tr("Events")) + "</h2>\n<table><tr><th class=\"name\">" + Esc(Tr("table")) +
         "</th><th>" + Esc(Tr("rows")) + "</th><th>" + Esc(Tr("unknown keys")) + "</th></tr>\n";
  for (const auto& [name, e] : events.items()) {
    out += "<tr><td class=\"name\">" + Esc(name) + "</td>" +
           Tagged("td", Path({"events", name, "rows"}), Member(e, "rows")) +
           Tagged("td", Path({"events", name, "unknown_keys"}), Member(e, "unknown_keys")) +
           "</tr>\n";
  }
  out += "</table>\n";
}

/// Segments: count, share, measures (and shares of sum totals), `expect size`, reach by channel.
void Segments(const ReportPage& page, std::string& out) {
  const Json& s = page.summary;
  const Json& segments = Member(s, "segments");
  if (!segments.is_object() || segments.empty()) return;
  const Json& measures = Member(s, "measures");
  const Json& groups = Member(s, "measure_groups");
  const Json& channels = Member(s, "channels");
  const double rows = Member(s, "rows").is_number() ? Member(s, "rows").get<double>() : 0;
  out += "<h2>" + Esc(Tr("Segments")) + "</h2>\n<table id=\"segments\"><tr><th class=\"name\">" +
         Esc(Tr("segment")) + "</th><th class=\"name\">" + Esc(Tr("description")) + "</th><th>" +
         Esc(Tr("count")) + "</th><th>" + Esc(Tr("share")) + "</th>";
  if (measures.is_object()) {
    for (const auto& [name, m] : measures.items()) {
      out += "<th>" + Esc(name) + "</th>";
      if (Member(m, "aggregate") == "sum") out += "<th>% " + Esc(name) + "</th>";
    }
  }
  if (!page.expects.empty()) out += "<th>" + Esc(Tr("expected size")) + "</th>";
  if (channels.is_object()) {
    for (const auto& [name, c] : channels.items()) {
      out += "<th>" + Esc(fmt::format("{} {}", name, Tr("reachable"))) + "</th><th>" +
             Esc(fmt::format("{} {}", name, Tr("not reachable"))) + "</th>";
    }
  }
  out += "</tr>\n";
  for (const auto& [name, seg] : segments.items()) {
    auto description = page.descriptions.find(name);
    out += "<tr><td class=\"name\">" + Esc(name) + "</td><td class=\"desc\">" +
           (description == page.descriptions.end() ? "" : Esc(description->second)) + "</td>" +
           Tagged("td", Path({"segments", name, "count"}), Member(seg, "count"));
    const Json& group = Member(Member(groups, "segments"), name);
    if (group.is_object()) {
      out += Tagged("td", Path({"measure_groups", "segments", name, "share"}),
                    Member(group, "share"), "", Percent(Member(group, "share")));
    } else {
      const Json& count = Member(seg, "count");
      out += "<td>" +
             (rows > 0 && count.is_number() ? Percent(count.get<double>() / rows)
                                            : std::string("\u2013")) +
             "</td>";
    }
    if (measures.is_object()) {
      for (const auto& [m, def] : measures.items()) {
        const Json& v = Member(Member(group, "measures"), m);
        std::string base = Path({"measure_groups", "segments", name, "measures", m});
        out += Tagged("td", base + ".value", Member(v, "value"));
        if (Member(def, "aggregate") == "sum") {
          out += Tagged("td", base + ".share_of_total", Member(v, "share_of_total"), "",
                        Percent(Member(v, "share_of_total")));
        }
      }
    }
    if (!page.expects.empty()) {
      auto e = std::find_if(page.expects.begin(), page.expects.end(),
                            [&](const ReportPage::Expect& x) { return x.segment == name; });
      if (e == page.expects.end()) {
        out += "<td></td>";
      } else {
        out += fmt::format("<td class=\"{}\" title=\"{}\">{} {}</td>", e->passed ? "pass" : "fail",
                           Esc(fmt::format("{} ({}\u2013{})", e->expected, e->low, e->high)),
                           e->passed ? "\u2713" : "\u2717",
                           Esc(e->passed ? Tr("within") : Tr("outside")));
      }
    }
    if (channels.is_object()) {
      for (const auto& [c, channel] : channels.items()) {
        const Json& reach = Member(Member(channel, "segments"), name);
        std::string base = Path({"channels", c, "segments", name});
        if (reach.is_object()) {
          out += Tagged("td", base + ".reachable", Member(reach, "reachable")) +
                 Tagged("td", base + ".not_reachable", Member(reach, "not_reachable"));
        } else {
          out += "<td></td><td></td>";
        }
      }
    }
    out += "</tr>\n";
  }
  out += "</table>\n";
}

/// Every measure group (all rows, segments, class labels) with value, non-null count and share.
void Measures(const ReportPage& page, std::string& out) {
  const Json& measures = Member(page.summary, "measures");
  const Json& groups = Member(page.summary, "measure_groups");
  if (!measures.is_object() || measures.empty()) return;
  out += "<h2>" + Esc(Tr("Measures")) + "</h2>\n<table><tr><th class=\"name\">" +
         Esc(Tr("measure")) + "</th><th class=\"name\">" + Esc(Tr("aggregate")) +
         "</th><th class=\"name\">" + Esc(Tr("description")) + "</th><th>" + Esc(Tr("value")) +
         "</th></tr>\n";
  for (const auto& [name, m] : measures.items()) {
    out += "<tr><td class=\"name\">" + Esc(name) + "</td>" +
           Tagged("td", Path({"measures", name, "aggregate"}), Member(m, "aggregate"), "name") +
           Tagged("td", Path({"measures", name, "description"}), Member(m, "description"), "desc") +
           Tagged("td", Path({"measures", name, "value"}), Member(m, "value")) + "</tr>\n";
  }
  out += "</table>\n<h3>" + Esc(Tr("Measures by group")) + "</h3>\n";
  out += "<table><tr><th class=\"name\">" + Esc(Tr("group")) + "</th><th>" + Esc(Tr("rows")) +
         "</th><th>" + Esc(Tr("share")) + "</th>";
  for (const auto& [name, m] : measures.items()) {
    out += "<th>" + Esc(name) + "</th><th>" + Esc(Tr("non-null")) + "</th>";
    if (Member(m, "aggregate") == "sum") out += "<th>% " + Esc(name) + "</th>";
  }
  out += "</tr>\n";
  auto row = [&](const std::string& label, const std::string& base, const Json& g) {
    out += "<tr><td class=\"name\">" + Esc(label) + "</td>" +
           Tagged("td", base + ".count", Member(g, "count")) +
           Tagged("td", base + ".share", Member(g, "share"), "", Percent(Member(g, "share")));
    for (const auto& [name, m] : measures.items()) {
      const Json& v = Member(Member(g, "measures"), name);
      std::string p = base + ".measures." + name;
      out += Tagged("td", p + ".value", Member(v, "value")) +
             Tagged("td", p + ".non_null", Member(v, "non_null"));
      if (Member(m, "aggregate") == "sum") {
        out += Tagged("td", p + ".share_of_total", Member(v, "share_of_total"), "",
                      Percent(Member(v, "share_of_total")));
      }
    }
    out += "</tr>\n";
  };
  row(Tr("(all rows)"), "measure_groups.all", Member(groups, "all"));
  for (const auto& [name, g] : Member(groups, "segments").items()) {
    row(name, Path({"measure_groups", "segments", name}), g);
  }
  for (const auto& [cls, labels] : Member(groups, "classes").items()) {
    for (const auto& [label, g] : labels.items()) {
      row(cls + " = " + label, Path({"measure_groups", "classes", cls, label}), g);
    }
  }
  out += "</table>\n";
}

/// The overlap counts as a heat map coloured by Jaccard index, the index under each count.
void Overlaps(const ReportPage& page, std::string& out) {
  const Json& o = Member(page.summary, "overlaps");
  const Json& names = Member(o, "segments");
  if (!names.is_array() || names.empty()) return;
  out += "<h2>" + Esc(Tr("Overlaps")) + "</h2>\n<p class=\"muted\">" +
         Esc(Tr("Rows in both segments; colour and second line: Jaccard index")) +
         "</p>\n<table class=\"heat\"><tr><th></th>";
  for (size_t j = 0; j < names.size(); ++j) {
    out += "<th class=\"col\">" + Esc(names[j].get<std::string>()) + "</th>";
  }
  out += "</tr>\n";
  for (size_t i = 0; i < names.size(); ++i) {
    std::string a = names[i].get<std::string>();
    out += "<tr>" + Tagged("th", "overlaps.segments." + std::to_string(i), names[i], "name");
    for (size_t j = 0; j < names.size(); ++j) {
      const Json& count = o["counts"][i][j];
      const Json& jac = o["jaccard"][i][j];
      double x = jac.is_number() ? jac.get<double>() : 0.0;
      int lightness = 97 - static_cast<int>(std::lround(55 * x));
      std::string title = fmt::format("{} \u2229 {}: {}, Jaccard {}", a,
                                      names[j].get<std::string>(), Display(count), Display(jac));
      std::string index = fmt::format("{}.{}", i, j);
      out +=
          fmt::format("<td style=\"background:hsl(212,65%,{}%);color:{}\" title=\"{}\">{}{}</td>",
                      lightness, lightness < 60 ? "#fff" : "#123", Esc(title),
                      Tagged("span", "overlaps.counts." + index, count),
                      "<small" + Attrs("overlaps.jaccard." + index, jac) + ">" + Esc(Display(jac)) +
                          "</small>");
    }
    out += "</tr>\n";
  }
  out += "</table>\n";
}

/// One score's histogram as SVG bars, the counts above, the bin edges below.
void HistogramSvg(const std::string& name, const Json& h, std::string& out) {
  const Json& edges = Member(h, "edges");
  const Json& counts = Member(h, "counts");
  if (!counts.is_array() || counts.empty()) return;
  const double width = 520, height = 120, left = 10, top = 16;
  const double bar = width / static_cast<double>(counts.size());
  int64_t most = 1;
  for (const Json& c : counts) most = std::max<int64_t>(most, c.get<int64_t>());
  out += fmt::format(
      "<svg width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">\n",
      width + 2 * left + 30, height + top + 50, width + 2 * left + 30, height + top + 50,
      Esc(name));
  for (size_t b = 0; b < counts.size(); ++b) {
    int64_t n = counts[b].get<int64_t>();
    double hgt = height * static_cast<double>(n) / static_cast<double>(most);
    double x = left + bar * static_cast<double>(b);
    out += fmt::format(
        "<rect class=\"bin\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\">"
        "<title>{}</title></rect>\n",
        x + 1, top + height - hgt, std::max(bar - 2, 1.0), hgt,
        Esc(fmt::format("[{}, {}{}: {}", Display(edges[b]), Display(edges[b + 1]),
                        b + 1 == counts.size() ? "]" : ")", n)));
    out += fmt::format(
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\"{}>{}</text>\n", x + bar / 2,
        top + height - hgt - 3,
        Attrs(Path({"scores", name, "histogram", "counts", std::to_string(b)}), counts[b]), n);
  }
  for (size_t e = 0; e < edges.size(); ++e) {
    double x = left + bar * static_cast<double>(e);
    double y = top + height + 12;
    out += fmt::format(
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\" transform=\"rotate(-35 {:.1f} "
        "{:.1f})\"{}>{}</text>\n",
        x, y, x, y,
        Attrs(Path({"scores", name, "histogram", "edges", std::to_string(e)}), edges[e]),
        Esc(Display(edges[e])));
  }
  out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#889\"/>\n</svg>\n",
                     left, top + height, left + width, top + height);
}

void Scores(const ReportPage& page, std::string& out) {
  const Json& scores = Member(page.summary, "scores");
  if (!scores.is_object() || scores.empty()) return;
  out += "<h2>" + Esc(Tr("Scores")) + "</h2>\n<table><tr><th class=\"name\">" + Esc(Tr("score")) +
         "</th>";
  const char* fields[] = {"count", "mean", "min", "max", "sum"};
  for (const char* f : fields) out += "<th>" + Esc(Tr(f)) + "</th>";
  out += "</tr>\n";
  for (const auto& [name, s] : scores.items()) {
    out += "<tr><td class=\"name\">" + Esc(name) + "</td>";
    for (const char* f : fields) out += Tagged("td", Path({"scores", name, f}), Member(s, f));
    out += "</tr>\n";
  }
  out += "</table>\n";
  for (const auto& [name, s] : scores.items()) {
    const Json& h = Member(s, "histogram");
    if (!h.is_object()) continue;
    out += "<h3>" + Esc(name) + "</h3>\n";
    HistogramSvg(name, h, out);
  }
}

/// Labels with their counts and bars of their share of rows; the null row last.
void LabelBars(const std::string& cls, const Json& labels, double rows,
               const std::string& null_name, std::string& out) {
  out += "<table><tr><th class=\"name\">" + Esc(Tr("label")) + "</th><th>" + Esc(Tr("count")) +
         "</th><th>" + Esc(Tr("share")) + "</th><th></th></tr>\n";
  for (const auto& [label, count] : labels.items()) {
    double share = rows > 0 && count.is_number() ? count.get<double>() / rows : 0.0;
    out += "<tr><td class=\"name\">" + Esc(label == "null" ? null_name : label) + "</td>" +
           Tagged("td", Path({"classes", cls, label}), count) + "<td>" +
           fmt::format("{:.1f}%", 100 * share) + "</td>" +
           fmt::format(
               "<td class=\"barcell\"><span class=\"bar\" style=\"width:{:.1f}%\"></span>"
               "</td></tr>\n",
               100 * share);
  }
  out += "</table>\n";
}

void Classes(const ReportPage& page, std::string& out) {
  const Json& classes = Member(page.summary, "classes");
  const Json& rows = Member(page.summary, "rows");
  double n = rows.is_number() ? rows.get<double>() : 0;
  std::set<std::string> split_names;
  for (const auto& s : page.splits) split_names.insert(s.name);
  bool heading = false;
  for (const auto& [name, labels] : classes.items()) {
    if (split_names.count(name) != 0) continue;
    if (!heading) out += "<h2>" + Esc(Tr("Classes")) + "</h2>\n";
    heading = true;
    out += "<h3>" + Esc(name) + "</h3>\n";
    LabelBars(name, labels, n, Tr("(no label)"), out);
  }
  if (page.splits.empty()) return;
  out += "<h2>" + Esc(Tr("Splits")) + "</h2>\n";
  for (const auto& split : page.splits) {
    const Json& labels = Member(classes, split.name);
    if (!labels.is_object()) continue;
    out += "<h3>" + Esc(fmt::format("{} ({} {})", split.name, Tr("of"), split.segment)) + "</h3>\n";
    LabelBars(split.name, labels, n, Tr("(outside the segment)"), out);
  }
}

void Activation(const ReportPage& page, std::string& out) {
  const Json& audiences = Member(page.summary, "audiences");
  if (audiences.is_object() && !audiences.empty()) {
    out += "<h2>" + Esc(Tr("Audiences")) + "</h2>\n<table><tr><th class=\"name\">" +
           Esc(Tr("audience")) + "</th><th class=\"name\">" + Esc(Tr("segment")) +
           "</th><th class=\"name\">" + Esc(Tr("channel")) + "</th><th>" + Esc(Tr("count")) +
           "</th><th>" + Esc(Tr("reachable")) + "</th></tr>\n";
    for (const auto& [name, a] : audiences.items()) {
      std::string base = Path({"audiences", name});
      out += "<tr><td class=\"name\">" + Esc(name) + "</td>" +
             Tagged("td", base + ".segment", Member(a, "segment"), "name") +
             Tagged("td", base + ".channel", Member(a, "channel"), "name") +
             Tagged("td", base + ".count", Member(a, "count")) +
             Tagged("td", base + ".reachable", Member(a, "reachable")) + "</tr>\n";
    }
    out += "</table>\n";
  }
  const Json& channels = Member(page.summary, "channels");
  if (!channels.is_object() || channels.empty()) return;
  out += "<h2>" + Esc(Tr("Consent channels")) + "</h2>\n<table><tr><th class=\"name\">" +
         Esc(Tr("channel")) + "</th><th class=\"name\">" + Esc(Tr("consent column")) +
         "</th></tr>\n";
  for (const auto& [name, c] : channels.items()) {
    out += "<tr><td class=\"name\">" + Esc(name) + "</td>" +
           Tagged("td", Path({"channels", name, "consent"}), Member(c, "consent"), "name") +
           "</tr>\n";
  }
  out += "</table>\n";
}

void Statistics(const ReportPage& page, std::string& out) {
  const Json& stats = Member(page.summary, "statistics");
  if (!stats.is_object() || stats.empty()) return;
  out += "<h2>" + Esc(Tr("Population statistics")) + "</h2>\n<table><tr><th class=\"name\">" +
         Esc(Tr("statistic")) + "</th><th class=\"name\">" + Esc(Tr("value")) + "</th></tr>\n";
  for (const auto& [name, v] : stats.items()) {
    out += "<tr><td class=\"name\">" + Esc(name) + "</td><td class=\"name\">";
    if (v.is_array()) {
      std::vector<std::string> cuts;
      for (size_t i = 0; i < v.size(); ++i) {
        cuts.push_back(Tagged("span", Path({"statistics", name, std::to_string(i)}), v[i]));
      }
      out += fmt::format("{}", fmt::join(cuts, " | "));
    } else {
      out += Tagged("span", Path({"statistics", name}), v);
    }
    out += "</td></tr>\n";
  }
  out += "</table>\n";
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string RenderReport(const ReportPage& page) {
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
      MessageLang() == diag::Lang::kFr ? "fr" : "en", Esc(Tr("segc report")), kStyle);
  Header(page, out);
  Segments(page, out);
  Overlaps(page, out);
  Measures(page, out);
  Scores(page, out);
  Classes(page, out);
  Activation(page, out);
  Statistics(page, out);
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace segc::cli
