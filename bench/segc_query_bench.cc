// segc_query_bench: times segc's evaluation of rule files over a table already in memory and
// the plain read of the same column bytes (the bandwidth bound); one JSON line per workload and
// thread count. Driven by bench/query_bench.sh.
//
//   segc_query_bench --data FILE.csv --as-of YYYY-MM-DD [--threads 1,2] [--runs 5]
//                    [--load-threads N] [--opt-level L] RULES.seg...
//
// Each RULES.seg is one workload (named after the file: w1.seg is "w1"), loaded as `segc run
// RULES.seg` would: the file plus the schema.seg beside it, checked, then the CSV is read once
// with that project's table (the first workload's; every workload must use the same table),
// then each workload is lowered, planned and JIT-compiled at the optimization level `segc run`
// picks for the table's rows and the thread count (driver::ChooseOptLevel; --opt-level forces
// one). Then, for every thread count: the executor runs once untimed (warm-up) and `--runs`
// timed times, and the bandwidth bound is measured the same way.
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "compiler/api/pipeline.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/diag/render.h"
#include "compiler/diag/source.h"
#include "compiler/driver/pipeline.h"
#include "compiler/driver/runtime_schema.h"
#include "runtime/exec/thread_pool.h"
#include "segc/csv.h"
#include "segc/executor.h"
#include "segc/stats.h"

namespace {

using Clock = std::chrono::steady_clock;

double MsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// User + system CPU time of the process (all threads) in milliseconds: on a shared machine it
/// shows how much of a wall time was spent waiting for a core.
double CpuMs() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return (double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e6 + double(u.ru_utime.tv_usec) +
          double(u.ru_stime.tv_usec)) /
         1e3;
}

[[noreturn]] void Fail(const std::string& message) {
  std::fprintf(stderr, "segc_query_bench: %s\n", message.c_str());
  std::exit(1);
}

struct Options {
  std::string data;
  std::string as_of_text;
  std::vector<int> threads{1};
  int runs = 5;
  int load_threads = 0;  // 0: every core (the load is not timed)
  int opt_level = segc::driver::kAutoOptLevel;
  std::vector<std::string> rules;
};

/// Days since 1970-01-01 of a YYYY-MM-DD date (proleptic Gregorian), or nullopt.
std::optional<int32_t> ParseDate(const std::string& text) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return std::nullopt;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1] + (m == 2 && leap)) return std::nullopt;
  // days_from_civil (H. Hinnant's algorithm).
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return int32_t(era * 146097 + doe - 719468);
}

std::vector<int> ParseThreadList(const char* text) {
  std::vector<int> out;
  for (const char* p = text; *p != '\0';) {
    char* end = nullptr;
    long v = std::strtol(p, &end, 10);
    if (end == p || v < 1) Fail(std::string("bad --threads list '") + text + "'");
    out.push_back(int(v));
    p = *end == ',' ? end + 1 : end;
    if (*end != ',' && *end != '\0') Fail(std::string("bad --threads list '") + text + "'");
  }
  return out;
}

Options ParseArgs(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) Fail(std::string(argv[i]) + " needs a value");
      return argv[++i];
    };
    if (!std::strcmp(argv[i], "--data")) {
      o.data = value();
    } else if (!std::strcmp(argv[i], "--as-of")) {
      o.as_of_text = value();
    } else if (!std::strcmp(argv[i], "--threads")) {
      o.threads = ParseThreadList(value());
    } else if (!std::strcmp(argv[i], "--runs")) {
      o.runs = std::atoi(value());
    } else if (!std::strcmp(argv[i], "--load-threads")) {
      o.load_threads = std::atoi(value());
    } else if (!std::strcmp(argv[i], "--opt-level")) {
      o.opt_level = std::atoi(value());
    } else if (argv[i][0] == '-') {
      Fail(std::string("unknown option ") + argv[i]);
    } else {
      o.rules.push_back(argv[i]);
    }
  }
  if (o.data.empty() || o.as_of_text.empty() || o.rules.empty() || o.runs < 1) {
    std::fprintf(stderr,
                 "usage: segc_query_bench --data FILE.csv --as-of YYYY-MM-DD [--threads 1,2] "
                 "[--runs 5] [--load-threads N] [--opt-level L] RULES.seg...\n");
    std::exit(2);
  }
  return o;
}

/// One rule file, checked.
struct Workload {
  std::string name;
  std::unique_ptr<segc::diag::SourceManager> sources;
  std::vector<segc::api::CheckedRules> projects;
  const segc::sema::CheckedProject* project = nullptr;
  double check_ms = 0;  // read, parse, check
};

