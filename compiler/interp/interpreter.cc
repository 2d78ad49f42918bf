// Interpreter: the kernel trampoline (rows of a morsel → output slots) and dictionary tables.
#include <cstring>

#include "compiler/interp/interp.h"
#include "compiler/interp/value.h"
#include "compiler/plan/exec_program.h"
#include "segc/bitmap.h"
#include "segc/check.h"

namespace segc::interp {

namespace {

using detail::Row;
using detail::Value;
using ir::Op;
using ir::Type;

bool ValidAt(const uint8_t* validity, int64_t i) {
  return validity == nullptr || rt::GetBit(validity, i);
}

/// A value of `type` at index i of a plain array (columns, derived) — not for bits.
Value ReadArray(Type type, const void* values, int64_t i) {
  switch (type) {
    case Type::kInt:
      return Value::Int(static_cast<const int64_t*>(values)[i]);
    case Type::kFloat:
      return Value::Float(static_cast<const double*>(values)[i]);
    default:
      return Value::Int(static_cast<const int32_t*>(values)[i]);
  }
}

Value ReadColumn(Type type, const segc_column& c, int64_t i) {
  if (!ValidAt(c.validity, i)) return Value::Null();
  if (type == Type::kBool) return Value::Bool(rt::GetBit(static_cast<const uint8_t*>(c.values), i));
  return ReadArray(type, c.values, i);
}

Value ReadDict(Type type, const segc_dict_table& t, int64_t entry) {
  if (!t.valid[entry]) return Value::Null();
  if (type == Type::kBool)
    return Value::Bool((static_cast<const uint8_t*>(t.values)[entry] & 1) != 0);
  return ReadArray(type, t.values, entry);
}

/// Writes row i of an output slot. Bitmaps start zeroed (null = validity bit 0, false = 0); wide
/// value buffers start uninitialized (rt executor, AllocateSlots), so a null row's value is
/// written as 0 here, as the JIT kernels do.
void Write(Type type, const segc_column& out, int64_t i, const Value& v) {
  if (!v.null && out.validity != nullptr) rt::SetBit(out.validity, i);
  auto* values = out.values;
  switch (type) {
    case Type::kBool:
      if (!v.null && v.i) rt::SetBit(static_cast<uint8_t*>(values), i);
      break;
    case Type::kInt:
      static_cast<int64_t*>(values)[i] = v.null ? 0 : v.i;
      break;
    case Type::kFloat:
      static_cast<double*>(values)[i] = v.null ? 0.0 : v.f;
      break;
    default:
      static_cast<int32_t*>(values)[i] = v.null ? 0 : int32_t(v.i);
      break;
  }
}

/// A leaf's value on row i (nullopt for non-leaves).
std::optional<Value> Leaf(const ir::Program& p, const ir::Node& node, const segc_kernel_args& a,
                          const std::vector<Value>& values, int64_t i) {
  switch (node.op) {
    case Op::kConst:
      if (node.payload.is_null) return Value::Null();
      if (node.type == Type::kFloat) return Value::Float(node.payload.f);
      if (node.type == Type::kString) return Value::Str(p.strings[node.payload.index]);
      return Value::Int(node.payload.i);
    case Op::kColumn:
      return ReadColumn(node.type, a.inputs[node.payload.index], i);
    case Op::kStat: {
      const segc_stat_value& s = a.stats[node.payload.index];
      if (!s.valid) return Value::Null();
      return node.type == Type::kFloat ? Value::Float(s.f64) : Value::Int(s.i64);
    }
    case Op::kDerived:
      return ReadColumn(node.type, a.derived[node.payload.index], i);
    case Op::kDictLookup: {
      const segc_dict_table& t = a.dicts[node.payload.index];
      const Value& code = values[node.args[0]];
      return ReadDict(node.type, t, code.null ? t.size - 1 : code.i);
    }
    default:
      return std::nullopt;
  }
}

/// Marks `root` and every node it depends on.
std::vector<uint8_t> Subtree(const ir::Program& p, ir::ValueId root) {
  std::vector<uint8_t> use(p.nodes.size(), 0);
  use[root] = 1;
  for (ir::ValueId id = root + 1; id-- > 0;) {
    if (!use[id]) continue;
    for (ir::ValueId a : p.nodes[id].args) use[a] = 1;
  }
  return use;
}

/// The value of a run input of `type` (RunInputValue layout: floats in f64, the rest in i64).
Value RunInputValue(Type type, const rt::RunInputValue& in) {
  if (!in.valid) return Value::Null();
  return type == Type::kFloat ? Value::Float(in.f64) : Value::Int(in.i64);
}

}  // namespace

Interpreter::Interpreter(std::shared_ptr<const plan::PhysicalPlan> plan) : plan_(std::move(plan)) {
  for (size_t s = 0; s < plan_->stages.size(); ++s) states_.push_back({this, s});
}

rt::StageKernel Interpreter::Kernel(size_t stage) const {
  return {&Interpreter::Trampoline, &states_[stage]};
}

void Interpreter::Trampoline(const segc_kernel_args* args, int64_t begin, int64_t end) {
  const auto* state = static_cast<const StageState*>(args->state);
  state->self->RunRows(state->stage, *args, begin, end);
}

void Interpreter::RunRows(size_t stage_index, const segc_kernel_args& args, int64_t begin,
                          int64_t end) const {
  const ir::Program& p = plan_->graph;
  const plan::Stage& stage = plan_->stages[stage_index];
  std::vector<Value> values(p.nodes.size());
  Row row{&values, false};
  for (int64_t i = begin; i < end; ++i) {
    for (size_t k = 0; k < stage.nodes.size(); ++k) {
      const ir::Node& node = p.nodes[stage.nodes[k]];
      std::optional<Value> leaf = Leaf(p, node, args, values, i);
      row.overflow = false;
      values[stage.nodes[k]] = leaf ? std::move(*leaf) : detail::Apply(p, node, row);
      if (row.overflow && stage.count_overflow[k]) ++*args.overflow;
    }
    for (const plan::Store& store : stage.stores) {
      Write(plan_->slots[store.slot].type, args.outputs[store.slot], i, values[store.value]);
    }
  }
}

void Interpreter::EvalDict(uint32_t dict, const rt::Dictionary* dictionary,
                           const segc_stat_value* stats, rt::DictTable& out) const {
  const ir::Program& p = plan_->graph;
  const plan::DictTable& lookup = plan_->dicts[dict];
  std::vector<uint8_t> use = Subtree(p, lookup.root);
  int64_t n = dictionary ? dictionary->size() : 0;
  out.size = n + 1;
  int width = lookup.type == Type::kBool
                  ? 1
                  : (lookup.type == Type::kInt || lookup.type == Type::kFloat ? 8 : 4);
  out.values.assign(size_t(out.size * width), 0);
  out.valid.assign(size_t(out.size), 0);
  std::vector<Value> values(p.nodes.size());
  Row row{&values, false};
  for (int64_t e = 0; e <= n; ++e) {
    for (ir::ValueId id = 0; id <= lookup.root; ++id) {
      if (!use[id]) continue;
      const ir::Node& node = p.nodes[id];
      if (node.op == Op::kColumn) {
        values[id] = e < n ? Value::Str(std::string(dictionary->Get(e))) : Value::Null();
      } else if (node.op == Op::kConst || node.op == Op::kStat) {
        segc_kernel_args scalars{};
        scalars.stats = stats;
        values[id] = *Leaf(p, node, scalars, values, 0);
      } else {
        values[id] = detail::Apply(p, node, row);
      }
    }
    const Value& v = values[lookup.root];
    if (v.null) continue;
    out.valid[size_t(e)] = 1;
    uint8_t* at = out.values.data() + e * width;
    if (width == 1) *at = uint8_t((v.i != 0 ? 1 : 0) | 2);  // bit 1: valid (kernel_abi.h)
    if (width == 8 && lookup.type == Type::kFloat) std::memcpy(at, &v.f, 8);
    if (width == 8 && lookup.type == Type::kInt) std::memcpy(at, &v.i, 8);
    if (width == 4) {
      auto code = int32_t(v.i);
      std::memcpy(at, &code, 4);
    }
  }
}

segc_stat_value Interpreter::EvalScalar(uint32_t stat,
                                        const std::vector<rt::RunInputValue>& inputs) const {
  const ir::Program& p = plan_->graph;
  ir::ValueId root = p.stats[stat].input;
  std::vector<uint8_t> use = Subtree(p, root);
  std::vector<Value> values(p.nodes.size());
  Row row{&values, false};
  for (ir::ValueId id = 0; id <= root; ++id) {
    if (!use[id]) continue;
    const ir::Node& node = p.nodes[id];
    if (node.op == Op::kRunInput) {
      values[id] = RunInputValue(node.type, inputs[node.payload.index]);
    } else if (node.op == Op::kConst) {
      segc_kernel_args none{};
      values[id] = *Leaf(p, node, none, values, 0);
    } else {
      values[id] = detail::Apply(p, node, row);
    }
  }
  const Value& v = values[root];
  segc_stat_value out{};
  out.valid = v.null ? 0 : 1;
  if (p.nodes[root].type == Type::kFloat) {
    out.f64 = v.f;
  } else {
    out.i64 = v.i;
  }
  return out;
}

rt::DictEvaluator DictEvaluatorOf(const Interpreter* interpreter) {
  return [interpreter](uint32_t dict, const rt::Dictionary* d, const segc_stat_value* stats,
                       rt::DictTable& out) { interpreter->EvalDict(dict, d, stats, out); };
}

rt::ScalarEvaluator ScalarEvaluatorOf(const Interpreter* interpreter) {
  return [interpreter](uint32_t stat, const std::vector<rt::RunInputValue>& inputs) {
    return interpreter->EvalScalar(stat, inputs);
  };
}

rt::ExecProgram InterpretedProgram(std::shared_ptr<const plan::PhysicalPlan> plan) {
  auto interpreter = std::make_shared<Interpreter>(std::move(plan));
  std::vector<rt::StageKernel> kernels;
  for (size_t s = 0; s < interpreter->plan().stages.size(); ++s) {
    kernels.push_back(interpreter->Kernel(s));
  }
  const Interpreter* raw = interpreter.get();
  return plan::MakeExecProgram(interpreter->plan(), std::move(kernels), DictEvaluatorOf(raw),
                               ScalarEvaluatorOf(raw), interpreter);
}

}  // namespace segc::interp
