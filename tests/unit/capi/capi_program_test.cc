// Tests for the C ABI's compile and run: rules from memory and from disk, diagnostics as
// values, run inputs, and bad inputs (NULL pointers, wrong column types, missing columns, bad
// dates and params) returned as status codes with messages, never a crash.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "segc/segc.h"

namespace {

const char* kSchema = R"(table customers key id {
  id: int
  cltv: float
  last_purchase: date
  vip_flag: bool
  country: string
})";

const char* kRules = R"(as_of 2026-11-01
segment Rich where cltv > 50
segment Recent where last_purchase < 30d
segment French where country == "FR" and vip_flag
score value = cltv * 2
classify band {
  "high" when cltv > 50
  "low" otherwise
}
)";

// 6 rows. cltv: 10, 60, null, 80, 40, 90; last_purchase: 2026-11-01 minus 5, 40, 10, 400, 1, 20
// days; vip_flag: 1, 1, 0, 1, 1, null; country: FR DE FR FR null FR.
struct Data {
  int64_t id[6] = {1, 2, 3, 4, 5, 6};
  double cltv[6] = {10, 60, 0, 80, 40, 90};
  uint8_t cltv_valid[1] = {0b111011};
  int32_t last_purchase[6] = {20758 - 5,   20758 - 40, 20758 - 10,
                              20758 - 400, 20758 - 1,  20758 - 20};
  uint8_t vip[1] = {0b011011};
  uint8_t vip_valid[1] = {0b011111};
  int32_t country[6] = {0, 1, 0, 0, 0, 0};
  uint8_t country_valid[1] = {0b101111};
  int32_t dict_offsets[3] = {0, 2, 4};
};

// Owning wrappers, so a failed assertion frees what the test made.
template <typename T, void (*Free)(T*)>
struct Owned {
  T* p = nullptr;
  Owned() = default;
  Owned(const Owned&) = delete;
  ~Owned() { Free(p); }
};
using Source = Owned<segc_source, segc_source_free>;
using ProgramHandle = Owned<segc_program, segc_program_free>;
using Diagnostics = Owned<segc_diagnostics, segc_diagnostics_free>;
using TableHandle = Owned<segc_table, segc_table_free>;
using ResultHandle = Owned<segc_result, segc_result_free>;
using RunOptions = Owned<segc_run_options, segc_run_options_free>;
using CompileOptions = Owned<segc_compile_options, segc_compile_options_free>;

std::string Message() { return segc_last_error_message(); }

segc_status CompileTexts(const char* rules, ProgramHandle* program, Diagnostics* diagnostics,
                         const segc_compile_options* options = nullptr) {
  Source source;
  EXPECT_EQ(segc_source_new(&source.p), SEGC_OK);
  EXPECT_EQ(segc_source_add_text(source.p, "mem/schema.seg", kSchema), SEGC_OK);
  EXPECT_EQ(segc_source_add_text(source.p, "mem/rules.seg", rules), SEGC_OK);
  return segc_program_compile(source.p, options, &program->p, &diagnostics->p);
}

void AddColumns(const Data& d, segc_table* table, int32_t cltv_type = SEGC_TYPE_FLOAT) {
  ASSERT_EQ(segc_table_add_column(table, "id", SEGC_TYPE_INT, d.id, nullptr, 6), SEGC_OK);
  ASSERT_EQ(segc_table_add_column(table, "cltv", cltv_type, d.cltv, d.cltv_valid, 6), SEGC_OK);
  ASSERT_EQ(
      segc_table_add_column(table, "last_purchase", SEGC_TYPE_DATE, d.last_purchase, nullptr, 6),
      SEGC_OK);
  ASSERT_EQ(segc_table_add_column(table, "vip_flag", SEGC_TYPE_BOOL, d.vip, d.vip_valid, 6),
            SEGC_OK);
  ASSERT_EQ(segc_table_add_string_column(table, "country", d.country, d.country_valid, 6,
                                         d.dict_offsets, "FRDE", 2),
            SEGC_OK);
}

