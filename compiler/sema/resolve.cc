// Name resolution: bare names, `module.member` and calls → symbols, plus dependency edges
// (E0101, E0102, E0103, E0117, E0216).
#include <algorithm>
#include <cctype>
#include <iterator>
#include <string>

#include "compiler/diag/suggest.h"
#include "compiler/sema/detail/context.h"
#include "compiler/sema/detail/percentile.h"
#include "compiler/sema/detail/walk.h"

namespace segc::sema::detail {
namespace {

using diag::Code;
using diag::Make;

bool IsMemberKind(DeclKind kind) { return kind != DeclKind::kInput && kind != DeclKind::kMeasure; }

class Resolver {
 public:
  Resolver(Context& ctx, uint32_t unit) : ctx_(ctx), unit_(*ctx.project.units[unit]) {}

  void Run() {
    for (DeclInfo& decl : unit_.decls) {
      deps_ = &decl.deps;
      measure_ = decl.kind == DeclKind::kMeasure ? &decl : nullptr;
      // A measure whose value is no aggregator call is reported as such (E0140), not by parts.
      if (measure_ && std::get<ast::MeasureDecl>(decl.ast->kind).aggregate.name.empty()) continue;
      ForEachExpr(*decl.ast, [&](const ast::Expr& expr) { Resolve(expr); });
    }
    measure_ = nullptr;
    for (Import& import : unit_.imports) {
      for (const auto& [decl, value] : import.bindings) {
        deps_ = &import.binding_deps[decl];
        Resolve(*value);
      }
    }
  }

 private:
  void Resolve(const ast::Expr& expr) {
    if (const auto* call = std::get_if<ast::Call>(&expr.kind); call && Aggregate(expr, *call)) {
      return;
    }
    std::visit(ast::Overloaded{
                   [&](const ast::NameRef& name) { ResolveName(expr, name); },
                   [&](const ast::QualifiedRef& ref) { ResolveMember(expr, ref); },
                   [&](const ast::Call& call) { ResolveCall(expr, call); },
                   [](const auto&) {},
               },
               expr.kind);
    ForEachChild(expr, [&](const ast::Expr& child) { Resolve(child); });
  }

  // ---- event tables (LANGUAGE.md, "Behaviour from events") ----

  /// The event table an aggregate's argument reads: a bare event table name, or the table of the
  /// first `events.column` in it; kNone when there is none.
  uint32_t EventTableOf(const ast::Expr& expr) const {
    if (unit_.is_module) return kNone;
    if (const auto* name = std::get_if<ast::NameRef>(&expr.kind)) {
      return ctx_.project.FindEvents(name->name);
    }
    if (const auto* ref = std::get_if<ast::QualifiedRef>(&expr.kind)) {
      if (!unit_.aliases.contains(ref->module.name)) {
        return ctx_.project.FindEvents(ref->module.name);
      }
    }
    uint32_t found = kNone;
    ForEachChild(expr, [&](const ast::Expr& child) {
      if (found == kNone) found = EventTableOf(child);
    });
    return found;
  }

