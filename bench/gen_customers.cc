// Deterministic generator of a realistic customers table (CSV) for benchmarks.
// Same seed and row count → byte-identical file on every machine.
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "bench/bench_util.h"

namespace {

/// bench::SplitMix64 (fully specified: the file never depends on the libstdc++ version) with
/// the draws the customer columns need.
class Rng : public segc::bench::SplitMix64 {
 public:
  using SplitMix64::SplitMix64;
  bool Chance(double p) { return Uniform() < p; }
  double Normal() {  // Box-Muller; one value per call keeps the stream simple
    double u1 = Uniform(), u2 = Uniform();
    if (u1 < 1e-300) u1 = 1e-300;
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }
  /// Zipf-like skewed pick in [0, n): low indexes are much more frequent.
  int64_t Skewed(int64_t n, double s) {
    double u = Uniform();
    return static_cast<int64_t>(std::pow(u, s) * static_cast<double>(n)) % n;
  }
};

const char* const kCountries[] = {"FR", "DE", "IT", "ES", "GB", "NL", "BE", "PT", "PL", "SE",
                                  "DK", "FI", "AT", "IE", "CH", "CZ", "GR", "HU", "RO", "NO",
                                  "US", "CA", "BR", "MX", "JP", "AU", "IN", "CN", "ZA", "MA"};
const char* const kSectors[] = {"retail",       "agrifood",    "software",  "manufacturing",
                                "health",       "finance",     "education", "logistics",
                                "construction", "energy",      "media",     "hospitality",
                                "telecom",      "automotive",  "public",    "legal",
                                "consulting",   "real_estate", "chemicals", "textile"};
const char* const kChannels[] = {"web", "store", "app", "phone"};
const char* const kStages[] = {"customer", "prospect", "lead", "churned"};

class Writer {
 public:
  explicit Writer(FILE* out) : out_(out) { buf_.reserve(1 << 20); }
  ~Writer() { Flush(); }
  void Str(std::string_view s) { buf_.append(s); }
  void Sep() { buf_.push_back(','); }
  void Int(int64_t v) {
    char tmp[24];
    auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
    buf_.append(tmp, r.ptr);
  }
  void Money(double v) {  // two decimals, like a CRM export
    Int(static_cast<int64_t>(v));
    int64_t cents = static_cast<int64_t>(std::llround(v * 100.0)) % 100;
    buf_.push_back('.');
    buf_.push_back(static_cast<char>('0' + cents / 10));
    buf_.push_back(static_cast<char>('0' + cents % 10));
  }
  void Date(int32_t days) {  // days since 1970-01-01 → YYYY-MM-DD (civil-from-days)
    int64_t z = days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp < 10 ? mp + 3 : mp - 9;
    int64_t y = yoe + era * 400 + (m <= 2);
    char tmp[10] = {static_cast<char>('0' + y / 1000 % 10),
                    static_cast<char>('0' + y / 100 % 10),
                    static_cast<char>('0' + y / 10 % 10),
                    static_cast<char>('0' + y % 10),
                    '-',
                    static_cast<char>('0' + m / 10),
                    static_cast<char>('0' + m % 10),
                    '-',
                    static_cast<char>('0' + d / 10),
                    static_cast<char>('0' + d % 10)};
    buf_.append(tmp, sizeof tmp);
  }
  void EndRow() {
    buf_.push_back('\n');
    if (buf_.size() > (1 << 20) - 512) Flush();
  }
  void Flush() {
    if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), out_) != buf_.size()) {
      std::perror("write");
      std::exit(1);
    }
    buf_.clear();
  }

 private:
  FILE* out_;
  std::string buf_;
};

constexpr int32_t kToday = 20758;  // 2026-10-31, fixed so the data does not depend on the clock

void WriteRow(Writer& w, Rng& rng, int64_t id) {
  double cltv = std::exp(5.5 + 1.1 * rng.Normal());
  int64_t orders = 1 + static_cast<int64_t>(std::exp(1.0 + 0.9 * rng.Normal()));
  double spent = cltv * (0.4 + 0.5 * rng.Uniform());
  int32_t first = kToday - static_cast<int32_t>(rng.Below(5 * 365));
  int32_t last = first + static_cast<int32_t>(rng.Below(kToday - first + 1));
  w.Int(id), w.Sep(), w.Money(cltv), w.Sep(), w.Money(spent), w.Sep(), w.Int(orders), w.Sep();
  w.Date(first), w.Sep(), w.Date(last), w.Sep();
  if (!rng.Chance(0.12)) w.Int(18 + rng.Skewed(70, 1.6));
  w.Sep();
  w.Str(kCountries[rng.Skewed(30, 2.2)]), w.Sep();
  w.Str("city_"), w.Int(rng.Skewed(500, 3.0)), w.Sep();
  w.Str(kSectors[rng.Skewed(20, 1.8)]), w.Sep();
  w.Str(kChannels[rng.Skewed(4, 1.5)]), w.Sep();
  w.Str(rng.Chance(0.62) ? "true" : "false"), w.Sep();
  w.Str(rng.Chance(0.35) ? "true" : "false"), w.Sep();
  w.Str(kStages[rng.Skewed(4, 1.3)]), w.Sep();
  if (!rng.Chance(0.3)) w.Int(1 + static_cast<int64_t>(std::exp(3.0 + 1.8 * rng.Normal())));
  w.Sep();
  w.Int(rng.Skewed(40, 2.5)), w.Sep(), w.Int(rng.Skewed(60, 2.0)), w.Sep();
  w.Str(rng.Chance(0.04) ? "true" : "false");
  w.EndRow();
}

}  // namespace

int main(int argc, char** argv) {
  int64_t rows = 10'000'000;
  uint64_t seed = 42;
  const char* out_path = nullptr;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--rows"))
      rows = std::atoll(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--seed"))
      seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (!std::strcmp(argv[i], "--out"))
      out_path = argv[i + 1];
  }
  if (!out_path || rows < 0) {
    std::fprintf(stderr, "usage: gen_customers --out FILE.csv [--rows N] [--seed S]\n");
    return 2;
  }
  std::string tmp = std::string(out_path) + ".tmp";
  FILE* out = std::fopen(tmp.c_str(), "wb");
  if (!out) {
    std::perror(tmp.c_str());
    return 1;
  }
  {
    Writer w(out);
    w.Str(
        "customer_id,cltv,total_spent,orders,first_purchase,last_purchase,age,country,city,"
        "sector,channel,consent_email,consent_sms,lifecycle_stage,employees,email_opens_30d,"
        "visits_30d,unsubscribed\n");
    Rng rng(seed);
    for (int64_t id = 1; id <= rows; ++id) WriteRow(w, rng, id);
  }
  if (std::fclose(out) != 0 || std::rename(tmp.c_str(), out_path) != 0) {
    std::perror(out_path);
    return 1;
  }
  return 0;
}
