// Consent channels, audiences and splits (docs/language.md, "Consent, audiences and splits"):
// consent columns (E0101, E0150, E0151), audience channels (E0152, W0320), the compile-time
// consent check (E0153), audience and split segments (E0154) and split arms (E0250-E0252).
#include <set>
#include <string>

#include "compiler/diag/suggest.h"
#include "compiler/sema/detail/context.h"

namespace segc::sema::detail {

using diag::Code;
using diag::Make;

Type SplitType(Context& ctx, const ast::SplitDecl& split) {
  std::vector<std::string> labels;
  std::vector<diag::SourceRange> first;
  int total = 0;
  bool valid = true;
  for (const ast::SplitArm& arm : split.arms) {
    int bp = ast::SplitBasisPoints(arm.percent);
    if (bp <= 0) {
      diag::Diagnostic d =
          Make(Code::kInvalidSplitArm, arm.range,
               "arm " + Quote(arm.name.name) + " of split " + Quote(split.name.name) + " gets " +
                   NumberText(arm.percent * 100) + "%" +
                   (bp == 0 ? ", so no customer" : ", finer than the 0.01% steps a split assigns"));
      d.help = bp == 0 ? "remove the arm, or give it a share above 0%"
                       : "round the share to two decimals, e.g. `33.33%`";
      ctx.Report(std::move(d));
      valid = false;
    }
    total += bp > 0 ? bp : 0;
    size_t j = 0;
    while (j < labels.size() && labels[j] != arm.name.name) ++j;
    if (j < labels.size()) {
      ReportDuplicate(
          ctx, Code::kDuplicateSplitArm, arm.name, first[j],
          "arm " + Quote(arm.name.name) + " is named twice in split " + Quote(split.name.name));
      valid = false;
      continue;
    }
    labels.push_back(arm.name.name);
    first.push_back(arm.name.range);
  }
  if (split.arms.size() < 2) {
    diag::Diagnostic d =
        Make(Code::kInvalidSplitArm, split.name.range,
             "split " + Quote(split.name.name) + " has one arm; a split needs at least two");
    d.help = "add a control group, e.g. `" +
             (split.arms.empty() ? std::string("A") : split.arms[0].name.name) +
             " 90%, control 10%`";
    ctx.Report(std::move(d));
    valid = false;
  } else if (valid && total != 10000) {
    diag::SourceRange first_arm = split.arms.front().range;
    diag::SourceRange arms{first_arm.file, first_arm.begin, split.arms.back().range.end};
    diag::Diagnostic d = Make(Code::kSplitPercentSum, arms,
                              "the arms of split " + Quote(split.name.name) + " add up to " +
                                  NumberText(total / 100.0) + "%, not 100%");
    d.label = "every member of the segment gets exactly one arm";
    int rest = 10000 - total;
    d.help = rest > 0
                 ? "give the remaining " + NumberText(rest / 100.0) +
                       "% to an arm, e.g. a holdout: `control " + NumberText(rest / 100.0) + "%`"
                 : "take " + NumberText(-rest / 100.0) + "% off the arms";
    ctx.Report(std::move(d));
    valid = false;
  }
  if (!valid) return Type::Error();
  return Type::Label(split.name.name, std::move(labels));
}

namespace {

/// The declarations of the project that take part in activation.
class ActivationChecker {
 public:
  explicit ActivationChecker(Context& ctx) : ctx_(ctx), unit_(*ctx.project.units[0]) {}

  void Run() {
    for (const ast::File* file : unit_.files) {
      for (const ast::Decl& decl : file->decls) {
        if (const auto* consent = std::get_if<ast::ConsentDecl>(&decl.kind)) Consent(*consent);
      }
    }
    for (const ast::File* file : unit_.files) {
      for (const ast::Decl& decl : file->decls) {
        if (const auto* audience = std::get_if<ast::AudienceDecl>(&decl.kind)) {
          Audience(*audience);
        } else if (const auto* split = std::get_if<ast::SplitDecl>(&decl.kind)) {
          if (SegmentOf(*split->segment, "split", split->name) != nullptr) {
            ctx_.project.splits.push_back(
                {split->name.name, std::string(ctx_.sources.Text(split->segment->range))});
          }
        }
      }
    }
  }

