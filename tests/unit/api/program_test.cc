// The C++ embedding API (segc/segc.hpp): compile once, run many times, from many threads, at
// many dates, with the results `segc run` gives.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "segc/csv.h"
#include "segc/segc.hpp"

namespace segc {
namespace {

const std::string kRetail = std::string(SEGC_SOURCE_DIR) + "/examples/retail";

Program CompileRetail(Engine engine = Engine::kJit) {
  CompileOptions options;
  options.engine = engine;
  std::vector<Diagnostic> diagnostics;
  Result<Program> program =
      Program::Compile(ProjectSource::FromPaths({kRetail + "/rules"}), options, &diagnostics);
  EXPECT_TRUE(program.ok()) << program.status().message();
  return std::move(program).value();
}

rt::Table RetailTable(const Program& program) {
  Result<rt::Table> table = rt::ReadCsv(kRetail + "/data/customers.csv", program.schema());
  EXPECT_TRUE(table.ok()) << table.status().message();
  return std::move(table).value();
}

/// "NAME=COUNT;..." of every segment, class label and score count.
std::string Counts(const rt::RunResult& result) {
  std::string out = "rows=" + std::to_string(result.rows) + ";";
  for (const auto& s : result.segments) out += s.name + "=" + std::to_string(s.count) + ";";
  for (const auto& s : result.scores) {
    out += s.name + "=" + std::to_string(s.count) + "/" + std::to_string(s.sum) + ";";
  }
  for (const auto& c : result.classes) {
    for (size_t i = 0; i < c.labels.size(); ++i) {
      out += c.name + "." + c.labels[i] + "=" + std::to_string(c.label_counts[i]) + ";";
    }
  }
  return out;
}

/// The raw `segc run --format json` summary of the retail example at `as_of`.
std::string CliJson(const std::string& as_of) {
  std::string command = std::string(SEGC_BINARY) + " run " + kRetail + "/rules --data " + kRetail +
                        "/data/customers.csv --format json --as-of " + as_of + " 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  EXPECT_NE(pipe, nullptr);
  std::string json;
  char buffer[4096];
  while (size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) json.append(buffer, n);
  EXPECT_EQ(pclose(pipe), 0) << command;
  return json;
}

/// The same counts read from `segc run --format json` at `as_of`, without blanks.
std::string CliCounts(const std::string& as_of) {
  std::string json;
  for (char c : CliJson(as_of)) {
    if (c != ' ' && c != '\n') json += c;  // names have no spaces
  }
  return json;
}

/// Expects every segment count of `result` appears as `"NAME": {"count": N` in `json`.
void ExpectSegmentCountsIn(const rt::RunResult& result, const std::string& json) {
  for (const auto& s : result.segments) {
    std::string needle = "\"" + s.name + "\":{\"count\":" + std::to_string(s.count) + "}";
    EXPECT_NE(json.find(needle), std::string::npos)
        << s.name << " = " << s.count << " not in the CLI's summary";
  }
}

TEST(Program, TwoDatesWithoutRecompilingEqualTwoCliRuns) {
  Program program = CompileRetail();
  rt::Table table = RetailTable(program);
  for (const char* date : {"2026-11-01", "2025-06-30"}) {
    RunInputs inputs;
    inputs.as_of = *ParseDate(date);
    Result<rt::RunResult> result = program.Run(table, inputs);
    ASSERT_TRUE(result.ok()) << result.status().message();
    ExpectSegmentCountsIn(*result, CliCounts(date));
  }
  RunInputs a, b;
  a.as_of = *ParseDate("2026-11-01");
  b.as_of = *ParseDate("2025-06-30");
  EXPECT_NE(Counts(*program.Run(table, a)), Counts(*program.Run(table, b)))
      << "as_of changed nothing";
}

// Acceptance 4 of issue 12: one program, 8 threads, different tables and dates at once.
TEST(Program, OneProgramRunsConcurrentlyOnDifferentTablesAndDates) {
  Program program = CompileRetail();
  rt::Table full = RetailTable(program);
  constexpr int kThreads = 8;
  std::vector<rt::Table> tables;
  std::vector<int32_t> dates;
  for (int i = 0; i < kThreads; ++i) {
    int64_t begin = i * 97, length = full.num_rows() - begin - i * 53;
    tables.push_back(full.Slice(begin, length));
    dates.push_back(*ParseDate("2026-11-01") - 45 * i);
  }
  std::vector<std::string> expected(kThreads), got(kThreads);
  for (int i = 0; i < kThreads; ++i) {  // separate programs, one at a time
    RunInputs inputs;
    inputs.as_of = dates[i];
    expected[i] = Counts(*CompileRetail(Engine::kInterpreter).Run(tables[i], inputs));
  }
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      RunInputs inputs;
      inputs.as_of = dates[i];
      inputs.threads = 2;
      Result<rt::RunResult> result = program.Run(tables[i], inputs);
      got[i] = result.ok() ? Counts(*result) : "error: " + result.status().message();
    });
  }
  for (std::thread& t : threads) t.join();
  for (int i = 0; i < kThreads; ++i) EXPECT_EQ(got[i], expected[i]) << "thread " << i;
}

