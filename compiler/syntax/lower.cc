// The parsing driver and the parse tree → AST lowering: the ONLY file that includes generated
// ANTLR headers. One small function per labelled alternative; lowering never recurses along
// and/or or arithmetic chains, and every expression stays within ParseOptions::max_depth.
#include <antlr4-runtime.h>
#include <fmt/format.h>

#include "SegcLexer.h"
#include "SegcParser.h"
#include "compiler/syntax/antlr_errors.h"
#include "compiler/syntax/lex_errors.h"
#include "compiler/syntax/literals.h"
#include "compiler/syntax/parse.h"
#include "compiler/syntax/prepass.h"
#include "compiler/syntax/source_checks.h"

namespace segc::syntax {
namespace {

using P = segc_gen::SegcParser;
using L = segc_gen::SegcLexer;
using ast::ExprPtr;
using diag::Code;

static_assert(L::LONG_DURATION == int(Tok::kLongDuration) && L::RULE_MINUS == int(Tok::kRuleMinus));
static_assert(L::KW_IMPORT == int(Tok::kImport) && L::KW_EVENTS == int(Tok::kEvents) &&
              L::KW_AMONG == int(Tok::kAmong) && L::KW_SPLIT == int(Tok::kSplit));
static_assert(L::LPAREN == int(Tok::kLParen) && L::SLASH == int(Tok::kSlash));
static_assert(L::DATE == int(Tok::kDate) && L::STRING == int(Tok::kString));
static_assert(L::ERROR_CHAR == int(Tok::kErrorChar) && L::ERROR_CHAR + 1 == int(Tok::kEof));

/// Feeds ANTLR one code point per byte, so ANTLR's indexes are byte offsets.
class ByteStream : public antlr4::ANTLRInputStream {
 public:
  explicit ByteStream(std::string_view bytes) {
    _data.reserve(bytes.size());
    for (char c : bytes) _data.push_back(static_cast<unsigned char>(c));
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") _data[0] = _data[1] = _data[2] = U' ';  // BOM
  }
};

std::vector<Token> Lex(ByteStream& stream, size_t size) {
  L lexer(&stream);
  lexer.removeErrorListeners();
  std::vector<Token> tokens;
  for (;;) {
    std::unique_ptr<antlr4::Token> t = lexer.nextToken();
    if (t->getType() == antlr4::Token::EOF) break;
    tokens.push_back({static_cast<Tok>(t->getType()), false,
                      static_cast<uint32_t>(t->getStartIndex()),
                      static_cast<uint32_t>(t->getStopIndex() + 1)});
  }
  tokens.push_back({Tok::kEof, false, static_cast<uint32_t>(size), static_cast<uint32_t>(size)});
  return tokens;
}

/// Hands ANTLR the (rewritten) tokens of one chunk, then EOF.
class ChunkTokenSource : public antlr4::TokenSource {
 public:
  ChunkTokenSource(const std::vector<Token>& tokens, antlr4::CharStream* stream)
      : tokens_(tokens), stream_(stream) {}
  /// Starts handing out `chunk` (the source is reused for every chunk of a file).
  void Reset(Chunk chunk) {
    chunk_ = chunk;
    next_ = chunk.begin;
  }
  std::unique_ptr<antlr4::Token> nextToken() override {
    if (next_ < chunk_.end) {
      const Token& t = tokens_[next_++];
      return Make(static_cast<size_t>(t.kind), t.begin, t.end);
    }
    uint32_t at = chunk_.end > chunk_.begin ? tokens_[chunk_.end - 1].end : 0;
    return Make(antlr4::Token::EOF, at, at);
  }
  size_t getLine() const override { return 0; }
  size_t getCharPositionInLine() override { return 0; }
  antlr4::CharStream* getInputStream() override { return stream_; }
  std::string getSourceName() override { return ""; }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override {
    return antlr4::CommonTokenFactory::DEFAULT.get();
  }

