// Naming rows by their key, as `segc test` and `segc explain` take them from the user.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "segc/column.h"

namespace segc::cli {

/// The key of row `row` as a user writes it: an int in decimal, a string as it is ("null" for a
/// null key).
std::string KeyText(const rt::Column& key, int64_t row);

/// The row whose key is `key` (for int keys, "007" names row 7 too); nullopt when none is.
std::optional<int64_t> FindRow(const rt::Column& key, const std::string& text);

}  // namespace segc::cli
