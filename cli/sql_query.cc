// Emitting a planned project's SQL for the CLI: run inputs as literals, refusals as located
// errors.
#include "cli/sql_query.h"

#include <fmt/format.h>

#include <cstdio>

#include "cli/command.h"

namespace segc::cli {
namespace {

void PrintRefusal(const RunState& state, const std::string& dialect, const sql::Refusal& r) {
  std::string where;
  if (r.origin.valid() && r.origin.file < state.sources.size()) {
    diag::LineCol at = state.sources.Locate(r.origin.file, r.origin.begin);
    where = fmt::format("{}:{}:{}: ", state.sources.file(r.origin.file).path, at.line, at.column);
  }
  std::fprintf(stderr, "%serror: the %s SQL backend cannot translate %s yet (docs/sql.md)\n",
               where.c_str(), dialect.c_str(), r.construct.c_str());
}

}  // namespace

std::optional<sql::Queries> EmitQueries(const RunState& state, const std::string& dialect,
                                        const TableNames& names) {
  auto target = sql::MakeDialect(dialect);
  const api::PlannedRules& rules = *state.planned;
  auto values = api::RunInputValues(rules, {.as_of = state.as_of, .params = state.params});
  if (!values.ok()) {
    PrintError(values.status().message());
    return std::nullopt;
  }
  sql::EmitOptions options{names.customers, {}, {}};
  for (const ir::EventTable& t : rules.logical->event_tables) {  // by name: the IR's order
    std::string name = t.name;
    for (size_t i = 0; i < rules.event_schemas.size(); ++i) {
      if (rules.event_schemas[i].table_name == t.name) name = names.events[i];
    }
    options.event_tables.push_back(name);
  }
  for (size_t i = 0; i < values->size(); ++i) {
    const rt::RunInputValue& v = (*values)[i];
    ir::Payload payload;
    payload.is_null = !v.valid;
    payload.i = v.i64;
    payload.f = v.f64;
    options.run_values.push_back(payload);
  }
  sql::EmitResult emitted = sql::Emit(*rules.logical, *target, options);
  if (emitted.refusal) {
    PrintRefusal(state, dialect, *emitted.refusal);
    return std::nullopt;
  }
  return std::move(emitted.queries);
}

}  // namespace segc::cli
