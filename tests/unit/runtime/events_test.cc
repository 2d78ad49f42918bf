// Tests for event tables: key linking, grouping and the per-customer aggregates.
#include "segc/events.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>

#include "runtime/exec/thread_pool.h"

namespace segc::rt {
namespace {

Column Ints(std::vector<std::optional<int64_t>> v) { return Column::FromInt64(v); }

TEST(GroupEvents, RowsOfEachCustomerInFileOrder) {
  Column customers = Ints({10, 20, 30});
  Column events = Ints({20, 10, 20, 20, 30});
  auto groups = GroupEvents(customers, events, "customers", "purchases", false);
  ASSERT_TRUE(groups.ok()) << groups.status().message();
  EXPECT_EQ(groups->offsets, (std::vector<int64_t>{0, 1, 4, 5}));
  EXPECT_EQ(groups->rows, (std::vector<uint32_t>{1, 0, 2, 3, 4}));
  EXPECT_EQ(groups->unknown, 0);
}

TEST(GroupEvents, StringKeysMatchAcrossDictionaries) {
  Column customers = Column::FromStrings({"b", "a"});
  Column events = Column::FromStrings({"a", "a", "b", "z"});
  auto groups = GroupEvents(customers, events, "customers", "visits", true);
  ASSERT_TRUE(groups.ok());
  EXPECT_EQ(groups->offsets, (std::vector<int64_t>{0, 1, 3}));
  EXPECT_EQ(groups->unknown, 1);
}

TEST(GroupEvents, UnknownEmptyAndDuplicateKeysAreDataErrors) {
  auto unknown = GroupEvents(Ints({1, 2}), Ints({1, 5}), "customers", "purchases", false);
  ASSERT_EQ(unknown.status().code(), StatusCode::kDataError);
  EXPECT_EQ(unknown.status().message(),
            "events 'purchases': record 2: key 5 is not in table 'customers'");
  auto empty = GroupEvents(Ints({1, 2}), Ints({std::nullopt}), "customers", "purchases", false);
  EXPECT_EQ(empty.status().message(), "events 'purchases': record 1 has an empty key");
  auto twice = GroupEvents(Ints({1, 2, 1}), Ints({1}), "customers", "purchases", false);
  EXPECT_EQ(twice.status().message(), "table 'customers': key 1 repeats (records 1 and 3)");
}

TEST(Aggregate, EveryKindOnCustomersWithAndWithoutEvents) {
  // customer 0: values 5, null, 7 (times 3, 1, 3); customer 1: none; customer 2: value 2.
  auto groups = GroupEvents(Ints({0, 1, 2}), Ints({0, 0, 2, 0}), "c", "e", false);
  ASSERT_TRUE(groups.ok());
  Column value = Ints({5, std::nullopt, 2, 7});
  Column time = Ints({3, 1, 9, 3});
  AggregateInputs in{nullptr, &value, &time};
  int64_t overflow = 0;
  auto run = [&](AggregateKind kind, ColumnType type) {
    return Aggregate(kind, type, *groups, in, {}, &overflow);
  };
  Column count = run(AggregateKind::kCount, ColumnType::kInt);
  EXPECT_EQ(count.Int64(0), 2);  // non-null values
  EXPECT_EQ(count.Int64(1), 0);
  Column sum = run(AggregateKind::kSum, ColumnType::kInt);
  EXPECT_EQ(sum.Int64(0), 12);
  EXPECT_TRUE(sum.IsValid(1));
  EXPECT_EQ(sum.Int64(1), 0);
  Column avg = run(AggregateKind::kAvg, ColumnType::kFloat);
  EXPECT_DOUBLE_EQ(avg.Float64(0), 6.0);
  EXPECT_FALSE(avg.IsValid(1));
  EXPECT_EQ(run(AggregateKind::kMin, ColumnType::kInt).Int64(0), 5);
  EXPECT_EQ(run(AggregateKind::kMax, ColumnType::kInt).Int64(0), 7);
  EXPECT_EQ(run(AggregateKind::kFirst, ColumnType::kInt).Int64(0), 5);  // tie at time 3: earlier
  EXPECT_EQ(run(AggregateKind::kLast, ColumnType::kInt).Int64(0), 7);   // tie at time 3: later
  EXPECT_FALSE(run(AggregateKind::kLast, ColumnType::kInt).IsValid(1));
  EXPECT_EQ(run(AggregateKind::kCountDistinct, ColumnType::kInt).Int64(2), 1);
  EXPECT_EQ(overflow, 0);
}

TEST(Aggregate, FilterKeepsOnlyTrueAndIntSumOverflowIsNull) {
  auto groups = GroupEvents(Ints({0, 1}), Ints({0, 0, 1, 1}), "c", "e", false);
  ASSERT_TRUE(groups.ok());
  Column keep = Column::FromBool({true, std::nullopt, true, true});
  Column value = Ints({1, 100, INT64_MAX, 1});
  int64_t overflow = 0;
  Column sum = Aggregate(AggregateKind::kSum, ColumnType::kInt, *groups,
                         AggregateInputs{&keep, &value, nullptr}, {}, &overflow);
  EXPECT_EQ(sum.Int64(0), 1);  // the null filter leaves 100 out
  EXPECT_FALSE(sum.IsValid(1));
  EXPECT_EQ(overflow, 1);
}

TEST(Aggregate, SameBitsForEveryThreadCount) {
  std::mt19937_64 rng(7);
  const int64_t customers = 50000, events = 200000;
  std::vector<std::optional<int64_t>> keys(customers), owner(events);
  std::vector<std::optional<double>> amounts(events);
  for (int64_t c = 0; c < customers; ++c) keys[size_t(c)] = c * 3;
  for (int64_t e = 0; e < events; ++e) {
    owner[size_t(e)] = int64_t(rng() % uint64_t(customers)) * 3;
    amounts[size_t(e)] = double(rng() % 100000) / 7.0;
  }
  auto groups = GroupEvents(Column::FromInt64(keys), Column::FromInt64(owner), "c", "e", false);
  ASSERT_TRUE(groups.ok());
  Column value = Column::FromFloat64(amounts);
  std::vector<double> first;
  for (int threads : {1, 2, 5}) {
    ThreadPool pool(threads);
    ParallelFor parallel = [&](int64_t n, const std::function<void(int64_t)>& f) {
      pool.ParallelFor(n, f);
    };
    int64_t overflow = 0;
    Column sum = Aggregate(AggregateKind::kSum, ColumnType::kFloat, *groups,
                           AggregateInputs{nullptr, &value, nullptr}, parallel, &overflow);
    std::vector<double> got(sum.data<double>(), sum.data<double>() + customers);
    if (first.empty()) {
      first = got;
    } else {
      EXPECT_EQ(std::memcmp(first.data(), got.data(), got.size() * sizeof(double)), 0);
    }
  }
}

TEST(CustomersFromEvents, DistinctKeysInOrderOfFirstAppearance) {
  Column a = Ints({7, 3, 7, std::nullopt});
  Column b = Ints({5, 3, 9});
  auto table = CustomersFromEvents("id", {&a, &b});
  ASSERT_TRUE(table.ok());
  const Column& id = table->column(0);
  ASSERT_EQ(id.length(), 4);
  EXPECT_EQ(id.Int64(0), 7);
  EXPECT_EQ(id.Int64(1), 3);
  EXPECT_EQ(id.Int64(2), 5);
  EXPECT_EQ(id.Int64(3), 9);
}

}  // namespace
}  // namespace segc::rt
