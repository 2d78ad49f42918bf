// Dependency order: per unit (for typing) and over all module instances (for evaluation), with
// reference cycles reported once (E0105).
#include <string>

#include "compiler/sema/detail/context.h"
#include "compiler/sema/detail/graph.h"

namespace segc::sema::detail {
namespace {

using diag::Code;
using diag::Make;

bool Evaluated(DeclKind kind) { return kind != DeclKind::kParam && kind != DeclKind::kInput; }

/// Typing order: a declaration is typed after every local one it references, params included
/// (a param's type comes from its literal). A param's own references add no edge: its value must
/// be a literal (E0210), and a non-literal value is reported without being typed.
bool TypedBefore(const DeclInfo& user, const DeclInfo& dep) {
  return user.kind != DeclKind::kParam && dep.kind != DeclKind::kInput;
}

void ReportCycle(Context& ctx, diag::SourceRange at, const std::vector<std::string>& names) {
  std::string path;
  for (size_t i = 0; i < names.size(); ++i) path += (i ? " → " : "") + Quote(names[i]);
  diag::Diagnostic d = Make(Code::kReferenceCycle, at, "reference cycle: " + path);
  d.label = "refers to itself through this cycle";
  d.help = "break the cycle: one of these must not refer (directly or not) to the others";
  ctx.Report(std::move(d));
}

void OrderUnit(Context& ctx, Unit& unit) {
  Graph graph(unit.decls.size());
  for (uint32_t i = 0; i < unit.decls.size(); ++i) {
    for (const DepRef& dep : unit.decls[i].deps) {
      if (dep.kind == DepRef::Kind::kLocal && TypedBefore(unit.decls[i], unit.decls[dep.decl])) {
        graph[i].push_back(dep.decl);
      }
    }
  }
  for (const std::vector<uint32_t>& component : StronglyConnected(graph)) {
    unit.order.insert(unit.order.end(), component.begin(), component.end());
    if (!IsCycle(graph, component)) continue;
    std::vector<std::string> names;
    for (uint32_t node : CyclePath(graph, component, component[0])) {
      names.push_back(unit.decls[node].name);
    }
    for (uint32_t node : component) unit.decls[node].in_cycle = true;
    ReportCycle(ctx, unit.decls[component[0]].name_range, names);
  }
}

/// The evaluation graph over (instance, decl) pairs of every instance.
class InstanceGraph {
 public:
  explicit InstanceGraph(Context& ctx) : ctx_(ctx), project_(ctx.project) {}

  void Run() {
    BuildInstances();
    for (uint32_t i = 0; i < project_.instances.size(); ++i) {
      offsets_.push_back(static_cast<uint32_t>(refs_.size()));
      for (uint32_t d = 0; d < UnitOf(i).decls.size(); ++d) refs_.push_back({i, d});
    }
    graph_.resize(refs_.size());
    for (uint32_t node = 0; node < refs_.size(); ++node) {
      const DeclInfo& decl = UnitOf(refs_[node].instance).decls[refs_[node].decl];
      if (Evaluated(decl.kind)) AddEdges(refs_[node].instance, decl.deps, graph_[node]);
    }
    for (const std::vector<uint32_t>& component : StronglyConnected(graph_)) Emit(component);
  }

 private:
  const Unit& UnitOf(uint32_t instance) const {
    return *project_.units[project_.instances[instance].unit];
  }

  void BuildInstances() {
    project_.instances.push_back(Instance{});
    for (uint32_t i = 0; i < project_.instances.size(); ++i) {
      const Unit& unit = UnitOf(i);
      for (uint32_t k = 0; k < unit.imports.size(); ++k) {
        const Import& import = unit.imports[k];
        uint32_t child = kNone;
        if (import.unit != kNone) {
          child = static_cast<uint32_t>(project_.instances.size());
          const std::string& parent_path = project_.instances[i].path;
          project_.instances.push_back(
              Instance{parent_path.empty() ? import.alias : parent_path + "." + import.alias,
                       import.unit,
                       i,
                       k,
                       {}});
        }
        project_.instances[i].children.push_back(child);
      }
    }
  }

  /// An input stands for its binding in the parent instance, so its edges are the binding's.
  void AddEdges(uint32_t instance, const std::vector<DepRef>& deps, std::vector<uint32_t>& out) {
    for (const DepRef& dep : deps) {
      if (dep.kind == DepRef::Kind::kMember) {
        uint32_t child = project_.instances[instance].children[dep.import];
        if (child != kNone && Evaluated(UnitOf(child).decls[dep.decl].kind)) {
          out.push_back(offsets_[child] + dep.decl);
        }
        continue;
      }
      DeclKind kind = UnitOf(instance).decls[dep.decl].kind;
      if (Evaluated(kind)) {
        out.push_back(offsets_[instance] + dep.decl);
      } else if (kind == DeclKind::kInput) {
        AddInputEdges(instance, dep.decl, out);
      }
    }
  }

  void AddInputEdges(uint32_t instance, uint32_t input, std::vector<uint32_t>& out) {
    const Instance& self = project_.instances[instance];
    if (self.parent == kNone) return;
    const Import& import = UnitOf(self.parent).imports[self.import];
    auto deps = import.binding_deps.find(input);
    if (deps != import.binding_deps.end()) AddEdges(self.parent, deps->second, out);
  }

  void Emit(const std::vector<uint32_t>& component) {
    for (uint32_t node : component) {
      const DeclRef& ref = refs_[node];
      if (Evaluated(UnitOf(ref.instance).decls[ref.decl].kind)) project_.order.push_back(ref);
    }
    if (!IsCycle(graph_, component)) return;
    bool one_instance = true;
    for (uint32_t node : component)
      one_instance &= refs_[node].instance == refs_[component[0]].instance;
    if (one_instance) return;  // a cycle inside one unit was reported by OrderUnit
    std::vector<std::string> names;
    for (uint32_t node : CyclePath(graph_, component, component[0])) {
      names.push_back(project_.QualifiedName(refs_[node]));
    }
    // Report at the project-side declaration when there is one (the user's own code).
    const DeclRef& at = refs_[component[0]];
    ReportCycle(ctx_, UnitOf(at.instance).decls[at.decl].name_range, names);
  }

  Context& ctx_;
  CheckedProject& project_;
  std::vector<DeclRef> refs_;
  std::vector<uint32_t> offsets_;
  Graph graph_;
};

}  // namespace

void OrderProject(Context& ctx) {
  for (const auto& unit : ctx.project.units) OrderUnit(ctx, *unit);
  InstanceGraph(ctx).Run();
}

}  // namespace segc::sema::detail
