// Tests for the C ABI's tables: zero-copy columns over caller buffers, Arrow arrays and streams,
// and bad inputs (NULL pointers, wrong types, lengths, released Arrow structs) as error codes.
#include <gtest/gtest.h>

#include <string>

#include "compiler/capi/capi_internal.h"
#include "segc/segc.h"
#include "tests/unit/runtime/arrow_testing.h"

namespace segc::capi {
namespace {

using rt::arrow_testing::TestStream;
using rt::arrow_testing::TestStruct;

std::string LastMessage() { return segc_last_error_message(); }

// A table handle freed at the end of the test.
struct TableHandle {
  TableHandle() { EXPECT_EQ(segc_table_new(&table), SEGC_OK); }
  ~TableHandle() { segc_table_free(table); }
  segc_table* table = nullptr;
};

TEST(CapiTable, CallerColumnsAreZeroCopy) {
  static const int64_t ids[3] = {1, 2, 3};
  static const double spent[3] = {1.5, 2.5, 3.5};
  static const uint8_t bools[1] = {0b101};
  static const int32_t days[3] = {19000, 19001, 19002};
  static const uint8_t valid[1] = {0b011};  // row 2 null
  static const int32_t codes[3] = {1, 0, 1};
  static const int32_t offsets[3] = {0, 2, 4};
  TableHandle t;
  ASSERT_EQ(segc_table_add_column(t.table, "id", SEGC_TYPE_INT, ids, nullptr, 3), SEGC_OK);
  ASSERT_EQ(segc_table_add_column(t.table, "spent", SEGC_TYPE_FLOAT, spent, valid, 3), SEGC_OK);
  ASSERT_EQ(segc_table_add_column(t.table, "vip", SEGC_TYPE_BOOL, bools, nullptr, 3), SEGC_OK);
  ASSERT_EQ(segc_table_add_column(t.table, "since", SEGC_TYPE_DATE, days, nullptr, 3), SEGC_OK);
  ASSERT_EQ(segc_table_add_string_column(t.table, "country", codes, valid, 3, offsets, "FRDE", 2),
            SEGC_OK);
  EXPECT_EQ(segc_table_num_rows(t.table), 3);
  EXPECT_EQ(segc_table_num_columns(t.table), 5);
  const rt::Table& table = t.table->table;
  EXPECT_EQ(table.column(0).data<int64_t>(), ids);  // the caller's memory
  EXPECT_EQ(table.column(1).data<double>(), spent);
  EXPECT_EQ(table.column(1).validity()->data(), valid);
  EXPECT_TRUE(table.column(1).IsNull(2));
  EXPECT_EQ(table.column(2).values()->data(), bools);
  EXPECT_EQ(table.column(3).data<int32_t>(), days);
  EXPECT_EQ(table.column(4).data<int32_t>(), codes);
  EXPECT_EQ(table.column(4).String(0), "DE");
  EXPECT_EQ(table.column(4).dictionary()->offsets()->data(),
            reinterpret_cast<const uint8_t*>(offsets));
}

TEST(CapiTable, NullPointersAreErrorsWithMessages) {
  static const int64_t ids[1] = {1};
  segc_table* none = nullptr;
  EXPECT_EQ(segc_table_new(nullptr), SEGC_ERR_NULL_ARGUMENT);
  EXPECT_EQ(LastMessage(), "argument 'out' is NULL");
  EXPECT_EQ(segc_table_add_column(none, "id", SEGC_TYPE_INT, ids, nullptr, 1),
            SEGC_ERR_NULL_ARGUMENT);
  EXPECT_EQ(LastMessage(), "argument 'table' is NULL");
  TableHandle t;
  EXPECT_EQ(segc_table_add_column(t.table, nullptr, SEGC_TYPE_INT, ids, nullptr, 1),
            SEGC_ERR_NULL_ARGUMENT);
  EXPECT_EQ(segc_table_add_column(t.table, "id", SEGC_TYPE_INT, nullptr, nullptr, 1),
            SEGC_ERR_NULL_ARGUMENT);
  EXPECT_EQ(LastMessage(), "argument 'values' is NULL");
  EXPECT_EQ(segc_table_add_string_column(t.table, "s", nullptr, nullptr, 0, nullptr, "", 0),
            SEGC_ERR_NULL_ARGUMENT);
  EXPECT_EQ(LastMessage(), "argument 'dict_offsets' is NULL");
  EXPECT_EQ(segc_table_num_rows(nullptr), -1);
  EXPECT_EQ(segc_last_error_code(), SEGC_ERR_NULL_ARGUMENT);
  EXPECT_EQ(segc_table_num_columns(t.table), 0);
  EXPECT_EQ(segc_last_error_code(), SEGC_ERR_NULL_ARGUMENT);  // success leaves it (errno)
  segc_table_free(nullptr);                                   // accepted
  EXPECT_EQ(segc_table_add_column(t.table, "empty", SEGC_TYPE_INT, nullptr, nullptr, 0),
            SEGC_OK);  // no values are needed for no rows
}

TEST(CapiTable, WrongTypesLengthsAndNamesAreErrors) {
  static const int64_t ids[3] = {1, 2, 3};
  TableHandle t;
  EXPECT_EQ(segc_table_add_column(t.table, "x", 17, ids, nullptr, 3), SEGC_ERR_COLUMN_TYPE);
  EXPECT_EQ(LastMessage(), "column 'x': unknown type code 17");
  EXPECT_EQ(segc_table_add_column(t.table, "x", SEGC_TYPE_STRING, ids, nullptr, 3),
            SEGC_ERR_COLUMN_TYPE);
  EXPECT_NE(LastMessage().find("segc_table_add_string_column"), std::string::npos);
  EXPECT_EQ(segc_table_add_column(t.table, "x", SEGC_TYPE_INT, ids, nullptr, -1),
            SEGC_ERR_INVALID_ARGUMENT);
  ASSERT_EQ(segc_table_add_column(t.table, "x", SEGC_TYPE_INT, ids, nullptr, 3), SEGC_OK);
  EXPECT_EQ(segc_table_add_column(t.table, "y", SEGC_TYPE_INT, ids, nullptr, 2),
            SEGC_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(LastMessage(), "column 'y' has 2 rows, expected 3");
  EXPECT_EQ(segc_table_add_column(t.table, "x", SEGC_TYPE_INT, ids, nullptr, 3),
            SEGC_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(LastMessage(), "duplicate column name 'x'");
  EXPECT_EQ(segc_table_num_columns(t.table), 1);  // failed adds change nothing
}

TEST(CapiTable, StringColumnsAreChecked) {
  static const int32_t codes[3] = {0, 5, 1};
  static const int32_t offsets[3] = {0, 1, 2};
  static const int32_t repeated[4] = {0, 1, 2, 3};
  TableHandle t;
  EXPECT_EQ(segc_table_add_string_column(t.table, "s", codes, nullptr, 3, offsets, "ab", 2),
            SEGC_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(LastMessage(), "column 's': row 1: dictionary index 5 is out of range [0, 2)");
  static const uint8_t valid[1] = {0b101};  // the bad code is in a null row: ignored
  EXPECT_EQ(segc_table_add_string_column(t.table, "s", codes, valid, 3, offsets, "ab", 2), SEGC_OK);
  static const int32_t codes2[3] = {0, 2, 1};
  ASSERT_EQ(segc_table_add_string_column(t.table, "r", codes2, nullptr, 3, repeated, "aba", 3),
            SEGC_OK);
  const rt::Column& r = *t.table->table.GetColumn("r");
  EXPECT_EQ(r.Code(0), r.Code(1));  // "a" twice in the dictionary: one code
}

TEST(CapiTable, ArrowArrayImportTakesOwnership) {
  static const int64_t ints[2] = {4, 5};
  TestStruct t(2);
  t.Add("n", "l", {nullptr, ints}, 2, 0);
  segc_table* table = nullptr;
  ASSERT_EQ(segc_table_from_arrow(&t.schema, &t.array, &table), SEGC_OK);
  EXPECT_EQ(t.schema_releases, 1);
  EXPECT_EQ(t.array_releases, 0);
  EXPECT_EQ(table->table.column(0).data<int64_t>(), ints);
  segc_table_free(table);
  EXPECT_EQ(t.array_releases, 1);
  // The same (now released) structs again: an error, and nothing released twice.
  EXPECT_EQ(segc_table_from_arrow(&t.schema, &t.array, &table), SEGC_ERR_ARROW_RELEASED);
  EXPECT_EQ(LastMessage(), "the Arrow schema is already released");
  EXPECT_EQ(table, nullptr);
  EXPECT_EQ(t.schema_releases, 1);
  EXPECT_EQ(t.array_releases, 1);
}

TEST(CapiTable, ArrowErrorsReleaseWhatWasGiven) {
  static const float floats[2] = {1, 2};
  TestStruct bad(2);
  bad.Add("price", "f", {nullptr, floats}, 2, 0);
  segc_table* table = nullptr;
  EXPECT_EQ(segc_table_from_arrow(&bad.schema, &bad.array, &table), SEGC_ERR_ARROW);
  EXPECT_NE(LastMessage().find("unsupported format 'f'"), std::string::npos);
  EXPECT_EQ(bad.schema_releases, 1);
  EXPECT_EQ(bad.array_releases, 1);
  TestStruct alive(0);
  EXPECT_EQ(segc_table_from_arrow(nullptr, &alive.array, &table), SEGC_ERR_NULL_ARGUMENT);
  EXPECT_EQ(LastMessage(), "argument 'schema' is NULL");
  EXPECT_EQ(alive.array_releases, 1);  // ownership was taken, so it is released
  TestStruct half(0);
  half.array.release(&half.array);
  EXPECT_EQ(segc_table_from_arrow(&half.schema, &half.array, &table), SEGC_ERR_ARROW_RELEASED);
  EXPECT_EQ(LastMessage(), "the Arrow array is already released");
  EXPECT_EQ(half.schema_releases, 1);
}

TEST(CapiTable, ArrowStreams) {
  static const int64_t ints[2] = {4, 5};
  TestStruct batch(2);
  batch.Add("n", "l", {nullptr, ints}, 2, 0);
  TestStream ok(&batch, {&batch});
  segc_table* table = nullptr;
  ASSERT_EQ(segc_table_from_arrow_stream(&ok.stream, &table), SEGC_OK);
  EXPECT_EQ(segc_table_num_rows(table), 2);
  EXPECT_EQ(table->table.column(0).data<int64_t>(), ints);
  segc_table_free(table);
  EXPECT_EQ(ok.releases, 1);
  EXPECT_EQ(segc_table_from_arrow_stream(&ok.stream, &table), SEGC_ERR_ARROW_RELEASED);
  EXPECT_EQ(ok.releases, 1);

  TestStruct first(2);
  first.Add("n", "l", {nullptr, ints}, 2, 0);
  TestStream failing(&first, {&first});
  failing.fail_at = 0;
  failing.error = "connection reset";
  EXPECT_EQ(segc_table_from_arrow_stream(&failing.stream, &table), SEGC_ERR_IO);
  EXPECT_EQ(LastMessage(), "arrow stream: get_next failed with error 5: connection reset");
  EXPECT_EQ(failing.releases, 1);
  EXPECT_EQ(segc_table_from_arrow_stream(nullptr, &table), SEGC_ERR_NULL_ARGUMENT);
}

TEST(CapiErrors, VersionsAndStatusNames) {
  EXPECT_EQ(segc_abi_version(), SEGC_ABI_VERSION);
  EXPECT_STRNE(segc_version(), "");
  EXPECT_STREQ(segc_status_name(SEGC_ERR_ARROW_RELEASED), "SEGC_ERR_ARROW_RELEASED");
  EXPECT_STREQ(segc_status_name(SEGC_OK), "SEGC_OK");
  EXPECT_STREQ(segc_status_name(999), "SEGC_ERR_UNKNOWN");
}

}  // namespace
}  // namespace segc::capi
