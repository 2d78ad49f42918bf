// The segc side of the events benchmark (bench/events_bench.sh): a customer table and its event
// log loaded once from CSV (not timed), then each workload — a rule file checked together with
// the schema — compiled with the JIT and run RUNS times (after one warm-up) per thread count.
// The timed run is the whole `api::Run`: linking events to customers, grouping, every aggregate,
// statistics and the customer stages.
//
//   segc_events_bench --customers FILE --events NAME=FILE --as-of YYYY-MM-DD
//                     [--threads 1,2] [--runs 5] SCHEMA.seg RULES.seg...
//
// Prints one JSON line per workload and thread count ({workload, engine, threads, best_ms,
// runs, cpu_ms, rows, events, counts, times_ms, compile_ms, load_ms, as_of}) and a last line
// {"memory": ...}: the event table's raw column bytes (values and validity bitmaps) beside the
// growth of the resident set while it loaded, and the process's peak resident set.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "bench/bench_util.h"
#include "compiler/api/pipeline.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/diag/render.h"
#include "compiler/diag/source.h"
#include "compiler/driver/runtime_schema.h"
#include "compiler/ir/calendar.h"
#include "segc/csv.h"

namespace {

using segc::bench::Clock;
using segc::bench::CpuMs;
using segc::bench::MsSince;

[[noreturn]] void Fail(const std::string& message) {
  std::fprintf(stderr, "segc_events_bench: %s\n", message.c_str());
  std::exit(1);
}

/// A field of /proc/self/status in bytes (VmRSS, VmHWM).
int64_t ProcStatusBytes(const char* field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  const size_t n = std::strlen(field);
  while (std::getline(status, line)) {
    if (line.compare(0, n, field) == 0 && line.size() > n && line[n] == ':') {
      return std::atoll(line.c_str() + n + 1) * 1024;
    }
  }
  return 0;
}

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) Fail("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Options {
  std::string customers, events_name, events, as_of_text, schema;
  std::vector<int> threads{1};
  int runs = 5;
  std::vector<std::string> rules;
};

Options ParseArgs(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) Fail(std::string(argv[i]) + " needs a value");
      return argv[++i];
    };
    std::string arg = argv[i];
    if (arg == "--customers") {
      o.customers = value();
    } else if (arg == "--events") {
      std::string v = value();
      size_t eq = v.find('=');
      if (eq == std::string::npos) Fail("--events wants NAME=FILE");
      o.events_name = v.substr(0, eq);
      o.events = v.substr(eq + 1);
    } else if (arg == "--as-of") {
      o.as_of_text = value();
    } else if (arg == "--runs") {
      o.runs = std::atoi(value().c_str());
    } else if (arg == "--threads") {
      o.threads.clear();
      std::stringstream list(value());
      for (std::string t; std::getline(list, t, ',');) o.threads.push_back(std::atoi(t.c_str()));
    } else if (o.schema.empty()) {
      o.schema = arg;
    } else {
      o.rules.push_back(arg);
    }
  }
  if (o.customers.empty() || o.events.empty() || o.as_of_text.empty() || o.rules.empty() ||
      o.runs < 1) {
    Fail(
        "usage: segc_events_bench --customers FILE --events NAME=FILE --as-of YYYY-MM-DD "
        "[--threads 1,2] [--runs 5] SCHEMA.seg RULES.seg...");
  }
  return o;
}

/// A workload: the schema and one rule file, checked and planned.
struct Workload {
  std::string name;
  segc::diag::SourceManager sources;
  segc::api::CheckedRules checked;
  segc::api::PlanResult planned;
  double check_ms = 0;
};

void Prepare(Workload& w, const std::string& schema_path, const std::string& rules_path) {
  std::string base = rules_path.substr(rules_path.find_last_of('/') + 1);
  w.name = base.substr(0, base.find('.'));
  segc::api::ProjectSource source{
      "bench", {{schema_path, ReadText(schema_path)}, {rules_path, ReadText(rules_path)}}, nullptr};
  segc::diag::DiagnosticSink sink;
  auto start = Clock::now();
  w.checked = segc::api::Check(source, w.sources, sink);
  if (sink.has_errors()) {
    sink.Sort();
    std::fputs(segc::diag::RenderText(w.sources, sink.diagnostics(), {}).c_str(), stderr);
    Fail(rules_path + " has errors");
  }
  w.planned = segc::api::Plan(*w.checked.project, {});
  if (w.planned.error) Fail("planning " + w.name + ": " + w.planned.error->status.message());
  w.check_ms = MsSince(start);
}

int64_t RawBytes(const segc::rt::Table& table) {
  int64_t bytes = 0;
  for (int c = 0; c < table.num_columns(); ++c) {
    const segc::rt::Column& column = table.column(c);
    bytes += column.length() * segc::rt::ValueWidth(column.type());
    if (column.validity()) bytes += (column.length() + 7) / 8;
  }
  return bytes;
}