  /// Resolves `count(purchases where ...)`, `sum(purchases.amount)`...: the argument and the
  /// filter see the event table's columns. False when the call is not an aggregate (`min(a, b)`).
  bool Aggregate(const ast::Expr& expr, const ast::Call& call) {
    if (NestedInMeasure(call)) return true;
    std::optional<AggregateFn> fn = FindAggregate(call.callee.name);
    // An aggregate takes one argument: `max(last(purchases.date), signup_date)` is the row
    // function over two per-customer values, whatever its arguments read.
    if (fn && call.args.size() >= 2 && call.filter == nullptr &&
        stdlib::FindBuiltin(call.callee.name) != nullptr) {
      return false;
    }
    uint32_t table = call.args.empty() ? kNone : EventTableOf(*call.args[0]);
    // Without event tables, `avg(x)` and `count(x)` are unknown functions (with a did-you-mean).
    bool no_events = ctx_.project.events.empty() || unit_.is_module;
    if (!fn || (table == kNone && call.filter == nullptr &&
                (no_events || stdlib::FindBuiltin(call.callee.name) != nullptr))) {
      if (call.filter != nullptr) {
        BadAggregate(call.callee.range,
                     "'where' inside " + Quote(call.callee.name) +
                         "(...) filters the rows of an event table, and " +
                         Quote(call.callee.name) + " is not an aggregate",
                     "aggregates are count, count_distinct, sum, avg, min, max, first and last: "
                     "`count(purchases where amount > 10)`");
      }
      return false;
    }
    if (table == kNone) {
      std::string help = EventsExample(*fn);
      if (*fn == AggregateFn::kAvg)
        help += "; the mean of a column over all customers is `mean(x)`";
      BadAggregate(call.callee.range,
                   Quote(call.callee.name) + " aggregates the rows of an event table, but " +
                       (call.args.empty() ? "it has no argument" : "its argument names none"),
                   help);
      return true;
    }
    if (scope_ != kNone) {
      BadAggregate(call.callee.range, "an aggregate cannot be nested inside another aggregate",
                   "aggregate once; compare the result outside: `count(purchases) > 2`");
      return true;
    }
    ctx_.Info(expr.id).symbol = {Symbol::Kind::kAggregate, static_cast<uint32_t>(*fn), kNone,
                                 table};
    scope_ = table;
    for (const ast::ExprPtr& arg : call.args) {
      const auto* name = std::get_if<ast::NameRef>(&arg->kind);
      if (name != nullptr && ctx_.project.FindEvents(name->name) == table) {
        ctx_.Info(arg->id).symbol = {Symbol::Kind::kEventTable, table, kNone, table};
        continue;
      }
      Resolve(*arg);
    }
    if (call.filter) Resolve(*call.filter);
    scope_ = kNone;
    if (call.among) Resolve(*call.among);  // E0232 in the checker; its names still resolve
    return true;
  }

  /// `measure m = sum(max(x))`: inside a measure's argument, a one-argument sum, count, min, max
  /// or avg over no event table would aggregate the rows a second time (E0142). Statistics of
  /// the population (`mean(x)`, `p90(x)`) are one value per run and stay allowed.
  bool NestedInMeasure(const ast::Call& call) {
    static const char* const kNames[] = {"sum", "count", "min", "max", "avg"};
    if (measure_ == nullptr || scope_ != kNone || call.args.size() != 1 || call.filter) {
      return false;
    }
    if (std::find(std::begin(kNames), std::end(kNames), call.callee.name) == std::end(kNames) ||
        EventTableOf(*call.args[0]) != kNone) {
      return false;
    }
    const auto& measure = std::get<ast::MeasureDecl>(measure_->ast->kind);
    diag::Diagnostic d = Make(Code::kNestedMeasureAggregate, call.callee.range,
                              Quote(call.callee.name) + " inside measure " + Quote(measure_->name) +
                                  " would aggregate the rows a second time");
    d.label = "nested aggregator";
    d.help = "a measure aggregates once: write `" + measure.aggregate.name +
             "(EXPR)` with a per-row expression; the per-row maximum of two values is " +
             "`max(a, b)`";
    ctx_.Report(std::move(d));
    return true;
  }

  std::string EventsExample(AggregateFn fn) const {
    std::string table =
        ctx_.project.events.empty() ? "purchases" : ctx_.project.events[0].table.table;
    std::string column = "amount";
    if (!ctx_.project.events.empty()) {
      for (const Column& c : ctx_.project.events[0].table.columns) {
        if (c.type.is_numeric() && c.name != ctx_.project.events[0].table.key) {
          column = c.name;
          break;
        }
      }
    }
    std::string example = fn == AggregateFn::kCount ? table : table + "." + column;
    if (ctx_.project.events.empty()) {
      return "declare the event table first (`events " + table + " of " +
             ctx_.project.schema.table + " by ... { ... }`), then write `" + AggregateName(fn) +
             "(" + example + ")`";
    }
    return "write `" + std::string(AggregateName(fn)) + "(" + example + ")`";
  }

  void BadAggregate(diag::SourceRange at, std::string message, std::string help) {
    diag::Diagnostic d = Make(Code::kInvalidAggregate, at, std::move(message));
    d.help = std::move(help);
    ctx_.Report(std::move(d));
  }