/// A workload compiled at one optimization level.
struct Compiled {
  std::shared_ptr<const segc::api::CompiledProgram> program;
  segc::rt::ExecProgram exec;  // program->exec
  segc::driver::JitReport jit;
  double plan_ms = 0;  // lower and plan
  double jit_ms = 0;   // BuildExecutable: LLVM build, optimize, codegen, link
};

Workload Check(const std::string& path) {
  Workload w;
  w.name = std::filesystem::path(path).stem().string();
  w.sources = std::make_unique<segc::diag::SourceManager>();
  segc::diag::DiagnosticSink sink;
  auto start = Clock::now();
  w.projects = segc::api::CheckPaths({path}, {}, *w.sources, sink);
  w.check_ms = MsSince(start);
  if (sink.has_errors()) {
    sink.Sort();
    std::fputs(segc::diag::RenderText(*w.sources, sink.diagnostics(), {}).c_str(), stderr);
    Fail("'" + path + "' has errors");
  }
  if (w.projects.size() != 1) Fail("'" + path + "' is not one project");
  w.project = w.projects[0].project.get();
  return w;
}

/// Lowers, plans and JIT-compiles `w` as `segc run` does for `rows` rows on `threads` threads
/// (or at `opt_level` when it is not kAutoOptLevel).
Compiled Compile(const Workload& w, int64_t rows, int threads, int opt_level) {
  Compiled c;
  auto start = Clock::now();
  auto planned = segc::api::Plan(*w.project, {});
  if (planned.error) Fail("planning " + w.name + ": " + planned.error->status.message());
  c.plan_ms = MsSince(start);

  segc::driver::EngineOptions options;
  options.opt_level = opt_level;
  options.rows = rows;
  options.threads = threads;
  options.report = &c.jit;
  start = Clock::now();
  auto compiled = segc::api::Build(planned.rules, options);
  if (compiled.error) Fail("jit " + w.name + ": " + compiled.error->status.message());
  c.jit_ms = MsSince(start);
  c.program = compiled.program;
  c.exec = c.program->exec;
  return c;
}

/// The table columns the program reads.
std::vector<const segc::rt::Column*> UsedColumns(const segc::rt::ExecProgram& exec,
                                                 const segc::rt::Table& table,
                                                 std::vector<std::string>* names) {
  std::vector<const segc::rt::Column*> out;
  for (const segc::rt::ExecInput& in : exec.inputs) {
    if (!in.used) continue;
    const segc::rt::Column* column = table.GetColumn(in.name);
    if (column == nullptr) Fail("the data has no column '" + in.name + "'");
    if (column->offset() != 0) Fail("column '" + in.name + "' has an offset");
    out.push_back(column);
    names->push_back(in.name);
  }
  return out;
}

/// One byte range the bandwidth pass reads per row range: `width` bytes per row (0: a bitmap).
struct Stream {
  const uint8_t* data;
  int width;
};

std::vector<Stream> Streams(const std::vector<const segc::rt::Column*>& columns) {
  std::vector<Stream> out;
  for (const segc::rt::Column* c : columns) {
    out.push_back({c->values()->data(), segc::rt::ValueWidth(c->type())});
    if (c->validity()) out.push_back({c->validity()->data(), 0});
  }
  return out;
}

int64_t StreamBytes(const std::vector<Stream>& streams, int64_t rows) {
  int64_t total = 0;
  for (const Stream& s : streams) total += s.width == 0 ? (rows + 7) / 8 : rows * s.width;
  return total;
}

/// Two 64-bit lanes (GCC/Clang vector extension): a portable SIMD sum that compiles to vector
/// loads and adds at any optimization level, so the bound is limited by memory, not by the loop.
typedef uint64_t U64x2 __attribute__((vector_size(16)));

/// Sums the bytes of [begin, end) as 64-bit words (and the tail bytes): reads each byte once.
uint64_t SumBytes(const uint8_t* p, const uint8_t* end) {
  U64x2 a{}, b{}, c{}, d{};
  for (; p + 64 <= end; p += 64) {
    U64x2 w[4];
    std::memcpy(w, p, 64);
    a += w[0], b += w[1], c += w[2], d += w[3];
  }
  U64x2 s = (a + b) + (c + d);
  uint64_t total = s[0] + s[1];
  for (; p < end; ++p) total += *p;
  return total;
}

