// Compile(): validation, object cache, IR build, optimization, emission and loading.
#include "compiler/codegen/jit.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <ostream>
#include <thread>
#include <vector>

#include "compiler/codegen/detail/jit_session.h"
#include "compiler/codegen/detail/kernel_module.h"
#include "compiler/codegen/detail/llvm_status.h"
#include "compiler/codegen/detail/object_cache.h"
#include "compiler/codegen/detail/optimizer.h"
#include "compiler/codegen/detail/validate.h"
#include "compiler/plan/physical.h"

namespace segc::codegen {

struct CompiledProgram::Impl {
  std::unique_ptr<detail::LoadedObject> code;
  std::vector<segc_kernel_fn> kernels;
  CompileStats stats;
};

CompiledProgram::CompiledProgram(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CompiledProgram::~CompiledProgram() = default;
size_t CompiledProgram::num_stages() const { return impl_->kernels.size(); }
segc_kernel_fn CompiledProgram::kernel(size_t stage) const { return impl_->kernels.at(stage); }
const std::vector<segc_kernel_fn>& CompiledProgram::kernels() const { return impl_->kernels; }
const CompileStats& CompiledProgram::stats() const { return impl_->stats; }

namespace {

using Clock = std::chrono::steady_clock;

double MillisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

Status InjectedFailure(const CodegenOptions& options, FailurePoint point, const char* what) {
  if (options.fail_at != point) return Status::Ok();
  return detail::ToStatus(
      llvm::make_error<llvm::StringError>("injected failure", llvm::inconvertibleErrorCode()),
      what);
}

// What compiling one unit produced; times in milliseconds.
struct UnitResult {
  Status status = Status::Ok();
  std::string object;
  std::string ir_text;  // for dump_ir
  double build_ms = 0, optimize_ms = 0, codegen_ms = 0;
};

// IR build → (verify) → optimize → emit of one unit, in its own LLVMContext.
UnitResult CompileUnit(const plan::PhysicalPlan& program, const detail::ModuleLayout& layout,
                       const std::vector<size_t>& parts, bool with_kernels,
                       const CodegenOptions& options, llvm::TargetMachine& machine) {
  UnitResult result;
  auto fail = [&](Status status) {
    result.status = std::move(status);
    return std::move(result);
  };
  llvm::LLVMContext context;
  auto start = Clock::now();
  if (Status s = InjectedFailure(options, FailurePoint::kBuild, "build module"); !s.ok()) {
    return fail(s);
  }
  auto module = detail::BuildUnit(context, program, layout, parts, with_kernels, machine);
  if (!module.ok()) return fail(module.status());
  // Verification costs little next to optimization, so release builds run it too.
  if (Status s = detail::VerifyModule(**module); !s.ok()) return fail(s);
  if (options.dump_ir && !options.dump_optimized) result.ir_text = detail::ModuleText(**module);
  result.build_ms = MillisecondsSince(start);
  start = Clock::now();
  if (Status s = InjectedFailure(options, FailurePoint::kOptimize, "optimize"); !s.ok()) {
    return fail(s);
  }
  if (Status s = detail::OptimizeModule(**module, machine, options.opt_level); !s.ok()) {
    return fail(s);
  }
  if (options.dump_ir && options.dump_optimized) result.ir_text = detail::ModuleText(**module);
  result.optimize_ms = MillisecondsSince(start);
  start = Clock::now();
  if (Status s = InjectedFailure(options, FailurePoint::kEmit, "emit object"); !s.ok()) {
    return fail(s);
  }
  auto object = detail::EmitObject(**module, machine);
  if (!object.ok()) return fail(object.status());
  result.object = std::move(object).value();
  result.codegen_ms = MillisecondsSince(start);
  return result;
}

size_t CompileThreads(const CodegenOptions& options) {
  if (options.threads > 0) return size_t(options.threads);
  return std::max<size_t>(1, std::thread::hardware_concurrency());
}

// The objects of the whole program: its parts spread over units compiled on parallel threads
// (each with its own context and target machine); the stats sum the units' times.
Result<std::vector<std::string>> GenerateObjects(const plan::PhysicalPlan& program,
                                                 const CodegenOptions& options,
                                                 detail::JitSession& session, CompileStats& stats) {
  detail::ModuleLayout layout = detail::LayoutProgram(program);
  std::vector<std::vector<size_t>> units = detail::AssignParts(layout, CompileThreads(options));
  std::vector<std::unique_ptr<llvm::TargetMachine>> machines;
  for (size_t u = 0; u < units.size(); ++u) {
    SEGC_TRY(auto machine, session.MakeTargetMachine(options.opt_level));
    machines.push_back(std::move(machine));
  }
  std::vector<UnitResult> results(units.size());
  auto compile = [&](size_t u) {
    results[u] = CompileUnit(program, layout, units[u], u == 0, options, *machines[u]);
  };
  std::vector<std::thread> threads;
  for (size_t u = 1; u < units.size(); ++u) threads.emplace_back(compile, u);
  compile(0);
  for (std::thread& thread : threads) thread.join();
  std::vector<std::string> objects;
  for (UnitResult& result : results) {
    SEGC_RETURN_IF_ERROR(result.status);
    if (options.dump_ir) *options.dump_ir << result.ir_text;
    stats.build_ms += result.build_ms;
    stats.optimize_ms += result.optimize_ms;
    stats.codegen_ms += result.codegen_ms;
    objects.push_back(std::move(result.object));
  }
  stats.units = units.size();
  return objects;
}

Result<std::unique_ptr<CompiledProgram::Impl>> LoadKernels(const plan::PhysicalPlan& program,
                                                           const CodegenOptions& options,
                                                           detail::JitSession& session,
                                                           std::vector<std::string> objects,
                                                           CompileStats stats) {
  auto start = Clock::now();
  auto impl = std::make_unique<CompiledProgram::Impl>();
  std::vector<std::unique_ptr<llvm::MemoryBuffer>> buffers;
  for (size_t u = 0; u < objects.size(); ++u) {
    stats.object_bytes += objects[u].size();
    std::string name = "segc_program." + std::to_string(u) + ".o";
    buffers.push_back(llvm::MemoryBuffer::getMemBufferCopy(objects[u], name));
  }
  SEGC_RETURN_IF_ERROR(InjectedFailure(options, FailurePoint::kLink, "link"));
  SEGC_TRY(impl->code, session.Load(std::move(buffers), "segc_program"));
  for (size_t i = 0; i < program.stages.size(); ++i) {
    SEGC_TRY(void* address, impl->code->Lookup(detail::KernelName(i)));
    impl->kernels.push_back(reinterpret_cast<segc_kernel_fn>(address));
  }
  stats.link_ms = MillisecondsSince(start);
  impl->stats = std::move(stats);
  return impl;
}

// The cache of options.cache_dir, or none (a directory that cannot be made or is not safe is a
// warning in the stats, not a failure).
std::optional<detail::ObjectCache> OpenCache(const CodegenOptions& options, CompileStats& stats) {
  if (options.cache_dir.empty()) return std::nullopt;
  Result<detail::ObjectCache> cache = detail::ObjectCache::Open(options.cache_dir);
  if (cache.ok()) return std::move(cache).value();
  stats.cache_warning = cache.status().code() == StatusCode::kInvalidArgument
                            ? "not used: " + cache.status().message()
                            : "not updated: " + cache.status().message();
  return std::nullopt;
}

// A cache hit whose objects link; a bad entry (e.g. written for another LLVM build) is evicted
// and the caller compiles afresh, so a cache can never make runs fail.
Result<std::unique_ptr<CompiledProgram::Impl>> LoadCached(
    const plan::PhysicalPlan& program, const CodegenOptions& options, detail::JitSession& session,
    const detail::ObjectCache& cache, const detail::CacheKeyParts& key, CompileStats& stats) {
  std::optional<std::vector<std::string>> cached = cache.Load(key);
  if (!cached) return Status::IoError("miss");
  CompileStats hit;
  hit.cache_hit = true;
  hit.units = cached->size();
  auto impl = LoadKernels(program, options, session, std::move(*cached), hit);
  if (!impl.ok()) {
    cache.Evict(key);
    stats.cache_warning =
        "repaired: an entry did not load (" + impl.status().message() + ") and was replaced";
  }
  return impl;
}

}  // namespace

Result<std::unique_ptr<CompiledProgram>> Compile(const plan::PhysicalPlan& program,
                                                 const CodegenOptions& options) {
  SEGC_RETURN_IF_ERROR(detail::ValidateProgram(program));
  if (options.opt_level < 0 || options.opt_level > 3) {
    return Status::InvalidArgument("jit: optimization level '" + std::to_string(options.opt_level) +
                                   "' is not in 0..3");
  }
  SEGC_TRY(auto session, detail::JitSession::Get());
  CompileStats stats;
  std::optional<detail::ObjectCache> cache = OpenCache(options, stats);
  detail::CacheKeyParts key;
  if (cache) {
    key = {plan::Print(program), session->cpu(), session->features(), options.opt_level};
    if (options.dump_ir == nullptr) {  // a cached object has no IR to dump
      auto impl = LoadCached(program, options, *session, *cache, key, stats);
      if (impl.ok()) return std::make_unique<CompiledProgram>(std::move(impl).value());
    }
  }
  SEGC_TRY(auto objects, GenerateObjects(program, options, *session, stats));
  if (cache) {
    Status stored = cache->Store(key, objects);
    if (!stored.ok()) stats.cache_warning = "not updated: " + stored.message();
  }
  SEGC_TRY(auto impl, LoadKernels(program, options, *session, std::move(objects), stats));
  return std::make_unique<CompiledProgram>(std::move(impl));
}

Result<std::string> HostTargetDescription() {
  SEGC_TRY(auto session, detail::JitSession::Get());
  return session->cpu() + " " + session->features();
}

}  // namespace segc::codegen
