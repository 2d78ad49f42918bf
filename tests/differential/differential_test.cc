// The differential suite: N random projects (default 10,000; SEGC_DIFF_PROGRAMS), each checked,
// planned and run through the JIT and the interpreter, compared bit for bit. See docs/testing.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "tests/differential/case.h"

namespace segc::difftest {
namespace {

uint64_t EnvNumber(const char* name, uint64_t fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::strtoull(value, nullptr, 10) : fallback;
}

std::string ReproDir() {
  const char* dir = std::getenv("SEGC_DIFF_REPRO_DIR");
  return dir != nullptr && *dir != '\0' ? dir : ".";
}

/// Tallies of one suite run.
struct Tally {
  uint64_t programs = 0, with_events = 0, check_errors = 0, failures = 0, compiles = 0;
  double compile_ms = 0, optimize_ms = 0, codegen_ms = 0;
  void Add(const Tally& o) {
    programs += o.programs, with_events += o.with_events;
    check_errors += o.check_errors, failures += o.failures;
    compiles += o.compiles, compile_ms += o.compile_ms;
    optimize_ms += o.optimize_ms, codegen_ms += o.codegen_ms;
  }
};

std::mutex print_mutex;

/// Runs one seed; reports a failure (with a reproducer) and returns false on a mismatch.
bool RunSeed(uint64_t seed, Tally& tally, bool verbose) {
  Case c = MakeCase(seed);
  if (const char* level = std::getenv("SEGC_DIFF_OPT_LEVEL")) c.config.opt_level = std::atoi(level);
  if (verbose) std::printf("%s\n", Describe(c).c_str());
  CaseOutcome out = RunCase(c.schema_text, c.program, c.table, c.events, c.config);
  ++tally.programs;
  if (!c.events.empty()) ++tally.with_events;
  if (out.compile_ms > 0) {
    ++tally.compiles;
    tally.compile_ms += out.compile_ms;
    tally.optimize_ms += out.optimize_ms;
    tally.codegen_ms += out.codegen_ms;
  }
  if (!out.check_error.empty()) {
    ++tally.check_errors;
    if (verbose || tally.check_errors <= EnvNumber("SEGC_DIFF_SHOW_REJECTED", 3)) {
      std::lock_guard<std::mutex> lock(print_mutex);
      std::printf("[generator bug] seed %llu does not check:\n%s%s\n", (unsigned long long)seed,
                  out.check_error.c_str(), c.program.text.c_str());
    }
    return true;
  }
  std::string what = !out.failure.empty() ? "failure: " + out.failure : out.mismatch;
  if (what.empty()) return true;
  ++tally.failures;
  std::string repro = WriteReproducer(c, what, ReproDir());
  ADD_FAILURE() << what << "\nreproducer: " << repro << "\n" << Describe(c);
  return false;
}

TEST(Differential, JitMatchesInterpreterOnRandomPrograms) {
  const uint64_t single = EnvNumber("SEGC_DIFF_SEED", 0);
  const uint64_t programs = single ? 1 : EnvNumber("SEGC_DIFF_PROGRAMS", 10000);
  const uint64_t base = single ? single : EnvNumber("SEGC_DIFF_BASE_SEED", 1);
  const uint64_t max_failures = EnvNumber("SEGC_DIFF_MAX_FAILURES", 5);
  // Seeds are dealt round-robin to `jobs` workers (each JIT compile has its own LLVM context);
  // the set of seeds, and so the result, does not depend on the number of workers.
  const uint64_t jobs = single ? 1 : std::max<uint64_t>(1, EnvNumber("SEGC_DIFF_JOBS", 2));
  std::vector<Tally> tallies(jobs);
  std::atomic<uint64_t> failures{0};
  auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> workers;
  for (uint64_t w = 0; w < jobs; ++w) {
    workers.emplace_back([&, w] {
      for (uint64_t i = w; i < programs && failures < max_failures; i += jobs) {
        if (!RunSeed(base + i, tallies[w], single != 0)) ++failures;
      }
    });
  }
  for (std::thread& t : workers) t.join();
  Tally tally;
  for (const Tally& t : tallies) tally.Add(t);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double compiles = double(tally.compiles ? tally.compiles : 1);
  std::printf(
      "[differential] %llu programs (%llu with events; seeds %llu..), %.1f s, %.1f programs/s, "
      "%llu workers; mean "
      "JIT compile %.2f ms (optimize %.2f, codegen %.2f); %llu rejected by the checker, %llu "
      "failures\n",
      (unsigned long long)tally.programs, (unsigned long long)tally.with_events,
      (unsigned long long)base, seconds, tally.programs / (seconds > 0 ? seconds : 1),
      (unsigned long long)jobs, tally.compile_ms / compiles, tally.optimize_ms / compiles,
      tally.codegen_ms / compiles, (unsigned long long)tally.check_errors,
      (unsigned long long)tally.failures);
  // A generated program the checker rejects is a generator bug; tolerate at most 1%.
  EXPECT_LE(tally.check_errors * 100, tally.programs) << "generator produces ill-typed programs";
  EXPECT_EQ(tally.failures, 0u);
}

}  // namespace
}  // namespace segc::difftest

/// `--long`: the differential_long CTest; it runs only when SEGC_DIFF_PROGRAMS says how many
/// programs (exit 77 = skipped otherwise), so a plain `ctest` never starts an hours-long run.
int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--long" && std::getenv("SEGC_DIFF_PROGRAMS") == nullptr) {
      std::printf("differential_long: set SEGC_DIFF_PROGRAMS=N (e.g. 200000) to run it\n");
      return 77;
    }
  }
  return RUN_ALL_TESTS();
}
