// --delimiter: auto, ',', ';', '|', tab or whitespace.
#include "cli/delimiter.h"

#include "segc/csv.h"

namespace segc::cli {

void AddDelimiterOption(CLI::App* app, std::string& value) {
  app->add_option("--delimiter", value,
                  "Field separator: auto (detect), ',', ';', '|', tab, or whitespace (runs of "
                  "spaces and tabs, as in aligned text)")
      ->check(CLI::IsMember({"auto", ",", ";", "|", "tab", "whitespace"}).description(""))
      ->type_name("D")
      ->capture_default_str();
}

char DelimiterChar(const std::string& value) {
  if (value == "tab") return '\t';
  if (value == "whitespace") return rt::kWhitespaceDelimiter;
  if (value == "auto" || value.empty()) return '\0';
  return value[0];
}

}  // namespace segc::cli
