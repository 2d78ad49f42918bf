// embed.cpp — the C++ API (segc/segc.hpp) end to end: compile examples/embed/rules once, build
// a table over this program's own vectors (no copy), run it at two dates and print the counts.
//
//   embed_cpp RULES_DIR [--csv FILE]
//
// --csv also writes the columns as CSV, so `segc run` can be given the same data.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <segc/segc.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr int kRows = 1000;
constexpr int32_t kAsOfDays = 20758;  // 2026-11-01
const std::vector<std::string> kCountries = {"FR", "DE", "IT", "ES"};

// The columns, from the formulas every embed example uses (examples/embed/README.md), in
// the Arrow layout: values plus a validity bitmap (bit set = value present).
struct Columns {
  std::vector<int64_t> customer_id, orders;
  std::vector<double> cltv;
  std::vector<int32_t> last_purchase, country;
  std::vector<uint8_t> cltv_valid, last_purchase_valid, consent, consent_valid, country_valid;

  Columns() {
    const size_t bitmap_bytes = (kRows + 7) / 8;
    for (auto* bits :
         {&cltv_valid, &last_purchase_valid, &consent, &consent_valid, &country_valid}) {
      bits->assign(bitmap_bytes, 0);
    }
    for (int i = 0; i < kRows; ++i) {
      customer_id.push_back(i + 1);
      cltv.push_back(double(i * 7919 % 1000) / 10.0);
      Set(cltv_valid, i, i % 17 != 0);
      last_purchase.push_back(kAsOfDays - i * 37 % 500);
      Set(last_purchase_valid, i, i % 23 != 0);
      orders.push_back(i % 9);
      Set(consent, i, i % 3 != 0);
      Set(consent_valid, i, i % 29 != 0);
      country.push_back(i % 4);
      Set(country_valid, i, i % 31 != 0);
    }
  }
  static void Set(std::vector<uint8_t>& bits, int i, bool on) {
    if (on) bits[size_t(i / 8)] |= uint8_t(1u << (i % 8));
  }
  static bool Get(const std::vector<uint8_t>& bits, int i) {
    return (bits[size_t(i / 8)] >> (i % 8)) & 1;
  }
};

// A buffer over memory this program owns (nullptr owner: nothing to release).
std::shared_ptr<segc::rt::Buffer> View(const void* data, size_t bytes) {
  return segc::rt::Buffer::Wrap(data, bytes, nullptr);
}

template <typename T>
std::shared_ptr<segc::rt::Buffer> View(const std::vector<T>& v) {
  return View(v.data(), v.size() * sizeof(T));
}

segc::rt::Column Make(segc::rt::ColumnType type, std::shared_ptr<segc::rt::Buffer> values,
                      std::shared_ptr<segc::rt::Buffer> validity,
                      std::shared_ptr<const segc::rt::Dictionary> dictionary = nullptr) {
  auto column = segc::rt::Column::Make(type, kRows, values, validity, dictionary);
  if (!column.ok()) throw std::runtime_error(column.status().message());
  return *column;
}

segc::rt::Table MakeTable(const Columns& c) {
  using segc::rt::ColumnType;
  std::vector<std::string_view> countries(kCountries.begin(), kCountries.end());
  auto table = segc::rt::Table::Make(
      {"customer_id", "cltv", "last_purchase", "orders", "consent_email", "country"},
      {Make(ColumnType::kInt, View(c.customer_id), nullptr),
       Make(ColumnType::kFloat, View(c.cltv), View(c.cltv_valid)),
       Make(ColumnType::kDate, View(c.last_purchase), View(c.last_purchase_valid)),
       Make(ColumnType::kInt, View(c.orders), nullptr),
       Make(ColumnType::kBool, View(c.consent), View(c.consent_valid)),
       Make(ColumnType::kString, View(c.country), View(c.country_valid),
            segc::rt::Dictionary::Make(countries))});
  if (!table.ok()) throw std::runtime_error(table.status().message());
  return *table;
}

void WriteCsv(const Columns& c, const std::string& path) {
  std::ofstream out(path);
  out << "customer_id,cltv,last_purchase,orders,consent_email,country\n";
  for (int i = 0; i < kRows; ++i) {
    char cltv[32];
    std::snprintf(cltv, sizeof cltv, "%.1f", c.cltv[size_t(i)]);
    out << c.customer_id[size_t(i)] << ',' << (Columns::Get(c.cltv_valid, i) ? cltv : "") << ','
        << (Columns::Get(c.last_purchase_valid, i) ? segc::FormatDate(c.last_purchase[size_t(i)])
                                                   : "")
        << ',' << c.orders[size_t(i)] << ','
        << (Columns::Get(c.consent_valid, i) ? (Columns::Get(c.consent, i) ? "true" : "false") : "")
        << ',' << (Columns::Get(c.country_valid, i) ? kCountries[size_t(c.country[size_t(i)])] : "")
        << '\n';
  }
}

void Print(const std::string& title, const segc::rt::RunResult& r) {
  std::printf("run %s\nrows %lld\n", title.c_str(), static_cast<long long>(r.rows));
  for (const auto& s : r.segments)
    std::printf("segment %s %lld\n", s.name.c_str(), (long long)s.count);
  for (const auto& s : r.scores) {
    std::printf("score %s %lld %.6f\n", s.name.c_str(), (long long)s.count, s.count ? s.mean : 0.0);
  }
  for (const auto& c : r.classes) {
    for (size_t k = 0; k < c.labels.size(); ++k) {
      std::printf("class %s %s %lld\n", c.name.c_str(), c.labels[k].c_str(),
                  (long long)c.label_counts[k]);
    }
    std::printf("class %s null %lld\n", c.name.c_str(), (long long)c.null_count);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && !(argc == 4 && std::string(argv[2]) == "--csv")) {
    std::cerr << "usage: embed_cpp RULES_DIR [--csv FILE]\n";
    return 2;
  }
  const Columns columns;
  if (argc == 4) WriteCsv(columns, argv[3]);

  std::vector<segc::Diagnostic> diagnostics;
  auto program =
      segc::Program::Compile(segc::ProjectSource::FromPaths({argv[1]}), {}, &diagnostics);
  for (const auto& d : diagnostics) std::cerr << d.rendered;
  if (!program.ok()) {
    std::cerr << "embed_cpp: " << program.status().message() << '\n';
    return 1;
  }
  const segc::rt::Table table = MakeTable(columns);

  auto first = program->Run(table);
  if (!first.ok()) {
    std::cerr << "embed_cpp: " << first.status().message() << '\n';
    return 1;
  }
  Print("default", *first);

  segc::RunInputs inputs;  // the same program at another date: nothing is recompiled
  inputs.as_of = *segc::ParseDate("2026-12-01");
  inputs.threads = 2;
  auto second = program->Run(table, inputs);
  if (!second.ok()) {
    std::cerr << "embed_cpp: " << second.status().message() << '\n';
    return 1;
  }
  Print("2026-12-01", *second);
  return 0;
}
