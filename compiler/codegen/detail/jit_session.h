// The process-wide ORC LLJIT session and the per-program handle that keeps loaded code alive.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compiler/codegen/llvm_includes.h"
#include "segc/result.h"

namespace segc::codegen::detail {

class LoadedObject;

/// One LLJIT for the process (KaleidoscopeJIT::Create() shape): host target, no process symbol
/// search, runtime helpers defined explicitly in a "segc_rt" JITDylib that every program links
/// against. Each program gets its own JITDylib and ResourceTracker (see LoadedObject).
class JitSession : public std::enable_shared_from_this<JitSession> {
 public:
  /// The shared session, created on first use; fails with kInternal if LLVM cannot target the host.
  static Result<std::shared_ptr<JitSession>> Get();

  /// A fresh host TargetMachine with codegen optimization `opt_level` (0..3).
  Result<std::unique_ptr<llvm::TargetMachine>> MakeTargetMachine(int opt_level) const;

  /// Host CPU name and feature string, part of the object cache key.
  const std::string& cpu() const { return cpu_; }
  const std::string& features() const { return features_; }

  /// Links `objects` (one program's compilation units) into a new JITDylib named after
  /// `label`; the result owns it.
  Result<std::unique_ptr<LoadedObject>> Load(
      std::vector<std::unique_ptr<llvm::MemoryBuffer>> objects, const std::string& label);

  explicit JitSession(std::unique_ptr<llvm::orc::LLJIT> jit,
                      llvm::orc::JITTargetMachineBuilder jtmb)
      : jit_(std::move(jit)), jtmb_(std::move(jtmb)) {}

 private:
  friend class LoadedObject;
  static Result<std::shared_ptr<JitSession>> Create();
  Status DefineRuntimeHelpers();

  std::unique_ptr<llvm::orc::LLJIT> jit_;
  llvm::orc::JITTargetMachineBuilder jtmb_;
  llvm::orc::JITDylib* runtime_dylib_ = nullptr;
  std::string cpu_;
  std::string features_;
};

/// The code of one compiled program: a JITDylib plus its ResourceTracker. Destroying it frees
/// the machine code; function pointers obtained from Lookup must not be used afterwards.
class LoadedObject {
 public:
  LoadedObject(std::shared_ptr<JitSession> session, llvm::orc::JITDylib* dylib,
               llvm::orc::ResourceTrackerSP tracker)
      : session_(std::move(session)), dylib_(dylib), tracker_(std::move(tracker)) {}
  ~LoadedObject();
  LoadedObject(const LoadedObject&) = delete;
  LoadedObject& operator=(const LoadedObject&) = delete;

  /// The address of the defined function `name`; kInternal if it is missing or fails to link.
  Result<void*> Lookup(const std::string& name) const;

 private:
  std::shared_ptr<JitSession> session_;
  llvm::orc::JITDylib* dylib_;
  llvm::orc::ResourceTrackerSP tracker_;
};

}  // namespace segc::codegen::detail
