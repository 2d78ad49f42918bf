// The formatter: walks the syntax tree for structure and emits the file's tokens in order, so the
// text it writes lexes to the same tokens (hence parses to the same tree). Comments are the text
// between tokens; each is written where its position falls in that token stream
// (docs/formatting.md).
#include "compiler/format/format.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

#include "compiler/syntax/parse.h"
#include "compiler/syntax/prepass.h"

namespace segc::format {
namespace {

using syntax::Tok;
using syntax::Token;

/// The columns `text` takes on screen: one per code point (UTF-8 continuation bytes take
/// none), so that labels like "À risque" align with ASCII ones.
int Width(std::string_view text) {
  int width = 0;
  for (char c : text) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return width;
}

/// A `#` comment: its text is [begin, end) of the source, trailing blanks excluded.
struct SourceComment {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool own_line = false;      ///< no token before it on its source line
  bool blank_before = false;  ///< an empty line separates it from what comes before
};

/// Splits the text between tokens into comments; `blank_before` of each token is set likewise.
std::vector<SourceComment> ScanComments(std::string_view text, const std::vector<Token>& tokens,
                                        std::vector<bool>& token_blank_before) {
  std::vector<SourceComment> out;
  token_blank_before.assign(tokens.size(), false);
  uint32_t prev_end = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") prev_end = 3;  // the BOM is dropped
  for (size_t i = 0; i < tokens.size(); ++i) {
    uint32_t gap_end = tokens[i].begin;
    uint32_t newlines = 0;        // since the previous token or comment
    bool line_has_token = i > 0;  // a token precedes on the current source line
    for (uint32_t p = prev_end; p < gap_end; ++p) {
      char c = text[p];
      if (c == '\n') {
        ++newlines;
        line_has_token = false;
      } else if (c == '#') {
        uint32_t stop = p;
        while (stop < gap_end && text[stop] != '\n') ++stop;
        uint32_t end = stop;
        while (end > p && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r'))
          --end;
        bool first_in_file = out.empty() && i == 0;
        out.push_back({p, end, !line_has_token, newlines >= 2 && !first_in_file});
        newlines = 0;
        line_has_token = true;  // a second `#` on this line is part of this comment
        p = stop - 1;
      }
    }
    token_blank_before[i] = newlines >= 2;
    prev_end = tokens[i].end;
  }
  return out;
}

/// One output line: indentation and code, a trailing comment, or a comment on its own line.
struct Line {
  std::string code;
  std::string trailing;  // "# ..." written after the code, aligned later
  bool comment_only = false;
};

int IndentOf(const std::string& code) {
  return static_cast<int>(
      code.find_first_not_of(' ') == std::string::npos ? code.size() : code.find_first_not_of(' '));
}

/// Tokens of an expression, inclusive, with the parentheses the author wrote around it.
struct Span {
  size_t first = 0;
  size_t last = 0;
};

class Formatter {
 public:
  Formatter(std::string_view text, const ast::File& file)
      : text_(text), file_(file), tokens_(syntax::Tokenize(text)) {
    comments_ = ScanComments(text_, tokens_, blank_before_);
    MatchParens();
  }

  std::string Run() {
    size_t n = file_.decls.size();
    std::vector<size_t> block_start(n), decl_lines(n);
    std::vector<bool> big(n);
    for (size_t k = 0; k < n; ++k) {
      const ast::Decl& decl = file_.decls[k];
      size_t b = TokenAt(decl.range.begin);
      size_t e = k + 1 < n ? TokenAt(file_.decls[k + 1].range.begin) : tokens_.size() - 1;
      FlushTrailing(tokens_[b].begin);
      block_start[k] = lines_.size();
      NewLine(0);
      FlushComments(tokens_[b].begin);
      BlankIfSource(b);
      size_t first_line = lines_.size();
      PrintDecl(decl, b, e);
      if (next_ != e)
        throw std::logic_error("formatter: a declaration's tokens were not all written");
      decl_lines[k] = lines_.size() - first_line;
      big[k] = decl_lines[k] > 1 || std::holds_alternative<ast::TableDecl>(decl.kind) ||
               std::holds_alternative<ast::EventsDecl>(decl.kind) ||
               std::holds_alternative<ast::ClassifyDecl>(decl.kind) ||
               (std::holds_alternative<ast::ScoreDecl>(decl.kind) &&
                std::get<ast::ScoreDecl>(decl.kind).expr == nullptr);
    }
    NewLine(0);
    FlushComments(static_cast<uint32_t>(text_.size()) + 1);
    // A declaration of several lines (or a block) gets a blank line on each side.
    for (size_t k = n; k-- > 1;) {
      if (!big[k] && !big[k - 1]) continue;
      size_t at = block_start[k];
      bool blank_there = (at < lines_.size() && IsBlank(lines_[at])) || IsBlank(lines_[at - 1]);
      if (!blank_there) lines_.insert(lines_.begin() + static_cast<ptrdiff_t>(at), Line{});
    }
    return Render();
  }

 private:
  // ---- tokens ----
  std::string_view TokText(size_t i) const {
    return text_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
  }
  /// The token's text as written out: `90   days` becomes `90 days`.
  std::string OutText(size_t i) const {
    std::string_view t = TokText(i);
    if (tokens_[i].kind != Tok::kLongDuration) return std::string(t);
    size_t digits = t.find_first_of(" \t");
    size_t word = t.find_first_not_of(" \t", digits);
    return std::string(t.substr(0, digits)) + " " + std::string(t.substr(word));
  }
  Tok Kind(size_t i) const { return tokens_[i].kind; }
  size_t TokenAt(uint32_t begin) const {
    auto it = std::lower_bound(tokens_.begin(), tokens_.end(), begin,
                               [](const Token& t, uint32_t b) { return t.begin < b; });
    if (it == tokens_.end() || it->begin != begin)
      throw std::logic_error("formatter: no token starts where a node starts");
    return static_cast<size_t>(it - tokens_.begin());
  }
  size_t TokenEndingAt(uint32_t end) const {
    auto it = std::lower_bound(tokens_.begin(), tokens_.end(), end,
                               [](const Token& t, uint32_t e) { return t.end < e; });
    if (it == tokens_.end() || it->end != end)
      throw std::logic_error("formatter: no token ends where a node ends");
    return static_cast<size_t>(it - tokens_.begin());
  }
  void MatchParens() {
    match_.assign(tokens_.size(), SIZE_MAX);
    std::vector<size_t> open;
    for (size_t i = 0; i < tokens_.size(); ++i) {
      if (Kind(i) == Tok::kLParen) {
        open.push_back(i);
      } else if (Kind(i) == Tok::kRParen && !open.empty()) {
        match_[open.back()] = i;
        match_[i] = open.back();
        open.pop_back();
      }
    }
  }

  /// True if the two tokens are written with a space between them on one line.
  bool NeedSpace(size_t i) const {
    if (i == 0) return false;
    Tok prev = Kind(i - 1), cur = Kind(i);
    if (prev == Tok::kLParen || cur == Tok::kRParen || cur == Tok::kComma || cur == Tok::kColon)
      return false;
    if (prev == Tok::kDot || cur == Tok::kDot || prev == Tok::kDotDot || cur == Tok::kDotDot)
      return false;
    if (prev == Tok::kLBrace && cur == Tok::kRBrace) return false;
    if (cur == Tok::kLParen && (prev == Tok::kIdent || prev == Tok::kBackquoted ||
                                prev == Tok::kPercentile || prev == Tok::kEnum))
      return false;
    if (prev == Tok::kRulePlus || prev == Tok::kRuleMinus) return false;
    // A unary minus sticks to its operand; a binary one has spaces.
    if (prev == Tok::kMinus && (i < 2 || !syntax::EndsOperand(Kind(i - 2)))) return false;
    return true;
  }
  int FlatWidth(size_t a, size_t b) const {
    int width = 0;
    for (size_t i = a; i < b; ++i) width += Width(OutText(i)) + (i > a && NeedSpace(i) ? 1 : 0);
    return width;
  }
  /// True if tokens [a, b) contain no comment between them.
  bool NoCommentsInside(size_t a, size_t b) const {
    uint32_t lo = tokens_[a].end, hi = tokens_[b - 1].begin;
    auto it = std::lower_bound(comments_.begin(), comments_.end(), lo,
                               [](const SourceComment& c, uint32_t p) { return c.begin < p; });
    return it == comments_.end() || it->begin >= hi;
  }
  /// The column the next token would start at.
  int Column() const {
    if (at_line_start_ || lines_.empty()) return next_indent_;
    return Width(lines_.back().code) + 1;
  }
  bool FitsFlat(size_t a, size_t b) const {
    return NoCommentsInside(a, b) && Column() + FlatWidth(a, b) <= kLineWidth;
  }

  // ---- output ----
  static bool IsBlank(const Line& line) { return line.code.empty() && !line.comment_only; }
  void NewLine(int indent) {
    at_line_start_ = true;
    next_indent_ = indent;
    base_indent_ = indent;
  }
  void AddBlank() {
    if (lines_.empty() || IsBlank(lines_.back())) return;
    const Line& last = lines_.back();
    if (!last.comment_only && !last.code.empty() && last.code.back() == '{') return;
    lines_.push_back(Line{});
  }
  void BlankIfSource(size_t i) {
    if (blank_before_[i]) AddBlank();
  }
  /// Writes the comments before source offset `pos`.
  void FlushComments(uint32_t pos) { Flush(pos, false); }
  /// Writes only a trailing comment before `pos` (it belongs to the line already written).
  void FlushTrailing(uint32_t pos) { Flush(pos, true); }
  void Flush(uint32_t pos, bool only_trailing) {
    while (next_comment_ < comments_.size() && comments_[next_comment_].begin < pos) {
      const SourceComment& c = comments_[next_comment_];
      std::string body(text_.substr(c.begin, c.end - c.begin));
      bool trailing = !c.own_line && !lines_.empty() && !lines_.back().comment_only &&
                      !IsBlank(lines_.back()) && lines_.back().trailing.empty();
      if (only_trailing && !trailing) return;
      ++next_comment_;
      if (trailing) {
        lines_.back().trailing = std::move(body);
        if (!at_line_start_) {  // the rest of the line moves to the next one
          at_line_start_ = true;
          next_indent_ = base_indent_ + 4;
        }
        continue;
      }
      if (!at_line_start_) {
        at_line_start_ = true;
        next_indent_ = base_indent_ + 4;
      }
      if (c.blank_before) AddBlank();
      lines_.push_back(Line{std::string(static_cast<size_t>(next_indent_), ' ') + body, "", true});
    }
  }
  void Emit(size_t i) {
    if (i != next_) throw std::logic_error("formatter: tokens written out of order");
    FlushComments(tokens_[i].begin);
    if (at_line_start_) {
      lines_.push_back(Line{std::string(static_cast<size_t>(next_indent_), ' '), "", false});
      at_line_start_ = false;
    } else if (pad_ >= 0) {
      lines_.back().code.append(static_cast<size_t>(pad_), ' ');
    } else if (NeedSpace(i)) {
      lines_.back().code += ' ';
    }
    pad_ = -1;
    lines_.back().code += OutText(i);
    ++next_;
  }
  void Skip(size_t i) {
    if (i != next_) throw std::logic_error("formatter: tokens skipped out of order");
    ++next_;
  }
  void EmitRange(size_t a, size_t b) {
    for (size_t i = a; i < b; ++i) Emit(i);
  }
  void Expect(size_t i, Tok kind) const {
    if (Kind(i) != kind) throw std::logic_error("formatter: unexpected token");
  }

  /// Trailing comments of consecutive commented lines with the same indentation start in one
  /// column.
  std::string Render() {
    std::string out;
    size_t i = 0;
    while (i < lines_.size()) {
      if (IsBlank(lines_[i]) || lines_[i].comment_only) {
        out += lines_[i].code + "\n";
        ++i;
        continue;
      }
      int indent = IndentOf(lines_[i].code);
      size_t j = i;
      size_t column = 0;
      for (; j < lines_.size(); ++j) {
        const Line& line = lines_[j];
        if (IsBlank(line)) break;
        if (line.comment_only) continue;
        if (IndentOf(line.code) != indent) break;
        if (line.trailing.empty()) {  // a line without a comment ends the group
          if (j == i) ++j;
          break;
        }
        column = std::max(column, static_cast<size_t>(Width(line.code)) + 2);
      }
      for (; i < j; ++i) {
        Line& line = lines_[i];
        out += line.code;
        if (!line.trailing.empty()) {
          out.append(column - static_cast<size_t>(Width(line.code)), ' ');
          out += line.trailing;
        }
        out += "\n";
      }
    }
    while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n')
      out.pop_back();
    return out;
  }

  // ---- expressions ----
  template <class F>
  static void ForEachChild(const ast::Expr& e, F&& f) {
    std::visit(ast::Overloaded{
                   [&](const ast::Call& c) {
                     for (const ast::ExprPtr& a : c.args) f(*a);
                     if (c.filter) f(*c.filter);
                   },
                   [&](const ast::Unary& u) { f(*u.operand); },
                   [&](const ast::Binary& b) {
                     f(*b.lhs);
                     f(*b.rhs);
                   },
                   [&](const ast::Logical& l) {
                     for (const ast::ExprPtr& o : l.operands) f(*o);
                   },
                   [&](const ast::Between& b) {
                     f(*b.value);
                     f(*b.low);
                     f(*b.high);
                   },
                   [&](const ast::InList& in) {
                     f(*in.value);
                     for (const ast::ExprPtr& item : in.items) f(*item);
                   },
                   [&](const ast::IsNull& n) { f(*n.value); },
                   [&](const ast::Within& w) {
                     f(*w.value);
                     f(*w.duration);
                   },
                   [&](const ast::Ago& a) { f(*a.duration); },
                   [](const auto&) {},
               },
               e.kind);
  }
  /// Tokens of `e` without parentheses around it (the tree's ranges leave some out).
  Span Tight(const ast::Expr& e) {
    if (auto it = tight_.find(&e); it != tight_.end()) return it->second;
    Span s{TokenAt(e.range.begin), TokenEndingAt(e.range.end)};
    ForEachChild(e, [&](const ast::Expr& child) {
      Span c = WithAllParens(Tight(child));
      s.first = std::min(s.first, c.first);
      s.last = std::max(s.last, c.last);
    });
    tight_.emplace(&e, s);
    return s;
  }
  /// Pairs of matching parentheses directly around `s`.
  int ParenLayers(Span s) const {
    int layers = 0;
    while (s.first > 0 && s.last + 1 < tokens_.size() && Kind(s.first - 1) == Tok::kLParen &&
           Kind(s.last + 1) == Tok::kRParen && match_[s.first - 1] == s.last + 1) {
      --s.first;
      ++s.last;
      ++layers;
    }
    return layers;
  }
  Span WithAllParens(Span s) const {
    int layers = ParenLayers(s);
    return {s.first - static_cast<size_t>(layers), s.last + static_cast<size_t>(layers)};
  }
  /// The author's parentheses around `e`. Only expressions the formatter lays out itself are
  /// asked (conditions, values, operands of `and`/`or`), and none of them sits directly inside
  /// the parentheses of a call or an `in` list, so every matching pair around them is the
  /// author's.
  int UserLayers(const ast::Expr& e) { return ParenLayers(Tight(e)); }
  Span Full(const ast::Expr& e) { return WithAllParens(Tight(e)); }

  /// Writes `e` (which starts on a line indented `indent`): on one line when it fits and holds
  /// no comment, else an `and`/`or` chain gets one operand per line, the operator first.
  void ExprBlock(const ast::Expr& e, int indent) {
    Span s = Full(e);
    if (FitsFlat(s.first, s.last + 1)) return EmitRange(s.first, s.last + 1);
    const auto* logical = std::get_if<ast::Logical>(&e.kind);
    if (logical == nullptr) return EmitRange(s.first, s.last + 1);
    size_t layers = static_cast<size_t>(UserLayers(e));
    EmitRange(s.first, s.first + layers);  // `(` stays at the end of the line
    for (size_t j = 0; j < logical->operands.size(); ++j) {
      const ast::Expr& operand = *logical->operands[j];
      if (j > 0 || layers > 0) NewLine(indent + 2);
      if (j > 0) {
        size_t op = Full(operand).first - 1;
        Expect(op, logical->op == ast::LogicalOp::kAnd ? Tok::kAnd : Tok::kOr);
        Emit(op);
      }
      ExprBlock(operand, indent + 2);
    }
    if (layers > 0) {
      NewLine(indent);
      EmitRange(s.last + 1 - layers, s.last + 1);
    }
  }

  // ---- declarations ----
  void PrintDecl(const ast::Decl& decl, size_t b, size_t e) {
    std::visit(ast::Overloaded{
                   [&](const ast::TableDecl& t) { PrintSchema(t.columns, b, e); },
                   [&](const ast::EventsDecl& t) { PrintSchema(t.columns, b, e); },
                   [&](const ast::ImportDecl& d) { PrintImport(d, b, e); },
                   [&](const ast::ParamDecl& d) { PrintValue(*d.value, b, e); },
                   [&](const ast::LetDecl& d) { PrintValue(*d.value, b, e); },
                   [&](const ast::SegmentDecl& d) { PrintSegment(d, b, e); },
                   [&](const ast::ScoreDecl& d) { PrintScore(d, b, e); },
                   [&](const ast::ClassifyDecl& d) { PrintClassify(d, b, e); },
                   [&](const auto&) { EmitRange(b, e); },  // input, as_of: one line
               },
               decl.kind);
  }
  /// Starts an item of a block (a column, a rule, an arm, a binding) on its own line.
  void StartItem(size_t i, int indent) {
    NewLine(indent);
    FlushComments(tokens_[i].begin);
    BlankIfSource(i);
  }
  size_t FindToken(size_t from, Tok kind) const {
    while (Kind(from) != kind) {
      if (Kind(from) == Tok::kEof) throw std::logic_error("formatter: missing token");
      ++from;
    }
    return from;
  }
  /// Closes a block: comments before `}` stay inside it.
  void CloseBlock(size_t close) {
    Expect(close, Tok::kRBrace);
    NewLine(2);
    FlushComments(tokens_[close].begin);
    NewLine(0);
    Emit(close);
  }
  bool EmptyBlock(size_t open, size_t close) const {
    return close == open + 1 && NoCommentsInside(open, close + 1);
  }

  void PrintSchema(const std::vector<ast::ColumnDecl>& columns, size_t b, size_t e) {
    size_t open = FindToken(b, Tok::kLBrace);
    size_t close = e - 1;
    if (EmptyBlock(open, close)) return EmitRange(b, e);
    EmitRange(b, open + 1);
    for (size_t c = 0; c < columns.size(); ++c) {
      size_t first = TokenAt(columns[c].name.range.begin);
      size_t end = c + 1 < columns.size() ? TokenAt(columns[c + 1].name.range.begin) : close;
      StartItem(first, 2);
      for (size_t i = first; i < end; ++i) {
        if (i + 1 == end && Kind(i) == Tok::kComma) {
          Skip(i);  // one column per line: no separating commas
        } else {
          Emit(i);
        }
      }
    }
    CloseBlock(close);
  }

  void PrintImport(const ast::ImportDecl& d, size_t b, size_t e) {
    if (d.bindings.empty() || FitsFlat(b, e)) return EmitRange(b, e);
    size_t open = FindToken(b, Tok::kLParen);
    EmitRange(b, open + 1);
    for (const ast::Binding& binding : d.bindings) {
      size_t first = TokenAt(binding.name.range.begin);
      size_t end = Full(*binding.value).last + 1;
      StartItem(first, 2);
      EmitRange(first, end);
      if (Kind(end) == Tok::kComma) Emit(end);
    }
    NewLine(0);
    EmitRange(next_, e);
  }

  /// `param`, `let` and `score NAME = expr`: the value follows `=` on the same line.
  void PrintValue(const ast::Expr& value, size_t b, size_t e) {
    if (FitsFlat(b, e)) return EmitRange(b, e);
    Span s = Full(value);
    EmitRange(b, s.first);
    ExprBlock(value, 0);
  }

  void PrintSegment(const ast::SegmentDecl& d, size_t b, size_t e) {
    if (FitsFlat(b, e)) return EmitRange(b, e);
    Span s = Full(*d.where);
    size_t where = s.first - 1;
    Expect(where, Tok::kWhere);
    if (FitsFlat(b, s.last + 1)) {
      EmitRange(b, s.last + 1);
    } else {
      EmitRange(b, where);
      NewLine(2);
      Emit(where);
      ExprBlock(*d.where, 2);
    }
    if (d.expect) {
      NewLine(2);
      EmitRange(s.last + 1, e);
    }
  }

  void PrintScore(const ast::ScoreDecl& d, size_t b, size_t e) {
    if (d.expr) return PrintValue(*d.expr, b, e);
    size_t open = FindToken(b, Tok::kLBrace);
    size_t close = e - 1;
    if (EmptyBlock(open, close)) return EmitRange(b, e);
    EmitRange(b, open + 1);
    int column = 0;  // `when` lines up after the widest points
    for (const ast::ScoreRule& rule : d.rules) {
      if (rule.when) {
        column =
            std::max(column, FlatWidth(TokenAt(rule.range.begin), Full(*rule.points).last + 1));
      }
    }
    for (const ast::ScoreRule& rule : d.rules) {
      size_t first = TokenAt(rule.range.begin);
      size_t last = TokenEndingAt(rule.range.end);
      StartItem(first, 2);
      if (!rule.when) {
        EmitRange(first, last + 1);
        continue;
      }
      size_t points_end = Full(*rule.points).last + 1;
      EmitRange(first, points_end);
      Expect(points_end, Tok::kWhen);
      pad_ = 1 + column - FlatWidth(first, points_end);
      Emit(points_end);
      ExprBlock(*rule.when, 2);
    }
    CloseBlock(close);
  }

  void PrintClassify(const ast::ClassifyDecl& d, size_t b, size_t e) {
    size_t open = FindToken(b, Tok::kLBrace);
    size_t close = e - 1;
    if (EmptyBlock(open, close)) return EmitRange(b, e);
    EmitRange(b, open + 1);
    int column = 0;  // `when` and `otherwise` line up after the widest label
    for (const ast::ClassifyArm& arm : d.arms) {
      size_t label = TokenAt(arm.range.begin);
      column = std::max(column, FlatWidth(label, label + 1));
    }
    for (const ast::ClassifyArm& arm : d.arms) {
      size_t label = TokenAt(arm.range.begin);
      StartItem(label, 2);
      Emit(label);
      pad_ = 1 + column - FlatWidth(label, label + 1);
      Emit(label + 1);  // `when` or `otherwise`
      if (arm.when) ExprBlock(*arm.when, 2);
    }
    CloseBlock(close);
  }

  std::string_view text_;
  const ast::File& file_;
  std::vector<Token> tokens_;
  std::vector<bool> blank_before_;
  std::vector<SourceComment> comments_;
  std::vector<size_t> match_;
  std::unordered_map<const ast::Expr*, Span> tight_;

  std::vector<Line> lines_;
  bool at_line_start_ = true;
  int next_indent_ = 0;
  int base_indent_ = 0;  // a line broken by a comment continues at base_indent_ + 4
  int pad_ = -1;         // spaces before the next token instead of the usual 0 or 1
  size_t next_ = 0;      // the next token to write
  size_t next_comment_ = 0;
};

}  // namespace

std::string FormatText(std::string_view text, const ast::File& file) {
  return Formatter(text, file).Run();
}

std::vector<std::string> Comments(std::string_view text) {
  std::vector<Token> tokens = syntax::Tokenize(text);
  std::vector<bool> blank;
  std::vector<std::string> out;
  for (const SourceComment& c : ScanComments(text, tokens, blank))
    out.emplace_back(text.substr(c.begin, c.end - c.begin));
  return out;
}

}  // namespace segc::format
