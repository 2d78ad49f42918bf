// Helpers shared by the CSV reader tests: a schema, value extraction, temp files.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <optional>
#include <string>

#include "segc/csv.h"

namespace segc::rt::testing_util {

/// The schema used by most CSV tests (and by every file in tests/data/bad_csv):
///   table customers key id { id: int  score: float  active: bool  joined: date
///                            name: string  tier: enum("gold", "silver", "bronze") }
inline Schema CustomersSchema() {
  Schema s{"customers", "id", {}};
  s.columns.push_back({"id", ColumnType::kInt, {}, ""});
  s.columns.push_back({"score", ColumnType::kFloat, {}, ""});
  s.columns.push_back({"active", ColumnType::kBool, {}, ""});
  s.columns.push_back({"joined", ColumnType::kDate, {}, ""});
  s.columns.push_back({"name", ColumnType::kString, {}, ""});
  s.columns.push_back({"tier", ColumnType::kEnum, {"gold", "silver", "bronze"}, ""});
  return s;
}

/// Row i of any column rendered as text ("null" for nulls), for compact comparisons.
inline std::string Cell(const Column& c, int64_t i) {
  if (c.IsNull(i)) return "null";
  switch (c.type()) {
    case ColumnType::kInt:
      return std::to_string(c.Int64(i));
    case ColumnType::kFloat: {
      char buf[64];
      std::snprintf(buf, sizeof(buf), "%.17g", c.Float64(i));
      return buf;
    }
    case ColumnType::kBool:
      return c.Bool(i) ? "true" : "false";
    case ColumnType::kDate:
      return "d" + std::to_string(c.Date32(i));
    default:
      return std::string(c.String(i));
  }
}

/// All cells of a column, joined with '|'.
inline std::string ColumnText(const Table& t, const std::string& name) {
  const Column* c = t.GetColumn(name);
  if (c == nullptr) return "<missing>";
  std::string out;
  for (int64_t i = 0; i < c->length(); ++i) out += (i ? "|" : "") + Cell(*c, i);
  return out;
}

/// A file under the test temp dir with `content`; returns its path.
inline std::string WriteTempFile(const std::string& name, const std::string& content) {
  std::string path = ::testing::TempDir() + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

}  // namespace segc::rt::testing_util
