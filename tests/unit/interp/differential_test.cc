// Differential tests: the JIT (compiler/codegen) and the reference interpreter must produce the
// same bits on the same planned program and data.
#include <gtest/gtest.h>

#include "compiler/codegen/jit.h"
#include "compiler/interp/interp.h"
#include "compiler/ir/lower.h"
#include "compiler/plan/exec_program.h"
#include "compiler/plan/plan.h"
#include "tests/unit/interp/run_testing.h"
#include "tests/unit/ir/engine_testing.h"

namespace segc::testing {
namespace {

/// Fingerprints of one run with the interpreter and one with the JIT.
std::pair<std::string, std::string> BothBackends(const std::string& rules, const rt::Table& table) {
  auto lowered = LowerRules(rules);
  EXPECT_TRUE(lowered.ok()) << lowered.status().message();
  if (!lowered.ok()) return {};
  auto planned = plan::Plan(*lowered);
  EXPECT_TRUE(planned.ok()) << planned.status().message();
  if (!planned.ok()) return {};
  auto program = std::make_shared<const ir::Program>(std::move(planned).value());
  rt::RunOptions options;
  options.threads = 2;
  auto interpreted = rt::Execute(interp::InterpretedProgram(program), table, options);
  EXPECT_TRUE(interpreted.ok()) << interpreted.status().message();

  auto compiled = codegen::Compile(*program);
  EXPECT_TRUE(compiled.ok()) << compiled.status().message();
  if (!compiled.ok() || !interpreted.ok()) return {};
  auto interpreter = std::make_shared<interp::Interpreter>(program);
  std::vector<rt::StageKernel> kernels;
  for (segc_kernel_fn fn : (*compiled)->kernels()) kernels.push_back({fn, nullptr});
  std::shared_ptr<codegen::CompiledProgram> code = std::move(compiled).value();
  auto keep = std::make_shared<std::pair<decltype(interpreter), decltype(code)>>(interpreter, code);
  rt::DictEvaluator dicts = [raw = interpreter.get()](uint32_t d, const rt::Dictionary* dict,
                                                      rt::DictTable& out) {
    raw->EvalDict(d, dict, out);
  };
  rt::ExecProgram jit = plan::MakeExecProgram(*program, std::move(kernels), dicts, keep);
  auto native = rt::Execute(jit, table, options);
  EXPECT_TRUE(native.ok()) << native.status().message();
  if (!native.ok()) return {};
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
