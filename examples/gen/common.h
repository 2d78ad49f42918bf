// Shared pieces of the example-data generator: a portable RNG, dates, CSV fields, name lists.
// Pure integer/float arithmetic on fixed seeds (no <random> distributions, no libm), so every
// platform writes byte-identical files. All dates are relative to the examples' as_of.
#pragma once

#include <array>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace segc::examples {

/// splitmix64: tiny, well mixed, identical everywhere.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, 1).
  double U() { return static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0); }
  /// Uniform integer in [lo, hi].
  int64_t Int(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Next() % static_cast<uint64_t>(hi - lo + 1));
  }
  bool Chance(double p) { return U() < p; }
  template <typename T, size_t N>
  const T& Pick(const std::array<T, N>& items) {
    return items[Next() % N];
  }
  /// Index by weights (integers).
  size_t Weighted(std::initializer_list<int> weights) {
    int total = 0;
    for (int w : weights) total += w;
    int64_t r = Int(0, total - 1);
    size_t i = 0;
    for (int w : weights) {
      if (r < w) return i;
      r -= w;
      ++i;
    }
    return i - 1;
  }

 private:
  uint64_t state_;
};

// --- dates (days since 1970-01-01, proleptic Gregorian) ---

inline int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  int64_t y;
  int m, d;
};

inline Civil CivilFromDays(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (m <= 2), m, d};
}

inline const int64_t kAsOf = DaysFromCivil(2026, 11, 1);

inline std::string Iso(int64_t days) {
  Civil c = CivilFromDays(days);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", static_cast<long long>(c.y), c.m, c.d);
  return buf;
}

inline std::string DayMonthYear(int64_t days) {
  Civil c = CivilFromDays(days);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04lld", c.d, c.m, static_cast<long long>(c.y));
  return buf;
}

// --- CSV ---

inline std::string Field(std::string_view text) {
  if (text.find_first_of(",\"\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

inline std::string Money(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", value);
  return buf;
}

inline std::string Bool(bool value) { return value ? "true" : "false"; }

class Csv {
 public:
  explicit Csv(std::string header) : text_(std::move(header) + "\n") {}
  void Row(const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) text_ += ',';
      text_ += Field(fields[i]);
    }
    text_ += '\n';
  }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

inline std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

inline const std::array<const char*, 24> kFirstNames = {
    "Camille", "Lucas", "Chloé", "Hugo",   "Léa",    "Louis",  "Manon", "Gabriel",
    "Emma",    "Jules", "Inès",  "Arthur", "Zoé",    "Nathan", "Sarah", "Thomas",
    "Julie",   "Marc",  "Anna",  "Pierre", "Hélène", "Noah",   "Laura", "Antoine"};
inline const std::array<const char*, 16> kLastNames = {
    "martin", "bernard", "dubois", "thomas",  "robert",   "richard", "petit",  "durand",
    "leroy",  "moreau",  "simon",  "laurent", "lefebvre", "michel",  "garcia", "fournier"};

/// A recency in days with the mix of a real base: recent, lapsing and old customers.
inline int64_t Recency(Rng& rng, int64_t max_days) {
  size_t band = rng.Weighted({40, 30, 30});
  int64_t days = band == 0 ? rng.Int(0, 120) : band == 1 ? rng.Int(121, 365) : rng.Int(366, 1400);
  return days > max_days ? max_days : days;
}

/// customers.csv of examples/retail (rules/schema.seg there), `rows` rows.
std::string RetailCustomers(int rows);
/// leads.csv of examples/b2b_leads, `rows` rows.
std::string B2bLeads(int rows);
/// contacts.csv of examples/lifecycle_consent, `rows` rows.
std::string LifecycleContacts(int rows);
/// accounts.csv of examples/support_tiers, `rows` rows.
std::string SupportAccounts(int rows);
/// clients.csv of examples/boutique_fr (French Excel's CSV UTF-8), `rows` rows.
std::string BoutiqueClients(int rows);

}  // namespace segc::examples
