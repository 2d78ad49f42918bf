// Lookups on the checked project.
#include "compiler/sema/checked_project.h"

#include <cmath>

namespace segc::sema {

uint32_t Schema::Find(const std::string& name) const {
  auto it = by_name.find(name);
  return it == by_name.end() ? kNone : it->second;
}

uint32_t Unit::Find(const std::string& name) const {
  auto it = names.find(name);
  return it == names.end() ? kNone : it->second;
}

bool ConstantUse::Accepts(double value) const {
  return value >= low && value <= high && (!integer || std::floor(value) == value);
}

std::string ConstantUse::Range() const {
  if (!integer) return "0..1";
  return std::to_string(static_cast<int64_t>(low)) + ".." +
         std::to_string(static_cast<int64_t>(high));
}

const ExprInfo& CheckedProject::info(ast::NodeId id) const {
  static const ExprInfo kUnknown;
  return id < exprs.size() ? exprs[id] : kUnknown;
}

const ast::Expr* CheckedProject::ValueOf(uint32_t instance, uint32_t decl) const {
  const Instance& self = instances[instance];
  if (self.parent != kNone) {
    const Import& import = units[instances[self.parent].unit]->imports[self.import];
    auto bound = import.bindings.find(decl);
    if (bound != import.bindings.end()) return bound->second;
  }
  const DeclInfo& info = units[self.unit]->decls[decl];
  if (const auto* param = std::get_if<ast::ParamDecl>(&info.ast->kind)) return param->value.get();
  return nullptr;
}

std::string CheckedProject::QualifiedName(const DeclRef& ref) const {
  const Instance& instance = instances[ref.instance];
  const std::string& name = units[instance.unit]->decls[ref.decl].name;
  return instance.path.empty() ? name : instance.path + "." + name;
}

}  // namespace segc::sema

namespace segc::sema {

namespace {
constexpr const char* kAggregateNames[] = {"count", "count_distinct", "sum", "avg", "min",
                                           "max",   "first",          "last"};
}  // namespace

std::optional<AggregateFn> FindAggregate(const std::string& name) {
  for (size_t i = 0; i < std::size(kAggregateNames); ++i) {
    if (name == kAggregateNames[i]) return static_cast<AggregateFn>(i);
  }
  return std::nullopt;
}

const char* AggregateName(AggregateFn fn) { return kAggregateNames[static_cast<size_t>(fn)]; }

namespace {
constexpr const char* kMeasureAggregateNames[] = {"sum", "mean", "min", "max", "count"};
}  // namespace

std::optional<MeasureAggregate> FindMeasureAggregate(const std::string& name) {
  for (size_t i = 0; i < std::size(kMeasureAggregateNames); ++i) {
    if (name == kMeasureAggregateNames[i]) return static_cast<MeasureAggregate>(i);
  }
  return std::nullopt;
}

const char* MeasureAggregateName(MeasureAggregate fn) {
  return kMeasureAggregateNames[static_cast<size_t>(fn)];
}

std::vector<std::string> MeasureAggregateNames() {
  return {std::begin(kMeasureAggregateNames), std::end(kMeasureAggregateNames)};
}

uint32_t CheckedProject::FindEvents(const std::string& name) const {
  for (size_t i = 0; i < events.size(); ++i) {
    if (events[i].table.table == name) return uint32_t(i);
  }
  return kNone;
}

}  // namespace segc::sema