TEST(Program, InMemoryTextsAndModulesNeedNoFiles) {
  ProjectSource source = ProjectSource::FromTexts(
      {{"rules/schema.seg", "table t key id {\n  id: int\n  x: float\n}\n"},
       {"rules/r.seg", "import tiers(value = x)\nsegment Big where x > 10\n"}});
  source.AddModule("tiers", "input value: float\nsegment Top where value > 100\n");
  std::vector<Diagnostic> diagnostics;
  Result<Program> program = Program::Compile(source, {}, &diagnostics);
  ASSERT_TRUE(program.ok()) << program.status().message();
  EXPECT_EQ(program->outputs().segments, (std::vector<std::string>{"Big", "tiers.Top"}));
  auto table = rt::Table::Make(
      {"id", "x"}, {rt::Column::FromInt64({1, 2, 3}), rt::Column::FromFloat64({5.0, 50.0, 500.0})});
  Result<rt::RunResult> result = program->Run(*table);
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(Counts(*result), "rows=3;Big=2;tiers.Top=1;");
}

TEST(Program, RuleErrorsAreDiagnosticValuesWithPlaces) {
  ProjectSource source = ProjectSource::FromTexts(
      {{"rules/schema.seg", "table t key id {\n  id: int\n  x: float\n}\n"},
       {"rules/r.seg", "segment Big where y > 10\n"}});
  std::vector<Diagnostic> diagnostics;
  Result<Program> program = Program::Compile(source, {}, &diagnostics);
  ASSERT_FALSE(program.ok());
  EXPECT_EQ(program.status().code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].code, "E0101");
  EXPECT_EQ(diagnostics[0].file, "rules/r.seg");
  EXPECT_EQ(diagnostics[0].line, 1);
  EXPECT_EQ(diagnostics[0].column, 19);
  EXPECT_NE(diagnostics[0].rendered.find("^"), std::string::npos) << diagnostics[0].rendered;
}

