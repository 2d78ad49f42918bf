// Lowering of declarations: segments, scores (points and expression forms), classify, params,
// module inputs, and the program's outputs.
#include <cmath>

#include "compiler/ir/lower_context.h"
#include "segc/check.h"

namespace segc::ir::detail {

namespace {

bool Integral(double value) { return std::floor(value) == value && std::fabs(value) < 9e15; }

}  // namespace

LowerContext::LowerContext(const sema::CheckedProject& project, const LowerOptions& options,
                           Program& program)
    : project_(project), options_(options), program_(program), builder_(program) {}

void LowerContext::Fail(Status status) {
  if (status_.ok()) status_ = std::move(status);
}

namespace {

/// The input of column `i` of a table (`table` 0: the customers; t: event table t - 1).
Input ColumnInput(const sema::Column& column, size_t i, uint32_t table) {
  Input input;
  input.name = column.name;
  input.schema_index = static_cast<uint32_t>(i);
  input.type = IrType(column.type);
  input.is_enum = column.type.kind() == sema::TypeKind::kEnum;
  input.enum_values = column.type.values();
  input.table = table;
  return input;
}

}  // namespace

void LowerContext::AddInputs() {
  for (size_t i = 0; i < project_.schema.columns.size(); ++i) {
    program_.inputs.push_back(ColumnInput(project_.schema.columns[i], i, 0));
  }
  program_.customer_table = project_.schema.table;
  program_.customer_key = project_.schema.key;
  for (size_t t = 0; t < project_.events.size(); ++t) {
    const sema::EventSchema& events = project_.events[t];
    auto base = uint32_t(program_.inputs.size());
    event_inputs_.push_back(base);
    for (size_t i = 0; i < events.table.columns.size(); ++i) {
      program_.inputs.push_back(ColumnInput(events.table.columns[i], i, uint32_t(t + 1)));
    }
    EventTable table;
    table.name = events.table.table;
    table.key_input = base + events.table.key_column;
    table.time_input = events.time_column == sema::kNone ? -1 : int32_t(base + events.time_column);
    program_.event_tables.push_back(std::move(table));
  }
}

Status LowerContext::Run() {
  program_.run_inputs.push_back({"as_of", Type::kDate, {}, false});
  for (const auto& file : project_.files) {
    for (const ast::Decl& decl : file->decls) {
      std::visit(ast::Overloaded{[&](const ast::SegmentDecl& d) { IndexExprs(*d.where); },
                                 [&](const ast::ScoreDecl& d) {
                                   if (d.expr) IndexExprs(*d.expr);
                                   for (const auto& r : d.rules) {
                                     IndexExprs(*r.points);
                                     if (r.when) IndexExprs(*r.when);
                                   }
                                 },
                                 [&](const ast::ClassifyDecl& d) {
                                   for (const auto& arm : d.arms) {
                                     if (arm.when) IndexExprs(*arm.when);
                                   }
                                 },
                                 [&](const ast::LetDecl& d) { IndexExprs(*d.value); },
                                 [&](const ast::MeasureDecl& d) {
                                   for (const auto& arg : d.args) IndexExprs(*arg);
                                   if (d.filter) IndexExprs(*d.filter);
                                 },
                                 [&](const ast::AudienceDecl& d) { IndexExprs(*d.segment); },
                                 [&](const ast::SplitDecl& d) { IndexExprs(*d.segment); },
                                 [&](const ast::ImportDecl& d) {
                                   for (const auto& binding : d.bindings)
                                     IndexExprs(*binding.value);
                                 },
                                 [&](const ast::InputDecl& d) {
                                   if (d.fallback) IndexExprs(*d.fallback);
                                 },
                                 [&](const auto&) {}},
                 decl.kind);
    }
  }
  AddInputs();
  for (const auto& [name, text] : options_.params) {
    bool found = false;
    for (uint32_t i = 0; i < project_.instances.size() && !found; ++i) {
      const sema::Unit& unit = *project_.units[project_.instances[i].unit];
      for (uint32_t d = 0; d < unit.decls.size(); ++d) {
        if (unit.decls[d].kind == sema::DeclKind::kParam &&
            project_.QualifiedName({i, d}) == name) {
          found = true;
        }
      }
    }
    if (!found) {
      return Status::InvalidArgument("unknown param '" + name +
                                     "'; --param names a `param` declared in the rules");
    }
  }
  for (const sema::DeclRef& ref : project_.order) {
    // A duration let is lowered where it is used: as a duration (`d > w`, `w ago`), which may
    // be in months, or as a number of days (`last - first > w`).
    const sema::DeclInfo& info =
        project_.units[project_.instances[ref.instance].unit]->decls[ref.decl];
    if (info.kind == sema::DeclKind::kLet && info.type.kind() == sema::TypeKind::kDuration) {
      continue;
    }
    ValueId value = Decl(ref.instance, ref.decl);
    if (!status_.ok()) return status_;
    AddOutput(ref, value);
  }
  return status_;
}

void LowerContext::AddOutput(const sema::DeclRef& ref, ValueId value) {
  const sema::Unit& unit = *project_.units[project_.instances[ref.instance].unit];
  const sema::DeclInfo& info = unit.decls[ref.decl];
  Output output;
  output.name = project_.QualifiedName(ref);
  output.origin = info.name_range;
  switch (info.kind) {
    case sema::DeclKind::kSegment: {
      output.kind = OutputKind::kSegment;
      if (const auto* segment = std::get_if<ast::SegmentDecl>(&info.ast->kind)) {
        output.description = segment->description.value_or("");
      }
      output.value = value;
      break;
    }
    case sema::DeclKind::kScore:
      output.kind = OutputKind::kScore;
      output.value = builder_.Cast(value, Type::kFloat);
      break;
    case sema::DeclKind::kClassify:
      output.kind = OutputKind::kClass;
      output.labels = info.type.values();
      output.value = value;
      break;
    case sema::DeclKind::kMeasure: {
      const auto& measure = std::get<ast::MeasureDecl>(info.ast->kind);
      output.kind = OutputKind::kMeasure;
      output.description = measure.description.value_or("");
      output.measure =
          static_cast<MeasureKind>(*sema::FindMeasureAggregate(measure.aggregate.name));
      output.value = value;
      break;
    }
    default:
      return;
  }
  program_.outputs.push_back(std::move(output));
}

ValueId LowerContext::Decl(uint32_t instance, uint32_t decl) {
  auto key = std::make_pair(instance, decl);
  if (auto it = decls_.find(key); it != decls_.end()) return it->second;
  const sema::Instance& inst = project_.instances[instance];
  const sema::DeclInfo& info = project_.units[inst.unit]->decls[decl];
  if (info.type.is_error() || info.in_cycle) {
    Fail(Status::Internal("cannot lower '" + info.name + "': the rules have errors"));
    return builder_.Null(Type::kBool);
  }
  ValueId value = kNoValue;
  switch (info.kind) {
    case sema::DeclKind::kSegment:
      if (const auto* audience = std::get_if<ast::AudienceDecl>(&info.ast->kind)) {
        value = builder_.Add(Op::kIsTrue, Type::kBool, {Expr(*audience->segment, instance)});
      } else {
        value = Segment(instance, std::get<ast::SegmentDecl>(info.ast->kind));
      }
      break;
    case sema::DeclKind::kScore:
      value = Score(instance, std::get<ast::ScoreDecl>(info.ast->kind));
      break;
    case sema::DeclKind::kClassify:
      if (const auto* split = std::get_if<ast::SplitDecl>(&info.ast->kind)) {
        value = Split(instance, info, *split);
      } else {
        value = Classify(instance, info, std::get<ast::ClassifyDecl>(info.ast->kind));
      }
      break;
    case sema::DeclKind::kLet:
      value = Expr(*std::get<ast::LetDecl>(info.ast->kind).value, instance);
      break;
    case sema::DeclKind::kMeasure:
      value = Measure(instance, std::get<ast::MeasureDecl>(info.ast->kind));
      break;
    case sema::DeclKind::kParam:
      value = Param(instance, decl);
      break;
    case sema::DeclKind::kInput: {
      const ast::Expr* bound = project_.ValueOf(instance, decl);
      if (bound == nullptr || inst.parent == sema::kNone) {
        Fail(Status::Internal("module input '" + info.name + "' is not bound"));
        return builder_.Null(IrType(info.type));
      }
      value = Expr(*bound, inst.parent);
      break;
    }
  }
  decls_.emplace(key, value);
  return value;
}

ValueId LowerContext::Segment(uint32_t instance, const ast::SegmentDecl& segment) {
  return builder_.Add(Op::kIsTrue, Type::kBool, {Expr(*segment.where, instance)});
}

ValueId LowerContext::Score(uint32_t instance, const ast::ScoreDecl& score) {
  ValueId value;
  if (score.expr) {
    value = Expr(*score.expr, instance);
  } else {
    std::vector<ValueId> terms;
    for (const ast::ScoreRule& rule : score.rules) {
      ValueId points = Expr(*rule.points, instance);
      if (rule.sign < 0) points = Negate(points);
      if (rule.when) {
        Type type = builder_.node(points).type;
        ValueId zero = type == Type::kInt ? builder_.Int(0) : builder_.Float(0);
        ValueId when = Expr(*rule.when, instance);
        points = builder_.Add(Op::kSelect, type, {when, points, zero});
      }
      terms.push_back(points);
    }
    if (terms.empty()) return builder_.Int(0);
    Type type = Common(terms);
    value = Numeric(terms[0], type);
    for (size_t i = 1; i < terms.size(); ++i) {
      value = builder_.Binary(Op::kAdd, type, value, Numeric(terms[i], type));
    }
  }
  if (!score.range) return value;
  Type type = builder_.node(value).type;
  if (type == Type::kInt && Integral(score.range->low) && Integral(score.range->high)) {
    return builder_.Add(
        Op::kCall, Type::kInt,
        {value, builder_.Int(int64_t(score.range->low)), builder_.Int(int64_t(score.range->high))},
        {.index = uint32_t(stdlib::BuiltinId::kClamp)});
  }
  return builder_.Add(Op::kCall, Type::kFloat,
                      {Numeric(value, Type::kFloat), builder_.Float(score.range->low),
                       builder_.Float(score.range->high)},
                      {.index = uint32_t(stdlib::BuiltinId::kClamp)});
}

// The per-row value a measure folds, as a nullable float: the argument (a bool as 0/1), or for
// count 1 where the argument counts (not null; true for a bool); null where the filter does not
// hold.
ValueId LowerContext::Measure(uint32_t instance, const ast::MeasureDecl& measure) {
  ValueId arg = Expr(*measure.args[0], instance);
  Type type = builder_.node(arg).type;
  ValueId value;
  if (measure.aggregate.name == "count") {
    ValueId counts = type == Type::kBool ? builder_.Add(Op::kIsTrue, Type::kBool, {arg})
                                         : builder_.Add(Op::kIsNotNull, Type::kBool, {arg});
    value = builder_.Add(Op::kSelect, Type::kFloat,
                         {counts, builder_.Float(1), builder_.Null(Type::kFloat)});
  } else {
    if (type == Type::kBool) arg = builder_.Cast(arg, Type::kInt);
    value = builder_.Cast(arg, Type::kFloat);
  }
  if (!measure.filter) return value;
  return builder_.Add(Op::kSelect, Type::kFloat,
                      {Expr(*measure.filter, instance), value, builder_.Null(Type::kFloat)});
}

ValueId LowerContext::Classify(uint32_t instance, const sema::DeclInfo& info,
                               const ast::ClassifyDecl& cls) {
  const std::vector<std::string>& labels = info.type.values();
  auto code = [&](const std::string& label) {
    for (size_t i = 0; i < labels.size(); ++i) {
      if (labels[i] == label) return builder_.Label(int64_t(i));
    }
    Fail(Status::Internal("label '" + label + "' missing from its classify"));
    return builder_.Null(Type::kLabel);
  };
  std::vector<ValueId> args;
  ValueId otherwise = kNoValue;
  for (const ast::ClassifyArm& arm : cls.arms) {
    if (!arm.when) {
      otherwise = code(arm.label.name);
      break;  // later arms can never match
    }
    args.push_back(Expr(*arm.when, instance));
    args.push_back(code(arm.label.name));
  }
  args.push_back(otherwise == kNoValue ? builder_.Null(Type::kLabel) : otherwise);
  if (args.size() == 1) return args[0];
  return builder_.Add(Op::kSelect, Type::kLabel, std::move(args));
}

ValueId LowerContext::Param(uint32_t instance, uint32_t decl) {
  std::string name = project_.QualifiedName({instance, decl});
  const sema::Type& declared = project_.units[project_.instances[instance].unit]->decls[decl].type;
  const ast::Expr* literal = project_.ValueOf(instance, decl);
  std::string origin = "param '" + name + "'";
  auto it = options_.params.find(name);
  bool overridden = it != options_.params.end();
  if (overridden) {
    auto parsed = ParseParamLiteral(it->second);
    if (!parsed.ok()) {
      Fail(Status::InvalidArgument("--param " + name + ": " + parsed.status().message()));
      return builder_.Null(Type::kInt);
    }
    overrides_.push_back(std::move(parsed).value());
    literal = overrides_.back().get();
    origin = "--param " + name + "=" + it->second;
  }
  SEGC_CHECK(literal != nullptr);
  bool duration = declared.kind() == sema::TypeKind::kDuration;
  if (overridden && duration != (DurationLiteral(*literal) != nullptr)) {
    Fail(Status::InvalidArgument(origin + ": expected " + declared.ToString() +
                                 " like the declared default"));
    return builder_.Null(IrType(declared));
  }
  // Recency comparisons, `ago` and date arithmetic read a duration param through DurationOf,
  // which takes months too; a duration reaches here only as a number of days (`last - first >
  // w`), where sema refused a month default and the run must refuse a month override.
  if (duration && IsCalendar(*DurationLiteral(*literal))) {
    Fail(Status::InvalidArgument(origin + ": '" + name +
                                 "' is compared with a number of days (a date difference), and "
                                 "months and years are not a fixed number of days; give days or "
                                 "weeks, e.g. `180d`"));
    return builder_.Null(Type::kInt);
  }
  ValueId value = Expr(*literal, instance);
  if (duration) return value;
  if (overridden) {
    Type want = IrType(declared);
    Type got = builder_.node(value).type;
    if (got != want && !(want == Type::kFloat && got == Type::kInt)) {
      Fail(Status::InvalidArgument(origin + ": expected " + declared.ToString() +
                                   " like the declared default"));
    }
    value = Numeric(value, want);
  }
  return RunInputParam(name, value);
}

// A bool, int, float or date param is an input of the run (its value a default the run may
// replace), so one compiled program serves every value. Durations (their unit decides between
// calendar and day arithmetic) and strings (evaluated per dictionary entry) stay constants.
ValueId LowerContext::RunInputParam(const std::string& name, ValueId value) {
  const Node& node = builder_.node(value);
  bool runtime = node.op == Op::kConst && !node.payload.is_null &&
                 (node.type == Type::kBool || node.type == Type::kInt ||
                  node.type == Type::kFloat || node.type == Type::kDate);
  if (!runtime) return value;
  auto index = uint32_t(program_.run_inputs.size());
  program_.run_inputs.push_back({name, node.type, node.payload, false});
  return builder_.Add(Op::kRunInput, node.type, {}, {.index = index});
}

Type LowerContext::Common(const std::vector<ValueId>& values) const {
  bool any_float = false, all_int = true;
  for (ValueId v : values) {
    Type t = builder_.node(v).type;
    any_float |= t == Type::kFloat;
    all_int &= t == Type::kInt;
  }
  if (any_float) return Type::kFloat;
  if (all_int) return Type::kInt;
  return builder_.node(values[0]).type;
}

Type IrType(const sema::Type& type) {
  switch (type.kind()) {
    case sema::TypeKind::kBool:
      return Type::kBool;
    case sema::TypeKind::kInt:
      return Type::kInt;
    case sema::TypeKind::kFloat:
      return Type::kFloat;
    case sema::TypeKind::kDate:
      return Type::kDate;
    case sema::TypeKind::kDuration:
      return Type::kInt;
    case sema::TypeKind::kLabel:
      return Type::kLabel;
    default:
      return Type::kString;
  }
}

void LowerContext::IndexExprs(const ast::Expr& expr) {
  exprs_.emplace(expr.id, &expr);
  std::visit(
      ast::Overloaded{[&](const ast::Call& c) {
                        for (const auto& a : c.args) IndexExprs(*a);
                        if (c.filter) IndexExprs(*c.filter);
                        if (c.among) IndexExprs(*c.among);
                      },
                      [&](const ast::Unary& u) { IndexExprs(*u.operand); },
                      [&](const ast::Binary& x) {
                        IndexExprs(*x.lhs);
                        IndexExprs(*x.rhs);
                      },
                      [&](const ast::Logical& l) {
                        for (const auto& a : l.operands) IndexExprs(*a);
                      },
                      [&](const ast::Between& x) {
                        IndexExprs(*x.value);
                        IndexExprs(*x.low);
                        IndexExprs(*x.high);
                      },
                      [&](const ast::InList& x) {
                        IndexExprs(*x.value);
                        for (const auto& a : x.items) IndexExprs(*a);
                      },
                      [&](const ast::IsNull& x) { IndexExprs(*x.value); },
                      [&](const ast::Within& x) {
                        IndexExprs(*x.value);
                        IndexExprs(*x.duration);
                      },
                      [&](const ast::Ago& x) { IndexExprs(*x.duration); }, [&](const auto&) {}},
      expr.kind);
}

const ast::Expr* LowerContext::FindExpr(ast::NodeId id) const {
  auto it = exprs_.find(id);
  return it == exprs_.end() ? nullptr : it->second;
}

}  // namespace segc::ir::detail

namespace segc::ir {

Result<Program> Lower(const sema::CheckedProject& project, const LowerOptions& options) {
  Program program;
  detail::LowerContext context(project, options, program);
  SEGC_RETURN_IF_ERROR(context.Run());
  return program;
}

}  // namespace segc::ir
