// Internal entry points shared by the Arrow importers (runtime/arrow only).
#pragma once

#include "segc/arrow.h"

namespace segc::rt::detail {

/// Imports one struct array described by `schema` (which stays the caller's). Takes ownership of
/// `array` as ImportArrowTable does: it is moved out and released exactly once, when the last
/// buffer of the returned table dies, or before returning on failure. `array->release` must not
/// be null.
Result<Table> ImportArrowBatch(const ArrowSchema& schema, ArrowArray* array);

}  // namespace segc::rt::detail
