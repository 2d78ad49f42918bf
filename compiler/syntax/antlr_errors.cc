// FirstErrorStrategy: converts ANTLR's recognition errors into SyntaxErrorInfo and bails out.
#include "compiler/syntax/antlr_errors.h"

namespace segc::syntax {
namespace {

std::vector<Tok> ToKinds(const antlr4::misc::IntervalSet& set) {
  std::vector<Tok> kinds;
  for (const antlr4::misc::Interval& interval : set.getIntervals()) {
    for (ssize_t t = interval.a; t <= interval.b; ++t) {
      if (t == static_cast<ssize_t>(antlr4::Token::EOF))
        kinds.push_back(Tok::kEof);
      else if (t > 0 && t < static_cast<ssize_t>(Tok::kEof))
        kinds.push_back(static_cast<Tok>(t));
    }
  }
  return kinds;
}

}  // namespace

void FirstErrorStrategy::Record(antlr4::Parser* parser, antlr4::Token* offending,
                                const antlr4::misc::IntervalSet& expected) {
  if (error_) return;
  SyntaxErrorInfo info;
  bool at_eof = !offending || offending->getType() == antlr4::Token::EOF;
  info.offending = at_eof ? chunk_end_ : token_base_ + offending->getTokenIndex();
  info.expected = ToKinds(expected);
  info.rule_stack = parser->getRuleInvocationStack();
  error_ = std::move(info);
}

void FirstErrorStrategy::reportError(antlr4::Parser* parser,
                                     const antlr4::RecognitionException& e) {
  Record(parser, e.getOffendingToken(), e.getExpectedTokens());
}

void FirstErrorStrategy::recover(antlr4::Parser*, std::exception_ptr) { throw SyntaxBail{}; }

antlr4::Token* FirstErrorStrategy::recoverInline(antlr4::Parser* parser) {
  Record(parser, parser->getCurrentToken(), parser->getExpectedTokens());
  throw SyntaxBail{};
}

void FirstErrorStrategy::sync(antlr4::Parser*) {}

}  // namespace segc::syntax
