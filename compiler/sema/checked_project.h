// CheckedProject: everything sema learned about a project, for the typed IR lowering to consume.
// The AST stays untouched; types, resolved symbols and desugaring live in side tables by NodeId.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostic.h"
#include "compiler/sema/types.h"
#include "stdlib/builtins.h"

namespace segc::sema {

inline constexpr uint32_t kNone = UINT32_MAX;

/// One column of the table, with its resolved type (enum columns carry their values).
struct Column {
  std::string name;
  Type type;
  std::string format;  ///< date: parse format (empty = ISO); float: number format by example;
                       ///< bool: extra "TRUE/FALSE" tokens
  diag::SourceRange range;
};

/// The project's one table.
struct Schema {
  std::string table;
  diag::SourceRange range;
  std::string key;
  uint32_t key_column = kNone;  ///< index into columns; kNone if the key was not declared
  std::vector<Column> columns;
  std::unordered_map<std::string, uint32_t> by_name;

  /// Index of column `name`, or kNone.
  uint32_t Find(const std::string& name) const;
};

/// An event table: `table.key` is its column holding the customer key.
struct EventSchema {
  Schema table;
  diag::SourceRange range;
  uint32_t time_column = kNone;  ///< first/last order: `at` column, or the only date column
};

/// The aggregates over an event table (LANGUAGE.md, "Behaviour from events").
enum class AggregateFn { kCount, kCountDistinct, kSum, kAvg, kMin, kMax, kFirst, kLast };

/// The aggregate named `name`, if any ("count", "sum", ...).
std::optional<AggregateFn> FindAggregate(const std::string& name);
const char* AggregateName(AggregateFn fn);

/// The aggregators of a `measure` (LANGUAGE.md, "Measures"): over the rows of a segment, a
/// class label or the whole table, nulls skipped.
enum class MeasureAggregate { kSum, kMean, kMin, kMax, kCount };

/// The measure aggregator named `name`, if any ("sum", "mean", "min", "max", "count").
std::optional<MeasureAggregate> FindMeasureAggregate(const std::string& name);
const char* MeasureAggregateName(MeasureAggregate fn);
/// Every aggregator's name, for did-you-mean suggestions.
std::vector<std::string> MeasureAggregateNames();

enum class DeclKind { kSegment, kScore, kClassify, kLet, kParam, kInput, kMeasure };

/// A declaration's reference to something it depends on (filled by name resolution).
struct DepRef {
  enum class Kind { kLocal, kMember } kind = Kind::kLocal;
  uint32_t decl = kNone;    ///< decl index in the unit (kLocal) or in the imported module (kMember)
  uint32_t import = kNone;  ///< kMember: index into Unit::imports
};

/// One named declaration of a unit (project or library module).
struct DeclInfo {
  DeclKind kind = DeclKind::kSegment;
  std::string name;
  diag::SourceRange name_range;
  const ast::Decl* ast = nullptr;  ///< owned by CheckedProject::files
  /// segment: bool; score: int or float; classify: label; let: its expression's; param: its
  /// literal's; input: the declared type. kError when the declaration is ill-typed.
  Type type;
  bool used = false;      ///< referenced by any expression of the unit or by an importer
  bool in_cycle = false;  ///< part of a reference cycle (E0105)
  std::vector<DepRef> deps;
  /// score: the static bounds of its value before clamping (±inf when unbounded), set by the
  /// warning pass.
  double min_points = 0;
  double max_points = 0;
};

/// One `import` of a unit, after module lookup and binding checks.
struct Import {
  const ast::ImportDecl* ast = nullptr;
  diag::SourceRange range;
  std::string module;     ///< module name as written
  std::string alias;      ///< name members are visible under (module name unless `as`)
  uint32_t unit = kNone;  ///< the module's unit; kNone if it was not found or is in a cycle
  /// For each decl of the module unit: the bound expression (inputs, and params given here).
  std::unordered_map<uint32_t, const ast::Expr*> bindings;
  /// For each bound decl: what its binding expression references in the importing unit.
  std::unordered_map<uint32_t, std::vector<DepRef>> binding_deps;
};

/// A call argument that must be known before the data is read (ntile's n, percentile's fraction,
/// round's digits, matches' pattern), as written in a module: an import that sets a param the
/// argument depends on is checked against it (sema's bound_constants.cc).
struct ConstantUse {
  const ast::Expr* arg = nullptr;
  std::string what;      ///< "the number of tiles of 'ntile'"
  diag::Code code;       ///< how a value that does not fit is reported (E0214, E0213, E0204)
  bool pattern = false;  ///< an RE2 pattern; otherwise a number in low..high
  double low = 0;
  double high = 0;
  bool integer = false;

  /// Whether a number fits: within low..high, and whole when `integer`.
  bool Accepts(double value) const;
  /// The accepted range as messages write it: "1..1000000", or "0..1" for a fraction.
  std::string Range() const;
};

/// A project (unit 0, with the table) or one library module (checked once against its inputs).
struct Unit {
  std::string name;  ///< "" for the project, the module name otherwise
  bool is_module = false;
  std::string path;  ///< where a module was found ("<stdlib>/rfm.seg" for embedded ones)
  std::vector<const ast::File*> files;
  std::vector<DeclInfo> decls;  ///< in source order
  std::unordered_map<std::string, uint32_t> names;
  std::vector<Import> imports;
  std::unordered_map<std::string, uint32_t> aliases;  ///< alias → imports index
  std::vector<ConstantUse> constant_uses;  ///< modules only: valid with the params' defaults
  /// decl indices in dependency order within the unit (module members come from other units).
  std::vector<uint32_t> order;

