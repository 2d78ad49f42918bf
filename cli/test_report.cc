// Text and JUnit XML renderings of rule test results (docs/testing.md "Rule tests").
#include "cli/test_report.h"

#include <fmt/format.h>

#include <map>

#include "cli/report_html.h"

namespace segc::cli {
namespace {

std::string Indent(const std::string& text, const std::string& prefix) {
  std::string out = prefix;
  for (char c : text) {
    out += c;
    if (c == '\n') out += prefix;
  }
  return out;
}

/// HTML's escaping (report_html.h) without the control characters XML 1.0 lacks (all but tab,
/// newline and carriage return).
std::string XmlEscape(const std::string& text) {
  std::string kept;
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') kept += c;
  }
  return HtmlEscape(kept);
}

size_t Failed(const std::vector<const CaseResult*>& cases) {
  size_t n = 0;
  for (const CaseResult* c : cases) n += c->failures.empty() ? 0 : 1;
  return n;
}

double Seconds(const std::vector<const CaseResult*>& cases) {
  double s = 0;
  for (const CaseResult* c : cases) s += c->seconds;
  return s;
}

}  // namespace

std::string FormatResults(const std::vector<CaseResult>& results) {
  std::string out;
  std::string file;
  for (const CaseResult& r : results) {
    if (r.file != file) out += (file = r.file) + "\n";
    out += fmt::format("  {}  {}\n", r.failures.empty() ? "ok  " : "FAIL", r.name);
    for (const std::string& failure : r.failures) out += Indent(failure, "        ") + "\n";
  }
  return out;
}

double CoveragePercent(const std::vector<ProjectCoverage>& coverage) {
  size_t covered = 0, total = 0;
  for (const ProjectCoverage& p : coverage) {
    for (const CoverageTarget& t : p.targets) {
      covered += t.seen_true && t.seen_false ? 1 : 0;
      ++total;
    }
  }
  return total == 0 ? 100.0 : 100.0 * double(covered) / double(total);
}

std::string FormatCoverage(const std::vector<ProjectCoverage>& coverage) {
  std::string out;
  for (const ProjectCoverage& p : coverage) {
    size_t covered = 0;
    std::string missing;
    for (const CoverageTarget& t : p.targets) {
      if (t.seen_true && t.seen_false) {
        ++covered;
        continue;
      }
      const char* never = !t.seen_true && !t.seen_false ? "never run"
                          : t.seen_true                 ? "never false"
                                                        : "never true";
      missing += fmt::format("  {:<12} {}\n", never, t.what);
    }
    out += fmt::format("coverage of {}: {} of {} conditions both true and false ({:.1f}%)\n",
                       p.rules, covered, p.targets.size(), CoveragePercent({p}));
    out += missing;
  }
  if (coverage.size() > 1)
    out += fmt::format("coverage: {:.1f}% in all\n", CoveragePercent(coverage));
  return out;
}

std::string JunitXml(const std::vector<CaseResult>& results) {
  std::map<std::string, std::vector<const CaseResult*>> by_file;
  std::vector<const CaseResult*> all;
  std::vector<std::string> order;
  for (const CaseResult& r : results) {
    if (!by_file.count(r.file)) order.push_back(r.file);
    by_file[r.file].push_back(&r);
    all.push_back(&r);
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format(
      "<testsuites name=\"segc test\" tests=\"{}\" failures=\"{}\" errors=\"0\" time=\"{:.3f}\">\n",
      all.size(), Failed(all), Seconds(all));
  for (const std::string& file : order) {
    const std::vector<const CaseResult*>& cases = by_file[file];
    out += fmt::format(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\" "
        "time=\"{:.3f}\">\n",
        XmlEscape(file), cases.size(), Failed(cases), Seconds(cases));
    for (const CaseResult* c : cases) {
      out += fmt::format("    <testcase name=\"{}\" classname=\"{}\" time=\"{:.3f}\"",
                         XmlEscape(c->name), XmlEscape(file), c->seconds);
      if (c->failures.empty()) {
        out += "/>\n";
        continue;
      }
      std::string text = fmt::format("{}", fmt::join(c->failures, "\n"));
      std::string first = text.substr(0, text.find('\n'));
      out += fmt::format(">\n      <failure message=\"{}\" type=\"expectation\">{}</failure>\n",
                         XmlEscape(first), XmlEscape(text));
      out += "    </testcase>\n";
    }
    out += "  </testsuite>\n";
  }
  return out + "</testsuites>\n";
}

}  // namespace segc::cli
