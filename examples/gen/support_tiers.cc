// examples/support_tiers/data/accounts.csv: the account export a B2B SaaS support team routes
// tickets with (plan, value, ticket load, satisfaction, escalations, logins, renewal).
#include <string>
#include <vector>

#include "examples/gen/common.h"

namespace segc::examples {
namespace {

const std::array<const char*, 20> kStems = {
    "Nordlicht", "Bluewave",  "Castellan", "Fjord",    "Helios",  "Kestrel",   "Lumen",
    "Meridian",  "Northgate", "Orchard",   "Pinnacle", "Quarry",  "Riverside", "Saffron",
    "Tidewater", "Umbra",     "Vantage",   "Westmark", "Yardley", "Zephyr"};
const std::array<const char*, 8> kKinds = {"Logistics", "Health",  "Retail", "Foods",
                                           "Energy",    "Finance", "Media",  "Robotics"};
const std::array<const char*, 6> kCsms = {"Ana Souza",     "Ben Carter",   "Chiara Rossi",
                                          "Dmitri Ivanov", "Emma Laurent", "Fatima Haddad"};

struct Plan {
  const char* name;
  int64_t min_seats, max_seats;
  double price;  // per seat and month, before discounts
};
const Plan kPlans[] = {
    {"free", 1, 3, 0}, {"starter", 2, 15, 15}, {"pro", 10, 80, 39}, {"enterprise", 50, 2000, 65}};

std::string Decimal1(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", value);
  return buf;
}

/// Open escalations: rare, more frequent for big accounts and for unhappy ones.
int64_t Escalations(Rng& rng, bool enterprise, bool unhappy, int64_t tickets) {
  if (tickets == 0) return 0;
  if (unhappy) return static_cast<int64_t>(rng.Weighted({55, 30, 15}));
  return static_cast<int64_t>(enterprise ? rng.Weighted({82, 14, 4}) : rng.Weighted({95, 4, 1}));
}

/// Average satisfaction (1..5, one decimal) of the rated tickets of the last 90 days; empty when
/// there was no ticket or nobody answered the survey.
std::string Csat(Rng& rng, int64_t tickets, int64_t escalations, bool unhappy) {
  if (tickets == 0 || rng.Chance(0.25)) return "";
  double csat = (unhappy ? 2.6 : 4.3) + 1.2 * (rng.U() - 0.5) - 0.4 * double(escalations);
  if (csat < 1) csat = 1;
  if (csat > 5) csat = 5;
  return Decimal1(csat);
}

/// The next yearly renewal after as_of (contract anniversaries); free plans have none.
std::string Renewal(const Plan& plan, int64_t signup) {
  if (plan.price == 0) return "";
  return Iso(kAsOf + 365 - (kAsOf - signup) % 365);
}

std::vector<std::string> Account(Rng& rng, int i) {
  const Plan& plan = kPlans[rng.Weighted({25, 35, 28, 12})];
  bool enterprise = plan.price >= 65;
  // One random draw per statement: the order of operands of `+` is unspecified in C++.
  std::string company = rng.Pick(kStems);
  company += std::string(" ") + rng.Pick(kKinds);
  static const char* const kRegions[] = {"EMEA", "NA", "APAC", "LATAM"};
  std::string region = kRegions[rng.Weighted({50, 30, 15, 5})];
  int64_t tenure = rng.Int(5, 2500);
  int64_t seats = rng.Int(plan.min_seats, plan.max_seats);
  if (enterprise && rng.Chance(0.7)) seats = rng.Int(50, 300);  // few very large customers
  double discount = enterprise ? 0.6 + 0.3 * rng.U() : 1.0;
  double mrr = double(seats) * plan.price * discount;
  bool unhappy = rng.Chance(0.15);
  double retention = unhappy ? 0.2 + 0.4 * rng.U() : 0.6 + 0.4 * rng.U();
  double noise = rng.U();
  double cltv = plan.price == 0 ? 400 * noise * noise : mrr * 36 * retention + 200 * noise;
  bool scored = tenure >= 30 && !rng.Chance(0.02);  // the model scores accounts after 30 days
  // Ticket load grows with the seats; unhappy accounts write more; free users mostly self-serve.
  int64_t tickets = rng.Int(0, 3);
  if (seats > 40) tickets += rng.Int(1, 6);
  if (unhappy) tickets += rng.Int(2, 8);
  if (plan.price == 0 && rng.Chance(0.6)) tickets = 0;
  int64_t escalations = Escalations(rng, enterprise, unhappy, tickets);
  std::string csat = Csat(rng, tickets, escalations, unhappy);
  std::string last_ticket = tickets > 0 ? Iso(kAsOf - rng.Int(0, 89)) : "";
  int64_t idle = unhappy && rng.Chance(0.6) ? rng.Int(25, 150) : rng.Int(0, 12);
  if (tenure < idle) idle = tenure;
  std::string last_login = rng.Chance(0.01) ? "" : Iso(kAsOf - idle);
  std::string consent = rng.Chance(0.05) ? "" : Bool(rng.Chance(0.85));
  std::string csm = plan.price >= 39 && !rng.Chance(0.1) ? rng.Pick(kCsms) : "";
  return {std::to_string(10001 + i),
          company,
          plan.name,
          region,
          Iso(kAsOf - tenure),
          std::to_string(seats),
          Money(mrr),
          scored ? Money(cltv) : "",
          std::to_string(tickets),
          csat,
          std::to_string(escalations),
          last_ticket,
          last_login,
          Renewal(plan, kAsOf - tenure),
          consent,
          csm};
}

}  // namespace

std::string SupportAccounts(int rows) {
  Rng rng(90210);
  Csv csv(
      "account_id,company,plan,region,signup_date,seats,mrr,cltv,tickets_90d,csat_90d,"
      "open_escalations,last_ticket,last_login,renewal_date,consent_email,csm_owner");
  for (int i = 0; i < rows; ++i) csv.Row(Account(rng, i));
  return csv.text();
}

}  // namespace segc::examples