/// The bandwidth bound: reads every used column's values and validity bytes once, in morsels of
/// 65536 rows (the executor's default) handed out dynamically to `threads` threads, each morsel
/// reading all the streams for its rows (as the fused kernel does). Returns the checksum.
uint64_t ReadAll(const std::vector<Stream>& streams, int64_t rows, int threads) {
  constexpr int64_t kMorsel = 65536;  // a multiple of 64: bitmap morsels are whole bytes
  const int64_t morsels = (rows + kMorsel - 1) / kMorsel;
  std::atomic<int64_t> next{0};
  std::vector<uint64_t> sums(size_t(threads), 0);
  auto work = [&](int t) {
    uint64_t sum = 0;
    for (int64_t m; (m = next.fetch_add(1, std::memory_order_relaxed)) < morsels;) {
      const int64_t begin = m * kMorsel, end = std::min(rows, begin + kMorsel);
      for (const Stream& s : streams) {
        const int64_t lo = s.width == 0 ? begin / 8 : begin * s.width;
        const int64_t hi = s.width == 0 ? (end + 7) / 8 : end * s.width;
        sum += SumBytes(s.data + lo, s.data + hi);
      }
    }
    sums[size_t(t)] = sum;
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (std::thread& th : pool) th.join();
  uint64_t total = 0;
  for (uint64_t s : sums) total ^= s;
  return total;
}

/// The population statistics of the program computed alone, the way the executor does before
/// the first stage (percentiles of one column together, their passes on `threads` threads; the
/// other statistics serially): how much of a run they cost.
double StatsMs(const segc::rt::ExecProgram& exec, const std::vector<segc::rt::Column>& inputs,
               int threads) {
  segc::rt::ThreadPool pool(threads);
  const segc::rt::ParallelFor on_pool = [&](int64_t tasks,
                                            const std::function<void(int64_t)>& task) {
    pool.ParallelFor(tasks, task);
  };
  auto start = Clock::now();
  std::map<int32_t, std::vector<double>> percentiles;  // by input
  for (const segc::rt::ExecStat& stat : exec.stats) {
    if (stat.source_slot >= 0) continue;  // over an earlier stage's output: not measurable here
    if (stat.kind == segc::rt::StatKind::kScalar) continue;  // from run inputs, not the data
    const segc::rt::Column& x = inputs[size_t(stat.input)];
    switch (stat.kind) {
      case segc::rt::StatKind::kPercentile:
        percentiles[stat.input].push_back(stat.q);
        break;
      case segc::rt::StatKind::kMean:
        (void)segc::rt::Mean(x);
        break;
      case segc::rt::StatKind::kStddev:
        (void)segc::rt::StddevSamp(x);
        break;
      case segc::rt::StatKind::kMinOf:
        (void)segc::rt::MinOf(x);
        break;
      case segc::rt::StatKind::kMaxOf:
        (void)segc::rt::MaxOf(x);
        break;
      case segc::rt::StatKind::kScalar:
        break;
    }
  }
  for (const auto& [input, qs] : percentiles) {
    (void)segc::rt::Percentiles(inputs[size_t(input)], qs, on_pool);
  }
  return MsSince(start);
}

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

/// What the peers must reproduce: each segment's count, each score's non-null count and sum
/// ("NAME (count)", "NAME (sum)"; the bench's scores have integer points, so the sums are
/// exact in every engine) and each class label's count ("NAME=LABEL").
std::string CountsJson(const segc::rt::RunResult& r) {
  std::string out = "{";
  auto add = [&out](const std::string& key, const std::string& value) {
    if (out.size() > 1) out += ",";
    out += JsonString(key) + ":" + value;
  };
  for (const segc::rt::SegmentResult& s : r.segments) add(s.name, std::to_string(s.count));
  for (const segc::rt::ScoreResult& s : r.scores) {
    char sum[40];
    std::snprintf(sum, sizeof sum, "%.17g", s.sum);
    add(s.name + " (count)", std::to_string(s.count));
    add(s.name + " (sum)", sum);
  }
  for (const segc::rt::ClassResult& c : r.classes) {
    for (size_t i = 0; i < c.labels.size(); ++i) {
      add(c.name + "=" + c.labels[i], std::to_string(c.label_counts[i]));
    }
  }
  return out + "}";
}

std::string NumberList(const std::vector<double>& values) {
  std::string out = "[";
  char buf[32];
  for (double v : values) {
    std::snprintf(buf, sizeof buf, "%s%.2f", out.size() > 1 ? "," : "", v);
    out += buf;
  }
  return out + "]";
}

std::string StringList(const std::vector<std::string>& values) {
  std::string out = "[";
  for (const std::string& v : values) out += (out.size() > 1 ? "," : "") + JsonString(v);
  return out + "]";
}

double Best(const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); }

}  // namespace

