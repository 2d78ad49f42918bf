// Executor: binds inputs, computes dictionary tables, statistics and derived columns, and runs
// each stage kernel over 64-row-aligned morsels on the thread pool.
#include "segc/executor.h"

#include <algorithm>
#include <functional>
#include <map>
#include <utility>

#include "runtime/exec/executor_internal.h"
#include "runtime/exec/thread_pool.h"
#include "segc/check.h"
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
  Run(const ExecProgram& p, const Table& t, const RunOptions& o)
      : p_(p), t_(t), options_(o), pool_(o.threads) {}

  Result<RunResult> Go();

 private:
  Status BindInputs();
  Status ComputeScalars();
  void BuildDicts();
  void AllocateSlots();
  Column SlotColumn(uint32_t slot) const;
  Column StatInput(int32_t input, int32_t source_slot) const;
  void ComputeBefore(uint32_t stage);
  void ComputePercentiles(uint32_t stage);
  void RunStage(uint32_t stage);
  RunResult Collect() const;

  const ExecProgram& p_;
  const Table& t_;
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
};

Status Run::BindInputs() {
  for (const ExecInput& in : p_.inputs) {
    const Column* column = t_.GetColumn(in.name);
    if (!in.used) {
      inputs_.emplace_back();
      continue;
    }
    if (column == nullptr) {
      return Status::DataError("column '" + in.name +
                               "' is missing from the data; the rules read it");
    }
    if (!Compatible(in.type, column->type())) {
      return Status::DataError(
          "column '" + in.name + "' is " + std::string(ColumnTypeName(column->type())) +
          " in the data, but the schema declares it " + std::string(ColumnTypeName(in.type)));
    }
    inputs_.push_back(detail::Compact(*column));
  }
  for (size_t i = 0; i < inputs_.size(); ++i) {
    input_views_.push_back(p_.inputs[i].used ? detail::ColumnView(inputs_[i])
                                             : segc_column{nullptr, nullptr});
  }
  return Status::Ok();
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

void Run::BuildDicts() {
  dicts_.resize(p_.dicts.size());
  for (uint32_t i = 0; i < p_.dicts.size(); ++i) {
    const Column& column = inputs_[size_t(p_.dicts[i].input)];
    p_.dict_evaluator(i, column.dictionary().get(), stats_.data(), dicts_[i]);
    const DictTable& table = dicts_[i];
    SEGC_CHECK(table.size == (column.dictionary() ? column.dictionary()->size() : 0) + 1);
    dict_views_.push_back({table.values.data(), table.valid.data(), table.size});
  }
}

void Run::AllocateSlots() {
  int64_t padded = (rows_ + 63) / 64 * 64;
  for (const ExecSlot& slot : p_.slots) {
    int width = Width(slot.kind);
    size_t bytes = width == 0 ? size_t(padded / 8) : size_t(padded * width);
    slot_values_.push_back(Buffer::Allocate(bytes));
    slot_validity_.push_back(slot.nullable ? Buffer::Allocate(size_t(padded / 8)) : nullptr);
    slot_views_.push_back({slot_values_.back()->mutable_data(),
                           slot.nullable ? slot_validity_.back()->mutable_data() : nullptr});
  }
}

Column Run::SlotColumn(uint32_t slot) const {
  ColumnType type = detail::KindColumnType(p_.slots[slot].kind);
  auto column = Column::Make(type, rows_, slot_values_[slot], slot_validity_[slot]);
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
  const ParallelFor on_pool = [this](int64_t tasks, const std::function<void(int64_t)>& task) {
    pool_.ParallelFor(tasks, task);
  };
  for (const auto& [input, members] : by_input) {
    Column x = StatInput(input.first, input.second);
    std::vector<double> qs;
    for (size_t i : members) qs.push_back(p_.stats[i].q);
    auto values = Percentiles(x, qs, on_pool);  // q was checked to be within [0, 1] by sema
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
    derived_[i] = detail::ComputeDerived(d, StatInput(d.input, d.source_slot), &ntile);
    derived_views_[i] = detail::ColumnView(derived_[i]);
    if (ntile.is_ntile) ntiles_[i] = std::move(ntile);
  }
}

void Run::RunStage(uint32_t stage) {
  segc_kernel_args args{};
  args.num_rows = rows_;
  args.inputs = input_views_.data();
  args.stats = stats_.data();
  args.derived = derived_views_.data();
  args.dicts = dict_views_.data();
  args.outputs = slot_views_.data();
  args.state = p_.stages[stage].state;
  int64_t morsel = std::max<int64_t>(64, (options_.morsel_rows + 63) / 64 * 64);
  int64_t count = (rows_ + morsel - 1) / morsel;
  std::vector<int64_t> overflow(size_t(count), 0);
  segc_kernel_fn fn = p_.stages[stage].fn;
  pool_.ParallelFor(count, [&](int64_t m) {
    segc_kernel_args mine = args;
    mine.overflow = &overflow[size_t(m)];
    fn(&mine, m * morsel, std::min(rows_, (m + 1) * morsel));
  });
  for (int64_t o : overflow) overflow_ += o;
}

Result<RunResult> Run::Go() {
  rows_ = t_.num_rows();
  SEGC_RETURN_IF_ERROR(pool_.status());
  SEGC_RETURN_IF_ERROR(BindInputs());
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
    ComputeBefore(s);
    RunStage(s);
  }
  return Collect();
}

}  // namespace

RunResult Run::Collect() const {
  RunResult result = detail::CollectOutputs(p_, rows_, slot_values_, slot_validity_);
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
  SEGC_CHECK(program.stages.size() >= 1 || program.outputs.empty());
  Run run(program, table, options);
  return run.Go();
}

}  // namespace segc::rt
