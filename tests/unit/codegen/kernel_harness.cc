// KernelHarness: builds columns in the kernel ABI layout and decodes kernel outputs.
#include "tests/unit/codegen/kernel_harness.h"

#include <algorithm>
#include <cstring>
#include <set>
#include <stdexcept>
#include <thread>

namespace segc::codegen::testing {
namespace {

template <typename T>
void Put(std::vector<uint8_t>& bytes, size_t row, T value) {
  std::memcpy(bytes.data() + row * sizeof(T), &value, sizeof(T));
}

template <typename T>
T Get(const std::vector<uint8_t>& bytes, size_t row) {
  T value;
  std::memcpy(&value, bytes.data() + row * sizeof(T), sizeof(T));
  return value;
}

void SetBit(std::vector<uint8_t>& bitmap, size_t row) {
  bitmap[row / 8] |= uint8_t(1u << (row % 8));
}
bool GetBit(const std::vector<uint8_t>& bitmap, size_t row) {
  return (bitmap[row / 8] >> (row % 8)) & 1;
}

// Exact-size buffers (no padding): kernels must not read past ceil(rows / 8) bitmap bytes.
template <typename T, typename Stored>
auto Encode(const std::vector<std::optional<T>>& values) {
  struct {
    std::vector<uint8_t> values, validity;
    bool any_null = false;
  } out;
  out.values.assign(values.size() * sizeof(Stored), 0);
  out.validity.assign((values.size() + 7) / 8, 0);
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i]) {
      Put<Stored>(out.values, i, static_cast<Stored>(*values[i]));
      SetBit(out.validity, i);
    } else {
      out.any_null = true;
    }
  }
  return out;
}

}  // namespace

ir::ValueId KernelHarness::AddInput(ir::Type type, Buffer buffer, size_t rows) {
  rows_ = static_cast<int64_t>(rows);
  ir::Input input;
  input.name = "c" + std::to_string(program_.graph.inputs.size());
  input.type = type;
  program_.graph.inputs.push_back(input);
  inputs_.push_back(std::move(buffer));
  return builder_.Column(static_cast<uint32_t>(program_.graph.inputs.size() - 1));
}

#define SEGC_HARNESS_COLUMN(Name, Vector, Stored, IrType)                           \
  ir::ValueId KernelHarness::Name(const Vector& values) {                           \
    auto encoded = Encode<typename Vector::value_type::value_type, Stored>(values); \
    Buffer buffer{encoded.values, encoded.validity, encoded.any_null};              \
    return AddInput(IrType, std::move(buffer), values.size());                      \
  }
SEGC_HARNESS_COLUMN(IntColumn, Ints, int64_t, ir::Type::kInt)
SEGC_HARNESS_COLUMN(FloatColumn, Floats, double, ir::Type::kFloat)
SEGC_HARNESS_COLUMN(DateColumn, Dates, int32_t, ir::Type::kDate)
SEGC_HARNESS_COLUMN(CodeColumn, Dates, int32_t, ir::Type::kString)
#undef SEGC_HARNESS_COLUMN

ir::ValueId KernelHarness::BoolColumn(const Bools& values) {
  Buffer buffer;
  buffer.values.assign((values.size() + 7) / 8, 0);
  buffer.validity.assign((values.size() + 7) / 8, 0);
  for (size_t i = 0; i < values.size(); ++i) {
    if (!values[i]) {
      buffer.has_validity = true;
      continue;
    }
    SetBit(buffer.validity, i);
    if (*values[i]) SetBit(buffer.values, i);
  }
  return AddInput(ir::Type::kBool, std::move(buffer), values.size());
}

ir::ValueId KernelHarness::FloatStat(std::optional<double> value) {
  program_.graph.stats.push_back({.kind = ir::StatKind::kMean, .type = ir::Type::kFloat});
  stats_.push_back({value.value_or(0), 0, uint8_t(value.has_value()), {}});
  auto index = static_cast<uint32_t>(program_.graph.stats.size() - 1);
  return builder_.Add(ir::Op::kStat, ir::Type::kFloat, {}, {.index = index});
}

