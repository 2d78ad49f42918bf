// Pass pipelines (new PassManager) and object emission (legacy codegen PassManager).
#include "compiler/codegen/detail/optimizer.h"

namespace segc::codegen::detail {
namespace {

// Level 1: scalar clean-up only. Loop vectorization is what makes level 2 expensive (it
// multiplies the code that instruction selection then has to handle); without it the kernels
// run about 2.5x slower but compile about 10x faster (docs/codegen.md "Optimization levels").
llvm::ModulePassManager LeanPipeline() {
  llvm::FunctionPassManager function;
  function.addPass(llvm::SROAPass(llvm::SROAOptions::ModifyCFG));
  function.addPass(llvm::EarlyCSEPass());
  function.addPass(llvm::InstCombinePass());
  function.addPass(llvm::SimplifyCFGPass());
  llvm::ModulePassManager module;
  module.addPass(llvm::AlwaysInlinerPass());
  module.addPass(llvm::createModuleToFunctionPassAdaptor(std::move(function)));
  return module;
}

llvm::ModulePassManager Pipeline(llvm::PassBuilder& builder, int opt_level) {
  switch (opt_level) {
    case 0:
      return builder.buildO0DefaultPipeline(llvm::OptimizationLevel::O0);
    case 1:
      return LeanPipeline();
    case 2:
      return builder.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O2);
    default:
      return builder.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O3);
  }
}

}  // namespace

Status VerifyModule(const llvm::Module& module) {
  std::string message;
  llvm::raw_string_ostream out(message);
  if (!llvm::verifyModule(module, &out)) return Status::Ok();
  return Status::Internal("jit: generated module is invalid: " + out.str());
}

Status OptimizeModule(llvm::Module& module, llvm::TargetMachine& machine, int opt_level) {
  llvm::PipelineTuningOptions tuning;
  tuning.LoopVectorization = opt_level >= 2;
  tuning.SLPVectorization = opt_level >= 2;
  tuning.LoopUnrolling = opt_level >= 2;
  llvm::PassBuilder builder(&machine, tuning);
  llvm::LoopAnalysisManager loops;
  llvm::FunctionAnalysisManager functions;
  llvm::CGSCCAnalysisManager sccs;
  llvm::ModuleAnalysisManager modules;
  builder.registerModuleAnalyses(modules);
  builder.registerCGSCCAnalyses(sccs);
  builder.registerFunctionAnalyses(functions);
  builder.registerLoopAnalyses(loops);
  builder.crossRegisterProxies(loops, functions, sccs, modules);
  llvm::ModulePassManager pipeline = Pipeline(builder, opt_level);
  pipeline.run(module, modules);
  return Status::Ok();
}

Result<std::string> EmitObject(llvm::Module& module, llvm::TargetMachine& machine) {
  llvm::SmallVector<char, 0> buffer;
  llvm::raw_svector_ostream out(buffer);
  llvm::legacy::PassManager passes;
  if (machine.addPassesToEmitFile(passes, out, nullptr, llvm::CodeGenFileType::ObjectFile)) {
    return Status::Internal("jit: the host target cannot emit object files");
  }
  passes.run(module);
  return std::string(buffer.data(), buffer.size());
}

std::string ModuleText(const llvm::Module& module) {
  std::string text;
  llvm::raw_string_ostream out(text);
  module.print(out, nullptr);
  return out.str();
}

}  // namespace segc::codegen::detail
