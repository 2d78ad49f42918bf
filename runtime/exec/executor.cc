// Executor: binds inputs, computes dictionary tables, statistics and derived columns, and runs
// each stage kernel over 64-row-aligned morsels on the thread pool.
#include "segc/executor.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <utility>

#include "runtime/exec/executor_internal.h"
#include "runtime/exec/thread_pool.h"
#include "segc/check.h"
#include "segc/events.h"
#include "segc/stats.h"

namespace segc::rt {

namespace {

int Width(ValueKind kind) {
  switch (kind) {
    case ValueKind::kInt:
    case ValueKind::kFloat:
      return 8;
    case ValueKind::kDate:
    case ValueKind::kLabel:
      return 4;
    case ValueKind::kBool:
      return 0;
  }
  return 8;
}

bool Compatible(ColumnType want, ColumnType got) {
  auto stringlike = [](ColumnType t) { return t == ColumnType::kString || t == ColumnType::kEnum; };
  return want == got || (stringlike(want) && stringlike(got));
}

/// The state of one Execute call.
class Run {
 public:
  Run(const ExecProgram& p, const Table& t, const std::vector<Table>& events, const RunOptions& o)
      : p_(p), t_(t), events_(events), options_(o), pool_(o.threads) {}

  Result<RunResult> Go();

 private:
  Status BindInputs();
  int64_t Rows(uint32_t table) const {
    return table == 0 ? t_.num_rows() : events_[table - 1].num_rows();
  }
  const Table& TableOf(uint32_t table) const { return table == 0 ? t_ : events_[table - 1]; }
  std::string TableName(uint32_t table) const {
    return table == 0 ? "the data" : "events '" + p_.event_tables[table - 1].name + "'";
  }
  uint32_t StageTable(uint32_t stage) const {
    return stage < p_.stage_tables.size() ? p_.stage_tables[stage] : 0;
  }
  Status GroupEvents();
  void ComputeAggregates();
  Status ComputeScalars();
  void BuildDicts();
  void AllocateSlots();
  Column SlotColumn(uint32_t slot) const;
  Column StatInput(int32_t input, int32_t source_slot) const;
  /// The statistics kernels' view of the pool: their passes run as tasks on the run's threads.
  ParallelFor OnPool() {
    return [this](int64_t tasks, const std::function<void(int64_t)>& task) {
      pool_.ParallelFor(tasks, task);
    };
  }
  void ComputeBefore(uint32_t stage);
  void ComputePercentiles(uint32_t stage);
  void RunStage(uint32_t stage);
  RunResult Collect();