// "Rich=3 Recent=4 French=2 value=5 band.high=3 band.low=3 band.null=0"
std::string Counts(const segc_result* r) {
  std::string out;
  for (int64_t i = 0; i < segc_result_num_segments(r); ++i) {
    out += std::string(segc_result_segment_name(r, i)) + "=" +
           std::to_string(segc_result_segment_count(r, i)) + " ";
  }
  for (int64_t i = 0; i < segc_result_num_scores(r); ++i) {
    out += std::string(segc_result_score_name(r, i)) + "=" +
           std::to_string(segc_result_score_count(r, i)) + " ";
  }
  for (int64_t i = 0; i < segc_result_num_classes(r); ++i) {
    const std::string name = segc_result_class_name(r, i);
    for (int64_t k = 0; k < segc_result_class_num_labels(r, i); ++k) {
      out += name + "." + segc_result_class_label(r, i, k) + "=" +
             std::to_string(segc_result_class_label_count(r, i, k)) + " ";
    }
    out += name + ".null=" + std::to_string(segc_result_class_null_count(r, i));
  }
  return out;
}

TEST(CapiProgram, CompileFromTextsAndRunOnCallerBuffers) {
  ProgramHandle program;
  Diagnostics diagnostics;
  ASSERT_EQ(CompileTexts(kRules, &program, &diagnostics), SEGC_OK) << Message();
  EXPECT_EQ(segc_diagnostics_error_count(diagnostics.p), 0);
  ASSERT_EQ(segc_program_num_columns(program.p), 5);
  EXPECT_STREQ(segc_program_column_name(program.p, 1), "cltv");
  EXPECT_EQ(segc_program_column_type(program.p, 1), SEGC_TYPE_FLOAT);
  EXPECT_EQ(segc_program_column_type(program.p, 4), SEGC_TYPE_STRING);
  EXPECT_EQ(segc_program_num_outputs(program.p, SEGC_OUTPUT_SEGMENT), 3);
  EXPECT_STREQ(segc_program_output_name(program.p, SEGC_OUTPUT_CLASS, 0), "band");
  EXPECT_EQ(segc_program_output_name(program.p, 7, 0), nullptr);
  EXPECT_EQ(segc_last_error_code(), SEGC_ERR_INVALID_ARGUMENT);

  const Data data;
  TableHandle table;
  ASSERT_EQ(segc_table_new(&table.p), SEGC_OK);
  AddColumns(data, table.p);
  ResultHandle result;
  ASSERT_EQ(segc_program_run(program.p, table.p, nullptr, &result.p), SEGC_OK) << Message();
  EXPECT_EQ(Counts(result.p),
            "Rich=3 Recent=4 French=2 value=5 band.high=3 band.low=3 band.null=0");
  EXPECT_EQ(segc_result_segment_bitmap(result.p, 0)[0], 0b101010);  // rows 1, 3, 5
  EXPECT_EQ(segc_result_score_values(result.p, 0)[3], 160.0);
}

TEST(CapiProgram, RunInputsChangeTheDateWithoutRecompiling) {
  ProgramHandle program;
  Diagnostics diagnostics;
  ASSERT_EQ(CompileTexts(kRules, &program, &diagnostics), SEGC_OK) << Message();
  const Data data;
  TableHandle table;
  ASSERT_EQ(segc_table_new(&table.p), SEGC_OK);
  AddColumns(data, table.p);
  RunOptions options;
  ASSERT_EQ(segc_run_options_new(&options.p), SEGC_OK);
  ASSERT_EQ(segc_run_options_set_as_of_date(options.p, "2026-11-21"), SEGC_OK);
  ASSERT_EQ(segc_run_options_set_threads(options.p, 3), SEGC_OK);
  ResultHandle later;
  ASSERT_EQ(segc_program_run(program.p, table.p, options.p, &later.p), SEGC_OK) << Message();
  EXPECT_EQ(segc_result_segment_count(later.p, 1), 2);  // 25 and 21 days ago are now too old
  ASSERT_EQ(segc_run_options_set_as_of_days(options.p, 20758), SEGC_OK);
  ResultHandle same;
  ASSERT_EQ(segc_program_run(program.p, table.p, options.p, &same.p), SEGC_OK);
  EXPECT_EQ(segc_result_segment_count(same.p, 1), 4);
}