std::string CountsJson(const segc::rt::RunResult& r) {
  std::string out = "{";
  for (const segc::rt::SegmentResult& s : r.segments) {
    out += (out.size() > 1 ? ",\"" : "\"") + s.name + "\":" + std::to_string(s.count);
  }
  return out + "}";
}

std::string TimesJson(const std::vector<double>& times) {
  std::string out = "[";
  char buf[32];
  for (double t : times) {
    std::snprintf(buf, sizeof buf, "%s%.2f", out.size() > 1 ? "," : "", t);
    out += buf;
  }
  return out + "]";
}

segc::rt::Table Load(const std::string& path, const segc::rt::Schema& schema, bool key_check,
                     double* ms) {
  segc::rt::CsvOptions csv;
  csv.threads = 0;  // every core: the load is not part of the figures
  csv.check_key = key_check;
  auto start = Clock::now();
  auto table = segc::rt::ReadCsv(path, schema, csv);
  *ms = MsSince(start);
  if (!table.ok()) Fail("loading " + path + ": " + table.status().message());
  return std::move(table).value();
}

}  // namespace

int main(int argc, char** argv) {
  Options options = ParseArgs(argc, argv);
  std::optional<int32_t> as_of = segc::ir::ParseIsoDate(options.as_of_text);
  if (!as_of) Fail("bad --as-of date '" + options.as_of_text + "'");
  std::vector<Workload> workloads(options.rules.size());
  for (size_t i = 0; i < workloads.size(); ++i) {
    Prepare(workloads[i], options.schema, options.rules[i]);
  }
  const segc::api::PlannedRules& first = *workloads[0].planned.rules;
  if (first.event_schemas.size() != 1 || first.event_schemas[0].table_name != options.events_name) {
    Fail("the schema must declare exactly the event table '" + options.events_name + "'");
  }
  double customers_ms = 0, events_ms = 0;
  const segc::rt::Table customers =
      Load(options.customers, segc::driver::ToRuntimeSchema(workloads[0].checked.project->schema),
           true, &customers_ms);
  const int64_t rss_before = ProcStatusBytes("VmRSS");
  std::vector<segc::rt::Table> events;
  events.push_back(Load(options.events, first.event_schemas[0], false, &events_ms));
  const int64_t rss_events = ProcStatusBytes("VmRSS") - rss_before;

  for (Workload& w : workloads) {
    std::string reference;
    for (int threads : options.threads) {
      segc::driver::EngineOptions engine;
      engine.rows = customers.num_rows();
      engine.threads = threads;
      auto start = Clock::now();
      segc::api::CompileResult compiled = segc::api::Build(w.planned.rules, engine);
      const double compile_ms = w.check_ms + MsSince(start);
      if (compiled.error) Fail("jit " + w.name + ": " + compiled.error->status.message());
      segc::api::RunInputs inputs;
      inputs.as_of = *as_of;
      inputs.threads = threads;
      std::vector<double> times, cpu;
      std::string counts;
      for (int run = 0; run <= options.runs; ++run) {  // run 0: warm-up
        const double cpu_start = CpuMs();
        start = Clock::now();
        auto result = segc::api::Run(*compiled.program, customers, events, inputs);
        const double ms = MsSince(start);
        if (!result.ok()) Fail("running " + w.name + ": " + result.status().message());
        counts = CountsJson(*result);
        if (run == 0) continue;
        times.push_back(ms);
        cpu.push_back(CpuMs() - cpu_start);
      }
      if (!reference.empty() && counts != reference) Fail(w.name + ": counts differ by threads");
      reference = counts;
      const size_t best = size_t(std::min_element(times.begin(), times.end()) - times.begin());
      std::printf(
          "{\"workload\":\"%s\",\"engine\":\"segc\",\"threads\":%d,\"best_ms\":%.2f,\"runs\":%d,"
          "\"cpu_ms\":%.2f,\"rows\":%lld,\"events\":%lld,\"counts\":%s,\"times_ms\":%s,"
          "\"compile_ms\":%.2f,\"load_ms\":%.0f,\"as_of\":\"%s\"}\n",
          w.name.c_str(), threads, times[best], options.runs, cpu[best],
          (long long)customers.num_rows(), (long long)events[0].num_rows(), counts.c_str(),
          TimesJson(times).c_str(), compile_ms, customers_ms + events_ms,
          options.as_of_text.c_str());
      std::fflush(stdout);
    }
  }
  std::printf(
      "{\"memory\":{\"event_rows\":%lld,\"event_raw_bytes\":%lld,\"event_rss_growth_bytes\":%lld,"
      "\"peak_rss_bytes\":%lld}}\n",
      (long long)events[0].num_rows(), (long long)RawBytes(events[0]), (long long)rss_events,
      (long long)ProcStatusBytes("VmHWM"));
  return 0;
}
