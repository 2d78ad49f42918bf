// examples/retail/data/customers.csv: a French home-goods retailer's CRM export.
#include <string>
#include <vector>

#include "examples/gen/common.h"

namespace segc::examples {
namespace {

const std::array<const char*, 6> kDomains = {"gmail.com",  "orange.fr",   "free.fr",
                                             "hotmail.fr", "laposte.net", "outlook.com"};
const std::array<const char*, 6> kStores = {"web",
                                            "Lyon Part-Dieu",
                                            "Paris Rivoli",
                                            "Bordeaux Sainte-Catherine",
                                            "Lille Euralille",
                                            "Marseille, Prado"};
const std::array<const char*, 10> kFrenchDepartments = {"69", "75", "13", "33", "59",
                                                        "31", "44", "67", "38", "01"};

std::string Country(Rng& rng) {
  static const char* const kCountries[] = {"FR", "BE", "CH", "DE", "LU", "IT", "ES", ""};
  return kCountries[rng.Weighted({75, 8, 5, 4, 2, 3, 2, 1})];
}

std::string Postcode(Rng& rng, const std::string& country) {
  if (country.empty() || rng.Chance(0.02)) return "";
  char buf[16];
  if (country == "FR") {
    // Lyon and the Rhône (69) are over-represented: the chain started there.
    const char* dept = rng.Chance(0.12) ? "69" : rng.Pick(kFrenchDepartments);
    std::snprintf(buf, sizeof buf, "%s%03d", dept, static_cast<int>(rng.Int(0, 999)));
  } else if (country == "DE" || country == "IT" || country == "ES") {
    std::snprintf(buf, sizeof buf, "%05d", static_cast<int>(rng.Int(1000, 99999)));
  } else {
    std::snprintf(buf, sizeof buf, "%04d", static_cast<int>(rng.Int(1000, 9999)));
  }
  return buf;
}

std::string Tier(Rng& rng, double spent) {
  if (spent >= 1500 && rng.Chance(0.25)) return "silver";  // upgrades lag behind spend
  if (rng.Chance(0.08)) return "none";
  return spent < 300 ? "none" : spent < 1500 ? "silver" : spent < 4000 ? "gold" : "platinum";
}

std::string OptionalBool(Rng& rng, double p_true, double p_null) {
  if (rng.Chance(p_null)) return "";
  return Bool(rng.Chance(p_true));
}

/// Purchase history of one customer: dates, orders, money.
struct History {
  int64_t orders = 0;
  int64_t first = 0, last = 0;  // days; meaningless when orders == 0
  double spent = 0, margin = 0, cltv = 0;
  int64_t returns = 0;
};

History Purchases(Rng& rng, int64_t signup) {
  History h;
  if (rng.Chance(0.06)) {  // signed up, never bought
    h.cltv = rng.U() * 40;
    return h;
  }
  double r = rng.U();
  h.orders = 1 + static_cast<int64_t>(r * r * r * 35);
  h.first = signup + rng.Int(0, 60);
  if (h.first > kAsOf) h.first = kAsOf;
  int64_t most = 1 + (kAsOf - h.first) / 20;  // at most an order every 20 days
  if (h.orders > most) h.orders = most;
  int64_t recency = Recency(rng, kAsOf - h.first);
  h.last = h.orders == 1 ? h.first : kAsOf - recency;
  if (h.orders == 1 && rng.Chance(0.4)) h.first = h.last = kAsOf - recency;
  double basket = 25 + rng.U() * rng.U() * 180;
  h.spent = static_cast<double>(h.orders) * basket * (0.8 + 0.4 * rng.U());
  h.margin = h.spent * (0.22 + 0.2 * rng.U());
  double freshness = 1.0 - static_cast<double>(recency > 730 ? 730 : recency) / 730.0;
  h.cltv = h.spent * (0.6 + 1.4 * freshness) + rng.U() * 50;
  bool serial_returner = h.orders >= 3 && rng.Chance(0.06);
  double u = rng.U();
  h.returns = static_cast<int64_t>(static_cast<double>(h.orders) *
                                   (serial_returner ? 0.35 + 0.45 * u : u * u * u * u * 0.3));
  return h;
}

std::vector<std::string> Customer(Rng& rng, int i) {
  std::string first = rng.Pick(kFirstNames);
  // One random draw per statement: the order of operands of `+` is unspecified in C++.
  std::string email;
  if (!rng.Chance(0.05)) {
    std::string last = rng.Pick(kLastNames);
    std::string domain = rng.Pick(kDomains);
    email = Lower(first.substr(0, 1)) + "." + last + std::to_string(i % 97) + "@" + domain;
  }
  std::string country = Country(rng);
  std::string birth;
  if (!rng.Chance(0.1)) {
    int64_t age_years = rng.Int(18, 82);
    birth = DayMonthYear(kAsOf - age_years * 365 - rng.Int(0, 364));
  }
  int64_t signup = kAsOf - rng.Int(0, 11 * 365);
  History h = Purchases(rng, signup);
  bool bought = h.orders > 0;
  std::string sessions = rng.Chance(0.07) ? "" : std::to_string(rng.Int(0, 5) * rng.Int(0, 5));
  return {std::to_string(100001 + i),
          email,
          first,
          country,
          Postcode(rng, country),
          birth,
          Iso(signup),
          bought ? Iso(h.first) : "",
          bought ? Iso(h.last) : "",
          std::to_string(h.orders),
          Money(h.spent),
          Money(h.margin),
          rng.Chance(0.03) ? "" : Money(h.cltv),  // the model did not score everyone
          std::to_string(h.returns),
          Tier(rng, h.spent),
          rng.Chance(0.05) ? "" : rng.Pick(kStores),
          sessions,
          OptionalBool(rng, 0.8, 0.06),
          OptionalBool(rng, 0.33, 0.1)};
}

}  // namespace

std::string RetailCustomers(int rows) {
  Rng rng(20261101);
  Csv csv(
      "customer_id,email,first_name,country,postcode,birth_date,signup_date,first_purchase,"
      "last_purchase,orders,total_spent,gross_margin,cltv,returns,loyalty_tier,preferred_store,"
      "Web Sessions 90d,consent_email,consent_sms");
  for (int i = 0; i < rows; ++i) csv.Row(Customer(rng, i));
  return csv.text();
}

}  // namespace segc::examples