TEST(Program, NumberParamsAreRunInputsAndConstantOnesAreRefused) {
  ProjectSource source = ProjectSource::FromTexts(
      {{"rules/schema.seg", "table t key id {\n  id: int\n  x: float\n  d: date\n}\n"},
       {"rules/r.seg",
        "param limit = 10\nparam tiles = 2\nparam w = 30d\n"
        "segment Big where x > limit\nsegment Top where ntile(tiles, x) == tiles\n"
        "segment Recent where d < w\n"}});
  Result<Program> program = Program::Compile(source);
  ASSERT_TRUE(program.ok()) << program.status().message();
  auto table = rt::Table::Make(
      {"id", "x", "d"},
      {rt::Column::FromInt64({1, 2, 3, 4}), rt::Column::FromFloat64({5.0, 50.0, 500.0, 5000.0}),
       rt::Column::FromDate32({20750, 20700, 20000, std::nullopt})});
  RunInputs inputs;
  inputs.as_of = *ParseDate("2026-11-01");
  EXPECT_EQ(Counts(*program->Run(*table, inputs)), "rows=4;Big=3;Top=2;Recent=1;");
  inputs.params = {{"limit", "100"}};  // the same compiled program, another value
  EXPECT_EQ(Counts(*program->Run(*table, inputs)), "rows=4;Big=2;Top=2;Recent=1;");
  inputs.params = {{"limit", "1e3"}};
  EXPECT_EQ(program->Run(*table, inputs).status().code(), StatusCode::kInvalidArgument);
  inputs.params = {{"limit", "true"}};
  EXPECT_NE(program->Run(*table, inputs)
                .status()
                .message()
                .find("is not an int like the declared default"),
            std::string::npos);
  inputs.params = {{"tiles", "4"}};  // ntile's tile count is part of the code
  EXPECT_NE(program->Run(*table, inputs).status().message().find("needs a constant"),
            std::string::npos);
  inputs.params = {{"tiles", "2"}};  // repeating it is fine
  EXPECT_TRUE(program->Run(*table, inputs).ok());
  inputs.params = {{"w", "60d"}};  // durations are compiled in
  EXPECT_NE(program->Run(*table, inputs).status().message().find("compiled into the program"),
            std::string::npos);
  inputs.params = {{"nope", "1"}};
  EXPECT_NE(program->Run(*table, inputs).status().message().find("unknown param 'nope'"),
            std::string::npos);
}

TEST(Program, MissingColumnIsADataError) {
  ProjectSource source = ProjectSource::FromTexts(
      {{"rules/schema.seg", "table t key id {\n  id: int\n  x: float\n}\n"},
       {"rules/r.seg", "segment Big where x > 10\n"}});
  Result<Program> program = Program::Compile(source);
  ASSERT_TRUE(program.ok()) << program.status().message();
  auto table = rt::Table::Make({"id"}, {rt::Column::FromInt64({1})});
  Result<rt::RunResult> result = program->Run(*table);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kDataError);
}

TEST(Program, MeasuresAndOverlapsEqualTheCliSummary) {
  Program program = CompileRetail();
  rt::Table table = RetailTable(program);
  RunInputs inputs;
  inputs.as_of = *ParseDate("2026-11-01");
  inputs.threads = 3;
  Result<rt::RunResult> result = program.Run(table, inputs);
  ASSERT_TRUE(result.ok()) << result.status().message();
  std::vector<std::string> names;
  for (const rt::MeasureResult& m : result->measures) names.push_back(m.name);
  EXPECT_EQ(names, program.outputs().measures);
  ASSERT_EQ(names, (std::vector<std::string>{"revenue", "margin", "basket", "email_reach"}));
  const rt::MeasureSummary& summary = result->measure_summary;
  ASSERT_EQ(summary.segments.size(), result->segments.size());
  nlohmann::json cli = nlohmann::json::parse(CliJson("2026-11-01"));
  for (size_t m = 0; m < names.size(); ++m) {
    EXPECT_EQ(nlohmann::json(*summary.total.values[m]),
              cli["measure_groups"]["all"]["measures"][names[m]]["value"])
        << names[m];
    for (size_t s = 0; s < result->segments.size(); ++s) {
      const auto& value = summary.segments[s].values[m];
      const auto& want =
          cli["measure_groups"]["segments"][result->segments[s].name]["measures"][names[m]];
      EXPECT_EQ(value ? nlohmann::json(*value) : nlohmann::json(nullptr), want["value"])
          << result->segments[s].name << " " << names[m];
      EXPECT_EQ(summary.segments[s].counts[m], want["non_null"].get<int64_t>());
    }
  }
  rt::Overlaps overlaps = rt::ComputeOverlaps(*result, 2);
  ASSERT_EQ(overlaps.names.size(), result->segments.size());
  for (size_t i = 0; i < overlaps.names.size(); ++i) {
    EXPECT_EQ(overlaps.counts[i * overlaps.names.size() + i], result->segments[i].count);
  }
}

}  // namespace
}  // namespace segc
