// The runtime's view of a checked project's table: sema::Schema → rt::Schema for the CSV loader.
#pragma once

#include "compiler/sema/checked_project.h"
#include "segc/schema.h"

namespace segc::driver {

/// Converts the project's `table` declaration into the schema the CSV reader checks data
/// against: same names and order, enum values, date formats. Columns whose type is in error
/// (never the case after a successful check) become strings.
rt::Schema ToRuntimeSchema(const sema::Schema& schema);

}  // namespace segc::driver
