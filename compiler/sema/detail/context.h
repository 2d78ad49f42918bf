// Private: the state shared by sema's passes, and each pass's entry point.
#pragma once

#include <string>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/sema/check.h"
#include "compiler/sema/checked_project.h"

namespace segc::sema::detail {

/// What every pass works on: the project being built and where diagnostics go.
struct Context {
  CheckedProject& project;
  diag::SourceManager& sources;
  ast::NodeIdAllocator& ids;
  diag::DiagnosticSink& sink;
  const CheckOptions& options;

  /// The side-table entry of `id`, growing the table as needed.
  ExprInfo& Info(ast::NodeId id);
  void Report(diag::Diagnostic d) { sink.Report(std::move(d)); }

  /// Did-you-mean searches cost O(names) each; after kSuggestionBudget of them (far more than
  /// the 50 errors a text rendering shows) errors get none, so checking N unknown names among
  /// N declarations stays linear instead of quadratic (docs/cli.md, --max-errors).
  static constexpr size_t kSuggestionBudget = 500;
  size_t suggestions = 0;
  bool TakeSuggestion() { return suggestions < kSuggestionBudget && ++suggestions > 0; }
};

/// Quotes a name for messages: 'name'.
inline std::string Quote(const std::string& name) { return "'" + name + "'"; }

// ---- passes, in the order check.cc runs them ----
/// Reads the table of the project's files into project.schema (E0113-E0116).
void CollectSchema(Context& ctx, const std::vector<const ast::File*>& files);
/// Reads the event tables of the project's files into project.events (E0130).
void CollectEvents(Context& ctx, const std::vector<const ast::File*>& files);
/// Registers the declarations of a unit's files: names, as_of, inputs, imports (E0104, E0118,
/// E0119, E0122, E0109).
void CollectUnit(Context& ctx, Unit& unit);
/// Finds, parses and collects every imported module, recursively (E0106, E0110), and checks the
/// binding names of every import (E0107, E0108).
void LoadModules(Context& ctx);
/// Resolves every name in every unit (E0101-E0103, E0117, E0216) and records dependencies.
void ResolveUnit(Context& ctx, uint32_t unit);
/// Orders each unit's declarations, builds the instance tree and the global order (E0105).
void OrderProject(Context& ctx);
/// Type-checks one unit's declarations in dependency order (E02xx, E0111, E0112, E0120, E0121).
void TypeCheckUnit(Context& ctx, uint32_t unit);
/// Types the import bindings of a unit against the module inputs (E0210, E0215).
void CheckBindings(Context& ctx, uint32_t unit);
/// Checks the constant arguments of each imported module (ntile's n, matches' pattern...) with
/// the param values the unit's imports set (E0214, E0213, E0204).
void CheckBoundConstants(Context& ctx, uint32_t unit);
/// Unused lets/params, unreachable score ranges, segments that never match (W03xx).
void WarnUnit(Context& ctx, uint32_t unit);
/// Consent channels, audiences and splits of the project (activation.cc: E0150-E0155, W0320).
void CheckActivation(Context& ctx);

}  // namespace segc::sema::detail

namespace segc::sema::detail {
/// A number as messages write it: "90", "0.5", "-5" (six decimals at most, no trailing zeros).
std::string NumberText(double value);
/// `a op b` for the arithmetic operators (nullopt for a division by zero or another operator).
std::optional<double> Fold(ast::BinaryOp op, double a, double b);
/// The type a column or input declaration gives (enum types are owned by `owner`).
Type TypeOfSpec(const ast::TypeSpec& spec, const std::string& owner);
/// Reports the format of a column the CSV reader cannot read: a date format (E0123), a number
/// format by example (E0124) or boolean texts (E0125), at the column's type.
void CheckColumnFormat(Context& ctx, const ast::ColumnDecl& column);
/// A classify's label type; reports duplicate labels (E0120) and a misplaced otherwise (E0121).
Type ClassifyType(Context& ctx, const ast::ClassifyDecl& classify);
/// A split's arm type (a classify's label type); reports E0250-E0252 (activation.cc).
Type SplitType(Context& ctx, const ast::SplitDecl& split);
/// Reports `code` at `name` with "defined again here" / "first defined here" labels.
void ReportDuplicate(Context& ctx, diag::Code code, const ast::Ident& name, diag::SourceRange first,
                     std::string message);
}  // namespace segc::sema::detail
