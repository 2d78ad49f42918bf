// Token rewriting, declaration chunking and the nesting-depth limit (runs before ANTLR).
#include "compiler/syntax/prepass.h"

#include <optional>

#include "compiler/syntax/literals.h"

namespace segc::syntax {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view TextOf(std::string_view text, const Token& t) {
  return text.substr(t.begin, t.end - t.begin);
}

void MarkLineStarts(std::vector<Token>& tokens, std::string_view text) {
  uint32_t prev_end = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string_view gap = text.substr(prev_end, tokens[i].begin - prev_end);
    tokens[i].line_start = i == 0 || gap.find('\n') != std::string_view::npos;
    prev_end = tokens[i].end;
  }
}

bool OnlyBlanksBetween(std::string_view text, const Token& a, const Token& b) {
  return text.substr(a.end, b.begin - a.end).find_first_not_of(" \t") == std::string_view::npos;
}

/// Tracks whether the scan is inside `score NAME ... { ... }`.
class ScoreBlockTracker {
 public:
  void Step(Tok kind, bool line_start) {
    if (IsDeclKeyword(kind) && line_start)
      state_ = kind == Tok::kScore ? kHeader : kOutside;
    else if (kind == Tok::kScore)
      state_ = kHeader;
    else if (state_ == kHeader && kind == Tok::kAssign)
      state_ = kOutside;
    else if (state_ == kHeader && kind == Tok::kLBrace)
      state_ = kBlock;
    else if (state_ == kBlock && kind == Tok::kRBrace)
      state_ = kOutside;
  }
  bool in_block() const { return state_ == kBlock; }

 private:
  enum State { kOutside, kHeader, kBlock } state_ = kOutside;
};

bool StartsRule(const std::vector<Token>& out, const Token& sign, std::string_view text) {
  if (out.empty()) return false;
  const Token& prev = out.back();
  if (prev.kind == Tok::kLBrace) return true;
  bool space_before = sign.begin > 0 && IsSpace(text[sign.begin - 1]);
  bool space_after = sign.end >= text.size() || IsSpace(text[sign.end]);
  return EndsOperand(prev.kind) && space_before && !space_after;
}

/// `consent NAME =`, `audience NAME from`, `split NAME of`: the declaration keyword. These
/// shapes (a name followed by a name) are never valid anywhere else, so the words stay plain
/// names everywhere else, e.g. a column called `consent`.
std::optional<Tok> ActivationKeyword(const std::vector<Token>& tokens, size_t i,
                                     std::string_view text) {
  const Token& t = tokens[i];
  if (t.kind != Tok::kIdent || i + 2 >= tokens.size()) return std::nullopt;
  const Token& name = tokens[i + 1];
  const Token& after = tokens[i + 2];
  if (name.kind != Tok::kIdent && name.kind != Tok::kBackquoted) return std::nullopt;
  std::string_view word = TextOf(text, t);
  auto after_word = [&](std::string_view w) {
    return after.kind == Tok::kIdent && TextOf(text, after) == w;
  };
  if (word == "consent" && after.kind == Tok::kAssign) return Tok::kConsent;
  if (word == "audience" && after_word("from")) return Tok::kAudience;
  if (word == "split" && after_word("of")) return Tok::kSplit;
  return std::nullopt;
}

}  // namespace

bool EndsOperand(Tok kind) {
  switch (kind) {
    case Tok::kInt:
    case Tok::kFloat:
    case Tok::kPercent:
    case Tok::kString:
    case Tok::kDate:
    case Tok::kDuration:
    case Tok::kLongDuration:
    case Tok::kTrue:
    case Tok::kFalse:
    case Tok::kPercentile:
    case Tok::kIdent:
    case Tok::kBackquoted:
    case Tok::kNull:  // `x is null` / `x is not null`
    case Tok::kRParen:
    case Tok::kAgo:
      return true;
    default:
      return false;
  }
}

void RewriteTokens(std::vector<Token>& tokens, std::string_view text) {
  MarkLineStarts(tokens, text);
  std::vector<Token> out;
  out.reserve(tokens.size());
  ScoreBlockTracker score;
  for (size_t i = 0; i < tokens.size(); ++i) {
    Token t = tokens[i];
    if (t.kind == Tok::kInt && i + 1 < tokens.size() && tokens[i + 1].kind == Tok::kIdent &&
        !tokens[i + 1].line_start && OnlyBlanksBetween(text, t, tokens[i + 1]) &&
        UnitFromWord(TextOf(text, tokens[i + 1]))) {
      t.kind = Tok::kLongDuration;
      t.end = tokens[++i].end;
    } else if (t.kind == Tok::kIdent && TextOf(text, t) == "ago" && !out.empty() &&
               EndsOperand(out.back().kind)) {
      t.kind = Tok::kAgo;
    } else if (std::optional<Tok> keyword = ActivationKeyword(tokens, i, text)) {
      t.kind = *keyword;
    } else if ((t.kind == Tok::kPlus || t.kind == Tok::kMinus) && score.in_block() &&
               StartsRule(out, t, text)) {
      t.kind = t.kind == Tok::kPlus ? Tok::kRulePlus : Tok::kRuleMinus;
    }
    score.Step(t.kind, t.line_start);
    out.push_back(t);
  }
  tokens = std::move(out);
}

std::vector<Chunk> SplitDeclarations(const std::vector<Token>& tokens) {
  std::vector<Chunk> chunks;
  size_t last = tokens.empty() ? 0 : tokens.size() - 1;  // the EOF token is not in any chunk
  size_t begin = 0;
  for (size_t i = 1; i < last; ++i) {
    const Token& t = tokens[i];
    if (!IsDeclKeyword(t.kind) || !t.line_start) continue;
    const Token& next = tokens[i + 1];
    bool named = next.kind == Tok::kIdent || next.kind == Tok::kBackquoted ||
                 next.kind == Tok::kDate || next.kind == Tok::kString || IsKeyword(next.kind) ||
                 next.kind == Tok::kEof || next.line_start;
    if (!named) continue;
    chunks.push_back({begin, i});
    begin = i;
  }
  if (begin < last) chunks.push_back({begin, last});
  return chunks;
}

std::optional<size_t> FindTooDeep(const std::vector<Token>& tokens, Chunk chunk,
                                  uint32_t max_depth) {
  std::vector<uint32_t> prefix_runs{0};  // per open parenthesis: prefix operators still open
  uint64_t depth = 0;
  for (size_t i = chunk.begin; i < chunk.end; ++i) {
    Tok kind = tokens[i].kind;
    bool unary_minus =
        kind == Tok::kMinus && (i == chunk.begin || !EndsOperand(tokens[i - 1].kind));
    if (kind == Tok::kLParen) {
      prefix_runs.push_back(0);
      ++depth;
    } else if (kind == Tok::kRParen && prefix_runs.size() > 1) {
      depth -= 1 + prefix_runs.back();
      prefix_runs.pop_back();
    } else if (kind == Tok::kNot || unary_minus) {
      ++prefix_runs.back();
      ++depth;
    } else if (kind == Tok::kAnd || kind == Tok::kOr || kind == Tok::kComma) {
      depth -= prefix_runs.back();
      prefix_runs.back() = 0;
    }
    if (depth > max_depth) return i;
  }
  return std::nullopt;
}

}  // namespace segc::syntax
