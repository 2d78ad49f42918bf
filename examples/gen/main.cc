// segc_gen_examples: writes the sample data of every example (docs/cli.md, Examples).
//
//   segc_gen_examples OUT_DIR   writes OUT_DIR/retail/data/customers.csv,
//                               OUT_DIR/b2b_leads/data/leads.csv,
//                               OUT_DIR/lifecycle_consent/data/contacts.csv,
//                               OUT_DIR/support_tiers/data/accounts.csv,
//                               OUT_DIR/boutique_fr/data/clients.csv
//
// Run with OUT_DIR = examples/ to refresh the committed files; the `examples/data_fresh` test
// regenerates them into the build tree and compares.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

#include "examples/gen/common.h"

int main(int argc, char** argv) {
  using namespace segc::examples;
  if (argc != 2) {
    std::fprintf(stderr, "usage: segc_gen_examples OUT_DIR\n");
    return 2;
  }
  namespace fs = std::filesystem;
  const std::pair<const char*, std::string> files[] = {
      {"retail/data/customers.csv", RetailCustomers(2000)},
      {"b2b_leads/data/leads.csv", B2bLeads(1000)},
      {"lifecycle_consent/data/contacts.csv", LifecycleContacts(1200)},
      {"support_tiers/data/accounts.csv", SupportAccounts(1500)},
      {"boutique_fr/data/clients.csv", BoutiqueClients(800)},
  };
  for (const auto& [path, text] : files) {
    fs::path out = fs::path(argv[1]) / path;
    fs::create_directories(out.parent_path());
    std::ofstream stream(out, std::ios::binary);
    stream << text;
    if (!stream.flush()) {
      std::fprintf(stderr, "segc_gen_examples: cannot write %s\n", out.string().c_str());
      return 1;
    }
    std::printf("wrote %s (%zu bytes)\n", out.string().c_str(), text.size());
  }
  return 0;
}