 private:
  std::unique_ptr<antlr4::Token> Make(size_t type, uint32_t begin, uint32_t end) {
    return std::make_unique<antlr4::CommonToken>(std::make_pair(this, stream_), type,
                                                 antlr4::Token::DEFAULT_CHANNEL, begin,
                                                 static_cast<size_t>(end) - 1);
  }
  const std::vector<Token>& tokens_;
  Chunk chunk_;
  size_t next_ = 0;
  antlr4::CharStream* stream_;
};

/// Thrown inside the lowering to drop one declaration after an unrecoverable problem (E0012).
struct LowerAbort {};

class Lowerer {
 public:
  Lowerer(std::string_view text, diag::FileId file, ast::NodeIdAllocator& ids,
          diag::DiagnosticSink& sink, uint32_t max_depth)
      : text_(text), file_(file), ids_(ids), sink_(sink), max_depth_(max_depth) {}

  std::optional<ast::Decl> LowerDecl(P::DeclContext* ctx);

 private:
  // ---- ranges, text, diagnostics ----
  diag::SourceRange Range(antlr4::Token* t) const {
    return {file_, static_cast<uint32_t>(t->getStartIndex()),
            static_cast<uint32_t>(t->getStopIndex() + 1)};
  }
  diag::SourceRange Range(antlr4::tree::TerminalNode* n) const { return Range(n->getSymbol()); }
  diag::SourceRange Range(antlr4::ParserRuleContext* c) const {
    return diag::SourceRange::Cover(Range(c->getStart()), Range(c->getStop()));
  }
  std::string_view Text(antlr4::Token* t) const {
    diag::SourceRange r = Range(t);
    return text_.substr(r.begin, r.end - r.begin);
  }
  std::string_view Text(antlr4::tree::TerminalNode* n) const { return Text(n->getSymbol()); }
  template <class T>
  T Check(Decoded<T> d, antlr4::tree::TerminalNode* n) {
    if (d.error) {
      diag::SourceRange r = Range(n);
      uint32_t begin = r.begin + d.error->offset;
      diag::Diagnostic diag = diag::Make(d.error->code, {file_, begin, begin + d.error->length},
                                         std::move(d.error->message));
      diag.help = std::move(d.error->help);
      sink_.Report(std::move(diag));
    }
    return std::move(d.value);
  }
  ExprPtr Node(diag::SourceRange range, ast::ExprKind kind) {
    return std::make_unique<ast::Expr>(ast::Expr{ids_.Next(), range, std::move(kind)});
  }
  [[noreturn]] void TooDeep(diag::SourceRange where) {
    diag::Diagnostic d =
        diag::Make(Code::kNestingTooDeep, where,
                   fmt::format("expression nested too deeply: more than {} levels", max_depth_));
    d.label = "the limit is reached here";
    d.help = "split the expression into several 'let' declarations";
    sink_.Report(std::move(d));
    throw LowerAbort{};
  }

  /// E0012 for a left-deep `+`/`-` (or `*`/`/`) chain of `terms` operands: each term is a level.
  [[noreturn]] void ChainTooLong(const std::vector<antlr4::Token*>& ops, size_t terms) {
    size_t at = std::min<size_t>(ops.size() - 1, max_depth_ > depth_ ? max_depth_ - depth_ : 0);
    std::string sign = ops[0]->getType() == L::PLUS || ops[0]->getType() == L::MINUS ? "+" : "*";
    diag::Diagnostic d = diag::Make(
        Code::kNestingTooDeep, Range(ops[at]),
        fmt::format("expression nested too deeply: a chain of {} '{}' terms is more than {} levels",
                    terms, sign, max_depth_));
    d.label = "the limit is reached here";
    d.help = fmt::format(
        "each term of the chain counts as one level: group the terms in parentheses, "
        "e.g. (a {0} b {0} c) {0} (d {0} e), or split them into several 'let' declarations",
        sign);
    sink_.Report(std::move(d));
    throw LowerAbort{};
  }

  // ---- names and types ----
  ast::Ident LowerName(P::NameContext* ctx);
  ast::TypeSpec LowerType(P::TypeSpecContext* ctx);
  ast::TypeSpec LowerNamedType(P::NamedTypeContext* ctx);
  ast::TypeSpec LowerEnumType(P::EnumTypeContext* ctx);
  ast::Ident LowerLabel(antlr4::tree::TerminalNode* string);

