// Printer: the stable text form of an IR program (golden tests, cache keys, --dump-ir).
#pragma once

#include <string>

#include "compiler/ir/ir.h"

namespace segc::ir {

/// One node as `%7 = add %3, %6 : int?` (`?` marks nullable values).
std::string PrintNode(const Program& program, ValueId id);
/// The whole program: header, inputs, stats, derived, dicts, nodes, slots, stages, outputs.
/// Source ranges are not printed, so equal programs from different files print the same.
std::string Print(const Program& program);

}  // namespace segc::ir
