// The segc abstract syntax tree: syntax only (no types), every node with a NodeId and SourceRange.
// Expression kinds are a closed std::variant so every visitor must handle every kind.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "compiler/diag/source.h"

namespace segc::ast {

using diag::SourceRange;
using NodeId = uint32_t;

/// Hands out NodeIds unique across all files of one compilation (side tables key on them).
class NodeIdAllocator {
 public:
  NodeId Next() { return next_++; }

 private:
  NodeId next_ = 1;
};

/// A name as written, with where it was written.
struct Ident {
  std::string name;
  SourceRange range;
};

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

// ---- literals ----
struct IntLit {
  int64_t value;
};
struct FloatLit {
  double value;
};
/// `30%` is stored as 0.30.
struct PercentLit {
  double value;
};
struct StringLit {
  std::string value;
};  // escapes already decoded
struct BoolLit {
  bool value;
};
/// ISO date literal, as days since 1970-01-01.
struct DateLit {
  int32_t days;
};
enum class DurationUnit { kDays, kWeeks, kMonths, kYears };
/// `90d`, `6mo`, `90 days`.
struct DurationLit {
  int64_t amount;
  DurationUnit unit;
};

// ---- references ----
/// A bare name: column, segment, score, class, let, param or module input.
struct NameRef {
  std::string name;
};
/// `module.member`, e.g. `rfm.Champions`.
struct QualifiedRef {
  Ident module;
  Ident member;
};
/// Percentile shorthand `p90` with no argument; `percent` is 90 (so p99.5 → 99.5).
struct PercentileRef {
  double percent;
};

// ---- operators ----
/// `f(a, b)`; also `p90(cltv)` whose callee is "p90".
/// `count(purchases where date within 90d)`: an aggregate over an event table carries the
/// filter written after `where` (nullptr when none).
/// `ntile(5, total_spent) among Buyers`: a statistic over the rows where the population (a bool
/// expression written after `among`) is true; nullptr when none.
struct Call {
  Ident callee;
  std::vector<ExprPtr> args;
  ExprPtr filter;
  ExprPtr among;
};
enum class UnaryOp { kNot, kNeg };
struct Unary {
  UnaryOp op;
  ExprPtr operand;
};
enum class BinaryOp { kAdd, kSub, kMul, kDiv, kEq, kNe, kLt, kLe, kGt, kGe };
struct Binary {
  BinaryOp op;
  SourceRange op_range;
  ExprPtr lhs;
  ExprPtr rhs;
};
/// `a and b and c` is one node with three operands, so 100,000-term chains stay flat.
enum class LogicalOp { kAnd, kOr };
struct Logical {
  LogicalOp op;
  std::vector<ExprPtr> operands;
};
/// `x [not] between lo and hi` (inclusive).
struct Between {
  ExprPtr value;
  ExprPtr low;
  ExprPtr high;
  bool negated = false;
};
/// `x [not] in (a, b, ...)`.
struct InList {
  ExprPtr value;
  std::vector<ExprPtr> items;
  bool negated = false;
};
/// `x is [not] null`.
struct IsNull {
  ExprPtr value;
  bool negated = false;
};
/// `d within D`: as_of - D <= d <= as_of.
struct Within {
  ExprPtr value;
  ExprPtr duration;
};
/// `D ago`: the date as_of - D.
struct Ago {
  ExprPtr duration;
};

using ExprKind = std::variant<IntLit, FloatLit, PercentLit, StringLit, BoolLit, DateLit,
                              DurationLit, NameRef, QualifiedRef, PercentileRef, Call, Unary,
                              Binary, Logical, Between, InList, IsNull, Within, Ago>;

struct Expr {
  NodeId id = 0;
  SourceRange range;
  ExprKind kind;
};

// ---- declarations ----
/// A column or input type as written: `int`, `date("%d/%m/%Y")`, `enum("a", "b")`.
struct TypeSpec {
  enum class Kind { kInt, kFloat, kBool, kString, kDate, kEnum };
  Kind kind = Kind::kInt;
  std::string format;  // kDate: parse format (empty = ISO); kFloat: number format by example;
                       // kBool: extra tokens "TRUE/FALSE"
  std::vector<Ident> enum_values;  // only for kEnum, with each value's range
  SourceRange range;
};

struct ColumnDecl {
  Ident name;
  TypeSpec type;
};
/// `table customers key customer_id { ... }`
struct TableDecl {
  Ident name;
  Ident key;
  std::vector<ColumnDecl> columns;
};
/// `events purchases of customers by customer_id [at date] { ... }`: a table with many rows per
/// customer; `key` is its column holding the customer key, `time` the column that orders a
/// customer's events (first/last).
struct EventsDecl {
  Ident name;
  Ident parent;
  Ident key;
  std::optional<Ident> time;
  std::vector<ColumnDecl> columns;
};
/// `name = expr` inside `import m(...)`: binds a module input (expression) or param (literal).
struct Binding {
  Ident name;
  ExprPtr value;
};
/// `import rfm(recency = last_purchase, ...) as r`
struct ImportDecl {
  Ident module;
  std::vector<Binding> bindings;
  std::optional<Ident> alias;
};
/// `input recency: date` (library modules only).
struct InputDecl {
  Ident name;
  TypeSpec type;
  /// `= true`: the literal an import that does not bind the input gets; nullptr when none.
  ExprPtr fallback;
};
struct AsOfDecl {
  int32_t days;
  SourceRange date_range;
};
/// `param vip_window = 90d`; the value must be a literal (checked by sema).
struct ParamDecl {
  Ident name;
  ExprPtr value;
};
struct LetDecl {
  Ident name;
  ExprPtr value;
};
/// One bound of `expect size between A and B`: a row count or a percent of rows.
struct SizeBound {
  double value;  // count, or fraction for percents (15% → 0.15)
  bool percent;
  SourceRange range;
};
struct ExpectSize {
  SizeBound low;
  SizeBound high;
  SourceRange range;
};
struct SegmentDecl {
  Ident name;
  std::optional<std::string> description;
  ExprPtr where;
  std::optional<ExpectSize> expect;
};
/// `+10 when cond`, `-10 when cond`, `+expr` (when == nullptr). sign is +1 or -1.
struct ScoreRule {
  int sign = 1;
  ExprPtr points;
  ExprPtr when;
  SourceRange range;
};
struct ScoreRange {
  double low;
  double high;
  SourceRange range;
};
/// Points form (`rules`, `expr` == nullptr) or expression form `score s = expr` (`rules` empty).
struct ScoreDecl {
  Ident name;
  std::optional<ScoreRange> range;
  std::vector<ScoreRule> rules;
  ExprPtr expr;
};
/// `"A" when cond`, or `"C" otherwise` (when == nullptr).
struct ClassifyArm {
  Ident label;  // decoded label text with the string literal's range
  ExprPtr when;
  SourceRange range;
};
struct ClassifyDecl {
  Ident name;
  std::vector<ClassifyArm> arms;
};

/// `measure revenue "Revenue" = sum(total_spent where consent)`: one value per segment, class
/// label and the whole table. The lowering splits the call: `aggregate` is its callee (empty when
/// the value is not a call, or a call with `among`; then `args` holds the whole value).
struct MeasureDecl {
  Ident name;
  std::optional<std::string> description;
  Ident aggregate;
  std::vector<ExprPtr> args;
  ExprPtr filter;
  SourceRange value_range;
};

/// `consent email = consent_email`: channel `email` may reach a customer only where the bool
/// column is true (docs/language.md, "Consent, audiences and splits").
struct ConsentDecl {
  Ident channel;
  Ident column;
};
/// `audience Winback_Email from Winback channel email`: a segment sent through a channel.
/// `segment` is the name as written (a NameRef or QualifiedRef expression).
struct AudienceDecl {
  Ident name;
  ExprPtr segment;
  Ident channel;
};
/// One arm of a split: `A 45%` (percent as 0.45).
struct SplitArm {
  Ident name;
  double percent = 0;
  SourceRange range;
};
/// A split arm's share in basis points (0.01%): 45% → 4500; -1 when the percent is not a whole
/// number of basis points (sema reports E0252).
inline int SplitBasisPoints(double percent) {
  double bp = percent * 10000.0;
  double rounded = static_cast<double>(static_cast<long long>(bp + 0.5));
  if (bp < 0 || bp > 1e9 || rounded - bp > 1e-6 || bp - rounded > 1e-6) return -1;
  return static_cast<int>(rounded);
}
/// `split ab of Winback into A 45%, B 45%, control 10% salt "2026-q4"`.
struct SplitDecl {
  Ident name;
  ExprPtr segment;
  std::vector<SplitArm> arms;
  Ident salt;  ///< decoded salt text with the string literal's range
};

using DeclKind = std::variant<TableDecl, EventsDecl, ImportDecl, InputDecl, AsOfDecl, ParamDecl,
                              LetDecl, SegmentDecl, ScoreDecl, ClassifyDecl, MeasureDecl,
                              ConsentDecl, AudienceDecl, SplitDecl>;

struct Decl {
  NodeId id = 0;
  SourceRange range;
  DeclKind kind;
};

/// One parsed .seg file.
struct File {
  diag::FileId file = diag::kNoFile;
  std::vector<Decl> decls;
};

/// Overloaded{lambdas...} for std::visit.
template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace segc::ast
