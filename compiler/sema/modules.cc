// Library modules: lookup through the pipeline's resolver then the stdlib, parsing, import cycles
// and binding names (E0106, E0107, E0108, E0110).
#include <algorithm>
#include <optional>
#include <string>

#include "compiler/diag/suggest.h"
#include "compiler/sema/detail/context.h"
#include "compiler/syntax/parse.h"
#include "stdlib/stdlib.h"

namespace segc::sema::detail {
namespace {

using diag::Code;
using diag::Make;

using ModuleSource = ModuleText;

class ModuleLoader {
 public:
  explicit ModuleLoader(Context& ctx) : ctx_(ctx) {}

  void Run() {
    Visit(0);
    for (const auto& unit : ctx_.project.units) {
      for (Import& import : unit->imports) CheckBindingNames(import);
    }
  }

 private:
  /// Depth-first over imports; `stack_` holds the modules being loaded (for cycle messages).
  void Visit(uint32_t unit_index) {
    for (size_t i = 0; i < ctx_.project.units[unit_index]->imports.size(); ++i) {
      Import& import = ctx_.project.units[unit_index]->imports[i];
      import.unit = Resolve(import);
    }
  }

  uint32_t Resolve(const Import& import) {
    for (size_t i = 0; i < stack_.size(); ++i) {
      if (stack_[i] != import.module) continue;
      std::string cycle;
      for (size_t j = i; j < stack_.size(); ++j) cycle += Quote(stack_[j]) + " → ";
      diag::Diagnostic d = Make(Code::kModuleCycle, import.ast->module.range,
                                "module import cycle: " + cycle + Quote(import.module));
      d.help = "move the shared declarations into a third module that both import";
      ctx_.Report(std::move(d));
      return kNone;
    }
    auto loaded = loaded_.find(import.module);
    if (loaded != loaded_.end()) return loaded->second;
    if (!IsModuleName(import.module)) {
      ReportPath(import);
      loaded_.emplace(import.module, kNone);
      return kNone;
    }
    std::optional<ModuleSource> source = Find(import.module);
    if (!source) {
      ReportUnknown(import);
      loaded_.emplace(import.module, kNone);
      return kNone;
    }
    return Load(import.module, std::move(*source));
  }

  uint32_t Load(const std::string& name, ModuleSource source) {
    diag::FileId file = ctx_.sources.Add(source.path, std::move(source.text));
    std::unique_ptr<ast::File> ast = syntax::Parse(ctx_.sources, file, ctx_.ids, ctx_.sink);
    auto unit = std::make_unique<Unit>();
    unit->name = name;
    unit->is_module = true;
    unit->path = source.path;
    if (ast != nullptr) {
      unit->files.push_back(ast.get());
      ctx_.project.files.push_back(std::move(ast));
    }
    uint32_t index = static_cast<uint32_t>(ctx_.project.units.size());
    ctx_.project.units.push_back(std::move(unit));
    loaded_.emplace(name, index);
    CollectUnit(ctx_, *ctx_.project.units[index]);
    stack_.push_back(name);
    Visit(index);
    stack_.pop_back();
    return index;
  }

  std::optional<ModuleSource> Find(const std::string& name) const {
    if (ctx_.options.modules != nullptr) {
      if (std::optional<ModuleText> found = ctx_.options.modules->Find(name)) return found;
    }
    if (std::optional<std::string_view> text = stdlib::FindStdlibModule(name)) {
      return ModuleSource{"<stdlib>/" + name + ".seg", std::string(*text)};
    }
    return std::nullopt;
  }

  std::vector<std::string> KnownModules() const {
    std::vector<std::string> names;
    if (ctx_.options.modules != nullptr) names = ctx_.options.modules->Names();
    for (std::string_view name : stdlib::StdlibModuleNames()) names.emplace_back(name);
    return names;
  }

  // A module is named, never addressed by path: no folder separator, no leading dot (`..`,
  // hidden files), no control character; so resolution stays inside --lib and the stdlib.
  static bool IsModuleName(const std::string& name) {
    if (name.empty() || name[0] == '.') return false;
    return std::none_of(name.begin(), name.end(), [](char c) {
      return c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
    });
  }

  void ReportPath(const Import& import) {
    diag::Diagnostic d = Make(Code::kUnknownModule, import.ast->module.range,
                              "unknown module " + Quote(import.module));
    d.label = "a module name, not a path";
    d.help =
        "put the file in a folder given with --lib and import it by its name (the file "
        "name without .seg)";
    ctx_.Report(std::move(d));
  }