  // ---- declarations ----
  ast::DeclKind LowerTable(P::TableDeclContext* ctx);
  ast::DeclKind LowerEvents(P::EventsDeclContext* ctx);
  /// Reports E0003 unless the plain word `word` of an events declaration reads `expected`.
  void ExpectWord(antlr4::Token* word, const char* expected, const char* form = kEventsForm);
  static constexpr const char* kEventsForm =
      "an event table is declared `events purchases of customers by customer_id [at date] { "
      "... }`";
  ast::DeclKind LowerImport(P::ImportDeclContext* ctx);
  ast::DeclKind LowerInput(P::InputDeclContext* ctx);
  ast::DeclKind LowerAsOf(P::AsOfDeclContext* ctx);
  ast::DeclKind LowerParam(P::ParamDeclContext* ctx);
  ast::DeclKind LowerLet(P::LetDeclContext* ctx);
  ast::DeclKind LowerSegment(P::SegmentDeclContext* ctx);
  ast::ExpectSize LowerExpectSize(P::ExpectSizeContext* ctx);
  ast::SizeBound LowerSizeBound(P::SizeBoundContext* ctx);
  ast::DeclKind LowerScore(P::ScoreDeclContext* ctx);
  ast::ScoreRange LowerScoreRange(P::ScoreRangeContext* ctx);
  double LowerSignedNumber(P::SignedNumberContext* ctx);
  ast::ScoreRule LowerScoreRule(P::ScoreRuleContext* ctx);
  ast::DeclKind LowerClassify(P::ClassifyDeclContext* ctx);
  ast::ClassifyArm LowerArm(P::ClassifyArmContext* ctx);
  ast::DeclKind LowerMeasure(P::MeasureDeclContext* ctx);
  ast::DeclKind LowerActivation(P::DeclContext* ctx);

  // ---- expressions: LowerAny unwraps single-child layers and parentheses in a loop, so each
  // nesting level costs two or three frames ----
  ExprPtr LowerExpr(P::ExprContext* ctx) { return LowerAny(ctx); }
  ExprPtr LowerAny(antlr4::ParserRuleContext* ctx);
  ExprPtr LowerAt(uint32_t extra, antlr4::ParserRuleContext* ctx);
  ExprPtr LowerLogical(ast::LogicalOp op, antlr4::ParserRuleContext* ctx);
  ExprPtr LowerNot(P::NotExprContext* ctx);
  ExprPtr LowerComparison(P::ComparisonContext* ctx);
  ast::ExprKind LowerTail(ExprPtr lhs, P::ComparisonTailContext* tail);
  ExprPtr LowerChain(antlr4::ParserRuleContext* ctx, const std::vector<antlr4::Token*>& ops);
  ExprPtr LowerUnary(P::UnaryContext* ctx);
  ExprPtr LowerPostfix(P::PostfixContext* ctx);
  ExprPtr LowerPrimary(P::PrimaryContext* ctx);
  ast::ExprKind LowerLiteral(P::PrimaryContext* ctx);
  ast::ExprKind LowerCall(P::CallExprContext* ctx);
  ast::ExprKind LowerPercentileCall(P::PercentileCallContext* ctx);
  std::vector<ExprPtr> LowerArgs(const std::vector<P::ExprContext*>& args);

  std::string_view text_;
  diag::FileId file_;
  ast::NodeIdAllocator& ids_;
  diag::DiagnosticSink& sink_;
  uint32_t max_depth_;
  uint32_t depth_ = 1;  // depth of the node being lowered (a declaration's root is 1)
};

#include "compiler/syntax/lower_decls.inc"
#include "compiler/syntax/lower_exprs.inc"

/// Lexical checks, the depth limit, ANTLR, then lowering — for each chunk.
class Driver {
 public:
  Driver(std::string_view text, diag::FileId file, ast::NodeIdAllocator& ids,
         diag::DiagnosticSink& sink, const ParseOptions& options)
      : text_(text),
        file_(file),
        sink_(sink),
        options_(options),
        stream_(text),
        lowerer_(text, file, ids, sink, options.max_depth) {
    parser_.removeErrorListeners();
  }

  void Run(ast::File& out) {
    tokens_ = Lex(stream_, text_.size());
    if (tokens_.size() == 1) return ReportEmpty();
    RewriteTokens(tokens_, text_);
    for (Chunk chunk : SplitDeclarations(tokens_)) RunChunk(chunk, out);
  }

 private:
  void ReportEmpty() {
    bool blank = text_.find_first_not_of(" \t\r\n\f") == std::string_view::npos;
    diag::Diagnostic d = diag::Make(Code::kEmptyFile, {file_, 0, 0},
                                    blank ? "file is empty: it has no declarations"
                                          : "file has only comments, no declarations");
    d.help = "a rule file declares segments, scores or classes, e.g. segment VIP where cltv > p90";
    sink_.Report(std::move(d));
  }