TEST(CapiProgram, NumberParamsChangePerRunWithoutRecompiling) {
  const char* rules = R"(as_of 2026-11-01
param floor = 50
segment Rich where cltv > floor
)";
  ProgramHandle program;
  Diagnostics diagnostics;
  ASSERT_EQ(CompileTexts(rules, &program, &diagnostics), SEGC_OK) << Message();
  const Data data;
  TableHandle table;
  ASSERT_EQ(segc_table_new(&table.p), SEGC_OK);
  AddColumns(data, table.p);
  ResultHandle declared;
  ASSERT_EQ(segc_program_run(program.p, table.p, nullptr, &declared.p), SEGC_OK) << Message();
  EXPECT_EQ(segc_result_segment_count(declared.p, 0), 3);  // 60, 80, 90
  RunOptions options;
  ASSERT_EQ(segc_run_options_new(&options.p), SEGC_OK);
  ASSERT_EQ(segc_run_options_set_param(options.p, "floor", "85"), SEGC_OK);
  ResultHandle higher;
  ASSERT_EQ(segc_program_run(program.p, table.p, options.p, &higher.p), SEGC_OK) << Message();
  EXPECT_EQ(segc_result_segment_count(higher.p, 0), 1);  // 90
  ASSERT_EQ(segc_run_options_set_param(options.p, "floor", "\"high\""), SEGC_OK);
  ResultHandle refused;
  EXPECT_EQ(segc_program_run(program.p, table.p, options.p, &refused.p), SEGC_ERR_BAD_PARAM);
  EXPECT_NE(Message().find("floor"), std::string::npos) << Message();
}

TEST(CapiProgram, RuleErrorsAreDiagnostics) {
  ProgramHandle program;
  Diagnostics diagnostics;
  EXPECT_EQ(CompileTexts("segment A where cltvv > 1\n", &program, &diagnostics), SEGC_ERR_COMPILE);
  EXPECT_EQ(program.p, nullptr);
  EXPECT_EQ(Message(), "1 error in the rules");
  ASSERT_EQ(segc_diagnostics_count(diagnostics.p), 1);
  EXPECT_EQ(segc_diagnostics_error_count(diagnostics.p), 1);
  EXPECT_STREQ(segc_diagnostic_code(diagnostics.p, 0), "E0101");
  EXPECT_EQ(segc_diagnostic_severity(diagnostics.p, 0), SEGC_SEVERITY_ERROR);
  EXPECT_STREQ(segc_diagnostic_file(diagnostics.p, 0), "mem/rules.seg");
  EXPECT_EQ(segc_diagnostic_line(diagnostics.p, 0), 1);
  EXPECT_EQ(segc_diagnostic_column(diagnostics.p, 0), 17);
  EXPECT_NE(std::string(segc_diagnostic_message(diagnostics.p, 0)).find("cltvv"),
            std::string::npos);
  EXPECT_NE(std::string(segc_diagnostic_help(diagnostics.p, 0)).find("cltv"), std::string::npos);
  const std::string rendered = segc_diagnostics_rendered(diagnostics.p);
  EXPECT_EQ(rendered.rfind("mem/rules.seg:1:17: error[E0101]", 0), 0u) << rendered;
  EXPECT_EQ(rendered, segc_diagnostic_rendered(diagnostics.p, 0));
  EXPECT_EQ(segc_diagnostic_code(diagnostics.p, 1), nullptr);
  EXPECT_EQ(segc_last_error_code(), SEGC_ERR_OUT_OF_RANGE);
}