  /// `purchases.amount`, or a bare `amount` inside an aggregate over purchases.
  bool EventColumn(const ast::Expr& expr, uint32_t table, const ast::Ident& column) {
    const EventSchema& events = ctx_.project.events[table];
    uint32_t index = events.table.Find(column.name);
    if (index == kNone) return false;
    ctx_.Info(expr.id).symbol = {Symbol::Kind::kEventColumn, index, kNone, table};
    return true;
  }

  /// A value of an event table named where one value per customer is needed.
  void OutsideAggregate(diag::SourceRange at, uint32_t table, const std::string& column) {
    const std::string& name = ctx_.project.events[table].table.table;
    diag::Diagnostic d = Make(Code::kEventValueOutsideAggregate, at,
                              Quote(name + "." + column) + " has one value per row of events " +
                                  Quote(name) + ", not one per customer");
    d.label = "not aggregated";
    d.help = "aggregate it: `sum(" + name + "." + column + ")`, `max(" + name + "." + column +
             ")`, `last(" + name + "." + column + ")`";
    ctx_.Report(std::move(d));
  }

  void ResolveName(const ast::Expr& expr, const ast::NameRef& name) {
    ExprInfo& info = ctx_.Info(expr.id);
    if (scope_ != kNone && EventColumn(expr, scope_, {name.name, expr.range})) return;
    uint32_t decl = unit_.Find(name.name);
    if (decl != kNone && unit_.decls[decl].kind == DeclKind::kMeasure) {
      NotAValue(expr, name.name, "a measure (one value per segment, not per row)",
                "use the measure's per-row expression instead, e.g. in a `let`");
      return;
    }
    if (decl != kNone) {
      info.symbol = {Symbol::Kind::kDecl, decl, kNone};
      unit_.decls[decl].used = true;
      deps_->push_back({DepRef::Kind::kLocal, decl, kNone});
      return;
    }
    if (!unit_.is_module) {
      uint32_t column = ctx_.project.schema.Find(name.name);
      if (column != kNone) {
        info.symbol = {Symbol::Kind::kColumn, column, kNone};
        return;
      }
    }
    if (uint32_t table = unit_.is_module ? kNone : ctx_.project.FindEvents(name.name);
        table != kNone) {
      NotAValue(
          expr, name.name, "an event table",
          "aggregate its rows, e.g. `count(" + name.name + ")` or `sum(" + name.name + ".COLUMN)`");
      return;
    }
    if (!unit_.is_module && scope_ == kNone) {
      for (uint32_t t = 0; t < ctx_.project.events.size(); ++t) {
        if (ctx_.project.events[t].table.Find(name.name) != kNone) {
          return OutsideAggregate(expr.range, t, name.name);
        }
      }
    }
    if (unit_.aliases.contains(name.name)) {
      NotAValue(expr, name.name, "a module",
                "use one of its declarations, e.g. `" + name.name + ".NAME`");
    } else if (!unit_.is_module && name.name == ctx_.project.schema.table) {
      NotAValue(expr, name.name, "the table", "refer to one of its columns");
    } else if (unit_.is_module || !ctx_.project.schema.table.empty()) {
      UnknownName(expr, name.name);
    }  // else: no table (E0113) is the root cause; the name stays unresolved (kError)
  }

  void NotAValue(const ast::Expr& expr, const std::string& name, const std::string& what,
                 std::string help) {
    diag::Diagnostic d =
        Make(Code::kNotAValue, expr.range, Quote(name) + " is " + what + ", not a value");
    d.help = std::move(help);
    ctx_.Report(std::move(d));
  }

  /// The closest candidate and its distance, or {"", SIZE_MAX}.
  static std::pair<std::string, size_t> Best(const std::string& name,
                                             const std::vector<std::string>& candidates) {
    std::vector<std::string> best = diag::ClosestNames(name, candidates);
    if (best.empty()) return {"", SIZE_MAX};
    return {best[0], diag::EditDistance(name, best[0])};
  }

  static std::string Hint(const std::pair<std::string, size_t>& best) {
    return best.first.empty() ? "" : "did you mean '" + best.first + "'?";
  }