  /// `31/12/2026` (a date as French and most European users write it) would parse as two
  /// divisions: E0005 with the ISO spelling instead. Tokens int / int / int, glued, of 1-2,
  /// 1-2 and 4 digits with a plausible day and month.
  bool ReportSlashDate(size_t i, Chunk chunk) {
    if (i + 4 >= chunk.end) return false;
    const Token* t = &tokens_[i];
    auto text = [&](size_t k) { return text_.substr(t[k].begin, t[k].end - t[k].begin); };
    for (size_t k = 0; k < 5; ++k) {
      if (t[k].kind != (k % 2 == 0 ? Tok::kInt : Tok::kSlash)) return false;
      if (k > 0 && t[k].begin != t[k - 1].end) return false;
    }
    std::string_view day = text(0), month = text(2), year = text(4);
    if (day.size() > 2 || month.size() > 2 || year.size() != 4) return false;
    int d = std::stoi(std::string(day)), m = std::stoi(std::string(month));
    if (d < 1 || d > 31 || m < 1 || m > 12) return false;
    diag::Diagnostic diag = diag::Make(
        diag::Code::kInvalidDate, {file_, t[0].begin, t[4].end},
        fmt::format("'{}/{}/{}' is not a date in segc (it divides numbers)", day, month, year));
    diag.help = fmt::format("write dates as YYYY-MM-DD: {}-{:02}-{:02}", year, m, d);
    sink_.Report(std::move(diag));
    return true;
  }

  bool ReportLexErrors(Chunk chunk) {
    bool any = false;
    for (size_t i = chunk.begin; i < chunk.end; ++i) {
      const Token& t = tokens_[i];
      if (t.kind == Tok::kInt && ReportSlashDate(i, chunk)) {
        any = true;
        i += 4;
        continue;
      }
      if (!IsErrorToken(t.kind)) continue;
      std::string_view bad = text_.substr(t.begin, t.end - t.begin);
      uint32_t end = t.end;
      // `&&`, `||`: one diagnostic for the pair, not one per character.
      if (t.kind == Tok::kErrorChar && i + 1 < chunk.end && tokens_[i + 1].kind == t.kind &&
          tokens_[i + 1].begin == t.end && (bad == "&" || bad == "|") &&
          text_.substr(t.end, 1) == bad) {
        end = tokens_[++i].end;
        bad = text_.substr(t.begin, end - t.begin);
      }
      std::string_view word = NameAround(t);
      sink_.Report(DescribeLexError(t.kind, bad, {file_, t.begin, end}, word));
      // One diagnostic per name, however many accented letters it has.
      uint32_t word_end = word.empty() ? t.end : uint32_t(word.data() + word.size() - text_.data());
      while (i + 1 < chunk.end && tokens_[i + 1].begin < word_end) ++i;
      any = true;
    }
    return any;
  }

  /// The length of the name character (ASCII letter, digit or '_', or a non-ASCII letter)
  /// starting at byte `at`, or 0. Non-ASCII letters: Latin-1 and Latin Extended letters
  /// (U+00C0..U+024F but × and ÷) and U+0370..U+1FFF (Greek, Cyrillic...); not spaces,
  /// guillemets, dashes or quotes.
  size_t NameCharAt(size_t at) const {
    auto byte = [&](size_t i) { return static_cast<unsigned char>(text_[i]); };
    unsigned char b = byte(at);
    if (b < 0x80) return std::isalnum(b) != 0 || b == '_' ? 1 : 0;
    size_t length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
    if (length == 0 || at + length > text_.size()) return 0;
    uint32_t cp = b & (0xFF >> (length + 1));
    for (size_t i = 1; i < length; ++i) cp = cp << 6 | (byte(at + i) & 0x3F);
    bool latin = cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7;
    return latin || (cp >= 0x370 && cp <= 0x1FFF) ? length : 0;
  }