TEST(CapiProgram, ModulesInMemoryAndTheInterpreter) {
  Source source;
  ASSERT_EQ(segc_source_new(&source.p), SEGC_OK);
  ASSERT_EQ(segc_source_add_text(source.p, "mem/schema.seg", kSchema), SEGC_OK);
  ASSERT_EQ(segc_source_add_text(source.p, "mem/rules.seg",
                                 "as_of 2026-11-01\nimport bands(x = cltv)\n"
                                 "segment Top where bands.Top\n"),
            SEGC_OK);
  ASSERT_EQ(segc_source_add_module(source.p, "bands", "input x: float\nsegment Top where x > 70\n"),
            SEGC_OK);
  EXPECT_EQ(segc_source_add_path(source.p, "rules"), SEGC_ERR_INVALID_ARGUMENT);
  CompileOptions options;
  ASSERT_EQ(segc_compile_options_new(&options.p), SEGC_OK);
  ASSERT_EQ(segc_compile_options_set_engine(options.p, SEGC_ENGINE_INTERPRETER), SEGC_OK);
  EXPECT_EQ(segc_compile_options_set_engine(options.p, 9), SEGC_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(segc_compile_options_set_opt_level(options.p, 4), SEGC_ERR_INVALID_ARGUMENT);
  ProgramHandle program;
  Diagnostics diagnostics;
  ASSERT_EQ(segc_program_compile(source.p, options.p, &program.p, &diagnostics.p), SEGC_OK)
      << Message() << segc_diagnostics_rendered(diagnostics.p);
  const Data data;
  TableHandle table;
  ASSERT_EQ(segc_table_new(&table.p), SEGC_OK);
  AddColumns(data, table.p);
  ResultHandle result;
  ASSERT_EQ(segc_program_run(program.p, table.p, nullptr, &result.p), SEGC_OK) << Message();
  EXPECT_STREQ(segc_result_segment_name(result.p, 0), "bands.Top");
  EXPECT_EQ(segc_result_segment_count(result.p, 0), 2);  // 80 and 90
}

TEST(CapiProgram, BadInputsAreStatusCodesWithMessages) {
  ProgramHandle program;
  Diagnostics diagnostics;
  ASSERT_EQ(CompileTexts(kRules, &program, &diagnostics), SEGC_OK) << Message();
  const Data data;
  ResultHandle result;

  // NULL pointers.
  segc_program* none = nullptr;
  EXPECT_EQ(segc_program_compile(nullptr, nullptr, &none, nullptr), SEGC_ERR_NULL_ARGUMENT);
  EXPECT_EQ(Message(), "argument 'source' is NULL");
  EXPECT_EQ(none, nullptr);
  EXPECT_EQ(segc_program_run(program.p, nullptr, nullptr, &result.p), SEGC_ERR_NULL_ARGUMENT);
  EXPECT_EQ(Message(), "argument 'table' is NULL");
  EXPECT_EQ(segc_program_run(nullptr, nullptr, nullptr, nullptr), SEGC_ERR_NULL_ARGUMENT);
  EXPECT_EQ(segc_program_num_columns(nullptr), -1);
  EXPECT_EQ(segc_diagnostic_code(nullptr, 0), nullptr);
  EXPECT_EQ(segc_run_options_set_as_of_date(nullptr, "2026-01-01"), SEGC_ERR_NULL_ARGUMENT);

  // A column of another type than the declared one.
  TableHandle wrong;
  ASSERT_EQ(segc_table_new(&wrong.p), SEGC_OK);
  AddColumns(data, wrong.p, SEGC_TYPE_INT);
  EXPECT_EQ(segc_program_run(program.p, wrong.p, nullptr, &result.p), SEGC_ERR_COLUMN_TYPE);
  EXPECT_NE(Message().find("cltv"), std::string::npos) << Message();
  EXPECT_EQ(result.p, nullptr);

  // A column the rules read is missing (schema mismatch).
  TableHandle partial;
  ASSERT_EQ(segc_table_new(&partial.p), SEGC_OK);
  ASSERT_EQ(segc_table_add_column(partial.p, "id", SEGC_TYPE_INT, data.id, nullptr, 6), SEGC_OK);
  EXPECT_EQ(segc_program_run(program.p, partial.p, nullptr, &result.p), SEGC_ERR_SCHEMA_MISMATCH);
  EXPECT_NE(Message().find("missing"), std::string::npos) << Message();

  // Bad dates and params.
  RunOptions options;
  ASSERT_EQ(segc_run_options_new(&options.p), SEGC_OK);
  EXPECT_EQ(segc_run_options_set_as_of_date(options.p, "2026-02-30"), SEGC_ERR_BAD_DATE);
  EXPECT_NE(Message().find("2026-02-30"), std::string::npos);
  EXPECT_EQ(segc_run_options_set_as_of_date(options.p, "next tuesday"), SEGC_ERR_BAD_DATE);
  ASSERT_EQ(segc_run_options_set_param(options.p, "no_such_param", "3"), SEGC_OK);
  TableHandle table;
  ASSERT_EQ(segc_table_new(&table.p), SEGC_OK);
  AddColumns(data, table.p);
  EXPECT_EQ(segc_program_run(program.p, table.p, options.p, &result.p), SEGC_ERR_BAD_PARAM);
  EXPECT_NE(Message().find("no_such_param"), std::string::npos) << Message();
  EXPECT_EQ(segc_run_options_set_param(options.p, "x", nullptr), SEGC_ERR_NULL_ARGUMENT);
}

TEST(CapiProgram, CsvTables) {
  ProgramHandle program;
  Diagnostics diagnostics;
  ASSERT_EQ(CompileTexts(kRules, &program, &diagnostics), SEGC_OK) << Message();
  const std::string path = ::testing::TempDir() + "capi_customers.csv";
  std::ofstream(path) << "id,cltv,last_purchase,vip_flag,country\n"
                         "1,60,2026-10-30,true,FR\n2,,2026-01-01,false,DE\n";
  TableHandle table;
  ASSERT_EQ(segc_table_from_csv(program.p, path.c_str(), &table.p), SEGC_OK) << Message();
  ResultHandle result;
  ASSERT_EQ(segc_program_run(program.p, table.p, nullptr, &result.p), SEGC_OK) << Message();
  EXPECT_EQ(Counts(result.p),
            "Rich=1 Recent=1 French=1 value=1 band.high=1 band.low=1 band.null=0");
  std::ofstream(path) << "id,cltv,last_purchase,vip_flag,country\n1,lots,2026-10-30,true,FR\n";
  TableHandle bad;
  EXPECT_EQ(segc_table_from_csv(program.p, path.c_str(), &bad.p), SEGC_ERR_DATA);
  EXPECT_NE(Message().find("lots"), std::string::npos) << Message();
  EXPECT_EQ(segc_table_from_csv(program.p, "/nonexistent/x.csv", &bad.p), SEGC_ERR_IO);
  std::ofstream(path) << "id,cltv,last_purchase,vip_flag,country\n"
                         "7,1,2026-10-30,true,FR\n8,2,2026-10-30,true,FR\n7,3,2026-10-30,true,FR\n";
  EXPECT_EQ(segc_table_from_csv(program.p, path.c_str(), &bad.p), SEGC_ERR_DATA);
  EXPECT_NE(Message().find("duplicate key '7' in column 'id' on lines 2 and 4"), std::string::npos)
      << Message();
  std::remove(path.c_str());
}

TEST(CapiProgram, OneProgramRunFromManyThreads) {
  ProgramHandle program;
  Diagnostics diagnostics;
  ASSERT_EQ(CompileTexts(kRules, &program, &diagnostics), SEGC_OK) << Message();
  const Data data;
  TableHandle table;
  ASSERT_EQ(segc_table_new(&table.p), SEGC_OK);
  AddColumns(data, table.p);
  std::vector<std::string> counts(8);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([&, t] {
      segc_result* result = nullptr;
      if (segc_program_run(program.p, table.p, nullptr, &result) == SEGC_OK) {
        counts[t] = Counts(result);
      }
      segc_result_free(result);
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& c : counts) {
    EXPECT_EQ(c, "Rich=3 Recent=4 French=2 value=5 band.high=3 band.low=3 band.null=0");
  }
}

}  // namespace

namespace {

const std::string kEmbedRules = std::string(SEGC_SOURCE_DIR) + "/examples/embed/rules";

segc_status CompilePaths(const std::vector<std::string>& paths, ProgramHandle* program,
                         Diagnostics* diagnostics, const segc_compile_options* options = nullptr) {
  Source source;
  EXPECT_EQ(segc_source_new(&source.p), SEGC_OK);
  for (const std::string& path : paths) {
    EXPECT_EQ(segc_source_add_path(source.p, path.c_str()), SEGC_OK);
  }
  return segc_program_compile(source.p, options, &program->p, &diagnostics->p);
}

TEST(CapiProgram, ProjectsOnDisk) {
  ProgramHandle program;
  Diagnostics diagnostics;
  ASSERT_EQ(CompilePaths({kEmbedRules}, &program, &diagnostics), SEGC_OK) << Message();
  EXPECT_EQ(segc_program_num_outputs(program.p, SEGC_OUTPUT_SEGMENT), 3);

  ProgramHandle missing;
  Diagnostics missing_diagnostics;
  EXPECT_EQ(CompilePaths({"/nonexistent/rules"}, &missing, &missing_diagnostics), SEGC_ERR_COMPILE);
  ASSERT_EQ(segc_diagnostics_count(missing_diagnostics.p), 1);
  EXPECT_STREQ(segc_diagnostic_code(missing_diagnostics.p, 0), "E0901")
      << segc_diagnostics_rendered(missing_diagnostics.p);

  ProgramHandle two;
  Diagnostics two_diagnostics;
  EXPECT_EQ(CompilePaths({kEmbedRules, std::string(SEGC_SOURCE_DIR) + "/examples/retail/rules"},
                         &two, &two_diagnostics),
            SEGC_ERR_INVALID_ARGUMENT);
  EXPECT_NE(Message().find("2 rule projects"), std::string::npos) << Message();
}

TEST(CapiProgram, DurationParamsAreCompileOptions) {
  CompileOptions options;
  ASSERT_EQ(segc_compile_options_new(&options.p), SEGC_OK);
  ASSERT_EQ(segc_compile_options_set_param(options.p, "recent", "30d"), SEGC_OK);
  ProgramHandle program;
  Diagnostics diagnostics;
  ASSERT_EQ(CompilePaths({kEmbedRules}, &program, &diagnostics, options.p), SEGC_OK) << Message();
  TableHandle table;
  const std::string csv = ::testing::TempDir() + "capi_params.csv";
  std::ofstream(csv) << "customer_id,cltv,last_purchase,orders,consent_email,country\n"
                        "1,90,2026-09-22,1,true,FR\n2,10,2026-09-20,1,true,FR\n";
  ASSERT_EQ(segc_table_from_csv(program.p, csv.c_str(), &table.p), SEGC_OK) << Message();
  RunOptions same;
  ASSERT_EQ(segc_run_options_new(&same.p), SEGC_OK);
  ASSERT_EQ(segc_run_options_set_param(same.p, "recent", "30d"), SEGC_OK);
  ResultHandle result;
  ASSERT_EQ(segc_program_run(program.p, table.p, same.p, &result.p), SEGC_OK) << Message();
  // VIP (cltv > p90 and last_purchase < recent): row 1 has the top cltv and bought 40 days
  // ago, a VIP with the rules' 90d but not with the compiled 30d.
  EXPECT_EQ(segc_result_segment_count(result.p, 0), 0);
  ProgramHandle default_program;
  Diagnostics default_diagnostics;
  ASSERT_EQ(CompilePaths({kEmbedRules}, &default_program, &default_diagnostics), SEGC_OK);
  ResultHandle default_result;
  ASSERT_EQ(segc_program_run(default_program.p, table.p, nullptr, &default_result.p), SEGC_OK);
  EXPECT_EQ(segc_result_segment_count(default_result.p, 0), 1);
  RunOptions other;
  ASSERT_EQ(segc_run_options_new(&other.p), SEGC_OK);
  ASSERT_EQ(segc_run_options_set_param(other.p, "recent", "60d"), SEGC_OK);
  ResultHandle refused;
  EXPECT_EQ(segc_program_run(program.p, table.p, other.p, &refused.p), SEGC_ERR_BAD_PARAM);
  EXPECT_NE(Message().find("recent"), std::string::npos) << Message();

  CompileOptions bad;
  ASSERT_EQ(segc_compile_options_new(&bad.p), SEGC_OK);
  ASSERT_EQ(segc_compile_options_set_param(bad.p, "recent", "\"soon\""), SEGC_OK);
  ProgramHandle refused_program;
  Diagnostics bad_diagnostics;
  EXPECT_EQ(CompilePaths({kEmbedRules}, &refused_program, &bad_diagnostics, bad.p),
            SEGC_ERR_BAD_PARAM)
      << Message();
  std::remove(csv.c_str());
}

}  // namespace
