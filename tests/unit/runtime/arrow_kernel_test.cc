// The zero-copy path end to end: a hand-written stage kernel run by rt::Execute sees the
// pointers of the caller's Arrow buffers (offsets included), and a run's outputs exported as
// Arrow share the result's buffers and come back equal through ImportArrowTable.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "segc/arrow.h"
#include "segc/executor.h"
#include "tests/unit/runtime/arrow_testing.h"

namespace segc::rt {
namespace {

using arrow_testing::TestStruct;

constexpr int kKernelInputs = 5;  // n (int), f (float), d (date), s (string), b (bool)

constexpr int64_t kRows = 200;

// What the kernel saw: the input pointers of segc_kernel_args (first call), and the validity
// of n and the values of b row by row (the executor's copies die with the run).
segc_column g_seen_inputs[kKernelInputs];
bool g_seen_n_valid[kRows];
bool g_seen_b[kRows];

bool ValidRow(const segc_column& c, int64_t row) {
  return c.validity == nullptr || GetBit(c.validity, row);
}

// Outputs: slot 0 segment "n > 0", slot 1 score n * 0.5 (null where n is), slot 2 class
// "pos" (n > 0) / "neg" (n < 0), null where n is 0 or null.
void RecordingKernel(const segc_kernel_args* args, int64_t begin, int64_t end) {
  if (begin == 0) {
    for (int i = 0; i < kKernelInputs; ++i) g_seen_inputs[i] = args->inputs[i];
  }
  const segc_column& n = args->inputs[0];
  const auto* values = static_cast<const int64_t*>(n.values);
  auto* segment = static_cast<uint8_t*>(args->outputs[0].values);
  auto* score = static_cast<double*>(args->outputs[1].values);
  auto* label = static_cast<int32_t*>(args->outputs[2].values);
  for (int64_t r = begin; r < end; ++r) {
    g_seen_n_valid[r] = ValidRow(n, r);
    g_seen_b[r] = GetBit(static_cast<const uint8_t*>(args->inputs[4].values), r);
    if (!ValidRow(n, r)) continue;
    if (values[r] > 0) SetBit(segment, r);
    score[r] = double(values[r]) * 0.5;
    SetBit(args->outputs[1].validity, r);
    if (values[r] == 0) continue;
    label[r] = values[r] > 0 ? 0 : 1;
    SetBit(args->outputs[2].validity, r);
  }
}

ExecProgram RecordingProgram() {
  ExecProgram p;
  p.inputs = {{"n", ColumnType::kInt},
              {"f", ColumnType::kFloat},
              {"d", ColumnType::kDate},
              {"s", ColumnType::kString},
              {"b", ColumnType::kBool}};
  p.slots = {{ValueKind::kBool, false}, {ValueKind::kFloat, true}, {ValueKind::kLabel, true}};
  p.stages = {{&RecordingKernel, nullptr}};
  p.outputs = {{OutputKind::kSegment, "positive", "", 0, {}},
               {OutputKind::kScore, "half", "", 1, {}},
               {OutputKind::kClass, "sign", "", 2, {"pos", "neg"}}};
  return p;
}

// Caller-owned columns of kRows + 24 rows; the table sees rows [offset, offset + kRows).
struct CallerBuffers {
  CallerBuffers() {
    for (int64_t i = 0; i < kAll; ++i) {
      n[i] = i % 7 - 3;
      f[i] = double(i) / 4;
      d[i] = int32_t(19000 + i);
      s[i] = int32_t(i % 2);
      if (i % 5 != 0) SetBit(valid, i);
      if (i % 3 == 0) SetBit(b, i);
    }
  }
  static constexpr int64_t kAll = kRows + 24;
  int64_t n[kAll];
  double f[kAll];
  int32_t d[kAll];
  int32_t s[kAll];
  uint8_t valid[kAll / 8 + 1] = {};
  uint8_t b[kAll / 8 + 1] = {};
  int32_t dict_offsets[3] = {0, 2, 4};
  const char* dict_bytes = "FRDE";
};

void NoDictSchemaRelease(ArrowSchema* s) { s->release = nullptr; }
void NoDictArrayRelease(ArrowArray* a) { a->release = nullptr; }

// Runs RecordingProgram (2 threads, 64-row morsels) over the caller's buffers seen through a
// struct array with offset `offset`.
Result<RunResult> RunAtOffset(const CallerBuffers& c, int64_t offset) {
  const void* dict_buffers[3] = {nullptr, c.dict_offsets, c.dict_bytes};
  ArrowSchema dict_schema{"u", "", nullptr, 0, 0, nullptr, nullptr, &NoDictSchemaRelease, nullptr};
  ArrowArray dict_array{2,      0, 0, 3, 0, dict_buffers, nullptr, nullptr, &NoDictArrayRelease,
                        nullptr};
  const int64_t all = CallerBuffers::kAll;
  TestStruct t(kRows, offset);
  t.Add("n", "l", {c.valid, c.n}, all, -1);
  t.Add("f", "g", {nullptr, c.f}, all, 0);
  t.Add("d", "tdD", {c.valid, c.d}, all, -1);
  t.Add("s", "i", {nullptr, c.s}, all, 0, 0, &dict_schema, &dict_array);
  t.Add("b", "b", {c.valid, c.b}, all, -1);
  SEGC_TRY(Table table, ImportArrowTable(&t.schema, &t.array));
  RunOptions options;
  options.threads = 2;
  options.morsel_rows = 64;
  return Execute(RecordingProgram(), table, options);
}

int64_t ExpectedPositives(const CallerBuffers& c, int64_t offset) {
  int64_t count = 0;
  for (int64_t i = offset; i < offset + kRows; ++i) count += i % 5 != 0 && c.n[i] > 0;
  return count;
}

TEST(ArrowZeroCopy, KernelsReadTheCallersBuffersAtAByteAlignedOffset) {
  const CallerBuffers c;
  auto result = RunAtOffset(c, 16);
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(g_seen_inputs[0].values, c.n + 16);  // same addresses: no copy
  EXPECT_EQ(g_seen_inputs[0].validity, c.valid + 2);
  EXPECT_EQ(g_seen_inputs[1].values, c.f + 16);
  EXPECT_EQ(g_seen_inputs[1].validity, nullptr);
  EXPECT_EQ(g_seen_inputs[2].values, c.d + 16);
  EXPECT_EQ(g_seen_inputs[2].validity, c.valid + 2);
  EXPECT_EQ(g_seen_inputs[3].values, c.s + 16);
  EXPECT_EQ(g_seen_inputs[4].values, c.b + 2);
  EXPECT_EQ(g_seen_inputs[4].validity, c.valid + 2);
  EXPECT_EQ(result->segments[0].count, ExpectedPositives(c, 16));
}

TEST(ArrowZeroCopy, AnyOffsetSharesValuesAndCopiesOnlyUnalignedBitmaps) {
  const CallerBuffers c;
  auto result = RunAtOffset(c, 3);
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(g_seen_inputs[0].values, c.n + 3);
  EXPECT_EQ(g_seen_inputs[1].values, c.f + 3);
  EXPECT_EQ(g_seen_inputs[2].values, c.d + 3);
  EXPECT_EQ(g_seen_inputs[3].values, c.s + 3);
  // A bitmap starting at bit 3 cannot be handed over as a pointer: it is copied from bit 0.
  EXPECT_NE(g_seen_inputs[0].validity, nullptr);
  EXPECT_NE(g_seen_inputs[0].validity, c.valid);
  EXPECT_NE(g_seen_inputs[4].values, static_cast<const void*>(c.b));
  for (int64_t i = 0; i < kRows; ++i) {
    ASSERT_EQ(g_seen_n_valid[i], (i + 3) % 5 != 0) << i;
    ASSERT_EQ(g_seen_b[i], (i + 3) % 3 == 0) << i;
  }
  EXPECT_EQ(result->segments[0].count, ExpectedPositives(c, 3));
}

TEST(ArrowResultExport, OutputsRoundTripSharingTheResultBuffers) {
  const CallerBuffers c;
  auto result = RunAtOffset(c, 0);
  ASSERT_TRUE(result.ok()) << result.status().message();
  ArrowSchema schema;
  ArrowArray array;
  ASSERT_TRUE(ExportArrowResult(*result, &schema, &array).ok());
  EXPECT_STREQ(schema.format, "+s");
  ASSERT_EQ(schema.n_children, 3);
  EXPECT_STREQ(schema.children[0]->name, "positive");
  EXPECT_STREQ(schema.children[0]->format, "b");
  EXPECT_STREQ(schema.children[1]->format, "g");
  EXPECT_STREQ(schema.children[2]->format, "i");
  EXPECT_STREQ(schema.children[2]->dictionary->format, "u");
  EXPECT_EQ(array.length, kRows);
  EXPECT_EQ(array.children[0]->null_count, 0);
  EXPECT_EQ(array.children[1]->null_count, result->scores[0].values.null_count());
  EXPECT_EQ(array.children[2]->dictionary->length, 2);

  std::weak_ptr<Buffer> bitmap = result->segments[0].bitmap;
  const void* bitmap_data = result->segments[0].bitmap->data();
  const void* score_values = result->scores[0].values.data<double>();
  const void* label_codes = result->classes[0].values.data<int32_t>();
  const int64_t count = result->segments[0].count;
  result = Status::Internal("dropped");  // the exported structs keep the buffers alive
  EXPECT_FALSE(bitmap.expired());
  auto back = ImportArrowTable(&schema, &array);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(schema.release, nullptr);
  EXPECT_EQ(array.release, nullptr);
  const Column& segment = back->column(0);
  EXPECT_EQ(segment.values()->data(), bitmap_data);  // zero-copy
  EXPECT_EQ(back->column(1).data<double>(), score_values);
  EXPECT_EQ(back->column(2).data<int32_t>(), label_codes);
  int64_t members = 0;
  for (int64_t i = 0; i < kRows; ++i) {
    const bool valid = i % 5 != 0;
    members += segment.Bool(i);
    ASSERT_EQ(segment.Bool(i), valid && c.n[i] > 0) << i;
    ASSERT_EQ(back->column(1).IsValid(i), valid) << i;
    if (valid) {
      ASSERT_EQ(back->column(1).Float64(i), double(c.n[i]) * 0.5);
    }
    ASSERT_EQ(back->column(2).IsValid(i), valid && c.n[i] != 0) << i;
    if (valid && c.n[i] != 0) {
      ASSERT_EQ(back->column(2).String(i), c.n[i] > 0 ? "pos" : "neg");
    }
  }
  EXPECT_EQ(members, count);
  back = Status::Internal("dropped");  // the import released the export: buffers are freed
  EXPECT_TRUE(bitmap.expired());
}

TEST(ArrowResultExport, ReleasingTheExportFreesTheBuffersOnce) {
  const CallerBuffers c;
  std::weak_ptr<Buffer> bitmap;
  ArrowSchema schema;
  ArrowArray array;
  {
    auto result = RunAtOffset(c, 0);
    ASSERT_TRUE(result.ok()) << result.status().message();
    bitmap = result->segments[0].bitmap;
    ASSERT_TRUE(ExportArrowResult(*result, &schema, &array).ok());
  }
  EXPECT_FALSE(bitmap.expired());  // owned by the exported array now
  schema.release(&schema);
  EXPECT_EQ(schema.release, nullptr);
  EXPECT_FALSE(bitmap.expired());
  array.release(&array);
  EXPECT_EQ(array.release, nullptr);
  EXPECT_TRUE(bitmap.expired());
}

}  // namespace
}  // namespace segc::rt