ir::ValueId KernelHarness::IntStat(std::optional<int64_t> value) {
  program_.graph.stats.push_back({.kind = ir::StatKind::kMinOf, .type = ir::Type::kInt});
  stats_.push_back({0, value.value_or(0), uint8_t(value.has_value()), {}});
  auto index = static_cast<uint32_t>(program_.graph.stats.size() - 1);
  return builder_.Add(ir::Op::kStat, ir::Type::kInt, {}, {.index = index});
}

ir::ValueId KernelHarness::IntDerived(const Ints& values) {
  rows_ = static_cast<int64_t>(values.size());
  auto encoded = Encode<int64_t, int64_t>(values);
  derived_.push_back(Buffer{encoded.values, encoded.validity, encoded.any_null});
  program_.graph.derived.push_back({.kind = ir::DerivedKind::kNtile, .type = ir::Type::kInt});
  auto index = static_cast<uint32_t>(program_.graph.derived.size() - 1);
  return builder_.Add(ir::Op::kDerived, ir::Type::kInt, {}, {.index = index});
}

ir::ValueId KernelHarness::IntDict(ir::ValueId code_column, const Ints& entries) {
  auto encoded = Encode<int64_t, int64_t>(entries);
  std::vector<uint8_t> valid;
  for (const auto& entry : entries) valid.push_back(entry.has_value());
  dict_values_.push_back(encoded.values);
  dict_valid_.push_back(valid);
  program_.dicts.push_back({code_column, code_column, ir::Type::kInt});
  auto index = static_cast<uint32_t>(program_.dicts.size() - 1);
  return builder_.DictLookup(ir::Type::kInt, code_column, code_column, index);
}

ir::ValueId KernelHarness::BoolDict(ir::ValueId code_column, const Bools& entries) {
  std::vector<uint8_t> values, valid;
  for (const auto& entry : entries) {
    // kernel_abi.h: the value in bit 0, valid in bit 1.
    values.push_back(uint8_t((entry.value_or(false) ? 1 : 0) | (entry.has_value() ? 2 : 0)));
    valid.push_back(entry.has_value());
  }
  dict_values_.push_back(values);
  dict_valid_.push_back(valid);
  program_.dicts.push_back({code_column, code_column, ir::Type::kBool});
  auto index = static_cast<uint32_t>(program_.dicts.size() - 1);
  return builder_.DictLookup(ir::Type::kBool, code_column, code_column, index);
}

uint32_t KernelHarness::Output(ir::ValueId value, bool nullable) {
  program_.slots.push_back({program_.node(value).type, nullable});
  auto slot = static_cast<uint32_t>(program_.slots.size() - 1);
  stage_.stores.push_back({value, slot});
  return slot;
}

void KernelHarness::FinishStage(bool count_overflow) {
  std::set<ir::ValueId> needed;
  std::vector<ir::ValueId> work;
  for (const plan::Store& store : stage_.stores) work.push_back(store.value);
  while (!work.empty()) {
    ir::ValueId id = work.back();
    work.pop_back();
    if (!needed.insert(id).second) continue;
    for (ir::ValueId arg : program_.node(id).args) work.push_back(arg);
  }
  stage_.nodes.assign(needed.begin(), needed.end());
  stage_.count_overflow.assign(stage_.nodes.size(), count_overflow ? 1 : 0);
  program_.stages.push_back(std::move(stage_));
  stage_ = {};
}

Status KernelHarness::Compile(const CodegenOptions& options) {
  if (!stage_.stores.empty()) FinishStage();
  program_.stat_schedule.resize(program_.graph.stats.size());
  program_.derived_schedule.resize(program_.graph.derived.size());
  SEGC_TRY(compiled_, codegen::Compile(program_, options));
  return Status::Ok();
}

