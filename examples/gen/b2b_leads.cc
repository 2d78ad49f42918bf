// examples/b2b_leads/data/leads.csv: a marketing-automation export of an agrifood SaaS vendor.
#include <string>
#include <vector>

#include "examples/gen/common.h"

namespace segc::examples {
namespace {

struct Company {
  const char* name;
  const char* domain;
  const char* industry;  // as typed in the CRM, so case and spelling vary
};

const std::array<Company, 20> kCompanies = {{
    {"Coopérative Terres du Sud", "terresdusud.fr", "cooperative"},
    {"Dupont & Fils, SARL", "dupont-fils.fr", "agrifood"},
    {"AgroNova", "agronova.com", "Agrifood"},
    {"Laiterie des Alpes", "laiterie-alpes.fr", "food processing"},
    {"Vignobles Martin", "vignobles-martin.fr", "agriculture"},
    {"Fresh Logistics BV", "freshlogistics.nl", "logistics"},
    {"Green Harvest Ltd", "greenharvest.co.uk", "agriculture"},
    {"Meunerie Rousseau", "meunerie-rousseau.fr", "food processing"},
    {"BioFerme Bretagne", "bioferme.bzh", "agrifood"},
    {"Maraîchers Réunis", "maraichers-reunis.fr", "cooperative"},
    {"Cerealia Group", "cerealia.eu", "agrifood"},
    {"Boulangeries Lemoine", "lemoine.fr", "retail"},
    {"FarmSoft Analytics", "farmsoft.io", "software"},
    {"Conseil Agri Plus", "agriplus-conseil.fr", "consulting"},
    {"Sucrerie du Nord", "sucrerie-nord.fr", "food processing"},
    {"Alpenmilch AG", "alpenmilch.ch", "agrifood"},
    {"Hortus Serres", "hortus-serres.be", "agriculture"},
    {"Transports Giraud", "giraud-transports.fr", "logistics"},
    {"Olio Verde SpA", "olioverde.it", "agrifood"},
    {"Granja Sol SL", "granjasol.es", ""},
}};
const std::array<const char*, 7> kPersonalDomains = {
    "gmail.com", "yahoo.fr", "hotmail.com", "outlook.com", "orange.fr", "free.fr", "laposte.net"};
const std::array<const char*, 16> kTitles = {"CEO",
                                             "Founder",
                                             "Head of Operations",
                                             "Managing Director",
                                             "Purchasing Manager",
                                             "Farm Manager",
                                             "Quality Engineer",
                                             "Student",
                                             "Marketing Assistant",
                                             "CFO",
                                             "Owner",
                                             "IT Director",
                                             "VP Sales",
                                             "Intern",
                                             "Head of Supply Chain",
                                             "Agronomist"};
const std::array<const char*, 4> kOwners = {"Camille Roux", "Julien Petit", "Sarah Klein",
                                            "Marco Bianchi"};

std::string LeadId(int i) {
  static const char kAlphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  std::string id = "00Q5e00000";
  // i * 3^18 + c modulo 62^5 is a bijection (3^18 is prime to 62^5): unique, scattered ids.
  uint64_t n = (static_cast<uint64_t>(i) * 387420489u + 104729u) % 916132832u;
  std::string tail;
  for (int k = 0; k < 5; ++k, n /= 62) tail += kAlphabet[n % 62];
  return id + tail;
}

std::string Employees(Rng& rng) {
  if (rng.Chance(0.08)) return "";
  size_t band = rng.Weighted({15, 30, 30, 15, 10});
  static const int64_t kLow[] = {1, 5, 50, 250, 1000};
  static const int64_t kHigh[] = {4, 49, 249, 999, 20000};
  return std::to_string(rng.Int(kLow[band], kHigh[band]));
}

std::string Count(Rng& rng, double p_null, int64_t max, bool engaged) {
  if (rng.Chance(p_null)) return "";
  return std::to_string(engaged ? rng.Int(max / 3, max) : rng.Int(0, max / 5));
}

std::string Flag(Rng& rng, double p_true) { return rng.Chance(p_true) ? "TRUE" : "FALSE"; }

std::vector<std::string> Lead(Rng& rng, int i) {
  const Company& company = rng.Pick(kCompanies);
  std::string first = rng.Pick(kFirstNames);
  std::string last = rng.Pick(kLastNames);
  std::string email;
  if (!rng.Chance(0.03)) {
    std::string domain = rng.Chance(0.2) ? rng.Pick(kPersonalDomains) : company.domain;
    email = Lower(first.substr(0, 1)) + "." + last + "@" + domain;
  }
  std::string title = rng.Chance(0.05) ? "" : rng.Pick(kTitles);
  std::string employees = Employees(rng);
  std::string revenue;
  if (!employees.empty() && !rng.Chance(0.2)) {
    revenue = Money(static_cast<double>(std::stoll(employees)) * (80 + 160 * rng.U()));
  }
  static const char* const kCountries[] = {"FR", "BE", "CH", "LU", "DE", "NL", "ES", "IT", "US"};
  std::string country = kCountries[rng.Weighted({60, 8, 5, 2, 8, 5, 5, 4, 3})];
  static const char* const kSources[] = {"website", "webinar",        "trade_show",
                                         "partner", "purchased_list", "outbound"};
  std::string source = kSources[rng.Weighted({30, 15, 15, 10, 15, 15})];
  static const char* const kStages[] = {"subscriber", "lead",        "mql",
                                        "sql",        "opportunity", "customer"};
  std::string stage = kStages[rng.Weighted({15, 45, 15, 8, 7, 10})];
  int64_t created = kAsOf - rng.Int(0, 1500);
  bool engaged = rng.Chance(0.18);  // an active buying cycle: opens, clicks, pricing visits
  std::string activity;
  if (!rng.Chance(0.03)) {
    int64_t recency = engaged ? rng.Int(0, 10) : Recency(rng, kAsOf - created);
    activity = Iso(kAsOf - (recency > kAsOf - created ? kAsOf - created : recency));
  }
  std::string opens = Count(rng, 0.1, 15, engaged);
  std::string clicks = Count(rng, 0.1, 6, engaged);
  std::string visits = Count(rng, 0.1, 25, engaged);
  std::string pricing = Count(rng, 0.15, 5, engaged && rng.Chance(0.6));
  std::string webinar = rng.Chance(0.02) ? "" : Flag(rng, engaged ? 0.4 : 0.1);
  std::string demo = Flag(rng, engaged ? 0.3 : 0.01);
  std::string unsubscribed = Flag(rng, 0.07);
  std::string bounced = Flag(rng, 0.03);
  std::string competitor = Flag(rng, company.industry == std::string("software") ? 0.5 : 0.005);
  std::string owner = rng.Chance(0.35) ? rng.Pick(kOwners) : "";
  return {LeadId(i),        email,   first,   title,   company.name, employees,    revenue,
          company.industry, country, source,  stage,   Iso(created), activity,     opens,
          clicks,           visits,  pricing, webinar, demo,         unsubscribed, bounced,
          competitor,       owner};
}

}  // namespace

std::string B2bLeads(int rows) {
  Rng rng(424242);
  Csv csv(
      "lead_id,email,first_name,job_title,company,employees,annual_revenue_keur,industry,country,"
      "lead_source,lifecycle_stage,created_at,last_activity,email_opens_30d,email_clicks_30d,"
      "visits_30d,pricing_page_views_30d,webinar_attended,demo_requested,unsubscribed,"
      "hard_bounced,is_competitor,owner");
  for (int i = 0; i < rows; ++i) csv.Row(Lead(rng, i));
  return csv.text();
}

}  // namespace segc::examples
