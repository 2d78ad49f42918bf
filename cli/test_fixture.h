// Rule test data: a fixture (rows written in the test file, or a small CSV that may leave out
// columns) or a sample file, read into a table of the project's schema.
#pragma once

#include <string>

#include "cli/test_file.h"
#include "segc/result.h"
#include "segc/schema.h"
#include "segc/table.h"

namespace segc::cli {

/// Reads `fixture` as a table of `schema`. Columns the fixture leaves out are null; `null` or an
/// empty field is null; fields are separated by commas when the header has one, else by blanks.
/// A sample is read as `segc run --data` reads a file (every column present). `check_key`: the
/// key must be unique and non-null (the customer table). On failure, `error` holds the data
/// errors as "FILE:LINE:COL: data error: ..." lines, placed in the test file for inline rows.
Result<rt::Table> LoadFixture(const Fixture& fixture, const std::string& test_path,
                              const rt::Schema& schema, bool check_key, std::string* error);

}  // namespace segc::cli