 private:
  void Consent(const ast::ConsentDecl& consent) {
    const Schema& schema = ctx_.project.schema;
    for (const Channel& channel : ctx_.project.channels) {
      if (channel.name != consent.channel.name) continue;
      ReportDuplicate(ctx_, Code::kDuplicateChannel, consent.channel, channel.range,
                      "consent channel " + Quote(consent.channel.name) + " is declared twice");
      return;
    }
    uint32_t column = schema.Find(consent.column.name);
    if (column == kNone) {
      diag::Diagnostic d =
          Make(Code::kUnknownColumn, consent.column.range,
               "unknown column " + Quote(consent.column.name) + " in table " + Quote(schema.table));
      d.label = "not a column";
      std::vector<std::string> names;
      for (const Column& c : schema.columns) {
        if (c.type.kind() == TypeKind::kBool) names.push_back(c.name);
      }
      d.help = diag::DidYouMean(consent.column.name, names);
      ctx_.Report(std::move(d));
      return;
    }
    const Column& c = schema.columns[column];
    if (c.type.kind() != TypeKind::kBool) {
      diag::Diagnostic d =
          Make(Code::kConsentNotBool, consent.column.range,
               "the consent column of channel " + Quote(consent.channel.name) +
                   " must be a boolean, but " + Quote(c.name) + " is " + Described(c.type));
      d.secondary.push_back({c.range, "declared here"});
      d.help = "name the bool column that is true when the customer consented, e.g. `consent " +
               consent.channel.name + " = consent_" + consent.channel.name + "`";
      ctx_.Report(std::move(d));
      return;
    }
    ctx_.project.channels.push_back({consent.channel.name, c.name, consent.channel.range});
  }

  /// The segment an audience or split reads: the declaration, or nullptr (E0154 reported).
  const DeclInfo* SegmentOf(const ast::Expr& expr, const char* what, const ast::Ident& owner) {
    const ExprInfo& info = ctx_.project.info(expr.id);
    if (info.type.is_error()) return nullptr;
    const DeclInfo* decl = nullptr;
    if (info.symbol.kind == Symbol::Kind::kDecl) {
      decl = &unit_.decls[info.symbol.index];
    } else if (info.symbol.kind == Symbol::Kind::kMember) {
      uint32_t module = unit_.imports[info.symbol.import].unit;
      if (module != kNone) decl = &ctx_.project.units[module]->decls[info.symbol.index];
    }
    if (decl != nullptr && decl->kind == DeclKind::kSegment) return decl;
    diag::Diagnostic d =
        Make(Code::kNotASegment, expr.range,
             std::string(what) + " " + Quote(owner.name) + " must name a segment, but " +
                 Quote(std::string(ctx_.sources.Text(expr.range))) + " is not one");
    d.help = "declare the condition as a segment (`segment NAME where ...`) and name it here";
    ctx_.Report(std::move(d));
    return nullptr;
  }

  void Audience(const ast::AudienceDecl& audience) {
    const DeclInfo* segment = SegmentOf(*audience.segment, "audience", audience.name);
    sema::Audience out;
    out.name = audience.name.name;
    out.segment = std::string(ctx_.sources.Text(audience.segment->range));
    out.channel = audience.channel.name;
    const Channel* channel = nullptr;
    std::vector<std::string> declared;
    for (const Channel& c : ctx_.project.channels) {
      declared.push_back(c.name);
      if (c.name == audience.channel.name) channel = &c;
    }
    if (channel == nullptr) {
      UndeclaredChannel(audience, declared);
    } else {
      out.consent_column = channel->column;
      uint32_t column = ctx_.project.schema.Find(channel->column);
      if (segment != nullptr && !Implies(*audience.segment, column, 0)) {
        NotRequired(audience, *segment, *channel);
      }
    }
    ctx_.project.audiences.push_back(std::move(out));
  }