  /// E0101 when the name most likely meant a column, E0102 otherwise (see docs/errors/E0101.md).
  void UnknownName(const ast::Expr& expr, const std::string& name) {
    std::pair<std::string, size_t> column{"", SIZE_MAX}, decl{"", SIZE_MAX};
    const bool suggest = ctx_.TakeSuggestion();
    if (suggest) {
      std::vector<std::string> columns, decls;
      if (!unit_.is_module) {
        for (const Column& c : ctx_.project.schema.columns) columns.push_back(c.name);
      }
      for (const DeclInfo& info : unit_.decls) decls.push_back(info.name);
      column = Best(name, columns);
      decl = Best(name, decls);
    }
    bool column_like =
        !unit_.is_module && (column.first.empty() && decl.first.empty()
                                 ? std::islower(static_cast<unsigned char>(name[0])) != 0
                                 : !column.first.empty() && column.second <= decl.second);
    diag::Diagnostic d = column_like
                             ? Make(Code::kUnknownColumn, expr.range,
                                    "unknown column " + Quote(name) + " in table " +
                                        Quote(ctx_.project.schema.table))
                             : Make(Code::kUnknownName, expr.range, "unknown name " + Quote(name));
    d.label = column_like
                  ? "not a column"
                  : (unit_.is_module ? "not an input or declaration of module " + Quote(unit_.name)
                                     : "not a column or declaration");
    d.help = Hint(column_like ? column : decl);
    if (d.help.empty() && suggest) d.help = QuoteHint(name);
    if (d.help.empty()) d.help = ForeignWordHint(name);
    ctx_.Report(std::move(d));
  }

  /// `optin == vrai`: a boolean written in French.
  static std::string ForeignWordHint(const std::string& name) {
    std::string lower;
    for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "vrai" || lower == "oui") return "write 'true' for a true value";
    if (lower == "faux") return "write 'false' for a false value";
    return "";
  }

  /// `stage == lead`: the name is an enum value or label that lost its quotes.
  std::string QuoteHint(const std::string& name) const {
    auto mentions = [&](const Type& type) {
      return type.values().size() > 0 && ValueSet{"", type.values()}.Contains(name);
    };
    bool value = false;
    if (!unit_.is_module) {
      for (const Column& column : ctx_.project.schema.columns) value |= mentions(column.type);
    }
    for (const DeclInfo& decl : unit_.decls) value |= mentions(decl.type);
    if (!value) return "";
    return "to compare with the value \"" + name + "\", write it as a string: \"" + name + "\"";
  }

  void ResolveMember(const ast::Expr& expr, const ast::QualifiedRef& ref) {
    auto alias = unit_.aliases.find(ref.module.name);
    uint32_t table = alias == unit_.aliases.end() && !unit_.is_module
                         ? ctx_.project.FindEvents(ref.module.name)
                         : kNone;
    if (table != kNone) return EventMember(expr, ref, table);
    if (alias == unit_.aliases.end() && !unit_.is_module &&
        ref.module.name == ctx_.project.schema.table) {
      return TableQualified(expr, ref);
    }
    if (alias == unit_.aliases.end()) {
      std::vector<std::string> aliases;
      for (const Import& import : unit_.imports) aliases.push_back(import.alias);
      diag::Diagnostic d = Make(Code::kUnknownName, ref.module.range,
                                "unknown module " + Quote(ref.module.name) + " in " +
                                    Quote(ref.module.name + "." + ref.member.name));
      d.label = "not imported";
      d.help = diag::DidYouMean(ref.module.name, aliases);
      if (d.help.empty()) d.help = "import it first: `import " + ref.module.name + "(...)`";
      ctx_.Report(std::move(d));
      return;
    }
    const Import& import = unit_.imports[alias->second];
    if (import.unit == kNone) return;  // the import itself was reported
    Unit& module = *ctx_.project.units[import.unit];
    uint32_t decl = module.Find(ref.member.name);
    if (decl == kNone || !IsMemberKind(module.decls[decl].kind)) {
      UnknownMember(module, ref);
      return;
    }
    module.decls[decl].used = true;
    ctx_.Info(expr.id).symbol = {Symbol::Kind::kMember, decl, alias->second};
    deps_->push_back({DepRef::Kind::kMember, decl, alias->second});
  }

