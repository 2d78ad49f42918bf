// Event tables: `events purchases of customers by customer_id [at date] { ... }` (E0130).
#include <string>

#include "compiler/diag/suggest.h"
#include "compiler/sema/detail/context.h"

namespace segc::sema::detail {
namespace {

using diag::Code;
using diag::Make;

bool StringLike(const Type& type) { return type.is_stringlike(); }

class EventsCollector {
 public:
  explicit EventsCollector(Context& ctx) : ctx_(ctx), schema_(ctx.project.schema) {}

  void Collect(const ast::EventsDecl& decl) {
    if (!Named(decl)) return;
    EventSchema events;
    events.table.table = decl.name.name;
    events.table.range = decl.name.range;
    events.range = decl.name.range;
    for (const ast::ColumnDecl& column : decl.columns) {
      auto [it, inserted] = events.table.by_name.emplace(
          column.name.name, static_cast<uint32_t>(events.table.columns.size()));
      if (!inserted) {
        ReportDuplicate(ctx_, Code::kDuplicateColumn, column.name,
                        events.table.columns[it->second].range,
                        "column " + Quote(column.name.name) + " is declared twice in events " +
                            Quote(decl.name.name));
        continue;
      }
      CheckColumnFormat(ctx_, column);
      events.table.columns.push_back(Column{column.name.name,
                                            TypeOfSpec(column.type, column.name.name),
                                            column.type.format, column.name.range});
    }
    if (!Parent(decl) || !Key(decl, events) || !Time(decl, events)) return;
    ctx_.project.events.push_back(std::move(events));
  }

 private:
  void Fail(diag::SourceRange at, std::string message, std::string help, std::string label = "") {
    diag::Diagnostic d = Make(Code::kInvalidEventTable, at, std::move(message));
    d.help = std::move(help);
    d.label = std::move(label);
    ctx_.Report(std::move(d));
  }

  std::vector<std::string> Names(const Schema& table) const {
    std::vector<std::string> names;
    for (const Column& column : table.columns) names.push_back(column.name);
    return names;
  }

  /// The name is new: not the customer table, another event table or a customer column.
  bool Named(const ast::EventsDecl& decl) {
    const std::string& name = decl.name.name;
    uint32_t earlier = ctx_.project.FindEvents(name);
    if (earlier != kNone) {
      ReportDuplicate(ctx_, Code::kInvalidEventTable, decl.name, ctx_.project.events[earlier].range,
                      "events " + Quote(name) + " is declared a second time");
      return false;
    }
    if (name == schema_.table || schema_.Find(name) != kNone) {
      Fail(decl.name.range,
           "events " + Quote(name) + " has the name of " +
               (name == schema_.table ? "the table" : "a column of table " + Quote(schema_.table)),
           "give the event table its own name, e.g. `purchases`");
      return false;
    }
    return true;
  }

  bool Parent(const ast::EventsDecl& decl) {
    if (schema_.table.empty() || decl.parent.name == schema_.table) return true;
    Fail(decl.parent.range,
         "events " + Quote(decl.name.name) + " belong to " + Quote(decl.parent.name) +
             ", but the project's table is " + Quote(schema_.table),
         "write `events " + decl.name.name + " of " + schema_.table + " by ...`", "unknown table");
    return false;
  }

  bool Key(const ast::EventsDecl& decl, EventSchema& events) {
    events.table.key = decl.key.name;
    events.table.key_column = events.table.Find(decl.key.name);
    if (events.table.key_column == kNone) {
      std::string help = diag::DidYouMean(decl.key.name, Names(events.table));
      if (help.empty()) {
        help = "declare the column that holds the customer key: `" + decl.key.name + ": int`";
      }
      Fail(decl.key.range,
           "key column " + Quote(decl.key.name) + " is not a column of events " +
               Quote(decl.name.name),
           help, "not declared in the event table");
      return false;
    }
    if (schema_.key_column == kNone) return true;
    const Type& mine = events.table.columns[events.table.key_column].type;
    const Type& theirs = schema_.columns[schema_.key_column].type;
    if (StringLike(mine) == StringLike(theirs) && (StringLike(mine) || mine == theirs)) return true;
    Fail(decl.key.range,
         "key column " + Quote(decl.key.name) + " is " + Described(mine) + ", but the key " +
             Quote(schema_.key) + " of table " + Quote(schema_.table) + " is " + Described(theirs),
         "declare both keys with the same type");
    return false;
  }

  /// first/last order a customer's events by the `at` column, else by the only date column.
  bool Time(const ast::EventsDecl& decl, EventSchema& events) {
    if (!decl.time) {
      uint32_t dates = 0;
      for (uint32_t i = 0; i < events.table.columns.size(); ++i) {
        if (events.table.columns[i].type.kind() != TypeKind::kDate) continue;
        events.time_column = i;
        ++dates;
      }
      if (dates != 1) events.time_column = kNone;
      return true;
    }
    events.time_column = events.table.Find(decl.time->name);
    if (events.time_column == kNone) {
      Fail(decl.time->range,
           "time column " + Quote(decl.time->name) + " is not a column of events " +
               Quote(decl.name.name),
           diag::DidYouMean(decl.time->name, Names(events.table)));
      return false;
    }
    const Type& type = events.table.columns[events.time_column].type;
    if (type.kind() == TypeKind::kDate || type.is_numeric()) return true;
    Fail(decl.time->range,
         "time column " + Quote(decl.time->name) + " is " + Described(type) +
             "; events are ordered by a date or a number",
         "name a date column after `at`");
    return false;
  }

  Context& ctx_;
  const Schema& schema_;
};

}  // namespace

void CollectEvents(Context& ctx, const std::vector<const ast::File*>& files) {
  EventsCollector collector(ctx);
  for (const ast::File* file : files) {
    for (const ast::Decl& decl : file->decls) {
      if (const auto* events = std::get_if<ast::EventsDecl>(&decl.kind)) collector.Collect(*events);
    }
  }
}

}  // namespace segc::sema::detail
