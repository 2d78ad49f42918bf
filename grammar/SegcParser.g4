// The segc parser (docs/design-decisions.md, "Concrete syntax"). Expressions are layered rules
// with repetition instead of left recursion, so `a and b and ...` and `a + b + ...` give flat
// parse trees and ANTLR recurses only for parentheses (capped before parsing, E0012).
// The parser runs once per declaration chunk (see compiler/syntax/prepass.cc).
parser grammar SegcParser;

options { tokenVocab = SegcLexer; }

declarations: decl+ EOF;

decl
  : tableDecl     # TableDeclaration
  | eventsDecl    # EventsDeclaration
  | importDecl    # ImportDeclaration
  | inputDecl     # InputDeclaration
  | asOfDecl      # AsOfDeclaration
  | paramDecl     # ParamDeclaration
  | letDecl       # LetDeclaration
  | segmentDecl   # SegmentDeclaration
  | scoreDecl     # ScoreDeclaration
  | classifyDecl  # ClassifyDeclaration
  | measureDecl   # MeasureDeclaration
  | consentDecl   # ConsentDeclaration
  | audienceDecl  # AudienceDeclaration
  | splitDecl     # SplitDeclaration
  ;

// ---- schema ----
tableDecl: KW_TABLE table=name KW_KEY key=name LBRACE columnDecl* RBRACE;
// `events purchases of customers by customer_id [at date] { ... }`: `of`, `by` and `at` are
// plain words here (checked by the lowering), so they stay usable as column names.
eventsDecl
  : KW_EVENTS table=name of=IDENT parent=name by=IDENT key=name (at=IDENT time=name)?
    LBRACE columnDecl* RBRACE
  ;
columnDecl: name COLON typeSpec COMMA?;
typeSpec
  : IDENT (LPAREN STRING RPAREN)?                    # NamedType
  | KW_ENUM LPAREN STRING (COMMA STRING)* RPAREN     # EnumType
  ;

// ---- modules and settings ----
importDecl: KW_IMPORT module=name (LPAREN binding (COMMA binding)* RPAREN)? (KW_AS alias=name)?;
binding: name ASSIGN expr;
// `input population: bool = true`: an import may leave an input with a (literal) default unbound.
inputDecl: KW_INPUT name COLON typeSpec (ASSIGN fallback=primary)?;
asOfDecl: KW_AS_OF DATE;
paramDecl: KW_PARAM name ASSIGN expr;
letDecl: KW_LET name ASSIGN expr;

// ---- outputs ----
segmentDecl: KW_SEGMENT name STRING? KW_WHERE expr expectSize?;
expectSize: KW_EXPECT KW_SIZE KW_BETWEEN low=sizeBound KW_AND high=sizeBound;
sizeBound
  : INT      # CountBound
  | PERCENT  # PercentBound
  ;

scoreDecl: KW_SCORE name scoreRange? scoreBody;
scoreRange: KW_RANGE low=signedNumber DOTDOT high=signedNumber;
signedNumber: MINUS? (INT | FLOAT);
scoreBody
  : LBRACE scoreRule* RBRACE  # PointsBody
  | ASSIGN expr               # ExprBody
  ;
scoreRule: sign=(RULE_PLUS | RULE_MINUS) points=expr (KW_WHEN cond=expr)?;

classifyDecl: KW_CLASSIFY name LBRACE classifyArm* RBRACE;
classifyArm
  : STRING KW_WHEN expr   # WhenArm
  | STRING KW_OTHERWISE   # OtherwiseArm
  ;

// `measure revenue "Revenue" = sum(total_spent)`: the lowering splits the aggregator call
// (sum, mean, min, max, count) from its per-row argument; sema checks the shape.
measureDecl: KW_MEASURE name STRING? ASSIGN expr;
// ---- activation (docs/language.md, "Consent, audiences and splits") ----
// `from`, `channel`, `of`, `into` and `salt` are plain words here (checked by the lowering).
consentDecl: KW_CONSENT channel=name ASSIGN column=name;
audienceDecl: KW_AUDIENCE target=name from=IDENT segment=primary channelWord=IDENT channel=name;
splitDecl
  : KW_SPLIT name of=IDENT segment=primary into=IDENT splitArm (COMMA splitArm)*
    salt=IDENT STRING
  ;
splitArm: name PERCENT;

// ---- expressions, loosest first ----
expr: andExpr (KW_OR andExpr)*;
andExpr: notExpr (KW_AND notExpr)*;
notExpr: KW_NOT* comparison;
comparison: additive comparisonTail?;
comparisonTail
  : op=(EQ | NE | LT | LE | GT | GE) additive                       # CompareTail
  | KW_NOT? KW_BETWEEN low=additive KW_AND high=additive            # BetweenTail
  | KW_NOT? KW_IN LPAREN expr (COMMA expr)* RPAREN                  # InTail
  | KW_IS KW_NOT? KW_NULL                                           # IsNullTail
  | KW_WITHIN additive                                              # WithinTail
  ;
additive: multiplicative (ops+=(PLUS | MINUS) multiplicative)*;
multiplicative: unary (ops+=(STAR | SLASH) unary)*;
unary: MINUS* postfix;
// `ntile(5, total_spent) among Buyers`: a statistic over the rows of a population.
postfix: primary (AGO | KW_AMONG population=primary)?;
primary
  : INT                                              # IntLiteral
  | FLOAT                                            # FloatLiteral
  | PERCENT                                          # PercentLiteral
  | STRING                                           # StringLiteral
  | DATE                                             # DateLiteral
  | (DURATION | LONG_DURATION)                       # DurationLiteral
  | (KW_TRUE | KW_FALSE)                             # BoolLiteral
  | PERCENTILE LPAREN expr RPAREN                    # PercentileCall
  | PERCENTILE                                       # PercentileShorthand
  | IDENT LPAREN (args+=expr (COMMA args+=expr)*)? (KW_WHERE filter=expr)? RPAREN  # CallExpr
  | module=name DOT member=name                      # QualifiedName
  | name                                             # SimpleName
  | LPAREN expr RPAREN                               # ParenExpr
  ;

name
  : IDENT       # PlainName
  | BACKQUOTED  # QuotedName
  ;
