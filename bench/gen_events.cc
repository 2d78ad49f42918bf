// Deterministic generator of a customer table and its purchase log (two CSV files) for the
// events benchmark (bench/events_bench.sh). Same arguments → byte-identical files.
//   gen_events CUSTOMERS EVENTS OUT_DIR [AS_OF_DAYS]
// writes OUT_DIR/customers.csv (customer_id, signup_date) and OUT_DIR/purchases.csv
// (customer_id, date, amount): the events in random customer order (as a log that is not sorted
// by customer), dates over the two years before as_of, amounts log-normal with cents; activity is
// skewed (a few customers buy very often) and about one customer in eight never buys.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench/bench_util.h"

namespace {

using Rng = segc::bench::SplitMix64;

/// Buffered CSV writer with integer and fixed-point formatting (no locale, no printf per field).
class Writer {
 public:
  explicit Writer(const std::string& path) : out_(std::fopen(path.c_str(), "wb")) {
    if (out_ == nullptr) {
      std::perror(path.c_str());
      std::exit(1);
    }
    buf_.reserve(1 << 22);
  }
  ~Writer() {
    Flush();
    if (std::fclose(out_) != 0) std::exit(1);
  }
  void Text(const char* s) { buf_ += s; }
  void Char(char c) { buf_.push_back(c); }
  void Int(int64_t v) {
    char tmp[24];
    int n = 0;
    do {
      tmp[n++] = char('0' + v % 10);
      v /= 10;
    } while (v > 0);
    while (n > 0) buf_.push_back(tmp[--n]);
  }
  void Date(int32_t days) {  // days since 1970-01-01 → YYYY-MM-DD (civil from days)
    int64_t z = days + 719468;
    int64_t era = z / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp < 10 ? mp + 3 : mp - 9;
    int64_t y = yoe + era * 400 + (m <= 2);
    Int(y);
    Char('-');
    Two(m);
    Char('-');
    Two(d);
  }
  void Cents(int64_t cents) {
    Int(cents / 100);
    Char('.');
    Two(cents % 100);
  }
  void EndLine() {
    buf_.push_back('\n');
    if (buf_.size() > (1 << 22) - 64) Flush();
  }

 private:
  void Two(int64_t v) {
    buf_.push_back(char('0' + v / 10));
    buf_.push_back(char('0' + v % 10));
  }
  void Flush() {
    if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), out_) != buf_.size()) {
      std::perror("write");
      std::exit(1);
    }
    buf_.clear();
  }
  FILE* out_;
  std::string buf_;
};

/// The customer of one event: 1 in 8 customers never buys; among the others, a power law
/// (customer ranks scrambled so that heavy buyers are spread over the id range).
int64_t Buyer(Rng& rng, int64_t buyers) {
  double u = rng.Uniform();
  auto rank = static_cast<int64_t>(std::pow(u, 2.2) * static_cast<double>(buyers));
  if (rank >= buyers) rank = buyers - 1;
  // An odd multiplier modulo a power of two is a bijection; reject values beyond the range.
  uint64_t span = 1;
  while (span < uint64_t(buyers)) span <<= 1;
  uint64_t x = uint64_t(rank);
  do x = (x * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull) & (span - 1);
  while (x >= uint64_t(buyers));
  return int64_t(x);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: gen_events CUSTOMERS EVENTS OUT_DIR [AS_OF_DAYS]\n");
    return 2;
  }
  const int64_t customers = std::atoll(argv[1]);
  const int64_t events = std::atoll(argv[2]);
  const std::string dir = argv[3];
  const int32_t as_of = argc > 4 ? std::atoi(argv[4]) : 20758;  // 2026-11-01
  if (customers < 1 || events < 0) {
    std::fprintf(stderr, "gen_events: need CUSTOMERS >= 1 and EVENTS >= 0\n");
    return 2;
  }
  Rng rng(20261101);
  {
    Writer out(dir + "/customers.csv");
    out.Text("customer_id,signup_date\n");
    for (int64_t c = 0; c < customers; ++c) {
      out.Int(c + 1);
      out.Char(',');
      out.Date(as_of - 730 - int32_t(rng.Below(1500)));
      out.EndLine();
    }
  }
  const int64_t buyers = customers - customers / 8;
  Writer out(dir + "/purchases.csv");
  out.Text("customer_id,date,amount\n");
  for (int64_t e = 0; e < events; ++e) {
    // Buyer picks among the first `buyers` ids; the ids above never buy.
    out.Int(Buyer(rng, buyers) + 1);
    out.Char(',');
    out.Date(as_of - int32_t(rng.Below(730)));
    out.Char(',');
    double amount = std::exp(3.4 + 0.9 * (rng.Uniform() + rng.Uniform() + rng.Uniform() - 1.5));
    out.Cents(std::llround(amount * 100));
    out.EndLine();
  }
  return 0;
}
