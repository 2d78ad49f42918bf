// The shared LLJIT session: host detection, explicit runtime symbols, per-program JITDylibs.
#include "compiler/codegen/detail/jit_session.h"

#include <atomic>
#include <mutex>

#include "compiler/codegen/detail/llvm_status.h"
#include "compiler/codegen/runtime_helpers.h"

namespace segc::codegen::detail {
namespace {

void InitializeNativeTargetOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    llvm::InitializeNativeTargetAsmParser();
  });
}

llvm::orc::SymbolMap RuntimeSymbolMap(llvm::orc::LLJIT& jit) {
  llvm::orc::SymbolMap map;
  auto flags = llvm::JITSymbolFlags::Exported | llvm::JITSymbolFlags::Callable;
  for (const RuntimeSymbol& symbol : RuntimeSymbols()) {
    map[jit.mangleAndIntern(symbol.name)] = {llvm::orc::ExecutorAddr::fromPtr(symbol.address),
                                             flags};
  }
  return map;
}

}  // namespace

Result<std::shared_ptr<JitSession>> JitSession::Get() {
  static std::mutex mutex;
  static std::shared_ptr<JitSession> session;
  std::lock_guard<std::mutex> lock(mutex);
  if (session) return session;
  SEGC_TRY(session, Create());
  return session;
}

Result<std::shared_ptr<JitSession>> JitSession::Create() {
  InitializeNativeTargetOnce();
  SEGC_TRY(auto jtmb, ToResult(llvm::orc::JITTargetMachineBuilder::detectHost(), "detect host"));
  jtmb.setCodeGenOptLevel(llvm::CodeGenOptLevel::Aggressive);
  auto built = llvm::orc::LLJITBuilder()
                   .setJITTargetMachineBuilder(jtmb)
                   .setLinkProcessSymbolsByDefault(false)
                   .setPlatformSetUp(llvm::orc::setUpInactivePlatform)
                   .create();
  SEGC_TRY(auto jit, ToResult(std::move(built), "create lljit"));
  auto session = std::make_shared<JitSession>(std::move(jit), std::move(jtmb));
  session->cpu_ = session->jtmb_.getCPU();
  session->features_ = session->jtmb_.getFeatures().getString();
  SEGC_RETURN_IF_ERROR(session->DefineRuntimeHelpers());
  return session;
}

Status JitSession::DefineRuntimeHelpers() {
  auto created = jit_->createJITDylib("segc_rt");
  if (!created) return ToStatus(created.takeError(), "create runtime dylib");
  runtime_dylib_ = &*created;
  llvm::orc::JITDylib* dylib = runtime_dylib_;
  return ToStatus(dylib->define(llvm::orc::absoluteSymbols(RuntimeSymbolMap(*jit_))),
                  "define runtime helpers");
}

Result<std::unique_ptr<llvm::TargetMachine>> JitSession::MakeTargetMachine(int opt_level) const {
  llvm::orc::JITTargetMachineBuilder jtmb = jtmb_;
  // Level 1 emits with the fast instruction selector and register allocator: on scalar code
  // they cost a tenth of the full code generator and the kernels are barely slower.
  static constexpr llvm::CodeGenOptLevel kLevels[] = {
      llvm::CodeGenOptLevel::None, llvm::CodeGenOptLevel::None, llvm::CodeGenOptLevel::Default,
      llvm::CodeGenOptLevel::Aggressive};
  jtmb.setCodeGenOptLevel(kLevels[opt_level < 0 ? 0 : (opt_level > 3 ? 3 : opt_level)]);
  return ToResult(jtmb.createTargetMachine(), "create target machine");
}

Result<std::unique_ptr<LoadedObject>> JitSession::Load(
    std::vector<std::unique_ptr<llvm::MemoryBuffer>> objects, const std::string& label) {
  static std::atomic<uint64_t> counter{0};
  std::string name = label + "." + std::to_string(counter.fetch_add(1));
  auto created = jit_->getExecutionSession().createJITDylib(name);
  if (!created) return ToStatus(created.takeError(), "create program dylib");
  llvm::orc::JITDylib& dylib = *created;
  dylib.addToLinkOrder(*runtime_dylib_);
  llvm::orc::ResourceTrackerSP tracker = dylib.createResourceTracker();
  auto loaded = std::make_unique<LoadedObject>(shared_from_this(), &dylib, tracker);
  for (std::unique_ptr<llvm::MemoryBuffer>& object : objects) {
    SEGC_RETURN_IF_ERROR(ToStatus(jit_->addObjectFile(tracker, std::move(object)), "add object"));
  }
  return loaded;
}

LoadedObject::~LoadedObject() {
  // Errors while freeing code cannot be reported to anyone; they are consumed deliberately.
  llvm::consumeError(tracker_->remove());
  llvm::consumeError(session_->jit_->getExecutionSession().removeJITDylib(*dylib_));
}

Result<void*> LoadedObject::Lookup(const std::string& name) const {
  SEGC_TRY(auto address, ToResult(session_->jit_->lookup(*dylib_, name), "look up '" + name + "'"));
  return address.toPtr<void*>();
}

}  // namespace segc::codegen::detail
