// examples/boutique_fr/data/clients.csv: a French tea shop's customer file as French Excel saves
// it ("CSV UTF-8"): a byte-order mark, ';' between fields, CRLF line ends, decimal commas,
// amounts like "1 234,50 €" (no-break spaces), Oui/Non and VRAI/FAUX booleans, DD/MM/YYYY
// dates, postcodes with their leading zero, accented headers.
#include <string>
#include <vector>

#include "examples/gen/common.h"

namespace segc::examples {
namespace {

const std::array<const char*, 8> kTownNames = {"Lyon",      "Bourg-en-Bresse", "Annecy",
                                               "Paris",     "Besançon",        "Saint-Étienne",
                                               "Marseille", "Grenoble"};
const std::array<const char*, 8> kTownPostcodes = {"69003", "01000", "74000", "75011",
                                                   "25000", "42000", "13006", "38000"};
const std::array<const char*, 6> kMailDomains = {"orange.fr",   "free.fr", "gmail.com",
                                                 "laposte.net", "sfr.fr",  "hotmail.fr"};

constexpr const char* kNoBreakSpace = "\u00A0";

/// 1234.5 as French Excel shows a currency cell: "1 234,50 €" with no-break spaces.
std::string Euros(double value) {
  auto cents = static_cast<int64_t>(value * 100 + 0.5);
  std::string units = std::to_string(cents / 100);
  std::string grouped;
  for (size_t i = 0; i < units.size(); ++i) {
    if (i > 0 && (units.size() - i) % 3 == 0) grouped += kNoBreakSpace;
    grouped += units[i];
  }
  char decimals[8];
  std::snprintf(decimals, sizeof decimals, ",%02d", static_cast<int>(cents % 100));
  return grouped + decimals + kNoBreakSpace + "€";
}

/// A fraction as a French percentage cell: 0.125 is "12,5%".
std::string Percent(double fraction) {
  auto tenths = static_cast<int64_t>(fraction * 1000 + 0.5);
  return std::to_string(tenths / 10) + "," + std::to_string(tenths % 10) + "%";
}

/// A satisfaction rating from 2,5 to 5,0 (one decimal, decimal comma).
std::string Rating(Rng& rng) {
  int64_t tenths = rng.Int(25, 50);
  return std::to_string(tenths / 10) + "," + std::to_string(tenths % 10);
}

std::vector<std::string> Client(Rng& rng, int i) {
  size_t city = rng.Next() % kTownNames.size();
  std::string first_name = rng.Pick(kFirstNames);
  std::string last_name = rng.Pick(kLastNames);
  std::string email = Lower(first_name.substr(0, 1)) + "." + last_name + std::to_string(i) + "@" +
                      rng.Pick(kMailDomains);
  int64_t signup = kAsOf - rng.Int(30, 1500);
  bool buyer = !rng.Chance(0.12);
  std::string last, orders = "0", total, discount, rating;
  if (buyer) {
    double r = rng.U();
    int64_t count = 1 + static_cast<int64_t>(r * r * 24);
    int64_t recency = Recency(rng, kAsOf - signup);
    last = DayMonthYear(kAsOf - recency);
    orders = std::to_string(count);
    double basket = 18 + rng.U() * rng.U() * 110;
    total = Euros(static_cast<double>(count) * basket);
    if (count >= 5) discount = Percent(count >= 12 ? 0.125 : 0.05);
    if (rng.Chance(0.6)) rating = Rating(rng);
  }
  return {std::to_string(1000 + i),
          first_name,
          email,
          kTownPostcodes[city],
          kTownNames[city],
          DayMonthYear(signup),
          last,
          orders,
          total,
          discount,
          rng.Chance(0.7) ? "Oui" : "Non",
          rng.Chance(0.35) ? "VRAI" : "FAUX",
          rating};
}

}  // namespace

std::string BoutiqueClients(int rows) {
  Rng rng(0x7ea5b0071eULL);
  std::string text = "\xEF\xBB\xBF";  // Excel's "CSV UTF-8" starts with a byte-order mark
  text +=
      "id_client;Prénom;email;Code postal;ville;date_inscription;dernier_achat;nb_commandes;"
      "ca_total;remise;optin_email;optin_sms;note_satisfaction\r\n";
  for (int i = 1; i <= rows; ++i) {
    std::vector<std::string> fields = Client(rng, i);
    for (size_t f = 0; f < fields.size(); ++f) {
      if (f > 0) text += ';';
      text += fields[f];
    }
    text += "\r\n";
  }
  return text;
}

}  // namespace segc::examples
