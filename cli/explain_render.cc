// Reading each explained line's value out of the run, and printing it.
#include "cli/explain_render.h"

#include <fmt/format.h>

#include <cmath>

#include "compiler/ir/calendar.h"

namespace segc::cli {
namespace {

using From = ExplainNode::From;
using OJson = nlohmann::ordered_json;

const rt::Column* ScoreColumn(const rt::RunResult& r, const std::string& name) {
  for (const rt::ScoreResult& s : r.scores)
    if (s.name == name) return &s.values;
  return nullptr;
}

/// A number as a person writes it: integers without decimals, others with up to 10 digits.
std::string Number(double v, bool is_int) {
  if (is_int || (v == std::floor(v) && std::abs(v) < 1e15)) return fmt::format("{}", int64_t(v));
  return fmt::format("{:.10g}", v);
}

/// The value of `node` on the row as JSON (null when it has none or is null), and as text.
OJson Value(const ExplainNode& node, const ExplainRow& at, std::string* text) {
  const rt::RunResult& r = *at.result;
  *text = "null";
  switch (node.from) {
    case From::kNone:
      text->clear();
      return nullptr;
    case From::kText:
      *text = node.text_value;
      return node.text_value;
    case From::kSegment:
      for (const rt::SegmentResult& s : r.segments) {
        if (s.name != node.output) continue;
        bool member = rt::GetBit(s.bitmap->data(), at.row);
        *text = member ? "true" : "false";
        return member;
      }
      break;
    case From::kScore: {
      const rt::Column* c = ScoreColumn(r, node.output);
      if (c == nullptr || c->IsNull(at.row)) return nullptr;
      double v = c->Float64(at.row);
      if (node.days) {
        *text = ir::FormatDate(at.as_of - int32_t(v));
        return *text;
      }
      *text = Number(v, node.is_int);
      return node.is_int ? OJson(int64_t(v)) : OJson(v);
    }
    case From::kClass:
      for (const rt::ClassResult& c : r.classes) {
        if (c.name != node.output) continue;
        if (c.values.IsNull(at.row)) return nullptr;
        const std::string& label = c.labels[size_t(c.values.Code(at.row))];
        *text = node.as_bool ? label : fmt::format("\"{}\"", label);
        if (node.as_bool) return label == "true";
        return label;
      }
      break;
    case From::kColumn: {
      const rt::Column* c = at.table->GetColumn(node.output);
      if (c == nullptr || c->IsNull(at.row)) return nullptr;
      switch (c->type()) {
        case rt::ColumnType::kInt:
          *text = std::to_string(c->Int64(at.row));
          return c->Int64(at.row);
        case rt::ColumnType::kFloat:
          *text = Number(c->Float64(at.row), false);
          return c->Float64(at.row);
        case rt::ColumnType::kBool:
          *text = c->Bool(at.row) ? "true" : "false";
          return c->Bool(at.row);
        case rt::ColumnType::kDate:
          *text = ir::FormatDate(c->Date32(at.row));
          return *text;
        case rt::ColumnType::kString:
        case rt::ColumnType::kEnum:
          *text = fmt::format("\"{}\"", c->String(at.row));
          return std::string(c->String(at.row));
      }
      break;
    }
  }
  text->clear();  // not computed (a column the run did not read)
  return nullptr;
}

void Lines(const ExplainNode& node, const ExplainRow& at, int depth, std::string& out) {
  std::string text;
  Value(node, at, &text);
  out += fmt::format("{:{}}{}{}\n", "", 2 * depth, node.text, text.empty() ? "" : " = " + text);
  for (const ExplainNode& child : node.children) Lines(child, at, depth + 1, out);
}

OJson Tree(const ExplainNode& node, const ExplainRow& at) {
  std::string text;
  OJson out = {{"text", node.text}, {"value", Value(node, at, &text)}};
  if (!node.children.empty()) {
    out["children"] = OJson::array();
    for (const ExplainNode& child : node.children) out["children"].push_back(Tree(child, at));
  }
  return out;
}

double Percent(int64_t part, int64_t whole) {
  return whole == 0 ? 0.0 : 100.0 * double(part) / double(whole);
}

}  // namespace

std::string ExplainText(const std::vector<ExplainDecl>& decls, const ExplainRow& row) {
  std::string out;
  for (const ExplainDecl& d : decls) Lines(d.root, row, 0, out);
  return out;
}

OJson ExplainJson(const std::vector<ExplainDecl>& decls, const ExplainRow& row) {
  OJson out = OJson::array();
  for (const ExplainDecl& d : decls) {
    std::string text;
    OJson value = Value(d.root, row, &text);
    out.push_back(
        {{"kind", d.kind}, {"name", d.name}, {"value", value}, {"tree", Tree(d.root, row)}});
  }
  return out;
}

std::string FunnelText(const std::string& segment, int64_t rows,
                       const std::vector<FunnelStep>& steps) {
  size_t width = 0;
  for (const FunnelStep& s : steps) width = std::max(width, s.condition.size());
  std::string out = fmt::format("funnel of segment {} over {} rows\n", segment, rows);
  int64_t before = rows;
  for (const FunnelStep& s : steps) {
    out += fmt::format("  {:<{}}  {:>8} left  {:>8} excluded ({:.1f}% of {})\n", s.condition, width,
                       s.rows, s.excluded, Percent(s.excluded, before), before);
    before = s.rows;
  }
  out += fmt::format("{}: {} of {} rows ({:.1f}%)\n", segment, before, rows, Percent(before, rows));
  return out;
}

OJson FunnelJson(const std::string& segment, int64_t rows, const std::vector<FunnelStep>& steps) {
  OJson out = {{"segment", segment}, {"rows", rows}, {"steps", OJson::array()}};
  int64_t before = rows;
  for (const FunnelStep& s : steps) {
    out["steps"].push_back({{"condition", s.condition},
                            {"rows", s.rows},
                            {"excluded", s.excluded},
                            {"excluded_percent", Percent(s.excluded, before)}});
    before = s.rows;
  }
  out["count"] = before;
  return out;
}

}  // namespace segc::cli
