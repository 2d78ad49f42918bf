// Tests for the Arrow C Data Interface: import of hand-built struct arrays, export, release.
#include "segc/arrow.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "tests/unit/runtime/arrow_testing.h"

namespace segc::rt {
namespace {

using arrow_testing::TestStruct;

void NoRelease(ArrowSchema* s) { s->release = nullptr; }
void NoReleaseArray(ArrowArray* a) { a->release = nullptr; }

TEST(ArrowImport, FixedWidthColumnsAreZeroCopyAndReleasedOnce) {
  static const int64_t ints[4] = {10, 20, 30, 40};
  static const uint8_t int_valid[1] = {0b1101};  // row 1 is null
  static const int32_t days[4] = {0, 1, 19000, -1};
  static const uint8_t bools[1] = {0b0101};
  static const double floats[4] = {1.5, -2.0, 0.0, 1e300};
  TestStruct t(4);
  t.Add("n", "l", {int_valid, ints}, 4, 1);
  t.Add("d", "tdD", {nullptr, days}, 4, 0);
  t.Add("b", "b", {nullptr, bools}, 4, 0);
  t.Add("f", "g", {nullptr, floats}, 4, 0);
  Column kept;
  {
    auto table = ImportArrowTable(&t.schema, &t.array);
    ASSERT_TRUE(table.ok()) << table.status().message();
    EXPECT_EQ(t.schema_releases, 1);
    EXPECT_EQ(t.array_releases, 0);
    EXPECT_EQ(t.array.release, nullptr);  // moved out
    ASSERT_EQ(table->num_rows(), 4);
    const Column& n = *table->GetColumn("n");
    EXPECT_EQ(n.type(), ColumnType::kInt);
    EXPECT_EQ(n.data<int64_t>(), ints);  // the producer's memory, not a copy
    EXPECT_EQ(n.null_count(), 1);
    EXPECT_TRUE(n.IsNull(1));
    EXPECT_EQ(n.Int64(3), 40);
    const Column& d = *table->GetColumn("d");
    EXPECT_EQ(d.type(), ColumnType::kDate);
    EXPECT_EQ(d.Date32(2), 19000);
    const Column& b = *table->GetColumn("b");
    EXPECT_TRUE(b.Bool(0));
    EXPECT_FALSE(b.Bool(1));
    EXPECT_TRUE(b.Bool(2));
    const Column& f = *table->GetColumn("f");
    EXPECT_EQ(f.data<double>(), floats);
    EXPECT_EQ(f.validity(), nullptr);
    kept = n.Slice(2, 2);
  }
  EXPECT_EQ(t.array_releases, 0);  // a slice alone keeps the producer's array alive
  EXPECT_EQ(kept.Int64(1), 40);
  kept = Column();
  EXPECT_EQ(t.array_releases, 1);
  EXPECT_EQ(t.schema_releases, 1);
}

TEST(ArrowImport, NanAndInfinitiesBecomeNullButValuesAreShared) {
  static const double v[5] = {1.0, std::nan(""), std::numeric_limits<double>::infinity(), 4.0, 5.0};
  static const uint8_t valid[1] = {0b01111};  // row 4 already null
  TestStruct t(5);
  t.Add("x", "g", {valid, v}, 5, 1);
  auto table = ImportArrowTable(&t.schema, &t.array);
  ASSERT_TRUE(table.ok()) << table.status().message();
  const Column& x = table->column(0);
  EXPECT_EQ(x.data<double>(), v);
  EXPECT_EQ(x.null_count(), 3);
  EXPECT_TRUE(x.IsValid(0));
  EXPECT_TRUE(x.IsNull(1));
  EXPECT_TRUE(x.IsNull(2));
  EXPECT_TRUE(x.IsValid(3));
  EXPECT_TRUE(x.IsNull(4));
}

TEST(ArrowImport, StructAndChildOffsetsCombine) {
  static const int64_t ints[6] = {0, 1, 2, 3, 4, 5};
  TestStruct t(3, /*offset=*/1);
  t.Add("n", "l", {nullptr, ints}, 5, 0, /*offset=*/1);  // struct row i = child row 1 + i
  auto table = ImportArrowTable(&t.schema, &t.array);
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_EQ(table->num_rows(), 3);
  EXPECT_EQ(table->column(0).Int64(0), 2);
  EXPECT_EQ(table->column(0).Int64(2), 4);
}

TEST(ArrowImport, DictionaryEncodedUtf8IsZeroCopy) {
  static const int32_t dict_offsets[4] = {0, 2, 4, 10};
  static const char dict_bytes[] = "FRDEsweden";
  static const int32_t indices[4] = {2, 0, 99, 1};
  static const uint8_t valid[1] = {0b1011};  // row 2 null (its index is out of range: ignored)
  const void* dict_buffers[3] = {nullptr, dict_offsets, dict_bytes};
  ArrowSchema dict_schema{"u", "", nullptr, 0, 0, nullptr, nullptr, &NoRelease, nullptr};
  ArrowArray dict_array{3, 0, 0, 3, 0, dict_buffers, nullptr, nullptr, &NoReleaseArray, nullptr};
  TestStruct t(4);
  t.Add("country", "i", {valid, indices}, 4, 1, 0, &dict_schema, &dict_array);
  auto table = ImportArrowTable(&t.schema, &t.array);
  ASSERT_TRUE(table.ok()) << table.status().message();
  const Column& c = table->column(0);
  EXPECT_EQ(c.type(), ColumnType::kString);
  EXPECT_EQ(c.data<int32_t>(), indices);
  EXPECT_EQ(c.String(0), "sweden");
  EXPECT_EQ(c.String(1), "FR");
  EXPECT_TRUE(c.IsNull(2));
  EXPECT_EQ(c.String(3), "DE");
}

TEST(ArrowImport, RepeatedDictionaryEntriesAreMerged) {
  static const int32_t dict_offsets[4] = {0, 1, 2, 3};
  static const char dict_bytes[] = "xyx";
  static const int32_t indices[3] = {0, 2, 1};
  const void* dict_buffers[3] = {nullptr, dict_offsets, dict_bytes};
  ArrowSchema dict_schema{"u", "", nullptr, 0, 0, nullptr, nullptr, &NoRelease, nullptr};
  ArrowArray dict_array{3, 0, 0, 3, 0, dict_buffers, nullptr, nullptr, &NoReleaseArray, nullptr};
  TestStruct t(3);
  t.Add("s", "i", {nullptr, indices}, 3, 0, 0, &dict_schema, &dict_array);
  auto table = ImportArrowTable(&t.schema, &t.array);
  ASSERT_TRUE(table.ok()) << table.status().message();
  const Column& c = table->column(0);
  EXPECT_EQ(c.dictionary()->size(), 2);
  EXPECT_EQ(c.Code(0), c.Code(1));  // both "x": one code, so equality by code holds
  EXPECT_EQ(c.String(2), "y");
}

TEST(ArrowImport, PlainUtf8IsConvertedToADictionary) {
  static const int32_t offsets[6] = {0, 5, 5, 10, 15, 17};
  static const char bytes[] = "retailxxxxxretailfi";
  // rows: "retai", "" (null), "lxxxx", "xreta", "il" — with offset 1 the table sees rows 1..4
  static const uint8_t valid[1] = {0b11101};
  TestStruct t(4);
  t.Add("s", "u", {valid, offsets, bytes}, 5, 1, /*offset=*/1);
  auto table = ImportArrowTable(&t.schema, &t.array);
  ASSERT_TRUE(table.ok()) << table.status().message();
  const Column& c = table->column(0);
  EXPECT_EQ(c.type(), ColumnType::kString);
  EXPECT_TRUE(c.IsNull(0));
  EXPECT_EQ(c.String(1), "lxxxx");
  EXPECT_EQ(c.String(2), "xreta");
  EXPECT_EQ(c.String(3), "il");
  EXPECT_EQ(c.dictionary()->size(), 3);
  EXPECT_EQ(t.array_releases, 1);  // everything was copied: the producer's array is done
}

TEST(ArrowImport, UnsupportedFormatFailsAndReleasesBothOnce) {
  static const float v[2] = {1.0f, 2.0f};
  TestStruct t(2);
  t.Add("price", "f", {nullptr, v}, 2, 0);
  auto table = ImportArrowTable(&t.schema, &t.array);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(table.status().message().find("'price': unsupported format 'f'"), std::string::npos)
      << table.status().message();
  EXPECT_EQ(t.schema_releases, 1);
  EXPECT_EQ(t.array_releases, 1);
}

TEST(ArrowImport, OutOfRangeDictionaryIndexIsAnError) {
  static const int32_t dict_offsets[2] = {0, 1};
  static const char dict_bytes[] = "a";
  static const int32_t indices[2] = {0, 1};
  const void* dict_buffers[3] = {nullptr, dict_offsets, dict_bytes};
  ArrowSchema dict_schema{"u", "", nullptr, 0, 0, nullptr, nullptr, &NoRelease, nullptr};
  ArrowArray dict_array{1, 0, 0, 3, 0, dict_buffers, nullptr, nullptr, &NoReleaseArray, nullptr};
  TestStruct t(2);
  t.Add("s", "i", {nullptr, indices}, 2, 0, 0, &dict_schema, &dict_array);
  auto table = ImportArrowTable(&t.schema, &t.array);
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.status().message().find("row 1: dictionary index 1 is out of range [0, 1)"),
            std::string::npos)
      << table.status().message();
  EXPECT_EQ(t.array_releases, 1);
}

TEST(ArrowImport, ShortChildAndReleasedArrayAreErrors) {
  static const int64_t ints[2] = {1, 2};
  TestStruct t(3);
  t.Add("n", "l", {nullptr, ints}, 2, 0);
  auto table = ImportArrowTable(&t.schema, &t.array);
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.status().message().find("shorter than the struct"), std::string::npos);
  // Importing the same (now released) structs again fails without calling anything twice.
  auto again = ImportArrowTable(&t.schema, &t.array);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(t.schema_releases, 1);
  EXPECT_EQ(t.array_releases, 1);
}