void KernelHarness::Run(int64_t morsel, int threads) {
  size_t padded_rows = static_cast<size_t>((rows_ + 63) / 64 * 64);
  outputs_.clear();
  for (const plan::Slot& slot : program_.slots) {
    size_t width = slot.type == ir::Type::kInt || slot.type == ir::Type::kFloat ? 8 : 4;
    size_t bytes = slot.type == ir::Type::kBool ? padded_rows / 8 : padded_rows * width;
    outputs_.push_back(Buffer{std::vector<uint8_t>(bytes + 1, 0),
                              std::vector<uint8_t>(padded_rows / 8 + 1, 0), slot.nullable});
  }
  auto columns = [](std::vector<Buffer>& buffers) {
    std::vector<segc_column> out;
    for (Buffer& buffer : buffers) {
      out.push_back({buffer.values.data(), buffer.has_validity ? buffer.validity.data() : nullptr});
    }
    return out;
  };
  std::vector<segc_column> inputs = columns(inputs_), derived = columns(derived_);
  std::vector<segc_column> outputs = columns(outputs_);
  std::vector<segc_dict_table> dicts;
  for (size_t i = 0; i < dict_values_.size(); ++i) {
    dicts.push_back({dict_values_[i].data(), dict_valid_[i].data(),
                     static_cast<int64_t>(dict_valid_[i].size())});
  }
  overflow_ = 0;
  int64_t morsels = std::max<int64_t>(1, (rows_ + morsel - 1) / morsel);
  for (segc_kernel_fn kernel : compiled_->kernels()) {
    std::vector<int64_t> counters(threads, 0);
    auto work = [&](int thread) {
      for (int64_t m = thread; m < morsels; m += threads) {
        segc_kernel_args args{rows_,        inputs.data(),  stats_.data(),     derived.data(),
                              dicts.data(), outputs.data(), &counters[thread], nullptr};
        kernel(&args, m * morsel, std::min(rows_, (m + 1) * morsel));
      }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);
    for (std::thread& thread : pool) thread.join();
    for (int64_t counter : counters) overflow_ += counter;
  }
}

KernelHarness::Buffer& KernelHarness::OutputBuffer(uint32_t slot) const {
  if (slot >= outputs_.size()) throw std::out_of_range("no such output slot");
  return outputs_[slot];
}

bool KernelHarness::Valid(const Buffer& buffer, int64_t row) const {
  return !buffer.has_validity || GetBit(buffer.validity, row);
}

#define SEGC_HARNESS_RESULT(Name, Vector, Stored)          \
  Vector KernelHarness::Name(uint32_t slot) const {        \
    const Buffer& buffer = OutputBuffer(slot);             \
    Vector out;                                            \
    for (int64_t row = 0; row < rows_; ++row) {            \
      if (Valid(buffer, row))                              \
        out.emplace_back(Get<Stored>(buffer.values, row)); \
      else                                                 \
        out.emplace_back(std::nullopt);                    \
    }                                                      \
    return out;                                            \
  }
SEGC_HARNESS_RESULT(IntResult, Ints, int64_t)
SEGC_HARNESS_RESULT(FloatResult, Floats, double)
SEGC_HARNESS_RESULT(DateResult, Dates, int32_t)
#undef SEGC_HARNESS_RESULT

Bools KernelHarness::BoolResult(uint32_t slot) const {
  const Buffer& buffer = OutputBuffer(slot);
  Bools out;
  for (int64_t row = 0; row < rows_; ++row) {
    if (Valid(buffer, row))
      out.emplace_back(GetBit(buffer.values, row));
    else
      out.emplace_back(std::nullopt);
  }
  return out;
}

uint64_t KernelHarness::RawFloatBits(uint32_t slot, int64_t row) const {
  return Get<uint64_t>(OutputBuffer(slot).values, static_cast<size_t>(row));
}

std::vector<uint64_t> KernelHarness::BitmapWords(uint32_t slot) const {
  const Buffer& buffer = OutputBuffer(slot);
  std::vector<uint64_t> words((buffer.values.size() - 1) / 8);
  if (!words.empty()) std::memcpy(words.data(), buffer.values.data(), words.size() * 8);
  return words;
}

}  // namespace segc::codegen::testing