  /// Index of declaration `name`, or kNone.
  uint32_t Find(const std::string& name) const;
};

/// One evaluated copy of a unit: the project itself (instance 0) or an import, possibly nested.
struct Instance {
  std::string path;  ///< "" for the project; "rfm", or "lead.rfm" for nested imports
  uint32_t unit = 0;
  uint32_t parent = kNone;         ///< importing instance
  uint32_t import = kNone;         ///< index into the parent unit's imports
  std::vector<uint32_t> children;  ///< per import of the unit: its instance, or kNone
};

/// A declaration of one instance: what the IR evaluates, in CheckedProject::order.
struct DeclRef {
  uint32_t instance = 0;
  uint32_t decl = 0;
};

/// What a name or call in an expression refers to.
struct Symbol {
  /// kEventTable: a bare event table name (an aggregate's argument); kEventColumn: a column of
  /// an event table (inside an aggregate); kAggregate: a call of an aggregate over one.
  enum class Kind {
    kNone,
    kColumn,
    kDecl,
    kMember,
    kBuiltin,
    kEventTable,
    kEventColumn,
    kAggregate
  } kind = Kind::kNone;
  uint32_t index = kNone;   ///< column index, decl index (in its unit), BuiltinId or AggregateFn
  uint32_t import = kNone;  ///< kMember: the import (of the expression's unit) it goes through
  uint32_t table = kNone;   ///< event kinds: CheckedProject::events index
};

/// Rewrites sema decided on; the IR lowering applies them.
enum class Desugar {
  kNone,
  kPercentileOf,    ///< PercentileRef `pNN`: percentile(borrowed, quantile)
  kPercentileCall,  ///< Call `pNN(x)`: percentile(x, quantile)
  kRecency,         ///< Binary date-vs-duration: `date recency_op (as_of - duration)`
  kRecencyBetween,  ///< Between with duration bounds: as_of - high <= date <= as_of - low
  kWithin,          ///< Within: as_of - duration <= date <= as_of
  kAgo,             ///< Ago: as_of - duration
};

/// Everything sema knows about one expression node.
struct ExprInfo {
  Type type;
  Symbol symbol;
  Desugar desugar = Desugar::kNone;
  ast::NodeId borrowed = 0;   ///< kPercentileOf: the expression whose percentile is taken
  ast::NodeId date_side = 0;  ///< kRecency: the date operand (the other one is the duration)
  ast::BinaryOp recency_op = ast::BinaryOp::kEq;  ///< kRecency: operator with the date on the left
  double quantile = 0;                            ///< kPercentileOf / kPercentileCall: in [0, 1]
  bool never_null = false;       ///< literals, segment refs, `is null`, calls by null policy
  bool row_dependent = false;    ///< false: a constant (literals, params, operators over them)
  std::optional<double> number;  ///< statically known numeric value (literals, param defaults)
};

/// Counts for a check summary. Module members are counted once per import.
struct Summary {
  size_t files = 0;    ///< project files (modules not included)
  size_t modules = 0;  ///< module instances
  size_t segments = 0;
  size_t scores = 0;
  size_t classifications = 0;
  size_t measures = 0;
  size_t lets = 0;
  size_t params = 0;
};

/// `consent email = consent_email`: a channel and the bool column that allows it.
struct Channel {
  std::string name;
  std::string column;
  diag::SourceRange range;
};

/// `audience NAME from SEGMENT channel CHANNEL` (the audience is also a segment output NAME).
struct Audience {
  std::string name;
  std::string segment;  ///< the segment's output name ("Winback", "rfm.Champions")
  std::string channel;
  std::string consent_column;  ///< "" when the channel has no consent declaration
};

/// `split NAME of SEGMENT into ...`: the split's class output and the segment it divides.
struct SplitInfo {
  std::string name;
  std::string segment;  ///< as written ("Winback")
};

/// The checked project. Valid for lowering only if the DiagnosticSink has no errors; after errors
/// it is still complete enough for tools (ill-typed nodes have kError).
struct CheckedProject {
  std::vector<std::unique_ptr<ast::File>> files;  ///< project files first, then module files
  Schema schema;
  std::vector<EventSchema> events;           ///< event tables, in declaration order
  std::optional<int32_t> as_of;              ///< days since 1970-01-01; unset = today at run time
  std::vector<std::unique_ptr<Unit>> units;  ///< units[0] is the project
  std::vector<Instance> instances;           ///< instances[0] is the project
  /// Every segment, score, classify, measure and let of every instance, in dependency order.
  std::vector<DeclRef> order;
  std::deque<ExprInfo> exprs;  ///< indexed by NodeId (a deque: growing keeps references valid)
  Summary summary;
  std::vector<Channel> channels;    ///< declared consents, in source order
  std::vector<Audience> audiences;  ///< in source order
  std::vector<SplitInfo> splits;    ///< in source order

  const Unit& project() const { return *units[0]; }
  /// Side-table entry of an expression (a default, kError entry for unknown ids).
  const ExprInfo& info(ast::NodeId id) const;
  /// Index of event table `name` in `events`, or kNone.
  uint32_t FindEvents(const std::string& name) const;
  const Type& type(ast::NodeId id) const { return info(id).type; }
  /// The expression a module param or input evaluates to in `instance`: a binding of its import,
  /// or (params) the declared literal. nullptr for an unbound input.
  const ast::Expr* ValueOf(uint32_t instance, uint32_t decl) const;
  /// "rfm.Champions" for module members, "VIP" for project declarations.
  std::string QualifiedName(const DeclRef& ref) const;
};

}  // namespace segc::sema