  const ExecProgram& p_;
  const Table& t_;
  const std::vector<Table>& events_;
  RunOptions options_;
  ThreadPool pool_;
  int64_t rows_ = 0;
  std::vector<Column> inputs_;
  std::vector<segc_column> input_views_;
  std::vector<segc_stat_value> stats_;
  std::vector<bool> computed_;  ///< by ExecProgram::stats index: stats_ already holds it
  std::vector<StatisticResult> stat_results_;           ///< by ExecProgram::stats index
  std::vector<std::optional<StatisticResult>> ntiles_;  ///< by ExecProgram::derived index
  std::vector<Column> derived_;
  std::vector<segc_column> derived_views_;
  std::vector<DictTable> dicts_;
  std::vector<segc_dict_table> dict_views_;
  std::vector<std::shared_ptr<Buffer>> slot_values_, slot_validity_;
  std::vector<segc_column> slot_views_;
  int64_t overflow_ = 0;
  std::vector<EventGroups> groups_;  ///< by ExecProgram::event_tables
  bool aggregated_ = false;
};

Status Run::BindInputs() {
  if (events_.size() != p_.event_tables.size()) {
    return Status::InvalidArgument("the program reads " + std::to_string(p_.event_tables.size()) +
                                   " event tables, the run gave " + std::to_string(events_.size()));
  }
  for (const ExecInput& in : p_.inputs) {
    if (!in.used || in.aggregate >= 0) {
      inputs_.emplace_back();
      continue;
    }
    const Column* column = TableOf(in.table).GetColumn(in.name);
    if (column == nullptr) {
      return Status::DataError("column '" + in.name + "' is missing from " + TableName(in.table) +
                               "; the rules read it");
    }
    if (!Compatible(in.type, column->type())) {
      return Status::DataError(
          "column '" + in.name + "' is " + std::string(ColumnTypeName(column->type())) +
          " in the data, but the schema declares it " + std::string(ColumnTypeName(in.type)));
    }
    inputs_.push_back(detail::Compact(*column));
  }
  for (size_t i = 0; i < inputs_.size(); ++i) {
    bool bound = p_.inputs[i].used && p_.inputs[i].aggregate < 0;
    input_views_.push_back(bound ? detail::ColumnView(inputs_[i]) : segc_column{nullptr, nullptr});
  }
  return Status::Ok();
}

Status Run::GroupEvents() {
  if (p_.event_tables.empty()) return Status::Ok();
  const Column* customer_keys = t_.GetColumn(p_.customer_key);
  if (customer_keys == nullptr) {
    return Status::DataError("the key column '" + p_.customer_key +
                             "' is missing from the data; the event tables link to it");
  }
  for (size_t t = 0; t < p_.event_tables.size(); ++t) {
    const ExecEventTable& table = p_.event_tables[t];
    SEGC_TRY(EventGroups groups,
             rt::GroupEvents(*customer_keys, inputs_[size_t(table.key_input)], p_.customer_table,
                             table.name, options_.allow_unknown_event_keys, pool_.size()));
    groups_.push_back(std::move(groups));
  }
  return Status::Ok();
}

// Every aggregate of the program, after the event stages wrote their filters and values.
void Run::ComputeAggregates() {
  aggregated_ = true;
  const ParallelFor on_pool = [this](int64_t tasks, const std::function<void(int64_t)>& task) {
    pool_.ParallelFor(tasks, task);
  };
  for (const ExecAggregate& a : p_.aggregates) {
    Column filter, value, order;
    AggregateInputs in;
    if (a.filter_input >= 0 || a.filter_slot >= 0) {
      filter = StatInput(a.filter_input, a.filter_slot);
      in.filter = &filter;
    }
    if (a.value_input >= 0 || a.value_slot >= 0) {
      value = StatInput(a.value_input, a.value_slot);
      in.value = &value;
    }
    if (a.order_input >= 0) {
      order = inputs_[size_t(a.order_input)];
      in.order = &order;
    }
    Column out = rt::Aggregate(a.kind, a.result, groups_[a.table - 1], in, on_pool, &overflow_);
    inputs_[a.output_input] = out;
    input_views_[a.output_input] = detail::ColumnView(out);
  }
}

Status Run::ComputeScalars() {
  if (options_.inputs.size() != p_.run_inputs.size()) {
    return Status::InvalidArgument("the program takes " + std::to_string(p_.run_inputs.size()) +
                                   " run inputs (as_of and params), the run gave " +
                                   std::to_string(options_.inputs.size()));
  }
  for (size_t i = 0; i < p_.stats.size(); ++i) {
    if (p_.stats[i].kind != StatKind::kScalar) continue;
    stats_[i] = p_.scalar_evaluator(uint32_t(i), options_.inputs);
    computed_[i] = true;
  }
  return Status::Ok();
}

// Entry e of `column`'s dictionary → the rank of its string among the distinct strings of both
// dictionaries, sorted by bytes; the last entry (null rows) is null. Equal strings get equal
// ranks in both tables, so rank comparisons are the string comparisons.
void BuildRankTable(const Dictionary* column, const Dictionary* partner, DictTable& out) {
  std::vector<std::string_view> all;
  for (const Dictionary* d : {column, partner}) {
    for (int64_t e = 0; d != nullptr && e < d->size(); ++e) all.push_back(d->Get(e));
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  int64_t n = column != nullptr ? column->size() : 0;
  out.size = n + 1;
  out.values.assign(size_t(out.size) * sizeof(int64_t), 0);
  out.valid.assign(size_t(out.size), 0);
  for (int64_t e = 0; e < n; ++e) {
    int64_t rank = std::lower_bound(all.begin(), all.end(), column->Get(e)) - all.begin();
    std::memcpy(out.values.data() + e * sizeof(int64_t), &rank, sizeof rank);
    out.valid[size_t(e)] = 1;
  }
}

void Run::BuildDicts() {
  dicts_.resize(p_.dicts.size());
  for (uint32_t i = 0; i < p_.dicts.size(); ++i) {
    const Column& column = inputs_[size_t(p_.dicts[i].input)];
    if (p_.dicts[i].rank_partner >= 0) {
      const Column& partner = inputs_[size_t(p_.dicts[i].rank_partner)];
      BuildRankTable(column.dictionary().get(), partner.dictionary().get(), dicts_[i]);
    } else {
      p_.dict_evaluator(i, column.dictionary().get(), stats_.data(), dicts_[i]);
    }
    const DictTable& table = dicts_[i];
    SEGC_CHECK(table.size == (column.dictionary() ? column.dictionary()->size() : 0) + 1);
    dict_views_.push_back({table.values.data(), table.valid.data(), table.size});
  }
}

// Wide value slots (ints, floats, dates, labels: 80 MB per slot at 10M rows) are filled by
// the stage kernel of every morsel, null rows included (their value is 0), so they skip the
// zeroing pass and come from huge pages: on a VM, the first-touch faults of 4 KB pages cost
// more than the kernels (RFM over 10M rows spent most of its time in them). Only the rows of
// the last 64-row word beyond the table are zeroed. Bitmaps are small and start zeroed.
void Run::AllocateSlots() {
  for (const ExecSlot& slot : p_.slots) {
    const int64_t rows = Rows(slot.table);
    const int64_t padded = (rows + 63) / 64 * 64;
    const int width = Width(slot.kind);
    if (width == 0) {
      slot_values_.push_back(Buffer::Allocate(size_t(padded / 8)));
    } else {
      slot_values_.push_back(Buffer::AllocateHuge(size_t(padded * width)));
      std::memset(slot_values_.back()->mutable_data() + rows * width, 0,
                  size_t((padded - rows) * width));
    }
    slot_validity_.push_back(slot.nullable ? Buffer::Allocate(size_t(padded / 8)) : nullptr);
    slot_views_.push_back({slot_values_.back()->mutable_data(),
                           slot.nullable ? slot_validity_.back()->mutable_data() : nullptr});
  }
}

Column Run::SlotColumn(uint32_t slot) const {
  ColumnType type = detail::KindColumnType(p_.slots[slot].kind);
  auto column =
      Column::Make(type, Rows(p_.slots[slot].table), slot_values_[slot], slot_validity_[slot]);
  SEGC_CHECK(column.ok());
  return *column;
}

// The percentiles of one column in one stage (`cltv > p90 ... cltv > p50`) are computed together,
// sharing their passes over the column, which run on the thread pool.
void Run::ComputePercentiles(uint32_t stage) {
  std::map<std::pair<int32_t, int32_t>, std::vector<size_t>> by_input;
  for (size_t i = 0; i < p_.stats.size(); ++i) {
    const ExecStat& stat = p_.stats[i];
    if (stat.stage != stage || stat.kind != StatKind::kPercentile) continue;
    by_input[{stat.input, stat.source_slot}].push_back(i);
  }
  for (const auto& [input, members] : by_input) {
    Column x = StatInput(input.first, input.second);
    std::vector<double> qs;
    for (size_t i : members) qs.push_back(p_.stats[i].q);
    auto values = Percentiles(x, qs, OnPool());  // q was checked to be within [0, 1] by sema
    SEGC_CHECK(values.ok());
    for (size_t k = 0; k < members.size(); ++k) {
      size_t i = members[k];
      stats_[i] = detail::StatValue((*values)[k]);
      stat_results_[i] = detail::DescribeStat(p_.stats[i], x, stats_[i]);
      computed_[i] = true;
    }
  }
}

Column Run::StatInput(int32_t input, int32_t source_slot) const {
  return source_slot >= 0 ? SlotColumn(uint32_t(source_slot)) : inputs_[size_t(input)];
}

void Run::ComputeBefore(uint32_t stage) {
  ComputePercentiles(stage);
  for (size_t i = 0; i < p_.stats.size(); ++i) {
    const ExecStat& stat = p_.stats[i];
    if (stat.stage != stage || computed_[i]) continue;
    Column x = StatInput(stat.input, stat.source_slot);
    stats_[i] = detail::ComputeStat(stat, x);
    stat_results_[i] = detail::DescribeStat(stat, x, stats_[i]);
  }
  for (size_t i = 0; i < p_.derived.size(); ++i) {
    const ExecDerived& d = p_.derived[i];
    if (d.stage != stage) continue;
    StatisticResult ntile;
    derived_[i] = detail::ComputeDerived(d, StatInput(d.input, d.source_slot), &ntile, OnPool());
    derived_views_[i] = detail::ColumnView(derived_[i]);
    if (ntile.is_ntile) ntiles_[i] = std::move(ntile);
  }
}

void Run::RunStage(uint32_t stage) {
  const int64_t rows = Rows(StageTable(stage));
  segc_kernel_args args{};
  args.num_rows = rows;
  args.inputs = input_views_.data();
  args.stats = stats_.data();
  args.derived = derived_views_.data();
  args.dicts = dict_views_.data();
  args.outputs = slot_views_.data();
  args.state = p_.stages[stage].state;
  int64_t morsel = std::max<int64_t>(64, (options_.morsel_rows + 63) / 64 * 64);
  int64_t count = (rows + morsel - 1) / morsel;
  std::vector<int64_t> overflow(size_t(count), 0);
  segc_kernel_fn fn = p_.stages[stage].fn;
  pool_.ParallelFor(count, [&](int64_t m) {
    segc_kernel_args mine = args;
    mine.overflow = &overflow[size_t(m)];
    fn(&mine, m * morsel, std::min(rows, (m + 1) * morsel));
  });
  for (int64_t o : overflow) overflow_ += o;
}

Result<RunResult> Run::Go() {
  rows_ = t_.num_rows();
  SEGC_RETURN_IF_ERROR(pool_.status());
  SEGC_RETURN_IF_ERROR(BindInputs());
  SEGC_RETURN_IF_ERROR(GroupEvents());
  stats_.assign(p_.stats.size(), segc_stat_value{});
  computed_.assign(p_.stats.size(), false);
  SEGC_RETURN_IF_ERROR(ComputeScalars());
  BuildDicts();
  AllocateSlots();
  stat_results_.resize(p_.stats.size());
  ntiles_.resize(p_.derived.size());
  derived_.resize(p_.derived.size());
  derived_views_.assign(p_.derived.size(), segc_column{nullptr, nullptr});
  for (uint32_t s = 0; s < p_.stages.size(); ++s) {
    if (StageTable(s) == 0 && !aggregated_) ComputeAggregates();
    ComputeBefore(s);
    RunStage(s);
  }
  RunResult result = Collect();
  for (size_t t = 0; t < groups_.size(); ++t) {
    result.event_tables.push_back(p_.event_tables[t].name);
    result.event_rows.push_back(events_[t].num_rows());
    result.unknown_event_keys.push_back(groups_[t].unknown);
  }
  return result;
}

}  // namespace

RunResult Run::Collect() {
  RunResult result = detail::CollectOutputs(p_, rows_, slot_values_, slot_validity_, OnPool());
  result.overflow_count = overflow_;
  for (size_t i = 0; i < p_.stats.size(); ++i) {
    if (p_.stats[i].kind != StatKind::kScalar) result.statistics.push_back(stat_results_[i]);
  }
  for (const auto& ntile : ntiles_) {
    if (ntile) result.statistics.push_back(*ntile);
  }
  return result;
}

Result<RunResult> Execute(const ExecProgram& program, const Table& table,
                          const RunOptions& options) {
  return Execute(program, table, {}, options);
}

Result<RunResult> Execute(const ExecProgram& program, const Table& table,
                          const std::vector<Table>& event_tables, const RunOptions& options) {
  SEGC_CHECK(program.stages.size() >= 1 || program.outputs.empty());
  Run run(program, table, event_tables, options);
  return run.Go();
}

}  // namespace segc::rt
