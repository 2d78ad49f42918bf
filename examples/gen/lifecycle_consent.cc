// examples/lifecycle_consent/data/contacts.csv: a pet-food subscription service's contacts, with
// billing dates and consent records.
#include <string>
#include <vector>

#include "examples/gen/common.h"

namespace segc::examples {
namespace {

struct CountryInfo {
  const char* code;
  const char* phone_prefix;  // E.164 mobile prefix
  const char* language;
  const char* second_language;  // spoken by a share of the country's contacts
};

const std::array<CountryInfo, 11> kCountries = {{
    {"FR", "+336", "fr", "fr"},
    {"BE", "+324", "fr", "nl"},
    {"DE", "+4915", "de", "de"},
    {"NL", "+316", "nl", "en"},
    {"CH", "+417", "fr", "de"},
    {"LU", "+3526", "fr", "de"},
    {"IT", "+393", "it", "it"},
    {"ES", "+346", "es", "es"},
    {"GB", "+447", "en", "en"},
    {"US", "+1", "en", "es"},
    {"", "+33", "fr", "en"},
}};

const CountryInfo& PickCountry(Rng& rng) {
  return kCountries[rng.Weighted({45, 10, 12, 8, 5, 2, 6, 6, 3, 2, 1})];
}

std::string Phone(Rng& rng, const CountryInfo& country) {
  if (rng.Chance(0.3)) return "";
  char digits[16];
  std::snprintf(digits, sizeof digits, "%08d", static_cast<int>(rng.Int(0, 99999999)));
  return std::string(country.phone_prefix) + digits;
}

std::string Email(Rng& rng) {
  if (rng.Chance(0.05)) return "";
  std::string last = rng.Pick(kLastNames);
  // About 1% are typed without the @ in the shop's signup form.
  std::string at = rng.Chance(0.01) ? "." : "@";
  return last + "." + std::to_string(rng.Int(1, 999)) + at + "example-mail.eu";
}

/// A date `age` days before as_of, or "" with probability p_null.
std::string DaysAgo(Rng& rng, double p_null, int64_t age) {
  if (rng.Chance(p_null)) return "";
  return Iso(kAsOf - (age < 0 ? 0 : age));
}

/// Billing: first and last order, order count and subscription status.
struct Billing {
  std::string first, last, count, status;
};

Billing Orders(Rng& rng, int64_t signup_age) {
  if (rng.Chance(0.2)) return {"", "", "0", "none"};  // newsletter only
  int64_t first_age = signup_age - rng.Int(0, signup_age < 90 ? signup_age : 90);
  size_t kind = rng.Weighted({40, 12, 18, 30});  // active, paused, cancelled, one-off buyer
  int64_t last_age = kind == 0   ? rng.Int(0, 35)
                     : kind == 1 ? rng.Int(20, 200)
                     : kind == 2 ? rng.Int(10, 400)
                                 : Recency(rng, first_age);
  if (last_age > first_age) last_age = first_age;
  int64_t count = 1 + (first_age - last_age) / (kind == 3 ? 120 : 30);
  static const char* const kStatus[] = {"active", "paused", "cancelled", "none"};
  return {Iso(kAsOf - first_age), Iso(kAsOf - last_age), std::to_string(count), kStatus[kind]};
}

/// Consent flag and date; a share of the consents is older than three years or about to be.
std::pair<std::string, std::string> Consent(Rng& rng, double p_true, int64_t signup_age) {
  if (rng.Chance(0.1)) return {"", ""};
  bool given = rng.Chance(p_true);
  int64_t age = rng.Chance(0.04) ? 3 * 365 - rng.Int(0, 70) : rng.Int(0, signup_age);
  return {Bool(given), given ? Iso(kAsOf - age) : ""};
}

std::vector<std::string> Contact(Rng& rng, int i) {
  const CountryInfo& country = PickCountry(rng);
  std::string language = rng.Chance(0.7) ? country.language : country.second_language;
  std::string email = Email(rng);
  std::string phone = Phone(rng, country);
  int64_t signup_age = rng.Int(0, 2500);
  Billing billing = Orders(rng, signup_age);
  auto [consent_email, consent_email_date] = Consent(rng, 0.78, signup_age);
  auto [consent_sms, consent_sms_date] = Consent(rng, 0.4, signup_age);
  std::string email_opt_out = rng.Chance(0.08) ? Iso(kAsOf - rng.Int(0, 700)) : "";
  std::string sms_opt_out = rng.Chance(0.05) ? Iso(kAsOf - rng.Int(0, 700)) : "";
  std::string hard_bounce = rng.Chance(0.02) ? "" : Bool(rng.Chance(0.03));
  std::string last_open = DaysAgo(rng, 0.15, Recency(rng, signup_age));
  std::string erasure = Bool(rng.Chance(0.01));
  std::string age =
      rng.Chance(0.05) ? "" : std::to_string(rng.Chance(0.02) ? rng.Int(15, 17) : rng.Int(18, 85));
  return {std::to_string(500001 + i),
          email,
          phone,
          country.code,
          language,
          Iso(kAsOf - signup_age),
          billing.first,
          billing.last,
          billing.count,
          billing.status,
          consent_email,
          consent_email_date,
          consent_sms,
          consent_sms_date,
          email_opt_out,
          sms_opt_out,
          hard_bounce,
          last_open,
          erasure,
          age};
}

}  // namespace

std::string LifecycleContacts(int rows) {
  Rng rng(31415926);
  Csv csv(
      "contact_id,email,phone,country,language,signup_date,first_order,last_order,order_count,"
      "subscription_status,consent_email,consent_email_date,consent_sms,consent_sms_date,"
      "email_opt_out_date,sms_opt_out_date,hard_bounce,last_email_open,erasure_requested,age");
  for (int i = 0; i < rows; ++i) csv.Row(Contact(rng, i));
  return csv.text();
}

}  // namespace segc::examples
