// `segc report`: one self-contained HTML page rendered from a run's JSON summary (docs/cli.md,
// "segc report"). Every number of the summary appears in an element carrying
// data-segc="PATH" (the JSON member names and array indices joined by '.') and
// data-value="RAW" (the JSON value as `segc run --format json` prints it).
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace segc::cli {

/// What the page shows besides the summary itself.
struct ReportPage {
  nlohmann::ordered_json summary;                   ///< JsonSummary() of the run, parsed
  std::vector<std::string> rule_files;              ///< the rule files read
  std::vector<std::string> data_files;              ///< the --data files
  std::map<std::string, std::string> descriptions;  ///< segment → its description
  struct Expect {
    std::string segment, expected;  ///< "between 200 and 20%"
    int64_t low = 0, high = 0;      ///< the bounds in rows
    bool passed = false;
  };
  std::vector<Expect> expects;
  struct Split {
    std::string name, segment;
  };
  std::vector<Split> splits;  ///< classes that are splits (shown as arms, not classes)
};

/// `text` with &, <, >, " and ' replaced by character references (UTF-8 passes through).
std::string HtmlEscape(std::string_view text);

/// The whole page: a doctype, inline CSS and SVG, no script needed and no external URL.
/// Headings are in the message language (cli/lang.h).
std::string RenderReport(const ReportPage& page);

}  // namespace segc::cli
