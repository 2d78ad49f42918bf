// Random well-typed rule projects as source text: segments, scores, classifies, lets and params
// over a GenSchema, exercising every operator, comparison and builtin of the language.
#pragma once

#include <string>
#include <vector>

#include "tests/differential/gen_table.h"
#include "tests/differential/rng.h"

namespace segc::difftest {

/// The segments that partition the rows for one predicate p: `P`, `not P`, `P is null`.
struct Partition {
  std::string is_true, is_false, is_null;  ///< segment names
};

/// A generated rules file.
struct GenProgram {
  std::string text;
  std::vector<Partition> partitions;
};

/// Knobs of the generator.
struct GenOptions {
  int max_depth = 3;  ///< expression nesting
  int min_decls = 3;  ///< outputs per program (segments of a partition count as one)
  int max_decls = 6;
};

/// A random program over `schema`; the same seed state always gives the same text.
GenProgram RandomProgram(const GenSchema& schema, Rng& rng, const GenOptions& options = {});

}  // namespace segc::difftest
