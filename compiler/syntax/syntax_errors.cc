// Syntax error wording: picks the most specific explanation for what the parser expected.
#include "compiler/syntax/syntax_errors.h"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/diag/suggest.h"

namespace segc::syntax {
namespace {

using diag::Code;
using diag::Diagnostic;

/// Everything a message builder needs about one error.
struct ErrorSite {
  const SyntaxErrorInfo& info;
  const std::vector<Token>& tokens;
  Chunk chunk;
  std::string_view text;
  diag::FileId file;

  bool at_end() const { return info.offending >= chunk.end; }
  bool Expects(Tok t) const {
    return std::find(info.expected.begin(), info.expected.end(), t) != info.expected.end();
  }
  bool In(std::string_view rule) const {
    return std::find(info.rule_stack.begin(), info.rule_stack.end(), rule) != info.rule_stack.end();
  }
  bool Innermost(std::string_view rule) const {
    return !info.rule_stack.empty() && info.rule_stack.front() == rule;
  }
  const Token* Offending() const { return at_end() ? nullptr : &tokens[info.offending]; }
  const Token* Previous() const {
    return info.offending > chunk.begin ? &tokens[info.offending - 1] : nullptr;
  }
  const Token* Next() const {
    return info.offending + 1 < chunk.end ? &tokens[info.offending + 1] : nullptr;
  }
  std::string_view Text(const Token& t) const { return text.substr(t.begin, t.end - t.begin); }
  diag::SourceRange Range(const Token& t) const { return {file, t.begin, t.end}; }
  /// Where to point: the offending token, or the last token when the declaration ran out.
  diag::SourceRange Where() const {
    const Token* t = at_end() ? Previous() : Offending();
    return t ? Range(*t) : diag::SourceRange{file, 0, 0};
  }
  bool ExpectsExpression() const {
    return Expects(Tok::kInt) && Expects(Tok::kIdent) && Expects(Tok::kLParen);
  }
  bool ExpectsName() const { return Expects(Tok::kIdent) || Expects(Tok::kBackquoted); }
  std::string AfterPrevious() const {
    const Token* p = Previous();
    return p ? fmt::format(" after '{}'", Text(*p)) : std::string();
  }
  std::string Found() const {
    if (at_end()) return "";
    return fmt::format(", found '{}'", Text(*Offending()));
  }
};

Diagnostic Make(const ErrorSite& s, Code code, std::string message, std::string help = {}) {
  Diagnostic d = diag::Make(code, s.Where(), std::move(message));
  d.help = std::move(help);
  if (s.at_end()) d.label = "the declaration ends here";
  return d;
}

/// Keywords that people use as column or declaration names (`score`, `size`, `key`...).
bool IsNounKeyword(Tok t) {
  switch (t) {
    case Tok::kImport:
    case Tok::kInput:
    case Tok::kAs:
    case Tok::kAsOf:
    case Tok::kParam:
    case Tok::kLet:
    case Tok::kSegment:
    case Tok::kExpect:
    case Tok::kSize:
    case Tok::kScore:
    case Tok::kRange:
    case Tok::kClassify:
    case Tok::kMeasure:
    case Tok::kTable:
    case Tok::kKey:
    case Tok::kEnum:
    case Tok::kEvents:
      return true;
    default:
      return false;
  }
}

std::optional<Diagnostic> KeywordAsName(const ErrorSite& s) {
  const Token* t = s.Offending();
  if (!t || !IsKeyword(t->kind) || s.Expects(t->kind)) return std::nullopt;
  // `segment where ...` lacks a name; `segment in where ...` uses a keyword as one.
  bool follows_name = t->kind == Tok::kWhere || t->kind == Tok::kKey || t->kind == Tok::kRange ||
                      t->kind == Tok::kAs;
  bool name_slot = s.ExpectsName() && !s.ExpectsExpression() && !follows_name;
  bool expr_slot = s.ExpectsExpression() && IsNounKeyword(t->kind);
  bool column_slot = s.In("tableDecl") && s.info.offending + 1 < s.chunk.end &&
                     s.tokens[s.info.offending + 1].kind == Tok::kColon;
  if (!name_slot && !expr_slot && !column_slot) return std::nullopt;
  return Make(s, Code::kKeywordAsName,
              fmt::format("'{}' is a keyword and cannot be used as a name", s.Text(*t)),
              fmt::format("write it in backquotes: `{}`", s.Text(*t)));
}

std::optional<size_t> UnclosedOpen(const ErrorSite& s, Tok open, Tok close) {
  int balance = 0;
  for (size_t i = std::min(s.info.offending, s.chunk.end); i-- > s.chunk.begin;) {
    if (s.tokens[i].kind == close) ++balance;
    if (s.tokens[i].kind == open && balance-- == 0) return i;
  }
  return std::nullopt;
}

bool EndsDeclaration(const ErrorSite& s) {
  const Token* t = s.Offending();
  return !t || IsDeclKeyword(t->kind) || t->kind == Tok::kRBrace;
}

Diagnostic Unclosed(const ErrorSite& s, size_t open_index, std::string_view open) {
  Diagnostic d = diag::Make(Code::kSyntaxError, s.Range(s.tokens[open_index]),
                            fmt::format("unclosed '{}'", open));
  d.label = fmt::format("this '{}' is never closed", open);
  d.help = fmt::format("add '{}' to close it", open == "(" ? ")" : "}");
  return d;
}

std::optional<Diagnostic> ExpectedCloseParen(const ErrorSite& s) {
  if (!s.Expects(Tok::kRParen)) return std::nullopt;
  if (EndsDeclaration(s)) {
    if (auto open = UnclosedOpen(s, Tok::kLParen, Tok::kRParen)) return Unclosed(s, *open, "(");
  }
  std::optional<size_t> open = UnclosedOpen(s, Tok::kLParen, Tok::kRParen);
  bool list = s.Expects(Tok::kComma) ||
              (open && *open > s.chunk.begin &&
               (s.tokens[*open - 1].kind == Tok::kIdent || s.tokens[*open - 1].kind == Tok::kIn ||
                s.tokens[*open - 1].kind == Tok::kPercentile));
  std::string what = list ? "',' or ')'" : "')'";
  if (s.Expects(Tok::kPlus) || s.Expects(Tok::kAnd)) what = "an operator or " + what;
  return Make(s, Code::kSyntaxError,
              fmt::format("expected {}{}{}", what, s.AfterPrevious(), s.Found()));
}

std::optional<Diagnostic> ExpectedBlockItem(const ErrorSite& s) {
  if (!s.Expects(Tok::kRBrace)) return std::nullopt;
  if (!s.Offending() || IsDeclKeyword(s.Offending()->kind)) {
    if (auto open = UnclosedOpen(s, Tok::kLBrace, Tok::kRBrace)) return Unclosed(s, *open, "{");
  }
  const Token* t = s.Offending();
  if (s.In("scoreDecl")) {
    std::string help = "each rule starts with '+' or '-' right before its points: +10 when ...";
    bool spaced_sign = false;
    for (size_t i = s.info.offending; i-- > s.chunk.begin && !spaced_sign;) {
      Tok k = s.tokens[i].kind;
      spaced_sign = (k == Tok::kPlus || k == Tok::kMinus) && s.tokens[i].line_start;
      if (k == Tok::kRulePlus || k == Tok::kRuleMinus || k == Tok::kLBrace) break;
    }
    if (spaced_sign || (t && (t->kind == Tok::kPlus || t->kind == Tok::kMinus))) {
      help = "write the sign directly before the points, without a space: '+10' or '-5'";
    }
    return Make(s, Code::kSyntaxError,
                fmt::format("expected a rule such as '+10 when CONDITION' or '}}'{}", s.Found()),
                help);
  }
  if (s.In("classifyDecl")) {
    bool bare_label = t && (t->kind == Tok::kIdent || t->kind == Tok::kBackquoted) &&
                      s.info.offending + 1 < s.chunk.end &&
                      (s.tokens[s.info.offending + 1].kind == Tok::kWhen ||
                       s.tokens[s.info.offending + 1].kind == Tok::kOtherwise);
    return Make(s, Code::kSyntaxError,
                fmt::format("expected an arm such as '\"A\" when CONDITION' or '}}'{}", s.Found()),
                bare_label ? fmt::format("labels are strings: write \"{}\"", s.Text(*t)) : "");
  }
  return Make(s, Code::kSyntaxError,
              fmt::format("expected a column such as 'country: string' or '}}'{}", s.Found()));
}

std::optional<Diagnostic> ExpectedExpression(const ErrorSite& s) {
  if (!s.ExpectsExpression()) return std::nullopt;
  const Token* t = s.Offending();
  if (t && t->kind == Tok::kNull) {
    return Make(s, Code::kSyntaxError, "there is no 'null' value in segc",
                "test for null with 'x is null', or replace nulls with coalesce(x, 0)");
  }
  const Token* p = s.Previous();
  bool condition = p && (p->kind == Tok::kWhere || p->kind == Tok::kWhen);
  return Make(s, Code::kSyntaxError,
              fmt::format("expected {}{}{}", condition ? "a condition" : "an expression",
                          s.AfterPrevious(), s.Found()));
}

// Writing habits from French (and much of Europe) that the grammar cannot parse: a decimal
// comma (`1000,50`), a space between thousands (`10 000`), a unit word after a number
// (`6 mois`, `90 jours`), `et`/`ou` for `and`/`or`.
std::optional<Diagnostic> FrenchNumberOrWord(const ErrorSite& s) {
  const Token* t = s.Offending();
  const Token* p = s.Previous();
  if (t == nullptr || p == nullptr) return std::nullopt;
  bool after_number = p->kind == Tok::kInt || p->kind == Tok::kFloat;
  const Token* n = s.Next();
  if (t->kind == Tok::kComma && after_number && p->end == t->begin && n != nullptr &&
      n->kind == Tok::kInt && n->begin == t->end) {
    return Make(s, Code::kSyntaxError,
                fmt::format("unexpected ',' in '{},{}'", s.Text(*p), s.Text(*n)),
                fmt::format("write decimals with a point: {}.{}", s.Text(*p), s.Text(*n)));
  }
  std::string_view gap = s.text.substr(p->end, t->begin - p->end);
  if (t->kind == Tok::kInt && p->kind == Tok::kInt && s.Text(*t).size() == 3 &&
      gap.find_first_not_of(' ') == std::string_view::npos) {
    return Make(
        s, Code::kSyntaxError, fmt::format("unexpected '{}' after '{}'", s.Text(*t), s.Text(*p)),
        fmt::format("write numbers without a thousands separator: {}{}", s.Text(*p), s.Text(*t)));
  }
  static constexpr std::string_view kUnits[][2] = {
      {"jour", "d"},  {"jours", "d"}, {"j", "d"},   {"semaine", "w"}, {"semaines", "w"},
      {"mois", "mo"}, {"an", "y"},    {"ans", "y"}, {"annee", "y"},   {"annees", "y"}};
  for (const auto& [word, unit] : kUnits) {
    if (t->kind != Tok::kIdent || p->kind != Tok::kInt || s.Text(*t) != word) continue;
    return Make(s, Code::kUnknownDurationUnit,
                fmt::format("unknown duration unit '{}' after '{}'", word, s.Text(*p)),
                fmt::format("write '{}{}': segc's units are d (days), w (weeks), mo (months) and "
                            "y (years)",
                            s.Text(*p), unit));
  }
  if (t->kind == Tok::kIdent && EndsOperand(p->kind) &&
      (s.Text(*t) == "et" || s.Text(*t) == "ou")) {
    return Make(s, Code::kSyntaxError,
                fmt::format("unexpected '{}'{}", s.Text(*t), s.AfterPrevious()),
                fmt::format("write '{}' to join conditions", s.Text(*t) == "et" ? "and" : "or"));
  }
  if (p->kind == Tok::kIdent && s.Text(*p) == "non" && !t->line_start) {
    return Make(s, Code::kSyntaxError,
                fmt::format("unexpected '{}'{}", s.Text(*t), s.AfterPrevious()),
                "write 'not' to negate a condition");
  }
  return std::nullopt;
}

std::optional<Diagnostic> MissingWhere(const ErrorSite& s) {
  if (!s.Innermost("segmentDecl") || !s.Expects(Tok::kWhere)) return std::nullopt;
  const Token* p = s.Previous();
  bool described = p && p->kind == Tok::kString;
  return Make(s, Code::kMissingWhere,
              fmt::format("expected 'where' after the segment {}{}",
                          described ? "description" : "name", s.Found()),
              "a segment reads: segment NAME [\"description\"] where CONDITION");
}

std::optional<Diagnostic> AssignInsteadOfEquals(const ErrorSite& s) {
  const Token* t = s.Offending();
  const Token* p = s.Previous();
  if (!t || t->kind != Tok::kAssign || !p || !EndsOperand(p->kind)) return std::nullopt;
  return Make(s, Code::kSyntaxError, "expected '==' to compare values, found '='",
              "'=' only gives a value to a name (let, param, score); compare with '=='");
}

std::optional<Diagnostic> ExpectedType(const ErrorSite& s) {
  if (!s.Expects(Tok::kEnum)) return std::nullopt;
  return Make(s, Code::kSyntaxError,
              fmt::format("expected a column type such as int, float, bool, string, date or "
                          "enum(...){}",
                          s.Found()));
}

std::optional<Diagnostic> ExpectedArmKeyword(const ErrorSite& s) {
  const Token* p = s.Previous();
  bool after_label = s.In("classifyDecl") && p && p->kind == Tok::kString &&
                     !(s.Expects(Tok::kRBrace) && !s.Expects(Tok::kWhen));
  if (!after_label && !(s.Expects(Tok::kWhen) && s.Expects(Tok::kOtherwise))) return std::nullopt;
  return Make(s, Code::kSyntaxError,
              fmt::format("expected 'when' or 'otherwise'{}{}", s.AfterPrevious(), s.Found()));
}

std::optional<Diagnostic> ExpectedDeclaration(const ErrorSite& s) {
  const Token* t = s.Offending();
  bool top = s.Expects(Tok::kSegment) || (s.Innermost("declarations") && s.Expects(Tok::kEof));
  if (!t || !top) return std::nullopt;
  static const std::vector<std::string_view> kDecls = {"segment", "score",  "classify", "let",
                                                       "param",   "import", "table",    "events",
                                                       "as_of",   "input"};
  if (t->kind == Tok::kIdent && t->line_start) {
    std::string_view guess = ClosestWord(s.Text(*t), kDecls);
    if (!guess.empty()) {
      return Make(s, Code::kSyntaxError, fmt::format("unknown declaration '{}'", s.Text(*t)),
                  fmt::format("did you mean '{}'?", guess));
    }
  }
  const Token* p = s.Previous();
  if (p && !t->line_start && EndsOperand(p->kind)) {
    return Make(s, Code::kSyntaxError,
                fmt::format("unexpected '{}'{}", s.Text(*t), s.AfterPrevious()),
                "join conditions with 'and' or 'or', and start each declaration on a new line");
  }
  return Make(
      s, Code::kSyntaxError,
      fmt::format("expected a declaration such as 'segment', 'score' or 'let'{}", s.Found()),
      "declarations are: segment, score, classify, let, param, import, table, events, as_of, "
      "input, consent, audience, split");
}

std::optional<Diagnostic> ExpectedName(const ErrorSite& s) {
  if (!s.ExpectsName() || s.ExpectsExpression()) return std::nullopt;
  const Token* t = s.Offending();
  std::string help;
  if (t && IsKeyword(t->kind) && t->kind != Tok::kWhere && t->kind != Tok::kKey) {
    help = fmt::format("'{0}' is a keyword; to use it as a name write it in backquotes: `{0}`",
                       s.Text(*t));
  }
  return Make(s, Code::kSyntaxError,
              fmt::format("expected a name{}{}", s.AfterPrevious(), s.Found()), help);
}

// By Tok value (token_kind.h order).
constexpr const char* kSpellings[] = {
    "",        "",       "ago",   "+",     "-",        "consent",   "audience", "split",  "import",
    "input",   "as",     "as_of", "param", "let",      "segment",   "where",    "expect", "size",
    "between", "score",  "range", "when",  "classify", "otherwise", "measure",  "and",    "or",
    "not",     "in",     "is",    "null",  "true",     "false",     "within",   "table",  "key",
    "enum",    "events", "among", "(",     ")",        "{",         "}",        ",",      ":",
    "..",      ".",      "==",    "!=",    "<=",       ">=",        "<",        ">",      "=",
    "+",       "-",      "*",     "/"};
static_assert(std::size(kSpellings) == static_cast<size_t>(Tok::kSlash) + 1,
              "one spelling per token kind up to '/' (compiler/syntax/token_kind.h)");

std::string HumanName(Tok t) {
  size_t index = static_cast<size_t>(t);
  if (index < std::size(kSpellings) && kSpellings[index][0] != '\0') {
    return fmt::format("'{}'", kSpellings[index]);
  }
  switch (t) {
    case Tok::kIdent:
    case Tok::kBackquoted:
      return "a name";
    case Tok::kInt:
      return "a number";
    case Tok::kPercent:
      return "a percent such as 15%";
    case Tok::kString:
      return "a string";
    case Tok::kDate:
      return "a date such as 2026-11-01";
    case Tok::kEof:
      return "the end of the declaration";
    case Tok::kDuration:
    case Tok::kLongDuration:
      return "a duration such as 90d";
    default:
      return "";
  }
}

Diagnostic Fallback(const ErrorSite& s) {
  std::vector<std::string> names;
  for (Tok t : s.info.expected) {
    std::string n = HumanName(t);
    if (n.empty()) n = "?";
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  }
  bool listable = std::find(names.begin(), names.end(), "?") == names.end();
  if (names.empty() || names.size() > 3 || !listable) {
    const Token* t = s.Offending();
    std::string what = t ? fmt::format("unexpected '{}'", s.Text(*t)) : "unexpected end";
    return Make(s, Code::kSyntaxError, what + s.AfterPrevious());
  }
  std::string list = names[0];
  for (size_t i = 1; i < names.size(); ++i)
    list += (i + 1 == names.size() ? " or " : ", ") + names[i];
  return Make(s, Code::kSyntaxError,
              fmt::format("expected {}{}{}", list, s.AfterPrevious(), s.Found()));
}

/// `AND`, `Where`: the lower-case keyword a capitalised word spells, or "".
std::string_view LowerCaseKeyword(std::string_view word) {
  std::string lower(word);
  bool changed = false;
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
      changed = true;
    }
  }
  if (!changed) return {};
  for (const char* spelling : kSpellings) {
    if (spelling[0] >= 'a' && spelling[0] <= 'z' && lower == spelling) return spelling;
  }
  return {};
}

