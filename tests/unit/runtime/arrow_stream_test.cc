// Tests for the Arrow C Stream import: one batch zero-copy, several concatenated, producer
// errors with their messages, and exactly one release of the stream on every path.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "segc/arrow.h"
#include "tests/unit/runtime/arrow_testing.h"

namespace segc::rt {
namespace {

using arrow_testing::TestStream;
using arrow_testing::TestStruct;

void KeepDictSchema(ArrowSchema* s) { s->release = nullptr; }
void KeepDictArray(ArrowArray* a) { a->release = nullptr; }

// A utf8 dictionary array over test-owned buffers (never released by the batch).
struct TestDict {
  TestDict(const int32_t* offsets, const char* bytes, int64_t size)
      : buffers{nullptr, offsets, bytes},
        schema{"u", "", nullptr, 0, 0, nullptr, nullptr, &KeepDictSchema, nullptr},
        array{size, 0, 0, 3, 0, buffers, nullptr, nullptr, &KeepDictArray, nullptr} {}
  const void* buffers[3];
  ArrowSchema schema;
  ArrowArray array;
};

TEST(ArrowStream, OneBatchIsZeroCopyAndEverythingIsReleasedOnce) {
  static const int64_t ints[3] = {7, 8, 9};
  TestStruct batch(3);
  batch.Add("n", "l", {nullptr, ints}, 3, 0);
  TestStream producer(&batch, {&batch});
  {
    auto table = ImportArrowStream(&producer.stream);
    ASSERT_TRUE(table.ok()) << table.status().message();
    EXPECT_EQ(producer.releases, 1);
    EXPECT_EQ(producer.stream.release, nullptr);
    EXPECT_EQ(batch.schema_releases, 1);
    EXPECT_EQ(table->column(0).data<int64_t>(), ints);  // the producer's memory
    EXPECT_EQ(batch.array_releases, 0);                 // still viewed by the table
  }
  EXPECT_EQ(batch.array_releases, 1);
  EXPECT_EQ(producer.releases, 1);
}

TEST(ArrowStream, BatchesWithoutRowsAreSkippedSoOneBatchStaysZeroCopy) {
  static const int64_t ints[2] = {1, 2};
  TestStruct empty1(0), full(2), empty2(0);
  for (TestStruct* t : {&empty1, &full, &empty2}) t->Add("n", "l", {nullptr, ints}, 2, 0);
  TestStream producer(&full, {&empty1, &full, &empty2});
  auto table = ImportArrowStream(&producer.stream);
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_EQ(table->num_rows(), 2);
  EXPECT_EQ(table->column(0).data<int64_t>(), ints);
  EXPECT_EQ(empty1.array_releases, 1);
  EXPECT_EQ(empty2.array_releases, 1);
  EXPECT_EQ(full.array_releases, 0);
}

TEST(ArrowStream, SeveralBatchesAreConcatenatedWithOffsetsNullsAndDictionaries) {
  static const int64_t a_ints[3] = {1, 2, 3};
  static const uint8_t a_valid[1] = {0b101};  // row 1 null
  static const int32_t a_codes[3] = {0, 1, 0};
  static const int32_t a_offsets[3] = {0, 2, 4};
  TestDict a_dict(a_offsets, "FRDE", 2);
  static const uint8_t a_bools[1] = {0b110};
  static const int64_t b_ints[3] = {99, 4, 5};  // child offset 1: rows 4, 5
  static const int32_t b_codes[3] = {9, 1, 0};  // child offset 1: "IT", "DE"
  static const int32_t b_offsets[3] = {0, 2, 4};
  TestDict b_dict(b_offsets, "DEIT", 2);
  static const uint8_t b_bools[1] = {0b100};  // child offset 1: false, true
  TestStruct a(3), b(2);
  a.Add("n", "l", {a_valid, a_ints}, 3, 1);
  a.Add("s", "i", {nullptr, a_codes}, 3, 0, 0, &a_dict.schema, &a_dict.array);
  a.Add("b", "b", {nullptr, a_bools}, 3, 0);
  b.Add("n", "l", {nullptr, b_ints}, 3, 0, 1);
  b.Add("s", "i", {nullptr, b_codes}, 3, 0, 1, &b_dict.schema, &b_dict.array);
  b.Add("b", "b", {nullptr, b_bools}, 3, 0, 1);
  TestStream producer(&a, {&a, &b});
  auto table = ImportArrowStream(&producer.stream);
  ASSERT_TRUE(table.ok()) << table.status().message();
  ASSERT_EQ(table->num_rows(), 5);
  const Column& n = *table->GetColumn("n");
  EXPECT_NE(n.data<int64_t>(), a_ints);  // a copy
  EXPECT_EQ(n.null_count(), 1);
  EXPECT_TRUE(n.IsNull(1));
  EXPECT_EQ(n.Int64(2), 3);
  EXPECT_EQ(n.Int64(3), 4);
  EXPECT_EQ(n.Int64(4), 5);
  const Column& s = *table->GetColumn("s");
  EXPECT_EQ(s.dictionary()->size(), 3);  // FR, DE, IT
  std::vector<std::string> strings;
  for (int64_t i = 0; i < 5; ++i) strings.emplace_back(s.String(i));
  EXPECT_EQ(strings, (std::vector<std::string>{"FR", "DE", "FR", "IT", "DE"}));
  EXPECT_EQ(s.Code(1), s.Code(4));  // one code per string across batches
  const Column& bits = *table->GetColumn("b");
  std::vector<bool> bools;
  for (int64_t i = 0; i < 5; ++i) bools.push_back(bits.Bool(i));
  EXPECT_EQ(bools, (std::vector<bool>{false, true, true, false, true}));
  EXPECT_EQ(a.array_releases, 1);  // copied, so released before the table dies
  EXPECT_EQ(b.array_releases, 1);
  EXPECT_EQ(producer.releases, 1);
}

TEST(ArrowStream, NoBatchesGiveTheSchemaColumnsWithoutRows) {
  static const int32_t offsets[1] = {0};
  TestDict dict(offsets, "", 0);
  TestStruct schema_only(0);
  schema_only.Add("n", "l", {nullptr, nullptr}, 0, 0);
  schema_only.Add("f", "g", {nullptr, nullptr}, 0, 0);
  schema_only.Add("b", "b", {nullptr, nullptr}, 0, 0);
  schema_only.Add("d", "tdD", {nullptr, nullptr}, 0, 0);
  schema_only.Add("u", "u", {nullptr, nullptr, nullptr}, 0, 0);
  schema_only.Add("s", "i", {nullptr, nullptr}, 0, 0, 0, &dict.schema, &dict.array);
  TestStream producer(&schema_only, {});
  auto table = ImportArrowStream(&producer.stream);
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_EQ(table->num_rows(), 0);
  ASSERT_EQ(table->num_columns(), 6);
  const std::vector<ColumnType> types{ColumnType::kInt,  ColumnType::kFloat,  ColumnType::kBool,
                                      ColumnType::kDate, ColumnType::kString, ColumnType::kString};
  for (int i = 0; i < 6; ++i) EXPECT_EQ(table->column(i).type(), types[size_t(i)]) << i;
  EXPECT_EQ(producer.releases, 1);
}

TEST(ArrowStream, GetNextErrorCarriesTheProducerMessage) {
  static const int64_t ints[1] = {1};
  TestStruct first(1), second(1);
  first.Add("n", "l", {nullptr, ints}, 1, 0);
  second.Add("n", "l", {nullptr, ints}, 1, 0);
  TestStream producer(&first, {&first, &second});
  producer.fail_at = 1;
  producer.error = "disk on fire";
  auto table = ImportArrowStream(&producer.stream);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().code(), StatusCode::kIoError);
  EXPECT_EQ(table.status().message(), "arrow stream: get_next failed with error 5: disk on fire");
  EXPECT_EQ(producer.releases, 1);
  EXPECT_EQ(first.array_releases, 1);  // the batch already read is released too
  EXPECT_EQ(first.schema_releases, 1);
}

TEST(ArrowStream, GetSchemaErrorWithoutMessage) {
  TestStruct unused(0);
  TestStream producer(&unused, {});
  producer.schema_error = 22;
  auto table = ImportArrowStream(&producer.stream);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().message(), "arrow stream: get_schema failed with error 22");
  EXPECT_EQ(producer.releases, 1);
  EXPECT_EQ(unused.schema_releases, 0);  // never handed over
}

