// Per-customer aggregates over event tables (docs/sql.md, "Event aggregates"): each event table
// is numbered in scan order (the file order of a table loaded by `segc sql --load`), grouped by
// its key into one row per customer with a column per aggregate, and LEFT JOINed to the customer
// table, so that a customer without events gets the aggregate's empty value (runtime/exec/
// events.cc is the reference: count 0, sum 0, the others null).
#include <fmt/format.h>

#include <limits>

#include "compiler/sql/emitter.h"

namespace segc::sql::detail {

using ir::AggregateKind;
using ir::Op;
using ir::Type;

namespace {

constexpr const char* kEventInt64Range = "-9223372036854775808 AND 9223372036854775807";

std::string AggregateColumn(uint32_t a) { return fmt::format("segc#a{}", a); }
std::string CountColumn(uint32_t a) { return fmt::format("segc#n{}", a); }
std::string OverflowColumn(uint32_t a) { return fmt::format("segc#x{}", a); }
std::string EventsName(uint32_t t) { return fmt::format("segc#e{}", t); }
std::string RunningName(uint32_t t) { return fmt::format("segc#w{}", t); }
std::string PartialColumn(uint32_t a) { return fmt::format("segc#p{}", a); }
std::string OutOfRangeColumn(uint32_t a) { return fmt::format("segc#o{}", a); }
std::string GroupName(uint32_t t) { return fmt::format("segc#g{}", t); }

}  // namespace

bool Emitter::HasAggregates() const {
  for (uint8_t used : aggregate_used_) {
    if (used) return true;
  }
  return false;
}

std::string Emitter::EventTableName(uint32_t t) const {
  if (t < o_.event_tables.size() && !o_.event_tables[t].empty()) return o_.event_tables[t];
  return p_.event_tables[t].name;
}

// The nodes of the aggregates' values and filters (over event columns) must be translatable too.
std::optional<Refusal> Emitter::CheckEventNodes() const {
  std::vector<uint8_t> seen(p_.nodes.size(), 0);
  std::vector<ir::ValueId> work;
  for (uint32_t a = 0; a < p_.aggregates.size(); ++a) {
    if (!aggregate_used_[a]) continue;
    for (ir::ValueId root : {p_.aggregates[a].value, p_.aggregates[a].filter}) {
      if (root != ir::kNoValue) work.push_back(root);
    }
  }
  while (!work.empty()) {
    ir::ValueId id = work.back();
    work.pop_back();
    if (seen[id]) continue;
    seen[id] = 1;
    if (auto refusal = CheckNode(id)) return refusal;
    for (ir::ValueId arg : p_.node(id).args) work.push_back(arg);
  }
  return std::nullopt;
}

// An expression over the event table's columns, written inline (event_scope_).
std::string Emitter::EventSql(ir::ValueId id) const {
  event_scope_ = true;
  std::string out = NodeSql(id);
  event_scope_ = false;
  return out;
}

// The raw aggregate over the rows of "segc#eT" that pass its gate (runtime/exec/events.cc,
// Gate): the filter TRUE, the value not null, and for first/last the time not null. Sums add
// in scan order; an average also needs its count (`*count`).
std::string Emitter::AggregateSql(uint32_t index, std::string* count) const {
  const ir::Aggregate& a = p_.aggregates[index];
  std::vector<std::string> gate;
  if (a.filter != ir::kNoValue) gate.push_back("(" + EventSql(a.filter) + ")");
  std::string v = a.value == ir::kNoValue ? "" : EventSql(a.value);
  if (!v.empty()) gate.push_back("(" + v + ") IS NOT NULL");
  std::string row = d_.Ident(kRowColumn);
  std::string time;
  if (a.kind == AggregateKind::kFirst || a.kind == AggregateKind::kLast) {
    time = EventSql(a.order);
    if (time != v) gate.push_back("(" + time + ") IS NOT NULL");
    // The runtime compares times as doubles (ints beyond 2^53 may tie).
    if (p_.node(a.order).type == Type::kInt)
      time = "CAST(" + time + " AS " + TypeName(Type::kFloat) + ")";
  }
  std::string where;
  for (const std::string& g : gate) where += (where.empty() ? "" : " AND ") + g;
  std::string filter = where.empty() ? "" : " FILTER (WHERE " + where + ")";
  Type value_type = a.value == ir::kNoValue ? Type::kInt : p_.node(a.value).type;
  auto as_double = [&] {
    if (value_type == Type::kFloat) return v;
    if (value_type == Type::kDate)
      return "CAST(" + d_.DaysOf(v) + " AS " + TypeName(Type::kFloat) + ")";
    return "CAST(" + v + " AS " + TypeName(Type::kFloat) + ")";
  };
  switch (a.kind) {
    case AggregateKind::kCount:
      return "count(*)" + filter;
    case AggregateKind::kCountDistinct:
      // -0.0 and 0.0 are one value: adding +0.0 makes every zero positive.
      if (value_type == Type::kFloat) v = "(" + v + " + " + Float(0.0) + ")";
      return "count(DISTINCT " + v + ")" + filter;
    case AggregateKind::kSum:
      if (value_type == Type::kFloat) return d_.OrderedSum(v, row) + filter;
      return "sum(CAST(" + v + " AS " + d_.WideInt() + "))" + filter;
    case AggregateKind::kAvg:
      *count = "count(*)" + filter;
      return d_.OrderedSum(as_double(), row) + filter;
    case AggregateKind::kMin:
      return "min(" + v + ")" + filter;
    case AggregateKind::kMax:
      return "max(" + v + ")" + filter;
    case AggregateKind::kFirst:
    case AggregateKind::kLast:
      return d_.FirstBy(v, time, row, a.kind == AggregateKind::kLast, where);
  }
  return "";
}

// One row per key of the event table with a column per aggregate the outputs read.
std::string Emitter::GroupCte(uint32_t t) const {
  std::string key = d_.Ident(p_.inputs[p_.event_tables[t].key_input].name);
  std::string columns;
  for (uint32_t a = 0; a < p_.aggregates.size(); ++a) {
    if (!aggregate_used_[a] || p_.aggregates[a].table != t + 1) continue;
    std::string count;
    columns += ",\n    " + AggregateSql(a, &count) + " AS " + d_.Ident(AggregateColumn(a));
    if (!count.empty()) columns += ",\n    " + count + " AS " + d_.Ident(CountColumn(a));
    if (IntSum(a)) {  // 1 when a partial sum left the 64-bit range (RunningSums)
      std::string p = d_.Ident(PartialColumn(a));
      columns += fmt::format(
          ",\n    max(CASE WHEN {0} IS NULL OR {0} BETWEEN {1} THEN 0 ELSE 1 END) AS {2}", p,
          kEventInt64Range, d_.Ident(OutOfRangeColumn(a)));
    }
  }
  if (columns.empty()) return "";
  std::string source = RunningSums(t).empty() ? EventsName(t) : RunningName(t);
  return fmt::format("SELECT {} AS {}{}\n  FROM {} WHERE {} IS NOT NULL GROUP BY {}", key,
                     d_.Ident("segc#key"), columns, d_.Ident(source), key, key);
}

bool Emitter::IntSum(uint32_t a) const {
  return p_.aggregates[a].kind == AggregateKind::kSum && p_.aggregates[a].type == Type::kInt;
}

// The runtime adds a customer's ints in file order and gives null when a partial sum leaves the
// 64-bit range, even if the total is back in it: each int sum's running sum over the customer's
// events (those its gate lets through), exact in the wide type.
std::string Emitter::RunningSums(uint32_t t) const {
  std::string key = d_.Ident(p_.inputs[p_.event_tables[t].key_input].name);
  std::string columns;
  for (uint32_t a = 0; a < p_.aggregates.size(); ++a) {
    if (!aggregate_used_[a] || p_.aggregates[a].table != t + 1 || !IntSum(a)) continue;
    const ir::Aggregate& agg = p_.aggregates[a];
    std::string v = EventSql(agg.value);
    std::string gate = "(" + v + ") IS NOT NULL";
    if (agg.filter != ir::kNoValue) gate = "(" + EventSql(agg.filter) + ") AND " + gate;
    columns += fmt::format(
        ",\n    sum(CASE WHEN {} THEN CAST({} AS {}) END) OVER (PARTITION BY {} ORDER BY {} ROWS "
        "BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS {}",
        gate, v, d_.WideInt(), key, d_.Ident(kRowColumn), d_.Ident(PartialColumn(a)));
  }
  if (columns.empty()) return "";
  return fmt::format("SELECT *{}\n  FROM {}", columns, d_.Ident(EventsName(t)));
}

// The aggregate as a column of the customer table: the empty value for a customer the group has
// no row for, sums and averages out of range null (the runtime's overflow; `*overflow` 1 then).
std::string Emitter::JoinedAggregate(uint32_t index, const std::string& group,
                                     std::string* overflow) const {
  const ir::Aggregate& a = p_.aggregates[index];
  std::string raw = group + "." + d_.Ident(AggregateColumn(index));
  std::string zero = a.type == Type::kFloat ? Float(0.0) : Int(0);
  std::string max = Float(std::numeric_limits<double>::max());
  std::string finite = "BETWEEN " + Float(-std::numeric_limits<double>::max()) + " AND " + max;
  switch (a.kind) {
    case AggregateKind::kCount:
    case AggregateKind::kCountDistinct:
      return "COALESCE(" + raw + ", " + Int(0) + ")";
    case AggregateKind::kSum: {
      std::string s = "COALESCE(" + raw + ", " + zero + ")";
      if (a.type == Type::kInt) {  // null when a partial sum was out of range (GroupCte)
        std::string out = "COALESCE(" + group + "." + d_.Ident(OutOfRangeColumn(index)) + ", 0)";
        *overflow = out;
        return fmt::format("CASE WHEN {} = 0 THEN CAST({} AS {}) END", out, s,
                           TypeName(Type::kInt));
      }
      std::string range = finite;
      *overflow = fmt::format("CASE WHEN {} {} THEN 0 ELSE 1 END", s, range);
      // The runtime's sums start at +0.0: a sum of negative zeros is +0.0 (`+ 0.0`).
      std::string value = a.type == Type::kFloat
                              ? s + " + " + zero
                              : "CAST(" + s + " AS " + TypeName(Type::kInt) + ")";
      return fmt::format("CASE WHEN {} {} THEN {} END", s, range, value);
    }
    case AggregateKind::kAvg: {
      // Divided as `/` divides (an underflow is the rounded value; PostgreSQL raises on it).
      std::string n = "CAST(" + group + "." + d_.Ident(CountColumn(index)) + " AS " +
                      TypeName(Type::kFloat) + ")";
      std::string q = "(" + FloatArith(Op::kDiv, raw, n) + ")";
      *overflow =
          fmt::format("CASE WHEN {0} IS NOT NULL AND NOT ({0} {1}) THEN 1 ELSE 0 END", q, finite);
      return fmt::format("CASE WHEN {0} {1} THEN {0} END", q, finite);
    }
    default:
      return raw;
  }
}

// "segc#c" (the customers numbered in scan order), per event table "segc#eT" (its rows numbered
// in scan order) and "segc#gT" (grouped by key), then "segc#t": the customers with a column
// per aggregate, the layers' source.
void Emitter::EventCtes(std::vector<Cte>& out) const {
  std::string c = d_.Ident("segc#c");
  out.push_back({c,
                 fmt::format("SELECT *, {} AS {} FROM {}", d_.RowNumber(), d_.Ident(kRowColumn),
                             d_.Ident(o_.table)),
                 true});
  std::string joins, columns;
  std::string customer_key = c + "." + d_.Ident(p_.customer_key);
  for (uint32_t t = 0; t < p_.event_tables.size(); ++t) {
    std::string body = GroupCte(t);
    if (body.empty()) continue;
    out.push_back({d_.Ident(EventsName(t)),
                   fmt::format("SELECT *, {} AS {} FROM {}", d_.RowNumber(), d_.Ident(kRowColumn),
                               d_.Ident(EventTableName(t))),
                   true});
    std::string running = RunningSums(t);
    if (!running.empty()) out.push_back({d_.Ident(RunningName(t)), running, true});
    std::string g = d_.Ident(GroupName(t));
    out.push_back({g, body, true});
    std::string overflows = EventOverflows(t);
    if (!overflows.empty()) {
      out.push_back({d_.Ident(fmt::format("segc#v{}", t)),
                     fmt::format("SELECT COALESCE(sum({}), 0) AS {} FROM {}", overflows,
                                 d_.Ident("n"), d_.Ident(EventsName(t))),
                     true});
    }
    joins +=
        fmt::format("\n  LEFT JOIN {0} ON {1} = {0}.{2}", g, customer_key, d_.Ident("segc#key"));
    for (uint32_t a = 0; a < p_.aggregates.size(); ++a) {
      if (!aggregate_used_[a] || p_.aggregates[a].table != t + 1) continue;
      std::string overflow;
      columns +=
          ",\n    " + JoinedAggregate(a, g, &overflow) + " AS " + d_.Ident(AggregateColumn(a));
      if (!overflow.empty()) columns += ",\n    " + overflow + " AS " + d_.Ident(OverflowColumn(a));
    }
  }
  out.push_back(
      {d_.Ident("segc#t"), fmt::format("SELECT {}.*{}\n  FROM {}{}", c, columns, c, joins), true});
}

// The overflows the runtime counts while it evaluates the aggregates' conditions and values of
// event table `t` on each of its rows (unknown keys included), as a sum of flags per event row;
// "" when nothing there can overflow.
std::string Emitter::EventOverflows(uint32_t t) const {
  std::vector<ir::ValueId> roots;
  for (uint32_t a = 0; a < p_.aggregates.size(); ++a) {
    if (!aggregate_used_[a] || p_.aggregates[a].table != t + 1) continue;
    for (ir::ValueId root : {p_.aggregates[a].value, p_.aggregates[a].filter}) {
      if (root != ir::kNoValue) roots.push_back(root);
    }
  }
  std::vector<uint8_t> per_row = MarkPerRow(roots);
  std::string sum;
  event_scope_ = true;
  for (ir::ValueId id = 0; id < p_.nodes.size(); ++id) {
    if (per_row[id] && OverflowOp(id)) sum += (sum.empty() ? "" : " + ") + OverflowFlag(id);
  }
  event_scope_ = false;
  return sum;
}

// The rows of event table `t`, and those whose key is null or not a customer's (the runtime's
// data error, or with --unknown-keys report its count): see Queries::events.
std::string Emitter::EventCheck(uint32_t t) const {
  std::string key = d_.Ident(p_.inputs[p_.event_tables[t].key_input].name);
  std::string row = d_.Ident(kRowColumn), known = d_.Ident("segc#known");
  std::string e = d_.Ident("segc#e"), c = d_.Ident("segc#c"), ckey = d_.Ident("segc#key");
  std::string unknown = "NOT " + known;
  // A hash join with the distinct customer keys (a correlated EXISTS per event row would scan
  // the customer table once per event).
  return fmt::format(
      "SELECT count(*) AS {0}, COALESCE(sum(CASE WHEN {1} THEN 0 ELSE 1 END), 0) AS {2},\n"
      "  min(CASE WHEN {1} THEN NULL ELSE {3} END) AS {4},\n  {5} AS {6}\n"
      "FROM (SELECT {10}.{3}, {10}.{7}, {11}.{12} IS NOT NULL AS {1}\n"
      "  FROM (SELECT {7}, {8} AS {3} FROM {9}) AS {10}\n"
      "  LEFT JOIN (SELECT DISTINCT {13} AS {12} FROM {14}) AS {11} ON {11}.{12} = {10}.{7}) AS "
      "{15}",
      d_.Ident("rows"), known, d_.Ident("unknown"), row, d_.Ident("first_unknown"),
      d_.FirstBy("CAST(" + key + " AS " + TypeName(Type::kString) + ")", row, row, false, unknown),
      d_.Ident("first_key"), key, d_.RowNumber(), d_.Ident(EventTableName(t)), e, c, ckey,
      d_.Ident(p_.customer_key), d_.Ident(o_.table), d_.Ident("segc#k"));
}

}  // namespace segc::sql::detail