int main(int argc, char** argv) {
  Options options = ParseArgs(argc, argv);
  std::optional<int32_t> as_of = ParseDate(options.as_of_text);
  if (!as_of) Fail("bad --as-of date '" + options.as_of_text + "' (want YYYY-MM-DD)");

  std::vector<Workload> workloads;
  for (const std::string& path : options.rules) workloads.push_back(Check(path));

  // The data, read once with the first workload's table declaration (not timed).
  segc::rt::Schema schema = segc::driver::ToRuntimeSchema(workloads[0].project->schema);
  segc::rt::CsvOptions csv;
  csv.threads = options.load_threads;
  auto start = Clock::now();
  auto loaded = segc::rt::ReadCsv(options.data, schema, csv);
  const double load_ms = MsSince(start);
  if (!loaded.ok()) Fail("loading " + options.data + ": " + loaded.status().message());
  const segc::rt::Table table = std::move(loaded).value();
  const int64_t rows = table.num_rows();

  for (const Workload& w : workloads) {
    std::map<int, Compiled> by_level;  // compiled once per optimization level
    std::string reference_counts;
    for (int threads : options.threads) {
      // The workloads are far below kVectorizeMaxNodes, so the size term never decides here.
      const int level = options.opt_level != segc::driver::kAutoOptLevel
                            ? options.opt_level
                            : segc::driver::ChooseOptLevel(rows, threads, 0);
      if (!by_level.count(level)) {
        by_level.emplace(level, Compile(w, rows, threads, options.opt_level));
      }
      const Compiled& c = by_level.at(level);
      std::vector<std::string> column_names;
      std::vector<const segc::rt::Column*> columns = UsedColumns(c.exec, table, &column_names);
      std::vector<Stream> streams = Streams(columns);
      const int64_t bandwidth_bytes = StreamBytes(streams, rows);
      std::vector<segc::rt::Column> inputs;  // by ExecProgram::inputs index, for StatsMs
      for (const segc::rt::ExecInput& in : c.exec.inputs) {
        inputs.push_back(in.used ? *table.GetColumn(in.name) : segc::rt::Column());
      }
      segc::api::RunInputs run_options;
      run_options.as_of = *as_of;
      run_options.threads = threads;
      std::vector<double> times, cpu, bandwidth, stats;
      std::string counts;
      uint64_t checksum = ReadAll(streams, rows, threads);  // warm-up
      for (int run = 0; run <= options.runs; ++run) {       // run 0: warm-up, untimed
        const double cpu_start = CpuMs();
        start = Clock::now();
        auto result = segc::api::Run(*c.program, table, run_options);
        const double ms = MsSince(start);
        const double cpu_ms = CpuMs() - cpu_start;
        if (!result.ok()) Fail("executing " + w.name + ": " + result.status().message());
        std::string these = CountsJson(*result);
        if (!counts.empty() && these != counts) Fail(w.name + ": counts differ between runs");
        counts = these;
        if (run == 0) continue;
        times.push_back(ms);
        cpu.push_back(cpu_ms);
        start = Clock::now();
        checksum += ReadAll(streams, rows, threads);
        bandwidth.push_back(MsSince(start));
        stats.push_back(StatsMs(c.exec, inputs, threads));
      }
      if (!reference_counts.empty() && counts != reference_counts) {
        Fail(w.name + ": counts differ between thread counts");
      }
      reference_counts = counts;
      const segc::codegen::CompileStats& jit = c.jit.stats;
      std::printf(
          "{\"workload\":%s,\"engine\":\"segc\",\"threads\":%d,\"best_ms\":%.2f,\"runs\":%d,"
          "\"cpu_ms\":%.2f,\"rows\":%lld,\"counts\":%s,\"times_ms\":%s,\"bandwidth_ms\":%.2f,"
          "\"bandwidth_bytes\":%lld,\"bandwidth_columns\":%s,\"stats_ms\":%.2f,"
          "\"opt_level\":%d,\"compile_ms\":%.2f,\"check_ms\":%.2f,\"plan_ms\":%.2f,"
          "\"jit_ms\":%.2f,\"optimize_ms\":%.2f,\"codegen_ms\":%.2f,\"load_ms\":%.0f,"
          "\"as_of\":%s,\"checksum\":%llu}\n",
          JsonString(w.name).c_str(), threads, Best(times), options.runs,
          cpu[size_t(std::min_element(times.begin(), times.end()) - times.begin())],
          (long long)rows, counts.c_str(), NumberList(times).c_str(), Best(bandwidth),
          (long long)bandwidth_bytes, StringList(column_names).c_str(), Best(stats),
          c.jit.opt_level, w.check_ms + c.plan_ms + c.jit_ms, w.check_ms, c.plan_ms, c.jit_ms,
          jit.optimize_ms, jit.codegen_ms, load_ms, JsonString(options.as_of_text).c_str(),
          (unsigned long long)(checksum & 0xffff));
      std::fflush(stdout);
    }
  }
  return 0;
}