/// Help for a capitalised keyword at (or just before) the error.
std::optional<std::string> CaseHint(const ErrorSite& s) {
  for (const Token* t : {s.Offending(), s.Previous()}) {
    if (t == nullptr || t->kind != Tok::kIdent) continue;
    std::string_view keyword = LowerCaseKeyword(s.Text(*t));
    if (!keyword.empty()) return fmt::format("keywords are lower-case: write '{}'", keyword);
  }
  return std::nullopt;
}

bool IsNamedDecl(Tok t) {
  return t == Tok::kSegment || t == Tok::kScore || t == Tok::kClassify || t == Tok::kLet ||
         t == Tok::kParam || t == Tok::kMeasure;
}

/// Help for `segment Big Spenders where ...`: a declaration name written with spaces.
std::optional<std::string> SpacedNameHint(const ErrorSite& s) {
  size_t at = s.info.offending;
  if (at >= s.chunk.end || at < s.chunk.begin + 2 || s.tokens[at].kind != Tok::kIdent) return {};
  if (s.tokens[at - 1].kind != Tok::kIdent || !IsNamedDecl(s.tokens[at - 2].kind)) return {};
  size_t end = at;
  while (end < s.chunk.end && s.tokens[end].kind == Tok::kIdent && !s.tokens[end].line_start) {
    ++end;
  }
  Tok next = end < s.chunk.end ? s.tokens[end].kind : Tok::kEof;
  bool header_follows = next == Tok::kWhere || next == Tok::kString || next == Tok::kAssign ||
                        next == Tok::kLBrace || next == Tok::kRange;
  if (!header_follows) return {};
  std::string joined(s.Text(s.tokens[at - 1]));
  std::string spaced = joined;
  for (size_t i = at; i < end; ++i) {
    joined += "_" + std::string(s.Text(s.tokens[i]));
    spaced += " " + std::string(s.Text(s.tokens[i]));
  }
  return fmt::format("names cannot contain spaces: write '{}' (or backquotes: `{}`)", joined,
                     spaced);
}

