// Tests for Buffer, bitmaps, Column (every type, nulls, slices, borrowed buffers) and Table.
#include "segc/column.h"

#include <gtest/gtest.h>

#include <cstring>

#include "segc/bitmap.h"
#include "segc/table.h"

namespace segc::rt {
namespace {

TEST(Buffer, AllocateIsAlignedAndZeroed) {
  auto b = Buffer::Allocate(100);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(b->data()) % kBufferAlignment, 0u);
  EXPECT_EQ(b->size(), 100u);
  for (int i = 0; i < 128; ++i) EXPECT_EQ(b->data()[i], 0) << i;  // padding is zeroed too
}

TEST(Buffer, WrapCallsReleaseOnceWhenLastReferenceDies) {
  int released = 0;
  static const int64_t kValues[3] = {7, 8, 9};
  {
    auto hook = MakeReleaseHook([&] { ++released; });
    auto values = Buffer::Wrap(kValues, sizeof(kValues), hook);
    auto also = Buffer::Wrap(kValues, 8, hook);
    hook.reset();
    auto column = Column::Make(ColumnType::kInt, 3, values, nullptr);
    ASSERT_TRUE(column.ok());
    values.reset();
    also.reset();
    EXPECT_EQ(released, 0);
    EXPECT_FALSE(column->values()->owned());
    EXPECT_EQ(column->Int64(2), 9);
    EXPECT_EQ(column->null_count(), 0);
  }
  EXPECT_EQ(released, 1);
}

TEST(Bitmap, LsbOrderAndCounting) {
  std::vector<uint8_t> bytes = {1, 0, 1, 1, 0, 0, 0, 0, 1};
  auto bits = PackBitmap(bytes);
  EXPECT_EQ(bits->data()[0], 0b00001101);
  EXPECT_EQ(bits->data()[1], 0b00000001);
  EXPECT_EQ(CountSetBits(bits->data(), 0, 9), 4);
  EXPECT_EQ(CountSetBits(bits->data(), 2, 7), 3);
}

TEST(Bitmap, PackAtUnalignedOffsetAndLongRuns) {
  std::vector<uint8_t> bytes(200);
  for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = (i % 3) == 0;
  auto bits = Buffer::Allocate(64);
  PackBits(bytes.data(), 200, bits->mutable_data(), 5);
  for (int64_t i = 0; i < 200; ++i) EXPECT_EQ(GetBit(bits->data(), i + 5), bytes[i] != 0) << i;
  EXPECT_EQ(CountSetBits(bits->data(), 5, 200), 67);
}

TEST(Column, Int64WithNulls) {
  Column c = Column::FromInt64({1, std::nullopt, -3});
  EXPECT_EQ(c.type(), ColumnType::kInt);
  EXPECT_EQ(c.length(), 3);
  EXPECT_EQ(c.null_count(), 1);
  EXPECT_TRUE(c.IsValid(0));
  EXPECT_TRUE(c.IsNull(1));
  EXPECT_EQ(c.Int64(2), -3);
}

TEST(Column, Float64AndDate32) {
  Column f = Column::FromFloat64({1.5, std::nullopt});
  EXPECT_EQ(f.Float64(0), 1.5);
  EXPECT_EQ(f.null_count(), 1);
  Column d = Column::FromDate32({0, 20000});
  EXPECT_EQ(d.type(), ColumnType::kDate);
  EXPECT_EQ(d.Date32(1), 20000);
  EXPECT_EQ(ValueWidth(ColumnType::kDate), 4);
}

TEST(Column, BoolIsBitPacked) {
  Column b = Column::FromBool({true, false, std::nullopt, true});
  EXPECT_EQ(b.values()->data()[0], 0b1001);
  EXPECT_TRUE(b.Bool(0));
  EXPECT_FALSE(b.Bool(1));
  EXPECT_TRUE(b.IsNull(2));
  EXPECT_TRUE(b.Bool(3));
}

TEST(Column, StringsAreDictionaryEncodedInFirstSeenOrder) {
  Column s = Column::FromStrings({"b", "a", std::nullopt, "b", ""});
  EXPECT_EQ(s.type(), ColumnType::kString);
  ASSERT_EQ(s.dictionary()->size(), 3);
  EXPECT_EQ(s.dictionary()->Get(0), "b");
  EXPECT_EQ(s.Code(3), 0);
  EXPECT_EQ(s.String(1), "a");
  EXPECT_EQ(s.String(4), "");
  EXPECT_TRUE(s.IsNull(2));
  EXPECT_EQ(s.dictionary()->Find("a"), 1);
  EXPECT_EQ(s.dictionary()->Find("zz"), -1);
}

TEST(Column, EnumCodesFollowDeclaredLabels) {
  Column e = Column::FromEnum({"customer", "lead", std::nullopt}, {"lead", "customer"});
  EXPECT_EQ(e.type(), ColumnType::kEnum);
  EXPECT_EQ(e.Code(0), 1);
  EXPECT_EQ(e.Code(1), 0);
  EXPECT_EQ(e.String(0), "customer");
  EXPECT_EQ(e.null_count(), 1);
}

TEST(Column, SliceSharesBuffersAndRecountsNulls) {
  Column c = Column::FromInt64({1, std::nullopt, 3, 4, std::nullopt});
  Column s = c.Slice(2, 3);
  EXPECT_EQ(s.values(), c.values());
  EXPECT_EQ(s.length(), 3);
  EXPECT_EQ(s.Int64(0), 3);
  EXPECT_EQ(s.null_count(), 1);
  EXPECT_TRUE(s.IsNull(2));
}

TEST(Column, MakeRejectsShortBuffersAndMissingDictionary) {
  auto small = Buffer::Allocate(8);
  EXPECT_FALSE(Column::Make(ColumnType::kInt, 2, small, nullptr).ok());
  EXPECT_FALSE(Column::Make(ColumnType::kString, 1, small, nullptr).ok());
  EXPECT_TRUE(Column::Make(ColumnType::kInt, 1, small, nullptr).ok());
  EXPECT_FALSE(Column::Make(ColumnType::kFloat, 1, small, nullptr, nullptr, 1).ok());
}

TEST(Dictionary, FromBuffersValidatesOffsets) {
  auto offsets = Buffer::Allocate(12);
  offsets->mutable_as<int32_t>()[1] = 2;
  offsets->mutable_as<int32_t>()[2] = 1;
  EXPECT_FALSE(Dictionary::FromBuffers(offsets, Buffer::Allocate(2), 2).ok());
  offsets->mutable_as<int32_t>()[2] = 3;
  auto bytes = Buffer::Allocate(3);
  std::memcpy(bytes->mutable_data(), "abc", 3);
  auto dict = Dictionary::FromBuffers(offsets, bytes, 2);
  ASSERT_TRUE(dict.ok());
  EXPECT_EQ((*dict)->Get(0), "ab");
  EXPECT_EQ((*dict)->Get(1), "c");
}

TEST(Table, MakeSelectSlice) {
  auto t =
      Table::Make({"id", "x"}, {Column::FromInt64({1, 2, 3}), Column::FromFloat64({.5, 1, 2})});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->num_rows(), 3);
  EXPECT_EQ(t->FindColumn("x"), 1);
  EXPECT_EQ(t->GetColumn("nope"), nullptr);
  auto sel = t->Select({"x"});
  ASSERT_TRUE(sel.ok());
  EXPECT_EQ(sel->column(0).values(), t->column(1).values());
  Table s = t->Slice(1, 2);
  EXPECT_EQ(s.num_rows(), 2);
  EXPECT_EQ(s.column(0).Int64(0), 2);
  EXPECT_FALSE(t->Select({"missing"}).ok());
}

TEST(Table, MakeRejectsMismatchedLengthsAndDuplicateNames) {
  EXPECT_FALSE(Table::Make({"a", "b"}, {Column::FromInt64({1}), Column::FromInt64({1, 2})}).ok());
  EXPECT_FALSE(Table::Make({"a", "a"}, {Column::FromInt64({1}), Column::FromInt64({1})}).ok());
  EXPECT_FALSE(Table::Make({"a"}, {}).ok());
}

}  // namespace
}  // namespace segc::rt
