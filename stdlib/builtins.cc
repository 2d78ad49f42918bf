// The built-in function table, expanded from builtins.def.
#include "stdlib/builtins.h"

namespace segc::stdlib {

const std::vector<BuiltinInfo>& AllBuiltins() {
  static const std::vector<BuiltinInfo> kBuiltins = {
#define SEGC_BUILTIN(id, name, min_args, max_args, sig, nulls, kind, lowering, implicit, interp, \
                     jit)                                                                        \
  {BuiltinId::id,     name,                                                                      \
   min_args,          max_args,                                                                  \
   Signature::sig,    NullPolicy::nulls,                                                         \
   BuiltinKind::kind, Lowering::lowering,                                                        \
   Implicit::implicit},
#include "stdlib/builtins.def"
#undef SEGC_BUILTIN
  };
  return kBuiltins;
}

const BuiltinInfo& Builtin(BuiltinId id) { return AllBuiltins()[static_cast<size_t>(id)]; }

const BuiltinInfo* FindBuiltin(std::string_view name) {
  for (const BuiltinInfo& info : AllBuiltins()) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

}  // namespace segc::stdlib
