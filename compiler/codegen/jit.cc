// Compile(): validation, object cache, IR build, optimization, emission and loading.
#include "compiler/codegen/jit.h"

#include <chrono>
#include <ostream>

#include "compiler/codegen/detail/jit_session.h"
#include "compiler/codegen/detail/kernel_module.h"
#include "compiler/codegen/detail/llvm_status.h"
#include "compiler/codegen/detail/object_cache.h"
#include "compiler/codegen/detail/optimizer.h"
#include "compiler/codegen/detail/validate.h"
#include "compiler/ir/printer.h"

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

// IR build → (verify) → optimize → emit: the object bytes of the whole program.
Result<std::string> GenerateObject(const ir::Program& program, const CodegenOptions& options,
                                   detail::JitSession& session, CompileStats& stats) {
  SEGC_TRY(auto machine, session.MakeTargetMachine(options.opt_level));
  llvm::LLVMContext context;
  auto start = Clock::now();
  SEGC_RETURN_IF_ERROR(InjectedFailure(options, FailurePoint::kBuild, "build module"));
  SEGC_TRY(auto module, detail::BuildModule(context, program, *machine));
  // Verification costs little next to optimization, so release builds run it too.
  SEGC_RETURN_IF_ERROR(detail::VerifyModule(*module));
  if (options.dump_ir && !options.dump_optimized) *options.dump_ir << detail::ModuleText(*module);
  stats.build_ms = MillisecondsSince(start);
  start = Clock::now();
  SEGC_RETURN_IF_ERROR(InjectedFailure(options, FailurePoint::kOptimize, "optimize"));
  SEGC_RETURN_IF_ERROR(detail::OptimizeModule(*module, *machine, options.opt_level));
  if (options.dump_ir && options.dump_optimized) *options.dump_ir << detail::ModuleText(*module);
  stats.optimize_ms = MillisecondsSince(start);
  start = Clock::now();
  SEGC_RETURN_IF_ERROR(InjectedFailure(options, FailurePoint::kEmit, "emit object"));
  SEGC_TRY(std::string object, detail::EmitObject(*module, *machine));
  stats.codegen_ms = MillisecondsSince(start);
  return object;
}

// The object from the cache if present (and dumping was not asked for), else generated and
// stored. A cache that cannot be written is a warning in the stats, not a failure.
Result<std::unique_ptr<llvm::MemoryBuffer>> ObtainObject(const ir::Program& program,
                                                         const CodegenOptions& options,
                                                         detail::JitSession& session,
                                                         CompileStats& stats) {
  std::string key;
  std::optional<detail::ObjectCache> cache;
  if (!options.cache_dir.empty()) {
    cache.emplace(options.cache_dir);
    key = detail::CacheKey(
        {ir::Print(program), session.cpu(), session.features(), options.opt_level});
    if (options.dump_ir == nullptr) {
      if (auto cached = cache->Load(key)) {
        stats.cache_hit = true;
        return cached;
      }
    }
  }
  SEGC_TRY(std::string object, GenerateObject(program, options, session, stats));
  if (cache) {
    Status stored = cache->Store(key, object);
    if (!stored.ok()) stats.cache_warning = stored.message();
  }
  return llvm::MemoryBuffer::getMemBufferCopy(object, "segc_program.o");
}

Result<std::unique_ptr<CompiledProgram::Impl>> LoadKernels(
    const ir::Program& program, const CodegenOptions& options, detail::JitSession& session,
    std::unique_ptr<llvm::MemoryBuffer> object, CompileStats stats) {
  auto start = Clock::now();
  auto impl = std::make_unique<CompiledProgram::Impl>();
  stats.object_bytes = object->getBufferSize();
  SEGC_RETURN_IF_ERROR(InjectedFailure(options, FailurePoint::kLink, "link"));
  SEGC_TRY(impl->code, session.Load(std::move(object), "segc_program"));
  for (size_t i = 0; i < program.stages.size(); ++i) {
    SEGC_TRY(void* address, impl->code->Lookup(detail::KernelName(i)));
    impl->kernels.push_back(reinterpret_cast<segc_kernel_fn>(address));
  }
  stats.link_ms = MillisecondsSince(start);
  impl->stats = std::move(stats);
  return impl;
}

}  // namespace

Result<std::unique_ptr<CompiledProgram>> Compile(const ir::Program& program,
                                                 const CodegenOptions& options) {
  SEGC_RETURN_IF_ERROR(detail::ValidateProgram(program));
  if (options.opt_level < 0 || options.opt_level > 3) {
    return Status::InvalidArgument("jit: optimization level '" + std::to_string(options.opt_level) +
                                   "' is not in 0..3");
  }
  SEGC_TRY(auto session, detail::JitSession::Get());
  CompileStats stats;
  SEGC_TRY(auto object, ObtainObject(program, options, *session, stats));
  SEGC_TRY(auto impl, LoadKernels(program, options, *session, std::move(object), stats));
  return std::make_unique<CompiledProgram>(std::move(impl));
}

Result<std::string> HostTargetDescription() {
  SEGC_TRY(auto session, detail::JitSession::Get());
  return session->cpu() + " " + session->features();
}

}  // namespace segc::codegen
