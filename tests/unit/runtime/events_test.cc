// Tests for event tables: key linking, grouping and the per-customer aggregates.
#include "segc/events.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>

#include "runtime/exec/thread_pool.h"

namespace segc::rt {
namespace {

Column Ints(std::vector<std::optional<int64_t>> v) { return Column::FromInt64(v); }

std::vector<int32_t> Owners(const EventGroups& g) {
  return std::vector<int32_t>(g.owner.data(), g.owner.data() + g.owner.size());
}

TEST(GroupEvents, EachEventLinksToItsCustomerRow) {
  Column customers = Ints({10, 20, 30});
  Column events = Ints({20, 10, 20, 20, 30});
  auto groups = GroupEvents(customers, events, "customers", "purchases", false);
  ASSERT_TRUE(groups.ok()) << groups.status().message();
  EXPECT_EQ(Owners(*groups), (std::vector<int32_t>{1, 0, 1, 1, 2}));
  EXPECT_EQ(groups->customers, 3);
  EXPECT_EQ(groups->unknown, 0);
}

TEST(GroupEvents, StringKeysMatchAcrossDictionaries) {
  Column customers = Column::FromStrings({"b", "a"});
  Column events = Column::FromStrings({"a", "a", "b", "z"});
  auto groups = GroupEvents(customers, events, "customers", "visits", true);
  ASSERT_TRUE(groups.ok());
  EXPECT_EQ(Owners(*groups), (std::vector<int32_t>{1, 1, 0, -1}));
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
  std::vector<std::optional<int64_t>> keys(customers), owner(events), days(events);
  std::vector<std::optional<double>> amounts(events);
  for (int64_t c = 0; c < customers; ++c) keys[size_t(c)] = c * 3;
  for (int64_t e = 0; e < events; ++e) {
    owner[size_t(e)] = int64_t(rng() % uint64_t(customers)) * 3;
    amounts[size_t(e)] = double(rng() % 100000) / 7.0;
    days[size_t(e)] = int64_t(rng() % 20);
  }
  Column value = Column::FromFloat64(amounts), day = Column::FromInt64(days);
  std::vector<std::vector<uint8_t>> first;
  for (int threads : {1, 2, 5}) {
    auto groups =
        GroupEvents(Column::FromInt64(keys), Column::FromInt64(owner), "c", "e", false, threads);
    ASSERT_TRUE(groups.ok());
    ThreadPool pool(threads);
    ParallelFor parallel = [&](int64_t n, const std::function<void(int64_t)>& f) {
      pool.ParallelFor(n, f);
    };
    int64_t overflow = 0;
    std::vector<std::vector<uint8_t>> got;
    auto keep = [&](const Column& c, size_t width) {
      const auto* p = c.values()->data();
      got.emplace_back(p, p + width * size_t(customers));
    };
    keep(Aggregate(AggregateKind::kSum, ColumnType::kFloat, *groups,
                   AggregateInputs{nullptr, &value, nullptr}, parallel, &overflow),
         8);
    keep(Aggregate(AggregateKind::kLast, ColumnType::kFloat, *groups,
                   AggregateInputs{nullptr, &value, &day}, parallel, &overflow),
         8);
    keep(Aggregate(AggregateKind::kCountDistinct, ColumnType::kInt, *groups,
                   AggregateInputs{nullptr, &day, nullptr}, parallel, &overflow),
         8);
    if (first.empty()) {
      first = got;
    } else {
      EXPECT_EQ(first, got) << threads << " threads";
    }
  }
}

TEST(GroupEvents, PartitionGivesEachRangeItsEventsInFileOrder) {
  std::mt19937_64 rng(11);
  std::vector<std::optional<int64_t>> keys(1000), owner(30000);
  for (size_t c = 0; c < keys.size(); ++c) keys[c] = int64_t(c);
  for (auto& o : owner) o = int64_t(rng() % 1100);  // about 9% unknown
  auto groups = GroupEvents(Column::FromInt64(keys), Column::FromInt64(owner), "c", "e", true, 3);
  ASSERT_TRUE(groups.ok());
  ASSERT_EQ(groups->ranges.size(), 3u);
  EXPECT_EQ(groups->ranges.front().begin, 0);
  EXPECT_EQ(groups->ranges.back().end, 1000);
  int64_t listed = 0;
  for (size_t r = 0; r < 3; ++r) {
    const CustomerRange range = groups->ranges[r];
    if (r > 0) {
      EXPECT_EQ(range.begin, groups->ranges[r - 1].end);
    }
    EXPECT_EQ(range.begin % 64, 0);
    int64_t previous = -1;
    for (int64_t k = groups->part_start[r]; k < groups->part_start[r + 1]; ++k) {
      const int64_t e = groups->part[size_t(k)];
      EXPECT_GT(e, previous);
      previous = e;
      EXPECT_GE(groups->owner[size_t(e)], range.begin);
      EXPECT_LT(groups->owner[size_t(e)], range.end);
    }
    listed += groups->part_start[r + 1] - groups->part_start[r];
  }
  EXPECT_EQ(listed + groups->unknown, 30000);
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
