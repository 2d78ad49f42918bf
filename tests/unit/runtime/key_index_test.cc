// Tests for KeyIndex: dense and sparse int keys, string keys, duplicates, nulls, bulk Map.
#include "segc/key_index.h"

#include <gtest/gtest.h>

#include <random>

namespace segc::rt {
namespace {

KeyIndex MustBuild(const Column& keys) {
  KeyProblem problem;
  Result<KeyIndex> index = KeyIndex::Build(keys, &problem);
  EXPECT_TRUE(index.ok()) << index.status().message();
  EXPECT_EQ(problem.kind, KeyProblem::Kind::kNone);
  return std::move(index).value();
}

// Int keys: dense (direct array) and sparse (hash) layouts must behave the same.
class KeyIndexInt : public testing::TestWithParam<int64_t> {};

TEST_P(KeyIndexInt, FindsEveryKeyAndRejectsOthers) {
  const int64_t stride = GetParam();
  std::vector<std::optional<int64_t>> values;
  for (int64_t i = 0; i < 5000; ++i) values.push_back((i * 7919 % 5000) * stride - 1000);
  KeyIndex index = MustBuild(Column::FromInt64(values));
  EXPECT_EQ(index.size(), 5000);
  for (int64_t row = 0; row < 5000; ++row) EXPECT_EQ(index.Find(*values[row]), row);
  EXPECT_EQ(index.Find(int64_t(-1001)), KeyIndex::kNoRow);
  EXPECT_EQ(index.Find(int64_t(5000) * stride), KeyIndex::kNoRow);
  if (stride > 1) {
    EXPECT_EQ(index.Find(int64_t(-999)), KeyIndex::kNoRow);
  }
  EXPECT_EQ(index.Find(std::string_view("12")), KeyIndex::kNoRow);
}

INSTANTIATE_TEST_SUITE_P(DenseAndSparse, KeyIndexInt,
                         testing::Values(int64_t{1}, int64_t{2}, int64_t{1000}, int64_t{1} << 40));

TEST(KeyIndex, ExtremeIntKeys) {
  const int64_t lo = std::numeric_limits<int64_t>::min(), hi = std::numeric_limits<int64_t>::max();
  KeyIndex index = MustBuild(Column::FromInt64({hi, 0, lo}));
  EXPECT_EQ(index.Find(hi), 0);
  EXPECT_EQ(index.Find(int64_t{0}), 1);
  EXPECT_EQ(index.Find(lo), 2);
  EXPECT_EQ(index.Find(int64_t{1}), KeyIndex::kNoRow);
}

TEST(KeyIndex, EmptyColumn) {
  KeyIndex index = MustBuild(Column::FromInt64({}));
  EXPECT_EQ(index.size(), 0);
  EXPECT_EQ(index.Find(int64_t{0}), KeyIndex::kNoRow);
}

struct ProblemCase {
  const char* name;
  Column keys;
  KeyProblem::Kind kind;
  int64_t row, first_row;
  const char* message;
};

class KeyIndexProblem : public testing::TestWithParam<ProblemCase> {};

TEST_P(KeyIndexProblem, ReportsTheFirstProblemInRowOrder) {
  const ProblemCase& c = GetParam();
  KeyProblem problem;
  Result<KeyIndex> index = KeyIndex::Build(c.keys, &problem);
  ASSERT_FALSE(index.ok());
  EXPECT_EQ(index.status().code(), StatusCode::kDataError);
  EXPECT_EQ(index.status().message(), c.message);
  EXPECT_EQ(problem.kind, c.kind);
  EXPECT_EQ(problem.row, c.row);
  EXPECT_EQ(problem.first_row, c.first_row);
}

std::vector<std::optional<int64_t>> SparseWithDuplicate() {
  std::vector<std::optional<int64_t>> v;
  for (int64_t i = 0; i < 100; ++i) v.push_back(i << 40);
  v.push_back(int64_t{37} << 40);
  v.push_back(int64_t{5} << 40);
  return v;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, KeyIndexProblem,
    testing::Values(
        ProblemCase{"DenseDuplicate", Column::FromInt64({1, 2, 3, 2, 1}),
                    KeyProblem::Kind::kDuplicate, 3, 1, "duplicate key '2' in rows 1 and 3"},
        ProblemCase{"SparseDuplicate", Column::FromInt64(SparseWithDuplicate()),
                    KeyProblem::Kind::kDuplicate, 100, 37,
                    "duplicate key '40681930227712' in rows 37 and 100"},
        ProblemCase{"NullInt", Column::FromInt64({1, std::nullopt, 1}), KeyProblem::Kind::kNull, 1,
                    -1, "empty key in row 1"},
        ProblemCase{"DuplicateBeforeNull", Column::FromInt64({4, 4, std::nullopt}),
                    KeyProblem::Kind::kDuplicate, 1, 0, "duplicate key '4' in rows 0 and 1"},
        ProblemCase{"StringDuplicate", Column::FromStrings({"a", "b", "c", "b"}),
                    KeyProblem::Kind::kDuplicate, 3, 1, "duplicate key 'b' in rows 1 and 3"},
        ProblemCase{"NullString", Column::FromStrings({"a", std::nullopt}), KeyProblem::Kind::kNull,
                    1, -1, "empty key in row 1"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(KeyIndex, StringKeys) {
  KeyIndex index = MustBuild(Column::FromStrings({"c-3", "a-1", "", "b-2"}));
  EXPECT_EQ(index.Find(std::string_view("a-1")), 1);
  EXPECT_EQ(index.Find(std::string_view("b-2")), 3);
  EXPECT_EQ(index.Find(std::string_view("")), 2);  // an empty string is a value, not a null
  EXPECT_EQ(index.Find(std::string_view("d-4")), KeyIndex::kNoRow);
  EXPECT_EQ(index.Find(int64_t{1}), KeyIndex::kNoRow);
}

TEST(KeyIndex, DictionaryWithRepeatedStringsStillFindsDuplicates) {
  // Arrow dictionaries may repeat a string under two codes: equal text is one key.
  auto dict = Dictionary::Make({"x", "y", "x"});
  auto codes = Buffer::Allocate(2 * sizeof(int32_t));
  codes->mutable_as<int32_t>()[0] = 0;
  codes->mutable_as<int32_t>()[1] = 2;
  Result<Column> keys = Column::Make(ColumnType::kString, 2, codes, nullptr, dict);
  ASSERT_TRUE(keys.ok());
  KeyProblem problem;
  EXPECT_FALSE(KeyIndex::Build(*keys, &problem).ok());
  EXPECT_EQ(problem.kind, KeyProblem::Kind::kDuplicate);
  EXPECT_EQ(problem.first_row, 0);
}

TEST(KeyIndex, RejectsOtherColumnTypes) {
  Result<KeyIndex> index = KeyIndex::Build(Column::FromFloat64({1.0}));
  ASSERT_FALSE(index.ok());
  EXPECT_EQ(index.status().code(), StatusCode::kInvalidArgument);
}

TEST(KeyIndex, MapIntForeignKeysOnSeveralThreads) {
  std::mt19937_64 rng(7);
  std::vector<std::optional<int64_t>> keys, foreign;
  for (int64_t i = 0; i < 20000; ++i) keys.push_back(int64_t(rng() >> 1));
  for (int64_t i = 0; i < 300000; ++i) {
    const int64_t pick = int64_t(rng() % 25000);
    if (pick >= 24000)
      foreign.push_back(std::nullopt);
    else if (pick >= 20000)
      foreign.push_back(int64_t(pick));  // unknown (tiny keys)
    else
      foreign.push_back(keys[pick]);
  }
  KeyIndex index = MustBuild(Column::FromInt64(keys));
  Result<std::vector<int32_t>> rows = index.Map(Column::FromInt64(foreign), 3);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), foreign.size());
  for (size_t i = 0; i < foreign.size(); ++i) {
    const int32_t want = foreign[i] ? int32_t(index.Find(*foreign[i])) : KeyIndex::kNoRow;
    ASSERT_EQ((*rows)[i], want) << i;
    if (want >= 0) {
      ASSERT_EQ(*keys[want], *foreign[i]);
    }
  }
}

TEST(KeyIndex, MapDenseIntKeys) {
  KeyIndex index = MustBuild(Column::FromInt64({10, 11, 13}));
  Result<std::vector<int32_t>> rows =
      index.Map(Column::FromInt64({13, 12, std::nullopt, 10, 9, 14, 11}));
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(*rows, (std::vector<int32_t>{2, -1, -1, 0, -1, -1, 1}));
}

TEST(KeyIndex, MapStringForeignKeysThroughTheirOwnDictionary) {
  KeyIndex index = MustBuild(Column::FromStrings({"ann", "bob", "cy"}));
  Result<std::vector<int32_t>> rows =
      index.Map(Column::FromStrings({"cy", "zed", std::nullopt, "ann", "cy", "bob"}));
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(*rows, (std::vector<int32_t>{2, -1, -1, 0, 2, 1}));
}

TEST(KeyIndex, MapRejectsAnotherKind) {
  KeyIndex index = MustBuild(Column::FromStrings({"a"}));
  EXPECT_EQ(index.Map(Column::FromInt64({1})).status().code(), StatusCode::kInvalidArgument);
  KeyIndex ints = MustBuild(Column::FromInt64({1}));
  EXPECT_EQ(ints.Map(Column::FromStrings({"1"})).status().code(), StatusCode::kInvalidArgument);
}

TEST(KeyIndex, SlicedColumnUsesItsOffset) {
  Column keys = Column::FromInt64({1, 1, 2, 3}).Slice(1, 3);
  KeyIndex index = MustBuild(keys);
  EXPECT_EQ(index.Find(int64_t{1}), 0);
  EXPECT_EQ(index.Find(int64_t{3}), 2);
}

}  // namespace
}  // namespace segc::rt