Table SampleTable() {
  auto t = Table::Make(
      {"id", "spent", "vip", "since", "city", "stage"},
      {Column::FromInt64({1, std::nullopt, 3}), Column::FromFloat64({1.5, 2.5, std::nullopt}),
       Column::FromBool({true, false, std::nullopt}), Column::FromDate32({10, std::nullopt, 30}),
       Column::FromStrings({"Lyon", std::nullopt, "Lyon"}),
       Column::FromEnum({"lead", "customer", std::nullopt}, {"customer", "lead"})});
  EXPECT_TRUE(t.ok());
  return std::move(t).value();
}

TEST(ArrowExport, FormatsAndRoundTripShareBuffers) {
  ArrowSchema schema;
  ArrowArray array;
  const int64_t* id_values;
  {
    Table original = SampleTable();
    id_values = original.column(0).data<int64_t>();
    ASSERT_TRUE(ExportArrowTable(original, &schema, &array).ok());
  }  // the exported structs keep the buffers alive on their own
  EXPECT_STREQ(schema.format, "+s");
  ASSERT_EQ(schema.n_children, 6);
  EXPECT_STREQ(schema.children[0]->format, "l");
  EXPECT_STREQ(schema.children[1]->format, "g");
  EXPECT_STREQ(schema.children[2]->format, "b");
  EXPECT_STREQ(schema.children[3]->format, "tdD");
  EXPECT_STREQ(schema.children[4]->format, "i");
  EXPECT_STREQ(schema.children[4]->dictionary->format, "u");
  EXPECT_STREQ(schema.children[5]->name, "stage");
  EXPECT_EQ(array.length, 3);
  EXPECT_EQ(array.children[0]->null_count, 1);
  EXPECT_EQ(array.children[4]->dictionary->length, 1);

  auto back = ImportArrowTable(&schema, &array);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(schema.release, nullptr);
  EXPECT_EQ(array.release, nullptr);
  EXPECT_EQ(back->column(0).data<int64_t>(), id_values);  // zero-copy both ways
  EXPECT_TRUE(back->column(0).IsNull(1));
  EXPECT_EQ(back->column(1).Float64(1), 2.5);
  EXPECT_TRUE(back->column(2).Bool(0));
  EXPECT_TRUE(back->column(2).IsNull(2));
  EXPECT_EQ(back->column(3).Date32(2), 30);
  EXPECT_EQ(back->column(4).String(2), "Lyon");
  EXPECT_EQ(back->column(5).type(), ColumnType::kString);  // enums travel as dictionary utf8
  EXPECT_EQ(back->column(5).String(0), "lead");
}

TEST(ArrowExport, SlicedColumnsExportTheirOffset) {
  Table sliced = SampleTable().Slice(1, 2);
  ArrowSchema schema;
  ArrowArray array;
  ASSERT_TRUE(ExportArrowTable(sliced, &schema, &array).ok());
  EXPECT_EQ(array.children[0]->offset, 1);
  EXPECT_EQ(array.children[0]->length, 2);
  auto back = ImportArrowTable(&schema, &array);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_TRUE(back->column(0).IsNull(0));
  EXPECT_EQ(back->column(0).Int64(1), 3);
  EXPECT_FALSE(back->column(2).Bool(0));
}

}  // namespace
}  // namespace segc::rt
