// The segc lexer. Bytes come in as code points 0..255 (see compiler/syntax), so token offsets
// are byte offsets. Every input lexes: malformed pieces become ERROR-like tokens that the
// lowering reports with precise ranges (E0001, E0002, E0004, E0005, E0006, E0009).
// Token order is mirrored by compiler/syntax/token_kind.h (checked by static_assert).
lexer grammar SegcLexer;

// Produced only by the token pre-pass (compiler/syntax/prepass.cc), never by a lexer rule:
// `90 days` (INT + unit word), postfix `ago`, `+`/`-` that start a score rule, and the words
// `consent`, `audience` and `split` where they start a declaration (not reserved elsewhere).
tokens { LONG_DURATION, AGO, RULE_PLUS, RULE_MINUS, KW_CONSENT, KW_AUDIENCE, KW_SPLIT }

// ---- keywords (reserved; a column with such a name needs backquotes) ----
KW_IMPORT: 'import';
KW_INPUT: 'input';
KW_AS: 'as';
KW_AS_OF: 'as_of';
KW_PARAM: 'param';
KW_LET: 'let';
KW_SEGMENT: 'segment';
KW_WHERE: 'where';
KW_EXPECT: 'expect';
KW_SIZE: 'size';
KW_BETWEEN: 'between';
KW_SCORE: 'score';
KW_RANGE: 'range';
KW_WHEN: 'when';
KW_CLASSIFY: 'classify';
KW_OTHERWISE: 'otherwise';
KW_MEASURE: 'measure';
KW_AND: 'and';
KW_OR: 'or';
KW_NOT: 'not';
KW_IN: 'in';
KW_IS: 'is';
KW_NULL: 'null';
KW_TRUE: 'true';
KW_FALSE: 'false';
KW_WITHIN: 'within';
KW_TABLE: 'table';
KW_KEY: 'key';
KW_ENUM: 'enum';
KW_EVENTS: 'events';
KW_AMONG: 'among';

// ---- punctuation and operators ----
LPAREN: '(';
RPAREN: ')';
LBRACE: '{';
RBRACE: '}';
COMMA: ',';
COLON: ':';
DOTDOT: '..';
DOT: '.';
EQ: '==';
NE: '!=';
LE: '<=';
GE: '>=';
LT: '<';
GT: '>';
ASSIGN: '=';
PLUS: '+';
MINUS: '-';
STAR: '*';
SLASH: '/';

// ---- literals (equal-length matches go to the rule listed first) ----
DATE: DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT;
BAD_DATE: DIGIT+ '-' DIGIT+ '-' DIGIT+;
PERCENT: DIGITS ('.' DIGITS)? '%';
DURATION: DIGITS ('d' | 'w' | 'mo' | 'y');
FLOAT: DIGITS '.' DIGITS;
INT: DIGITS;
BAD_NUMBER: DIGITS ('.' DIGITS)? [A-Za-z] [A-Za-z0-9_]*;
PERCENTILE: 'p' DIGIT+ ('.' DIGIT+)?;
IDENT: [A-Za-z_] [A-Za-z0-9_]*;
BACKQUOTED: '`' ~[`\r\n]* '`';
STRING: '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' | '\'' (~['\\\r\n] | '\\' ~[\r\n])* '\'';

// ---- trivia ----
COMMENT: '#' ~[\r\n]* -> skip;
WS: [ \t\r\n\f]+ -> skip;

// ---- error tokens: never valid, reported by the lowering ----
UNTERMINATED_STRING: '"' (~["\\\r\n] | '\\' ~[\r\n])* '\\'? | '\'' (~['\\\r\n] | '\\' ~[\r\n])* '\\'?;
UNTERMINATED_BACKQUOTE: '`' ~[`\r\n]*;
// One whole UTF-8 sequence (lead byte + continuation bytes), or any other single byte.
ERROR_CHAR: [\u00C0-\u00FF] [\u0080-\u00BF]* | .;

fragment DIGIT: [0-9];
fragment DIGITS: DIGIT [0-9_]*;
