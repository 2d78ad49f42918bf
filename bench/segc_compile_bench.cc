// JIT compile time of generated projects of N typical segments over bench/customers.seg.
//   segc_compile_bench --segments N [--runs R] [--cache-dir DIR] [--opt-level L] [--print-rules]
// Prints one JSON line: the best of R runs of each phase (check = parse + check, plan = lower +
// plan, then the JIT phases of codegen::CompileStats, summed over the compilation units that
// run in parallel), `jit_ms` = the best wall time of the whole JIT compilation.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/api/pipeline.h"
#include "compiler/codegen/jit.h"
#include "compiler/diag/diagnostic.h"

namespace {

using Clock = std::chrono::steady_clock;

double MillisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Segment i: one of eight typical shapes, with thresholds that vary by i so that no two
// segments are the same expression.
std::string SegmentRule(int i) {
  int k = i / 8;
  switch (i % 8) {
    case 0:
      return "segment S" + std::to_string(i) + " where cltv > p" + std::to_string(50 + k % 49) +
             " and last_purchase < " + std::to_string(30 + k) + "d";
    case 1:
      return "segment S" + std::to_string(i) + " where country in (\"DE\", \"FR\", \"IT\") and " +
             "orders >= " + std::to_string(2 + k);
    case 2:
      return "segment S" + std::to_string(i) + " where employees is null and age between " +
             std::to_string(18 + k % 40) + " and " + std::to_string(40 + k % 40);
    case 3:
      return "segment S" + std::to_string(i) + " where consent_email and not unsubscribed and " +
             "email_opens_30d > " + std::to_string(k);
    case 4:
      return "segment S" + std::to_string(i) + " where channel in (\"web\", \"app\") and " +
             "total_spent / orders > " + std::to_string(20 + k);
    case 5:
      return "segment S" + std::to_string(i) + " where lifecycle_stage == \"churned\" and " +
             "first_purchase < " + std::to_string(1 + k % 9) + "y";
    case 6:
      return "segment S" + std::to_string(i) + " where S" + std::to_string(i - 6) +
             " and visits_30d >= " + std::to_string(1 + k % 20);
    default:
      return "segment S" + std::to_string(i) + " where (sector == \"retail\" or employees > " +
             std::to_string(10 * (k + 1)) + ") and cltv < " + std::to_string(500 + 13 * k);
  }
}

std::string Rules(int segments) {
  std::string text = "as_of 2026-11-01\n";
  for (int i = 0; i < segments; ++i) text += SegmentRule(i) + "\n";
  return text;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "segc_compile_bench: cannot read '%s'\n", path.c_str());
    std::exit(2);
  }
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Phases {
  double check_ms = std::numeric_limits<double>::infinity();
  double plan_ms = check_ms, build_ms = check_ms, optimize_ms = check_ms, codegen_ms = check_ms,
         link_ms = check_ms, jit_ms = check_ms;
  bool cache_hit = false;
  size_t stages = 0;
  size_t object_bytes = 0;
  size_t units = 0;
};

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "segc_compile_bench: %s\n", what.c_str());
  std::exit(1);
}

// One run: parse + check, lower + plan, compile; keeps the minimum of each phase in `best`.
void RunOnce(const std::string& schema, const std::string& rules,
             const segc::driver::EngineOptions& options, Phases& best) {
  using namespace segc;
  auto start = Clock::now();
  diag::SourceManager sources;
  diag::DiagnosticSink sink;
  api::ProjectSource source{"bench", {{"customers.seg", schema}, {"rules.seg", rules}}, nullptr};
  api::CheckedRules checked = api::Check(source, sources, sink);
  if (sink.has_errors()) Die("the generated rules do not check: " + sink.diagnostics()[0].message);
  best.check_ms = std::min(best.check_ms, MillisecondsSince(start));

  start = Clock::now();
  api::PlanResult planned = api::Plan(*checked.project, {});
  if (planned.error) Die("plan: " + planned.error->status.message());
  best.plan_ms = std::min(best.plan_ms, MillisecondsSince(start));

  start = Clock::now();
  driver::JitReport report;
  driver::EngineOptions engine = options;
  engine.report = &report;
  api::CompileResult compiled = api::Build(planned.rules, engine);
  if (compiled.error) Die(compiled.error->status.message());
  best.jit_ms = std::min(best.jit_ms, MillisecondsSince(start));
  const codegen::CompileStats& stats = report.stats;
  best.build_ms = std::min(best.build_ms, stats.build_ms);
  best.optimize_ms = std::min(best.optimize_ms, stats.optimize_ms);
  best.codegen_ms = std::min(best.codegen_ms, stats.codegen_ms);
  best.link_ms = std::min(best.link_ms, stats.link_ms);
  best.cache_hit = stats.cache_hit;
  best.stages = compiled.program->exec.stages.size();
  best.object_bytes = stats.object_bytes;
  best.units = stats.units;
}

double Finite(double ms) { return ms == std::numeric_limits<double>::infinity() ? 0 : ms; }

}  // namespace

int main(int argc, char** argv) {
  int segments = 100;
  int runs = 3;
  bool print_rules = false;
  std::string schema_path = SEGC_BENCH_DIR "/customers.seg";
  segc::driver::EngineOptions options;
  options.opt_level = 2;
  options.threads = 0;  // compile on every core, as codegen::CodegenOptions does by default
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) Die("missing value after " + arg);
      return argv[++i];
    };
    if (arg == "--segments") {
      segments = std::atoi(value().c_str());
    } else if (arg == "--runs") {
      runs = std::max(1, std::atoi(value().c_str()));
    } else if (arg == "--cache-dir") {
      options.cache_dir = value();
    } else if (arg == "--opt-level") {
      options.opt_level = std::atoi(value().c_str());
    } else if (arg == "--schema") {
      schema_path = value();
    } else if (arg == "--print-rules") {
      print_rules = true;
    } else {
      Die("unknown argument '" + arg + "'");
    }
  }
  if (segments < 1) Die("--segments must be at least 1");
  std::string rules = Rules(segments);
  if (print_rules) {
    std::fputs(rules.c_str(), stdout);
    return 0;
  }
  std::string schema = ReadFile(schema_path);
  Phases best;
  for (int run = 0; run < runs; ++run) RunOnce(schema, rules, options, best);
  std::printf(
      "{\"segments\":%d,\"runs\":%d,\"stages\":%zu,\"check_ms\":%.2f,\"plan_ms\":%.2f,"
      "\"build_ms\":%.2f,\"optimize_ms\":%.2f,\"codegen_ms\":%.2f,\"link_ms\":%.2f,"
      "\"jit_ms\":%.2f,\"units\":%zu,\"object_bytes\":%zu,\"cache_hit\":%s}\n",
      segments, runs, best.stages, Finite(best.check_ms), Finite(best.plan_ms),
      Finite(best.build_ms), Finite(best.optimize_ms), Finite(best.codegen_ms),
      Finite(best.link_ms), Finite(best.jit_ms), best.units, best.object_bytes,
      best.cache_hit ? "true" : "false");
  return 0;
}
