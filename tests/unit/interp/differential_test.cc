// Differential tests: the JIT (compiler/codegen) and the reference interpreter must produce the
// same bits on the same planned program and data.
#include <gtest/gtest.h>

#include "tests/unit/interp/run_testing.h"
#include "tests/unit/ir/engine_testing.h"

namespace segc::testing {
namespace {

/// Fingerprints of one run with the interpreter and one with the JIT.
std::pair<std::string, std::string> BothBackends(const std::string& rules, const rt::Table& table) {
  api::CompileResult interp = CompileRules(rules, driver::Engine::kInterp);
  api::CompileResult jit = CompileRules(rules, driver::Engine::kJit);
  EXPECT_FALSE(interp.error) << interp.error->status.message();
  EXPECT_FALSE(jit.error) << jit.error->status.message();
  if (interp.error || jit.error) return {};
  auto interpreted = RunCompiled(*interp.program, table, 2);
  auto native = RunCompiled(*jit.program, table, 2);
  EXPECT_TRUE(interpreted.ok()) << interpreted.status().message();
  EXPECT_TRUE(native.ok()) << native.status().message();
  if (!interpreted.ok() || !native.ok()) return {};
  return {Fingerprint(*interpreted), Fingerprint(*native)};
}

const char* const kPrograms[] = {
    "segment A where orders > 3 and consent\nsegment B where orders > 3 or not consent\n"
    "segment C where not (cltv < 500) and orders is not null\n",
    "segment VIP where cltv > p90 and last_purchase < 90d\n"
    "segment Dormant where last_purchase > 6mo and not VIP\n"
    "segment W where last_purchase within 1y and last_purchase between 30d and 300d\n",
    "segment EU where country in (\"FR\", \"DE\", \"IT\") and stage == \"lead\"\n"
    "segment S where starts_with(lower(country), \"f\") or length(country) > 2\n",
    "score lead range 0..30 {\n +10 when orders > 5\n -5 when stage == \"lead\"\n"
    " +min(2 * orders, 20)\n}\nscore r = orders / cltv\nscore big = orders * 4611686018427387904\n"
    "score e = round(cltv * 1.5, 1) + abs(orders - 20) + floor(cltv) - ceil(cltv)\n",
    "classify abc { \"A\" when cumshare(cltv) <= 60%\n \"B\" when ntile(4, orders) >= 3\n"
    " \"C\" otherwise }\nsegment IsA where abc == \"A\"\n"
    "score pr = percent_rank(cltv) + zscore(cltv)\n",
    "score dev = abs(cltv - mean(cltv))\nsegment Far where dev > mean(dev)\n"
    "score t = ntile(3, cltv * orders)\n"
    "score y = year(last_purchase) * 100 + month(last_purchase) + weekday(last_purchase)\n"
    "score d = days_since(last_purchase) + coalesce(orders, 0)\n"
    "score c = clamp(orders, 5, 10) + max(cltv, 100, orders)\n",
    "score a = age(last_purchase) * 1000 + months_since(last_purchase)\n"
    "score ys = years_since(last_purchase - 400d) + days_since(last_purchase + 2mo)\n"
    "segment Anniversary where months_since(last_purchase) == 12 * age(last_purchase)\n",
    "import rfm(recency = last_purchase, frequency = orders, monetary = cltv)\n"
    "segment Winback where rfm.At_Risk and consent\n",
    // Score rules whose condition is null add nothing, whatever their sign or points.
    "score s range -50..50 {\n +10 when consent\n -20 when cltv > 3\n -5 when orders >= 10\n"
    " +cltv when orders > 5\n}\n",
};

TEST(Differential, JitMatchesInterpreter) {
  rt::Table table = SampleTable(3001);
  for (const char* rules : kPrograms) {
    auto [interpreted, native] = BothBackends(rules, table);
    EXPECT_FALSE(interpreted.empty()) << rules;
    EXPECT_EQ(native, interpreted) << rules;
  }
}

}  // namespace
}  // namespace segc::testing
