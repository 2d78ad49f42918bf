// Every registry row that lowers to a per-row call has an implementation in both engines.
#include <gtest/gtest.h>

#include "compiler/codegen/jit.h"
#include "compiler/interp/interp.h"
#include "stdlib/builtins.h"

namespace segc::testing {
namespace {

using stdlib::Lowering;

// kCall rows run in both engines; kPerEntry rows (strings) only in the interpreter, which
// evaluates them once per dictionary entry for both; other rows never reach a backend as calls.
TEST(RegistryBackends, EveryScalarCallHasItsImplementations) {
  for (const stdlib::BuiltinInfo& info : stdlib::AllBuiltins()) {
    bool interp = interp::Implements(info.id);
    bool jit = codegen::JitImplements(info.id);
    switch (info.lowering) {
      case Lowering::kCall:
        EXPECT_TRUE(interp) << info.name << ": no interpreter implementation";
        EXPECT_TRUE(jit) << info.name << ": no JIT emitter";
        break;
      case Lowering::kPerEntry:
        EXPECT_TRUE(interp) << info.name << ": no interpreter implementation";
        EXPECT_FALSE(jit) << info.name << ": interpreter-only rows name no JIT emitter";
        break;
      default:
        EXPECT_FALSE(interp || jit) << info.name << " is not lowered to a call";
        break;
    }
  }
}

}  // namespace
}  // namespace segc::testing