TEST(ArrowStream, AReleasedStreamIsAnErrorAndNothingIsCalledTwice) {
  static const int64_t ints[1] = {1};
  TestStruct batch(1);
  batch.Add("n", "l", {nullptr, ints}, 1, 0);
  TestStream producer(&batch, {&batch});
  ASSERT_TRUE(ImportArrowStream(&producer.stream).ok());
  auto again = ImportArrowStream(&producer.stream);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(again.status().message().find("already released"), std::string::npos);
  EXPECT_EQ(producer.releases, 1);
  EXPECT_FALSE(ImportArrowStream(nullptr).ok());
}

TEST(ArrowStream, ABadBatchFailsAndReleasesEverything) {
  static const float v[2] = {1.0f, 2.0f};
  TestStruct batch(2);
  batch.Add("price", "f", {nullptr, v}, 2, 0);
  TestStream producer(&batch, {&batch});
  auto table = ImportArrowStream(&producer.stream);
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.status().message().find("unsupported format 'f'"), std::string::npos);
  EXPECT_EQ(producer.releases, 1);
  EXPECT_EQ(batch.array_releases, 1);
  EXPECT_EQ(batch.schema_releases, 1);
}

TEST(ConcatTables, SharedDictionaryIsKeptAndDifferentColumnsAreErrors) {
  Column s = Column::FromStrings({"x", "y", std::nullopt});
  auto t = Table::Make({"s"}, {s});
  ASSERT_TRUE(t.ok());
  auto both = ConcatTables({*t, t->Slice(1, 2)});
  ASSERT_TRUE(both.ok()) << both.status().message();
  EXPECT_EQ(both->num_rows(), 5);
  EXPECT_EQ(both->column(0).dictionary(), s.dictionary());
  EXPECT_EQ(both->column(0).String(3), "y");
  EXPECT_TRUE(both->column(0).IsNull(4));
  auto other = Table::Make({"s"}, {Column::FromInt64({1})});
  auto mixed = ConcatTables({*t, *other});
  ASSERT_FALSE(mixed.ok());
  EXPECT_EQ(mixed.status().message(), "column 's' is string in one table and int in another");
  EXPECT_FALSE(ConcatTables({}).ok());
}

}  // namespace
}  // namespace segc::rt