  void UndeclaredChannel(const ast::AudienceDecl& audience,
                         const std::vector<std::string>& declared) {
    std::string near = diag::DidYouMean(audience.channel.name, declared);
    if (!near.empty()) {
      diag::Diagnostic d = Make(Code::kUnknownChannel, audience.channel.range,
                                "unknown channel " + Quote(audience.channel.name) +
                                    " in audience " + Quote(audience.name.name));
      d.label = "no consent declared for this channel";
      d.help = near;
      ctx_.Report(std::move(d));
      return;
    }
    diag::Diagnostic d = Make(Code::kChannelWithoutConsent, audience.channel.range,
                              "channel " + Quote(audience.channel.name) +
                                  " has no consent declaration, so audience " +
                                  Quote(audience.name.name) + " is not checked for consent");
    std::string column = "consent_" + audience.channel.name;
    uint32_t found = ctx_.project.schema.Find(column);
    bool fits = found != kNone && ctx_.project.schema.columns[found].type.kind() == TypeKind::kBool;
    d.help = "declare which bool column allows the channel, next to the table: `consent " +
             audience.channel.name + " = " + (fits ? column : std::string("COLUMN")) + "`";
    ctx_.Report(std::move(d));
  }

  void NotRequired(const ast::AudienceDecl& audience, const DeclInfo& segment,
                   const Channel& channel) {
    std::string name = std::string(ctx_.sources.Text(audience.segment->range));
    diag::Diagnostic d =
        Make(Code::kConsentNotRequired, audience.segment->range,
             "audience " + Quote(audience.name.name) + " sends segment " + Quote(name) +
                 " through channel " + Quote(channel.name) + ", but " + Quote(name) +
                 " does not require " + Quote(channel.column));
    d.label = "members without consent would be contacted";
    d.secondary.push_back({segment.name_range, "segment " + Quote(name) + " defined here"});
    d.secondary.push_back({channel.range, "consent declared here"});
    d.notes.push_back("a condition requires the consent when it is " + Quote(channel.column) +
                      " itself, " + Quote(channel.column + " == true") +
                      ", an and-condition with such a part, an or-condition whose every part "
                      "requires it, or a segment or let that does");
    d.help = "add `and " + channel.column + "` to segment " + Quote(name) +
             ", or declare the audience from a segment that requires it";
    ctx_.Report(std::move(d));
  }

  bool IsConsentColumn(const ast::Expr& expr, uint32_t column) const {
    const ExprInfo& info = ctx_.project.info(expr.id);
    return info.symbol.kind == Symbol::Kind::kColumn && info.symbol.index == column &&
           std::holds_alternative<ast::NameRef>(expr.kind);
  }

  /// Whether `expr` is true only where `column` is true (a sound, syntactic analysis).
  bool Implies(const ast::Expr& expr, uint32_t column, int depth) {
    if (depth > 64) return false;
    if (IsConsentColumn(expr, column)) return true;
    if (const auto* binary = std::get_if<ast::Binary>(&expr.kind)) {
      if (binary->op != ast::BinaryOp::kEq) return false;
      auto is_true = [](const ast::Expr& e) {
        const auto* lit = std::get_if<ast::BoolLit>(&e.kind);
        return lit != nullptr && lit->value;
      };
      return (IsConsentColumn(*binary->lhs, column) && is_true(*binary->rhs)) ||
             (IsConsentColumn(*binary->rhs, column) && is_true(*binary->lhs));
    }
    if (const auto* logical = std::get_if<ast::Logical>(&expr.kind)) {
      bool is_and = logical->op == ast::LogicalOp::kAnd;
      for (const ast::ExprPtr& operand : logical->operands) {
        bool implied = Implies(*operand, column, depth + 1);
        if (is_and && implied) return true;
        if (!is_and && !implied) return false;
      }
      return !is_and && !logical->operands.empty();
    }
    if (!std::holds_alternative<ast::NameRef>(expr.kind)) return false;
    const ExprInfo& info = ctx_.project.info(expr.id);
    if (info.symbol.kind != Symbol::Kind::kDecl) return false;
    const DeclInfo& decl = unit_.decls[info.symbol.index];
    if (decl.in_cycle) return false;
    if (const auto* segment = std::get_if<ast::SegmentDecl>(&decl.ast->kind)) {
      return Implies(*segment->where, column, depth + 1);
    }
    if (const auto* audience = std::get_if<ast::AudienceDecl>(&decl.ast->kind)) {
      return Implies(*audience->segment, column, depth + 1);
    }
    if (const auto* let = std::get_if<ast::LetDecl>(&decl.ast->kind)) {
      return Implies(*let->value, column, depth + 1);
    }
    return false;
  }

  Context& ctx_;
  const Unit& unit_;
};

}  // namespace

void CheckActivation(Context& ctx) {
  if (ctx.project.units.empty()) return;
  ActivationChecker(ctx).Run();
}

}  // namespace segc::sema::detail