  /// For a non-ASCII letter (an error token) glued to other name characters, the whole name
  /// (`Clients_Fidèles`), which the help writes in backquotes; else empty.
  std::string_view NameAround(const Token& t) const {
    if (t.kind != Tok::kErrorChar || NameCharAt(t.begin) < 2) return {};
    size_t begin = t.begin, end = t.end;
    for (;;) {  // back over whole characters: find the lead byte before `begin`
      size_t lead = begin;
      while (lead > 0 && (static_cast<unsigned char>(text_[lead - 1]) & 0xC0) == 0x80) --lead;
      if (lead == 0 || NameCharAt(lead - 1) != begin - lead + 1) break;
      begin = lead - 1;
    }
    while (end < text_.size() && NameCharAt(end) > 0) end += NameCharAt(end);
    if (begin == t.begin && end == t.end) return {};
    return text_.substr(begin, end - begin);
  }

  bool ReportTooDeep(Chunk chunk) {
    std::optional<size_t> at = FindTooDeep(tokens_, chunk, options_.max_depth);
    if (!at) return false;
    const Token& t = tokens_[*at];
    diag::Diagnostic d = diag::Make(
        Code::kNestingTooDeep, {file_, t.begin, t.end},
        fmt::format("expression nested too deeply: more than {} levels of parentheses and "
                    "'not'/'-'",
                    options_.max_depth));
    d.label = "the limit is reached here";
    d.help = "split the expression into several 'let' declarations";
    sink_.Report(std::move(d));
    return true;
  }

  void RunChunk(Chunk chunk, ast::File& out) {
    if (ReportLexErrors(chunk) || ReportTooDeep(chunk)) return;
    // Two-stage parsing: fast SLL prediction first; only a chunk that fails is parsed again
    // with full LL, which reports the error exactly where a plain LL parse would.
    P::DeclarationsContext* tree = ParseChunk(chunk, antlr4::atn::PredictionMode::SLL);
    if (tree == nullptr) {
      tree = ParseChunk(chunk, antlr4::atn::PredictionMode::LL);
      if (tree == nullptr) {
        if (strategy_->error()) {
          sink_.Report(DescribeSyntaxError(*strategy_->error(), tokens_, chunk, text_, file_));
        }
        parser_.getTreeTracker().reset();
        return;
      }
    }
    for (P::DeclContext* decl : tree->decl()) {
      if (std::optional<ast::Decl> d = lowerer_.LowerDecl(decl)) out.decls.push_back(std::move(*d));
    }
    parser_.getTreeTracker().reset();  // the chunk's parse tree is lowered; free it
  }

  /// Parses one chunk with the reused lexer-less parser; nullptr on a syntax error.
  P::DeclarationsContext* ParseChunk(Chunk chunk, antlr4::atn::PredictionMode mode) {
    parser_.getTreeTracker().reset();
    source_.Reset(chunk);
    token_stream_.setTokenSource(&source_);
    parser_.setTokenStream(&token_stream_);
    strategy_ = std::make_shared<FirstErrorStrategy>(chunk.begin, chunk.end);
    parser_.setErrorHandler(strategy_);
    parser_.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(mode);
    P::DeclarationsContext* tree = nullptr;
    try {
      tree = parser_.declarations();
    } catch (const SyntaxBail&) {
      return nullptr;
    }
    return strategy_->error() ? nullptr : tree;
  }

  std::string_view text_;
  diag::FileId file_;
  diag::DiagnosticSink& sink_;
  const ParseOptions& options_;
  ByteStream stream_;
  Lowerer lowerer_;
  std::vector<Token> tokens_;
  // One token source, token stream and parser for the whole file, reset for each chunk.
  ChunkTokenSource source_{tokens_, &stream_};
  antlr4::CommonTokenStream token_stream_{&source_};
  P parser_{&token_stream_};
  std::shared_ptr<FirstErrorStrategy> strategy_;
};

}  // namespace

std::unique_ptr<ast::File> Parse(const diag::SourceManager& sources, diag::FileId file,
                                 ast::NodeIdAllocator& ids, diag::DiagnosticSink& sink,
                                 const ParseOptions& options) {
  auto out = std::make_unique<ast::File>();
  out->file = file;
  std::string_view text = sources.file(file).text;
  if (!CheckSourceText(text, file, options.max_file_bytes, sink)) return out;
  Driver(text, file, ids, sink, options).Run(*out);
  return out;
}

std::vector<Token> Tokenize(std::string_view text) {
  ByteStream stream(text);
  std::vector<Token> tokens = Lex(stream, text.size());
  RewriteTokens(tokens, text);
  return tokens;
}

}  // namespace segc::syntax
