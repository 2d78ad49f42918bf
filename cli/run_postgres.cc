// `segc run --engine postgres`: libpq, the summary and statistics queries, and the run result
// they give (the same fields the executor fills, so the JIT's printers print it).
#include "cli/run_postgres.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/sql_load.h"
#include "cli/sql_query.h"
#include "compiler/plan/stat_names.h"
#include "segc/bitmap.h"

namespace segc::cli {
namespace {

using Connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;
using QueryResult = std::unique_ptr<PGresult, decltype(&PQclear)>;

int ServerError(const std::string& what, const char* message) {
  std::fprintf(stderr, "segc: error: %s: %s", what.c_str(), message);
  return kExitBadData;
}

/// The first row of a query: columns by name (statistics) or in order (counts).
class Row {
 public:
  explicit Row(const PGresult* r) : r_(r) {}
  bool Null(const std::string& column) const { return PQgetisnull(r_, 0, Index(column)); }
  double Float(const std::string& column) const { return FloatAt(Index(column)); }
  int64_t Int(const std::string& column) const { return IntAt(Index(column)); }
  /// The next column's value, from the first.
  int64_t NextInt() { return IntAt(next_++); }

 private:
  int64_t IntAt(int i) const {
    return PQgetisnull(r_, 0, i) ? 0 : std::strtoll(PQgetvalue(r_, 0, i), nullptr, 10);
  }
  // PostgreSQL 12+ prints doubles in their shortest exact form; strtod reads them back exactly.
  double FloatAt(int i) const {
    return PQgetisnull(r_, 0, i) ? 0 : std::strtod(PQgetvalue(r_, 0, i), nullptr);
  }
  int Index(const std::string& column) const {
    int i = PQfnumber(r_, ("\"" + column + "\"").c_str());  // quoted: case kept
    if (i < 0) {
      std::fprintf(stderr, "segc: internal error: no column '%s' in the query result\n",
                   column.c_str());
      std::exit(kExitInternal);
    }
    return i;
  }
  const PGresult* r_;
  int next_ = 0;
};

// The counting query's columns in order (sql::Queries::counts): rows, then per output a
// segment's count or a class's label counts and nulls, then overflows.
void FillOutputs(const ir::Program& p, Row row, rt::RunResult& result) {
  result.rows = row.NextInt();
  for (const ir::Output& o : p.outputs) {
    if (o.kind == ir::OutputKind::kSegment) {
      result.segments.push_back({o.name, o.description, nullptr, row.NextInt()});
    } else if (o.kind == ir::OutputKind::kScore) {
      rt::ScoreResult s;  // totals from the score rows (ScoreTotals)
      s.name = o.name;
      result.scores.push_back(std::move(s));
    } else if (o.kind == ir::OutputKind::kMeasure) {
      continue;  // folded from the member rows (MemberRows)
    } else {
      rt::ClassResult c;
      c.name = o.name;
      c.labels = o.labels;
      for (size_t l = 0; l < o.labels.size(); ++l) c.label_counts.push_back(row.NextInt());
      c.null_count = row.NextInt();
      result.classes.push_back(std::move(c));
    }
  }
  result.overflow_count = row.NextInt();
}

/// The statistic as the executor describes it (runtime/exec/executor_columns.cc DescribeStat).
rt::StatisticResult Scalar(const ir::Program& p, uint32_t index, const Row& row,
                           const std::string& column) {
  const ir::Stat& stat = p.stats[index];
  ir::Type input = p.node(stat.input).type;
  rt::StatisticResult out;
  bool exact_int = input == ir::Type::kInt &&
                   (stat.kind == ir::StatKind::kMinOf || stat.kind == ir::StatKind::kMaxOf);
  out.kind = input == ir::Type::kDate && stat.kind != ir::StatKind::kStddev ? rt::ValueKind::kDate
             : exact_int                                                    ? rt::ValueKind::kInt
                                                                            : rt::ValueKind::kFloat;
  if (!row.Null(column)) {
    out.value = exact_int ? double(row.Int(column)) : row.Float(column);
    out.int_value = exact_int ? row.Int(column) : int64_t(*out.value);
  }
  return out;
}

/// Statistics in the executor's order: the physical plan's scalar statistics, then its ntiles,
/// matched to the logical ones by their names.
std::optional<std::vector<rt::StatisticResult>> Statistics(const api::PlannedRules& rules,
                                                           const sql::Queries& q, const Row& row) {
  const ir::Program& p = *rules.logical;
  plan::StatNames logical = plan::NameStatistics(p), physical = plan::NameStatistics(*rules.plan);
  std::map<std::string, rt::StatisticResult> by_name;
  for (const sql::StatisticColumn& c : q.statistic_columns) {
    if (!c.is_ntile) {
      rt::StatisticResult s = Scalar(p, c.index, row, c.columns[0]);
      s.name = logical.stats[c.index];
      by_name[s.name] = s;
      continue;
    }
    rt::StatisticResult s;
    s.name = logical.derived[c.index];
    s.is_ntile = true;
    bool date = p.node(p.derived[c.index].input).type == ir::Type::kDate;
    s.kind = date ? rt::ValueKind::kDate : rt::ValueKind::kFloat;
    for (const std::string& cut : c.columns) {
      if (!row.Null(cut)) s.cuts.push_back(row.Float(cut));
    }
    by_name[s.name] = s;
  }
  std::vector<rt::StatisticResult> out;
  const ir::Program& g = rules.plan->graph;
  for (size_t i = 0; i < g.stats.size(); ++i) {
    if (g.stats[i].kind == ir::StatKind::kScalar) continue;
    auto it = by_name.find(physical.stats[i]);
    if (it == by_name.end()) return std::nullopt;
    out.push_back(it->second);
  }
  for (size_t i = 0; i < g.derived.size(); ++i) {
    if (g.derived[i].kind != ir::DerivedKind::kNtile) continue;
    auto it = by_name.find(physical.derived[i]);
    if (it == by_name.end()) return std::nullopt;
    out.push_back(it->second);
  }
  return out;
}

/// Each score's count, sum, min and max from its values in scan order, as the executor adds
/// them (runtime/exec/executor_results.cc): a sum of doubles that overflows is infinite here,
/// where PostgreSQL's sum() would raise.
void ScoreTotals(const PGresult* rows, rt::RunResult& result) {
  for (int c = 0; c < PQnfields(rows); ++c) {
    rt::ScoreResult& s = result.scores[size_t(c)];
    s.count = 0;
    s.sum = s.min = s.max = s.mean = 0;
    for (int r = 0; r < PQntuples(rows); ++r) {
      if (PQgetisnull(rows, r, c)) continue;
      double v = std::strtod(PQgetvalue(rows, r, c), nullptr);
      s.min = s.count == 0 ? v : std::min(s.min, v);
      s.max = s.count == 0 ? v : std::max(s.max, v);
      s.sum += v;
      ++s.count;
    }
    if (s.count > 0) s.mean = s.sum / double(s.count);
  }
}

QueryResult Exec(PGconn* db, const std::string& sql) { return {PQexec(db, sql.c_str()), &PQclear}; }

/// The member rows' columns as the executor holds them: segment bitmaps, class label codes and
/// measure values (sql::Queries::member_rows, one column per output but scores), so that
/// measures and overlaps are folded by the runtime's own code.
void MemberRows(const ir::Program& p, const PGresult* rows, rt::RunResult& result) {
  const int64_t n = PQntuples(rows);
  const size_t bytes = size_t(rt::BitmapBytes(n));
  int column = 0;
  size_t segment = 0, cls = 0;
  for (const ir::Output& o : p.outputs) {
    if (o.kind == ir::OutputKind::kScore) continue;
    const int c = column++;
    auto validity = rt::Buffer::Allocate(bytes);
    if (o.kind == ir::OutputKind::kSegment) {
      auto bits = rt::Buffer::Allocate(bytes);
      for (int64_t r = 0; r < n; ++r) {
        if (!PQgetisnull(rows, int(r), c) && PQgetvalue(rows, int(r), c)[0] == 't') {
          rt::SetBit(bits->mutable_data(), r);
        }
      }
      result.segments[segment++].bitmap = bits;
    } else if (o.kind == ir::OutputKind::kClass) {
      auto codes = rt::Buffer::Allocate(size_t(n) * sizeof(int32_t));
      auto* code = reinterpret_cast<int32_t*>(codes->mutable_data());
      std::map<std::string, int32_t> by_label;
      for (size_t l = 0; l < o.labels.size(); ++l) by_label[o.labels[l]] = int32_t(l);
      for (int64_t r = 0; r < n; ++r) {
        if (PQgetisnull(rows, int(r), c)) continue;
        auto it = by_label.find(PQgetvalue(rows, int(r), c));
        if (it == by_label.end()) continue;
        code[r] = it->second;
        rt::SetBit(validity->mutable_data(), r);
      }
      std::vector<std::string_view> labels(o.labels.begin(), o.labels.end());
      auto values =
          rt::Column::Make(rt::ColumnType::kEnum, n, codes, validity, rt::Dictionary::Make(labels));
      result.classes[cls++].values = *values;
    } else {
      auto doubles = rt::Buffer::Allocate(size_t(n) * sizeof(double));
      auto* value = reinterpret_cast<double*>(doubles->mutable_data());
      for (int64_t r = 0; r < n; ++r) {
        if (PQgetisnull(rows, int(r), c)) continue;
        value[r] = std::strtod(PQgetvalue(rows, int(r), c), nullptr);
        rt::SetBit(validity->mutable_data(), r);
      }
      auto values = rt::Column::Make(rt::ColumnType::kFloat, n, doubles, validity);
      result.measures.push_back(
          {o.name, o.description, static_cast<rt::MeasureKind>(o.measure), *values});
    }
  }
}

/// The rows of each event table and those whose key is not a customer's (sql::Queries::events):
/// the runtime's data error (runtime/exec/events.cc GroupEvents) unless `allow_unknown`.
std::optional<int> CheckEvents(PGconn* db, const api::PlannedRules& rules, const sql::Queries& q,
                               bool allow_unknown, rt::RunResult& result) {
  const ir::Program& p = *rules.logical;
  for (size_t t = 0; t < q.events.size(); ++t) {
    QueryResult r = Exec(db, q.events[t]);
    if (PQresultStatus(r.get()) != PGRES_TUPLES_OK) {
      return ServerError("the event table query failed", PQerrorMessage(db));
    }
    Row row(r.get());
    int64_t unknown = row.Int("unknown");
    if (unknown > 0 && !allow_unknown) {
      std::string what = row.Null("first_key") ? " has an empty key"
                                               : ": key " + std::string(PQgetvalue(r.get(), 0, 3)) +
                                                     " is not in table '" + p.customer_table + "'";
      std::fprintf(stderr, "segc: error: events '%s': record %lld%s\n",
                   p.event_tables[t].name.c_str(), static_cast<long long>(row.Int("first_unknown")),
                   what.c_str());
      return kExitBadData;
    }
    result.event_tables.push_back(p.event_tables[t].name);
    result.event_rows.push_back(row.Int("rows"));
    result.unknown_event_keys.push_back(unknown);
  }
  return std::nullopt;
}

}  // namespace

std::optional<int> CheckEngineOptions(const RunArgs& args) {
  if (args.engine != "postgres") {
    if (!args.data.empty()) return std::nullopt;
    PrintUsageError("--data is required", "run 'segc help run' for its usage");
    return kExitUsage;
  }
  const char* conflict = !args.data.empty()      ? "--data"
                         : !args.out.empty()     ? "--out"
                         : !args.rejects.empty() ? "--rejects"
                                                 : nullptr;
  if (conflict != nullptr) {
    PrintUsageError(std::string(conflict) + " cannot be used with --engine postgres",
                    "the data is the table in the database; see docs/sql.md");
    return kExitUsage;
  }
  if (args.dsn.empty()) {
    PrintUsageError("--engine postgres needs --dsn URI",
                    "for example --dsn postgresql://user@localhost:5432/db");
    return kExitUsage;
  }
  return std::nullopt;
}

std::optional<int> ExecutePostgres(const RunArgs& args, RunState& state) {
  auto names = ResolveTableNames(args.tables, state);
  if (!names) return kExitUsage;
  auto queries = EmitQueries(state, "postgres", *names);
  if (!queries) return kExitRuleErrors;
  Connection db(PQconnectdb(args.dsn.c_str()), &PQfinish);
  if (PQstatus(db.get()) != CONNECTION_OK) {
    return ServerError("cannot connect to '" + args.dsn + "'", PQerrorMessage(db.get()));
  }
  if (auto code = CheckEvents(db.get(), *state.planned, *queries, args.unknown_keys == "report",
                              state.result)) {
    return code;
  }
  QueryResult summary = Exec(db.get(), queries->counts);
  if (PQresultStatus(summary.get()) != PGRES_TUPLES_OK) {
    return ServerError("the summary query failed", PQerrorMessage(db.get()));
  }
  QueryResult stats = Exec(db.get(), queries->statistics);
  if (PQresultStatus(stats.get()) != PGRES_TUPLES_OK) {
    return ServerError("the statistics query failed", PQerrorMessage(db.get()));
  }
  FillOutputs(*state.planned->logical, Row(summary.get()), state.result);
  if (!queries->score_rows.empty()) {
    QueryResult scores = Exec(db.get(), queries->score_rows);
    if (PQresultStatus(scores.get()) != PGRES_TUPLES_OK) {
      return ServerError("the score query failed", PQerrorMessage(db.get()));
    }
    ScoreTotals(scores.get(), state.result);
  }
  const ir::Program& logical = *state.planned->logical;
  bool measures =
      std::any_of(logical.outputs.begin(), logical.outputs.end(),
                  [](const ir::Output& o) { return o.kind == ir::OutputKind::kMeasure; });
  if ((measures || args.overlaps) && !queries->member_rows.empty()) {
    QueryResult members = Exec(db.get(), queries->member_rows);
    if (PQresultStatus(members.get()) != PGRES_TUPLES_OK) {
      return ServerError("the member query failed", PQerrorMessage(db.get()));
    }
    MemberRows(logical, members.get(), state.result);
    rt::SummarizeMeasures(state.result, 1);
  }
  auto statistics = Statistics(*state.planned, *queries, Row(stats.get()));
  if (!statistics) {
    return InternalError("a statistic of the plan has no counterpart in the SQL statistics");
  }
  state.result.statistics = std::move(*statistics);
  state.threads = 1;
  return std::nullopt;
}

}  // namespace segc::cli