  void ReportUnknown(const Import& import) {
    diag::Diagnostic d = Make(Code::kUnknownModule, import.ast->module.range,
                              "unknown module " + Quote(import.module));
    d.label = "not in --lib folders or the stdlib";
    std::vector<std::string> known = KnownModules();
    d.help = diag::DidYouMean(import.module, known);
    if (d.help.empty()) {
      d.help = "known modules:";
      for (size_t i = 0; i < known.size(); ++i) d.help += (i ? ", " : " ") + known[i];
      d.help += "; add a folder holding " + import.module + ".seg with --lib";
    }
    ctx_.Report(std::move(d));
  }

  void CheckBindingNames(Import& import) {
    if (import.unit == kNone) return;
    const Unit& module = *ctx_.project.units[import.unit];
    for (const ast::Binding& binding : import.ast->bindings) {
      uint32_t decl = module.Find(binding.name.name);
      bool bindable = decl != kNone && (module.decls[decl].kind == DeclKind::kInput ||
                                        module.decls[decl].kind == DeclKind::kParam);
      if (!bindable) {
        ReportUnknownBinding(module, binding);
        continue;
      }
      if (!import.bindings.emplace(decl, binding.value.get()).second) {
        ReportDuplicate(ctx_, Code::kDuplicateName, binding.name,
                        FirstBinding(import, binding.name.name),
                        Quote(binding.name.name) + " is bound twice");
      }
    }
    // Inputs with a default that the import leaves unbound take their default.
    for (uint32_t i = 0; i < module.decls.size(); ++i) {
      if (module.decls[i].kind != DeclKind::kInput || import.bindings.contains(i)) continue;
      const auto& input = std::get<ast::InputDecl>(module.decls[i].ast->kind);
      if (input.fallback) import.bindings.emplace(i, input.fallback.get());
    }
    ReportMissingInputs(import, module);
  }

  static diag::SourceRange FirstBinding(const Import& import, const std::string& name) {
    for (const ast::Binding& binding : import.ast->bindings) {
      if (binding.name.name == name) return binding.name.range;
    }
    return {};
  }

  void ReportUnknownBinding(const Unit& module, const ast::Binding& binding) {
    std::vector<std::string> bindable;
    for (const DeclInfo& decl : module.decls) {
      if (decl.kind == DeclKind::kInput || decl.kind == DeclKind::kParam) {
        bindable.push_back(decl.name);
      }
    }
    diag::Diagnostic d =
        Make(Code::kUnknownModuleInput, binding.name.range,
             "module " + Quote(module.name) + " has no input or param " + Quote(binding.name.name));
    d.help = diag::DidYouMean(binding.name.name, bindable);
    if (d.help.empty() && !bindable.empty()) {
      d.help = "it has:";
      for (size_t i = 0; i < bindable.size(); ++i) d.help += (i ? ", " : " ") + bindable[i];
    }
    ctx_.Report(std::move(d));
  }

  void ReportMissingInputs(const Import& import, const Unit& module) {
    std::vector<std::string> missing;
    for (uint32_t i = 0; i < module.decls.size(); ++i) {
      if (module.decls[i].kind == DeclKind::kInput && !import.bindings.contains(i)) {
        missing.push_back(module.decls[i].name);
      }
    }
    if (missing.empty()) return;
    std::string list;
    for (size_t i = 0; i < missing.size(); ++i) list += (i ? ", " : "") + Quote(missing[i]);
    diag::Diagnostic d = Make(Code::kMissingModuleInput, import.ast->module.range,
                              "module " + Quote(module.name) + " needs " +
                                  (missing.size() == 1 ? "input " : "inputs ") + list + ", which " +
                                  (missing.size() == 1 ? "is" : "are") + " not bound");
    d.help = "bind each input to an expression of your table: `import " + module.name + "(";
    for (size_t i = 0; i < missing.size(); ++i) d.help += (i ? ", " : "") + missing[i] + " = ...";
    d.help += ")`";
    ctx_.Report(std::move(d));
  }

  Context& ctx_;
  std::vector<std::string> stack_;
  std::unordered_map<std::string, uint32_t> loaded_;
};

}  // namespace

void LoadModules(Context& ctx) { ModuleLoader(ctx).Run(); }

}  // namespace segc::sema::detail
