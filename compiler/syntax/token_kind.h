// Token kinds of the segc lexer (mirrors grammar/SegcLexer.g4; lower.cc static_asserts the match)
// and the compact token record the pre-pass and the error reporter work on.
#pragma once

#include <cstdint>

namespace segc::syntax {

/// Token types, numerically equal to the generated SegcLexer constants.
enum class Tok : uint8_t {
  kInvalid = 0,
  kLongDuration,  // pre-pass: `90 days`
  kAgo,           // pre-pass: postfix `ago`
  kRulePlus,      // pre-pass: `+` starting a score rule
  kRuleMinus,     // pre-pass: `-` starting a score rule
  kConsent,       // pre-pass: `consent NAME =`
  kAudience,      // pre-pass: `audience NAME from`
  kSplit,         // pre-pass: `split NAME of`
  kImport,
  kInput,
  kAs,
  kAsOf,
  kParam,
  kLet,
  kSegment,
  kWhere,
  kExpect,
  kSize,
  kBetween,
  kScore,
  kRange,
  kWhen,
  kClassify,
  kOtherwise,
  kMeasure,
  kAnd,
  kOr,
  kNot,
  kIn,
  kIs,
  kNull,
  kTrue,
  kFalse,
  kWithin,
  kTable,
  kKey,
  kEnum,
  kEvents,
  kAmong,
  kLParen,
  kRParen,
  kLBrace,
  kRBrace,
  kComma,
  kColon,
  kDotDot,
  kDot,
  kEq,
  kNe,
  kLe,
  kGe,
  kLt,
  kGt,
  kAssign,
  kPlus,
  kMinus,
  kStar,
  kSlash,
  kDate,
  kBadDate,
  kPercent,
  kDuration,
  kFloat,
  kInt,
  kBadNumber,
  kPercentile,
  kIdent,
  kBackquoted,
  kString,
  kComment,
  kWs,
  kUnterminatedString,
  kUnterminatedBackquote,
  kErrorChar,
  kEof,  // not a lexer constant: ANTLR's EOF is size_t(-1); mapped here
};

inline constexpr int kFirstKeyword = static_cast<int>(Tok::kImport);
inline constexpr int kLastKeyword = static_cast<int>(Tok::kAmong);

/// True for reserved words (`segment`, `and`, ...).
inline bool IsKeyword(Tok t) {
  int v = static_cast<int>(t);
  return v >= kFirstKeyword && v <= kLastKeyword;
}

/// True for the keywords that start a declaration.
inline bool IsDeclKeyword(Tok t) {
  switch (t) {
    case Tok::kImport:
    case Tok::kInput:
    case Tok::kAsOf:
    case Tok::kParam:
    case Tok::kLet:
    case Tok::kSegment:
    case Tok::kScore:
    case Tok::kClassify:
    case Tok::kMeasure:
    case Tok::kTable:
    case Tok::kEvents:
    case Tok::kConsent:
    case Tok::kAudience:
    case Tok::kSplit:
      return true;
    default:
      return false;
  }
}

/// True for tokens the lexer produces only for malformed input.
inline bool IsErrorToken(Tok t) {
  switch (t) {
    case Tok::kBadDate:
    case Tok::kBadNumber:
    case Tok::kUnterminatedString:
    case Tok::kUnterminatedBackquote:
    case Tok::kErrorChar:
      return true;
    default:
      return false;
  }
}

/// One token: kind and byte range [begin, end) in the file; `line_start` if first on its line.
struct Token {
  Tok kind = Tok::kInvalid;
  bool line_start = false;
  uint32_t begin = 0;
  uint32_t end = 0;
};

}  // namespace segc::syntax
