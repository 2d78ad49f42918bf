// Text and JSON summaries of a run.
#include "cli/run_summary.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/lang.h"
#include "cli/run_summary_measures.h"
#include "compiler/ir/calendar.h"

namespace segc::cli {
namespace {

using Json = nlohmann::ordered_json;

std::string Share(int64_t count, int64_t rows) { return PercentText(double(count), double(rows)); }

/// Numbers in the text table: integers without decimals, others with up to 2.
std::string Number(double value) {
  if (value == static_cast<double>(static_cast<int64_t>(value)) && std::abs(value) < 1e15) {
    return fmt::format("{}", static_cast<int64_t>(value));
  }
  return fmt::format("{:.2f}", value);
}

/// Tr() of a line whose `bare` pieces are quoted only for the catalogue (a date's digits are
/// one piece, not three numbers) and printed without quotes.
std::string TrBare(const std::string& english, const std::vector<std::string>& bare) {
  std::string text = Tr(english);
  for (const std::string& piece : bare) {
    const std::string quoted = "'" + piece + "'";
    if (size_t at = text.find(quoted); at != std::string::npos)
      text.replace(at, quoted.size(), piece);
  }
  return text;
}

size_t NameWidth(const rt::RunResult& result) {
  size_t width = 8;
  for (const auto& s : result.segments) width = std::max(width, s.name.size());
  for (const auto& s : result.scores) width = std::max(width, s.name.size());
  for (const auto& c : result.classes) {
    width = std::max(width, c.name.size());
    for (const auto& label : c.labels) width = std::max(width, label.size() + 2);
  }
  return width;
}

void AppendSegments(const rt::RunResult& result, size_t w, std::string& out) {
  if (result.segments.empty()) return;
  out += fmt::format("\n{:<{}}  {:>10}  {:>6}\n", Tr("segment"), w, Tr("count"), Tr("share"));
  for (const rt::SegmentResult& s : result.segments) {
    out += fmt::format("{:<{}}  {:>10}  {:>6}\n", s.name, w, s.count, Share(s.count, result.rows));
  }
}

void AppendScores(const rt::RunResult& result, size_t w, std::string& out) {
  if (result.scores.empty()) return;
  out += fmt::format("\n{:<{}}  {:>10}  {:>10}  {:>10}  {:>10}\n", Tr("score"), w, Tr("count"),
                     Tr("mean"), Tr("min"), Tr("max"));
  for (const rt::ScoreResult& s : result.scores) {
    bool any = s.count > 0;
    out += fmt::format("{:<{}}  {:>10}  {:>10}  {:>10}  {:>10}\n", s.name, w, s.count,
                       any ? Number(s.mean) : "-", any ? Number(s.min) : "-",
                       any ? Number(s.max) : "-");
  }
}

void AppendClasses(const rt::RunResult& result, size_t w, std::string& out) {
  if (result.classes.empty()) return;
  out += fmt::format("\n{:<{}}  {:>10}  {:>6}\n", Tr("class"), w, Tr("count"), Tr("share"));
  for (const rt::ClassResult& c : result.classes) {
    out += c.name + "\n";
    for (size_t i = 0; i < c.labels.size(); ++i) {
      int64_t n = c.label_counts[i];
      out += fmt::format("  {:<{}}  {:>10}  {:>6}\n", c.labels[i], w - 2, n, Share(n, result.rows));
    }
    out += fmt::format("  {:<{}}  {:>10}  {:>6}\n", "(null)", w - 2, c.null_count,
                       Share(c.null_count, result.rows));
  }
}

/// A day number as a date. A fractional day (a percentile falling between two days) also shows
/// the time of day, rounded to the second and never past 23:59:59, the way SQL's percentile_cont
/// over dates shows it: a cut point "2026-05-12 09:36:00" puts 2026-05-12 below, 2026-05-13 above.
std::string DayText(double days) {
  double whole = std::floor(days);
  std::string date = ir::FormatDate(static_cast<int64_t>(whole));
  if (days == whole) return date;
  int64_t seconds = std::min<int64_t>(std::llround((days - whole) * 86400), 86399);
  return fmt::format("{} {:02}:{:02}:{:02}", date, seconds / 3600, seconds / 60 % 60, seconds % 60);
}

std::string StatText(double value, rt::ValueKind kind) {
  return kind == rt::ValueKind::kDate ? DayText(value) : Number(value);
}

/// The value column of the text table: the value, or the cut points of an ntile.
std::string StatisticText(const rt::StatisticResult& s) {
  if (s.is_ntile) {
    std::vector<std::string> cuts;
    for (double cut : s.cuts) cuts.push_back(StatText(cut, s.kind));
    return cuts.empty() ? "-" : fmt::format("{}", fmt::join(cuts, ", "));
  }
  if (!s.value) return "-";
  if (s.kind == rt::ValueKind::kInt) return std::to_string(s.int_value);
  return StatText(*s.value, s.kind);
}

void AppendStatistics(const rt::RunResult& result, std::string& out) {
  if (result.statistics.empty()) return;
  const std::string heading = Tr("statistic");
  size_t w = heading.size();
  for (const auto& s : result.statistics) w = std::max(w, s.name.size());
  out += fmt::format("\n{:<{}}  {}\n", heading, w, Tr("value"));
  for (const rt::StatisticResult& s : result.statistics) {
    out += fmt::format("{:<{}}  {}\n", s.name, w, StatisticText(s));
  }
}

Json StatValueJson(double value, rt::ValueKind kind) {
  return kind == rt::ValueKind::kDate ? Json(DayText(value)) : Json(value);
}

/// A number (an exact int for min_of/max_of of ints), a date text, null, or an ntile's cut
/// points as an array.
Json StatisticJson(const rt::StatisticResult& s) {
  if (s.is_ntile) {
    Json cuts = Json::array();
    for (double cut : s.cuts) cuts.push_back(StatValueJson(cut, s.kind));
    return cuts;
  }
  if (!s.value) return nullptr;
  if (s.kind == rt::ValueKind::kInt) return s.int_value;
  return StatValueJson(*s.value, s.kind);
}

Json ScoreJson(const rt::ScoreResult& s, bool histogram) {
  Json j;
  j["count"] = s.count;
  j["sum"] = s.sum;
  j["min"] = s.count > 0 ? Json(s.min) : Json(nullptr);
  j["max"] = s.count > 0 ? Json(s.max) : Json(nullptr);
  j["mean"] = s.count > 0 ? Json(s.mean) : Json(nullptr);
  if (histogram) {
    Histogram h = ScoreHistogram(s);
    j["histogram"] =
        h.counts.empty() ? Json(nullptr) : Json{{"edges", h.edges}, {"counts", h.counts}};
  }
  return j;
}

Json ClassJson(const rt::ClassResult& c) {
  Json j = Json::object();
  for (size_t i = 0; i < c.labels.size(); ++i) j[c.labels[i]] = c.label_counts[i];
  j["null"] = c.null_count;
  return j;
}

}  // namespace

Histogram ScoreHistogram(const rt::ScoreResult& score) {
  Histogram h;
  if (score.count == 0) return h;
  const rt::Column& values = score.values;
  bool integers = score.max - score.min < 20;
  for (int64_t i = 0; integers && i < values.length(); ++i) {
    if (values.IsValid(i)) integers = values.Float64(i) == std::floor(values.Float64(i));
  }
  size_t bins = integers                ? static_cast<size_t>(score.max - score.min) + 1
                : score.max > score.min ? 10
                                        : 1;
  double width = integers ? 1.0 : (score.max - score.min) / static_cast<double>(bins);
  for (size_t b = 0; b <= bins; ++b) {
    h.edges.push_back(b == bins && !integers ? score.max
                                             : score.min + static_cast<double>(b) * width);
  }
  h.counts.assign(bins, 0);
  for (int64_t i = 0; i < values.length(); ++i) {
    if (!values.IsValid(i)) continue;
    double v = values.Float64(i);
    size_t b = width > 0 ? static_cast<size_t>(std::floor((v - score.min) / width)) : 0;
    // The last bin is closed; rounding in (v - min) / width never puts a value past it.
    h.counts[std::min(b, bins - 1)] += 1;
  }
  return h;
}

std::string TextSummary(const rt::RunResult& result, const RunInfo& info) {
  std::string out =
      TrBare(fmt::format("as_of '{}': {} rows, engine '{}', {} {}", info.as_of, result.rows,
                         info.engine, info.threads, info.threads == 1 ? "thread" : "threads"),
             {info.as_of, info.engine}) +
      "\n";
  for (size_t t = 0; t < result.event_tables.size(); ++t) {
    out += TrBare(fmt::format("events '{}': {} rows", result.event_tables[t], result.event_rows[t]),
                  {result.event_tables[t]});
    if (result.unknown_event_keys[t] > 0) {
      out += Tr(fmt::format(", {} with a key that is not a customer (left out)",
                            result.unknown_event_keys[t]));
    }
    out += "\n";
  }
  size_t width = NameWidth(result);
  AppendSegments(result, width, out);
  AppendScores(result, width, out);
  AppendClasses(result, width, out);
  AppendMeasureSections(result, info.overlaps, out);
  if (info.activation != nullptr) AppendActivationText(*info.activation, result.rows, out);
  AppendStatistics(result, out);
  if (result.overflow_count > 0) {
    out += "\n" +
           Tr(result.overflow_count == 1
                  ? fmt::format("{} integer overflow or non-finite result became null",
                                result.overflow_count)
                  : fmt::format("{} integer overflows or non-finite results became null",
                                result.overflow_count)) +
           "\n";
  }
  return out;
}

std::string JsonSummary(const rt::RunResult& result, const RunInfo& info) {
  Json j;
  j["rows"] = result.rows;
  j["as_of"] = info.as_of;
  if (!result.event_tables.empty()) {
    j["events"] = Json::object();
    for (size_t t = 0; t < result.event_tables.size(); ++t) {
      j["events"][result.event_tables[t]] =
          Json{{"rows", result.event_rows[t]}, {"unknown_keys", result.unknown_event_keys[t]}};
    }
  }
  j["segments"] = Json::object();
  for (const auto& s : result.segments) j["segments"][s.name] = Json{{"count", s.count}};
  j["scores"] = Json::object();
  for (const auto& s : result.scores) j["scores"][s.name] = ScoreJson(s, info.histograms);
  j["classes"] = Json::object();
  for (const auto& c : result.classes) j["classes"][c.name] = ClassJson(c);
  AddMeasureSections(result, info.overlaps, j);
  if (info.activation != nullptr) AddActivationJson(*info.activation, j);
  j["statistics"] = Json::object();
  for (const auto& s : result.statistics) j["statistics"][s.name] = StatisticJson(s);
  j["overflows"] = result.overflow_count;
  j["engine"] = info.engine;
  j["threads"] = info.threads;
  j["segc_version"] = info.version;
  j["rules_hash"] = info.rules_hash;
  j["data_hash"] = info.data_hash;
  return j.dump(2) + "\n";
}

}  // namespace segc::cli
