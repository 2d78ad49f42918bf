// --delimiter: auto, ',', ';', '|', tab or whitespace.
#include "cli/delimiter.h"

#include "segc/csv.h"
#include "segc/encoding.h"

namespace segc::cli {

void AddDelimiterOption(CLI::App* app, std::string& value) {
  app->add_option("--delimiter", value,
                  "Field separator: auto (detect), ',', ';', '|', tab, or whitespace (runs of "
                  "spaces and tabs, as in aligned text)")
      ->check(CLI::IsMember({"auto", ",", ";", "|", "tab", "whitespace"}).description(""))
      ->type_name("D")
      ->capture_default_str();
}

void AddEncodingOption(CLI::App* app, std::string& value, const std::string& description) {
  app->add_option("--encoding", value, description)
      ->check(
          [](const std::string& name) -> std::string {
            if (rt::ParseEncodingName(name)) return "";
            return "unknown encoding '" + name +
                   "': use utf-8, windows-1252, iso-8859-1 or iso-8859-15";
          },
          "")
      ->type_name("NAME");
}

char DelimiterChar(const std::string& value) {
  if (value == "tab") return '\t';
  if (value == "whitespace") return rt::kWhitespaceDelimiter;
  if (value == "auto" || value.empty()) return '\0';
  return value[0];
}

}  // namespace segc::cli