bool IsComparisonOp(Tok t) {
  return t == Tok::kEq || t == Tok::kNe || t == Tok::kLt || t == Tok::kLe || t == Tok::kGt ||
         t == Tok::kGe;
}

/// Help for `a <> b` (SQL's not-equal) and `2 <= x < 5` (chained comparisons).
std::optional<std::string> ComparisonHint(const ErrorSite& s) {
  const Token* t = s.Offending();
  const Token* p = s.Previous();
  if (t == nullptr || p == nullptr || !IsComparisonOp(t->kind)) return std::nullopt;
  if (p->kind == Tok::kLt && t->kind == Tok::kGt && p->end == t->begin) {
    return "write '!=' for 'not equal'";
  }
  if (!EndsOperand(p->kind)) return std::nullopt;
  return "comparisons cannot be chained: join them with 'and' (`2 <= orders and orders < 5`) or "
         "write `orders between 2 and 4`";
}

Diagnostic Describe(const ErrorSite& s) {
  using Builder = std::optional<Diagnostic> (*)(const ErrorSite&);
  static constexpr Builder kBuilders[] = {
      FrenchNumberOrWord, KeywordAsName,       MissingWhere,       AssignInsteadOfEquals,
      ExpectedExpression, ExpectedCloseParen,  ExpectedArmKeyword, ExpectedBlockItem,
      ExpectedType,       ExpectedDeclaration, ExpectedName,
  };
  for (Builder build : kBuilders) {
    if (std::optional<Diagnostic> d = build(s)) return std::move(*d);
  }
  return Fallback(s);
}

}  // namespace

std::string_view ClosestWord(std::string_view word,
                             const std::vector<std::string_view>& candidates) {
  size_t limit = word.size() <= 4 ? 1 : 2;
  std::string_view best;
  size_t best_distance = limit + 1;
  for (std::string_view c : candidates) {
    size_t d = diag::EditDistance(word, c);
    if (d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

Diagnostic DescribeSyntaxError(const SyntaxErrorInfo& info, const std::vector<Token>& tokens,
                               Chunk chunk, std::string_view text, diag::FileId file) {
  ErrorSite s{info, tokens, chunk, text, file};
  Diagnostic d = Describe(s);
  if (std::optional<std::string> help = CaseHint(s)) {
    d.help = std::move(*help);
  } else if (std::optional<std::string> spaced = SpacedNameHint(s)) {
    d.help = std::move(*spaced);
  } else if (std::optional<std::string> compare = ComparisonHint(s)) {
    d.help = std::move(*compare);
  }
  return d;
}

}  // namespace segc::syntax