  void EventMember(const ast::Expr& expr, const ast::QualifiedRef& ref, uint32_t table) {
    const EventSchema& events = ctx_.project.events[table];
    if (events.table.Find(ref.member.name) == kNone) {
      std::vector<std::string> names;
      for (const Column& column : events.table.columns) names.push_back(column.name);
      diag::Diagnostic d = Make(
          Code::kUnknownColumn, ref.member.range,
          "unknown column " + Quote(ref.member.name) + " in events " + Quote(events.table.table));
      d.label = "not a column";
      d.help = diag::DidYouMean(ref.member.name, names);
      ctx_.Report(std::move(d));
      return;
    }
    if (scope_ == kNone) return OutsideAggregate(expr.range, table, ref.member.name);
    if (scope_ != table) {
      BadAggregate(expr.range,
                   "an aggregate over events " + Quote(ctx_.project.events[scope_].table.table) +
                       " cannot read " + Quote(ref.module.name + "." + ref.member.name),
                   "aggregate each event table on its own and combine the results");
      return;
    }
    EventColumn(expr, table, ref.member);
  }

  /// `customers.cltv`: a column written with its table's name (the language has one table).
  void TableQualified(const ast::Expr& expr, const ast::QualifiedRef& ref) {
    const Schema& schema = ctx_.project.schema;
    const std::string& column = ref.member.name;
    if (schema.Find(column) == kNone) return UnknownName(expr, column);
    diag::Diagnostic d =
        Make(Code::kUnknownName, ref.module.range,
             "column " + Quote(column) + " is written with the table name " + Quote(schema.table));
    d.label = "not needed";
    d.help = "columns are used without the table name: write " + Quote(column);
    ctx_.Report(std::move(d));
  }

  void UnknownMember(const Unit& module, const ast::QualifiedRef& ref) {
    std::vector<std::string> members;
    for (const DeclInfo& decl : module.decls) {
      if (IsMemberKind(decl.kind)) members.push_back(decl.name);
    }
    diag::Diagnostic d =
        Make(Code::kUnknownModuleMember, ref.member.range,
             "module " + Quote(module.name) + " has no declaration " + Quote(ref.member.name));
    d.help = diag::DidYouMean(ref.member.name, members);
    if (d.help.empty() && !members.empty()) {
      d.help = "it declares:";
      for (size_t i = 0; i < members.size() && i < 12; ++i) d.help += (i ? ", " : " ") + members[i];
    }
    ctx_.Report(std::move(d));
  }

  void ResolveCall(const ast::Expr& expr, const ast::Call& call) {
    ExprInfo& info = ctx_.Info(expr.id);
    if (std::optional<double> percent = ParsePercentileName(call.callee.name)) {
      info.symbol = {Symbol::Kind::kBuiltin, static_cast<uint32_t>(stdlib::BuiltinId::kPercentile),
                     kNone};
      return;
    }
    if (const stdlib::BuiltinInfo* builtin = stdlib::FindBuiltin(call.callee.name)) {
      info.symbol = {Symbol::Kind::kBuiltin, static_cast<uint32_t>(builtin->id), kNone};
      return;
    }
    std::vector<std::string> names;
    for (const stdlib::BuiltinInfo& builtin : stdlib::AllBuiltins()) {
      names.emplace_back(builtin.name);
    }
    diag::Diagnostic d = Make(Code::kUnknownFunction, call.callee.range,
                              "unknown function " + Quote(call.callee.name));
    d.help = diag::DidYouMean(call.callee.name, names);
    if (d.help.empty()) d.help = "the functions are listed in docs/language.md";
    ctx_.Report(std::move(d));
  }

  Context& ctx_;
  Unit& unit_;
  std::vector<DepRef>* deps_ = nullptr;
  uint32_t scope_ = kNone;             ///< inside an aggregate: the event table its names see
  const DeclInfo* measure_ = nullptr;  ///< the measure whose expressions are being resolved
};

}  // namespace

void ResolveUnit(Context& ctx, uint32_t unit) { Resolver(ctx, unit).Run(); }

}  // namespace segc::sema::detail
