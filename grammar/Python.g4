// Python 3.11 for aioc. Written for ANTLR 4.7's ALL(*) (LL), so it follows the
// classic LL(1)-style Python grammar (test/or_test/.../atom trailer*) rather
// than CPython's PEG grammar; anything the LL form accepts too loosely
// (assignment targets, parameter order, keyword arguments, soft keywords'
// spelling) is checked by the AST builder, which reports CPython's messages.
//
// Indentation, implicit line joining and the `match` soft keyword are done by
// PythonLexerBase (compiler/frontend/IndentingLexer.*): the lexer here emits
// raw NEWLINE tokens and the subclass turns them into NEWLINE/INDENT/DEDENT.
grammar Python;

tokens { INDENT, DEDENT, MATCH }

// ------------------------------------------------------------------ parser

file_input: (NEWLINE | stmt)* EOF;

// The expression inside an f-string replacement field (parsed on its own,
// as CPython 3.11 does).
fstring_input: testlist_star_expr EOF | yield_expr EOF;

stmt: simple_stmts | compound_stmt;

simple_stmts: simple_stmt (SEMI simple_stmt)* SEMI? NEWLINE;

simple_stmt
    : expr_stmt
    | del_stmt
    | pass_stmt
    | break_stmt
    | continue_stmt
    | return_stmt
    | raise_stmt
    | global_stmt
    | nonlocal_stmt
    | assert_stmt
    | import_stmt
    ;

expr_stmt
    : lhs=star_or_yield
      ( annassign
      | augassign rhs=star_or_yield
      | (ASSIGN star_or_yield)*
      )
    ;
star_or_yield: yield_expr | testlist_star_expr;
annassign: COLON test (ASSIGN star_or_yield)?;
augassign
    : ADD_ASSIGN | SUB_ASSIGN | MULT_ASSIGN | AT_ASSIGN | DIV_ASSIGN
    | MOD_ASSIGN | AND_ASSIGN | OR_ASSIGN | XOR_ASSIGN | LEFT_SHIFT_ASSIGN
    | RIGHT_SHIFT_ASSIGN | POWER_ASSIGN | IDIV_ASSIGN
    ;

del_stmt: DEL exprlist;
pass_stmt: PASS;
break_stmt: BREAK;
continue_stmt: CONTINUE;
return_stmt: RETURN testlist_star_expr?;
raise_stmt: RAISE (test (FROM test)?)?;
global_stmt: GLOBAL NAME (COMMA NAME)*;
nonlocal_stmt: NONLOCAL NAME (COMMA NAME)*;
assert_stmt: ASSERT test (COMMA test)?;

import_stmt: import_name | import_from;
import_name: IMPORT dotted_as_names;
import_from
    : FROM (DOT | ELLIPSIS)* dotted_name IMPORT import_targets
    | FROM (DOT | ELLIPSIS)+ IMPORT import_targets
    ;
import_targets
    : STAR
    | OPEN_PAREN import_as_names COMMA? CLOSE_PAREN
    | import_as_names
    ;
import_as_name: NAME (AS NAME)?;
dotted_as_name: dotted_name (AS NAME)?;
import_as_names: import_as_name (COMMA import_as_name)*;
dotted_as_names: dotted_as_name (COMMA dotted_as_name)*;
dotted_name: NAME (DOT NAME)*;

compound_stmt
    : if_stmt
    | while_stmt
    | for_stmt
    | try_stmt
    | with_stmt
    | funcdef
    | classdef
    | decorated
    | async_stmt
    | match_stmt
    ;

async_stmt: ASYNC (funcdef | with_stmt | for_stmt);

if_stmt: IF namedexpr_test COLON block elif_clause* else_clause?;
elif_clause: ELIF namedexpr_test COLON block;
else_clause: ELSE COLON block;
while_stmt: WHILE namedexpr_test COLON block else_clause?;
for_stmt: FOR exprlist IN testlist_star_expr COLON block else_clause?;
try_stmt
    : TRY COLON block
      ( except_clause+ else_clause? finally_clause?
      | finally_clause
      )
    ;
except_clause: EXCEPT STAR? (test (AS NAME)?)? COLON block;
finally_clause: FINALLY COLON block;

// `with (a, b):` is the parenthesized form (first alternative wins, as in
// CPython); `with (a, b) as c:` falls through to a tuple.
with_stmt
    : WITH OPEN_PAREN with_item (COMMA with_item)* COMMA? CLOSE_PAREN COLON block
    | WITH with_item (COMMA with_item)* COLON block
    ;
with_item: test (AS (expr | star_expr))?;

block
    : simple_stmts
    | NEWLINE INDENT stmt+ DEDENT
    ;

decorated: decorator+ (classdef | funcdef | async_funcdef);
decorator: AT namedexpr_test NEWLINE;
async_funcdef: ASYNC funcdef;

funcdef: DEF NAME parameters (ARROW test)? COLON block;
parameters: OPEN_PAREN typedargslist? CLOSE_PAREN;
// Order and uniqueness rules (`/`, `*`, defaults) are checked by the builder.
typedargslist: tparam (COMMA tparam)* COMMA?;
tparam
    : tfpdef (ASSIGN test)?
    | DIV
    | STAR (NAME (COLON (test | star_expr))?)?
    | POWER tfpdef
    ;
tfpdef: NAME (COLON test)?;

varargslist: vparam (COMMA vparam)* COMMA?;
vparam
    : NAME (ASSIGN test)?
    | DIV
    | STAR NAME?
    | POWER NAME
    ;

classdef: CLASS NAME (OPEN_PAREN arglist? CLOSE_PAREN)? COLON block;

// match: MATCH is produced by the lexer subclass only for a logical line that
// starts with `match` and ends with `:`; `case` is a NAME checked by the
// builder (only case blocks can appear there).
match_stmt: MATCH subject_expr COLON NEWLINE INDENT case_block+ DEDENT;
subject_expr: star_named (COMMA star_named)* COMMA?;
star_named: namedexpr_test | star_expr;
case_block: NAME patterns (IF namedexpr_test)? COLON block;
patterns: maybe_star_pattern (COMMA maybe_star_pattern)* COMMA?;
maybe_star_pattern: STAR NAME | pattern;
pattern: or_pattern (AS NAME)?;
or_pattern: closed_pattern (OR_OP closed_pattern)*;
closed_pattern
    : literal_pattern
    | name_or_attr (OPEN_PAREN class_args? CLOSE_PAREN)?
    | OPEN_PAREN (maybe_star_pattern (COMMA maybe_star_pattern)* COMMA?)? CLOSE_PAREN
    | OPEN_BRACK (maybe_star_pattern (COMMA maybe_star_pattern)* COMMA?)? CLOSE_BRACK
    | OPEN_BRACE (mapping_item (COMMA mapping_item)* COMMA?)? CLOSE_BRACE
    ;
literal_pattern
    : signed_number ((ADD | MINUS) NUMBER)?
    | STRING+
    | NONE
    | TRUE
    | FALSE
    ;
signed_number: MINUS? NUMBER;
name_or_attr: NAME (DOT NAME)*;
class_args: class_arg (COMMA class_arg)* COMMA?;
class_arg: NAME ASSIGN pattern | pattern;
mapping_item
    : (literal_pattern | name_or_attr) COLON pattern
    | POWER NAME
    ;

// ------------------------------------------------------------ expressions

namedexpr_test: test (WALRUS test)?;
test
    : or_test (IF or_test ELSE test)?
    | lambdef
    ;
lambdef: LAMBDA varargslist? COLON test;
// `not`, `and`, `or` and comparison chains in one left-recursive rule, and
// every operator from `|` down to trailers in another (`expr`): ANTLR turns
// each into a precedence-climbing loop, so an atom costs a few rule contexts
// instead of one per precedence level. Alternatives are listed from the
// tightest binding to the loosest. Two rules rather than one, because
// `not` may not appear inside an operand of `==` or `|` (`a == not b`), and
// exprlist (`for x in y`) must stop before comparisons.
// The AST builder tells the alternatives apart by their shape (number of
// children, terminal at index 1), so do not add alternatives of the same shape
// with different meanings.
or_test
    : NOT or_test
    | or_test AND or_test
    | or_test OR or_test
    | expr (comp_op expr)*
    ;
comp_op
    : LESS_THAN | GREATER_THAN | EQUALS | GT_EQ | LT_EQ | NOT_EQ
    | IN | NOT IN | IS NOT | IS
    ;
star_expr: STAR expr;
// Trailers bind tighter than `await` (TOOLCHAIN.md), `await` tighter than
// `**`, and `**` tighter than a unary operator on its left (`-x**y` is
// `-(x**y)`). `await -x` and `await await x` are accepted here and refused by
// the builder, as CPython refuses them.
expr
    : expr DOT NAME
    | expr OPEN_PAREN arglist? CLOSE_PAREN
    | expr OPEN_BRACK subscriptlist CLOSE_BRACK
    | AWAIT expr
    | <assoc=right> expr POWER expr
    | (ADD | MINUS | NOT_OP) expr
    | expr (STAR | AT | DIV | MOD | IDIV) expr
    | expr (ADD | MINUS) expr
    | expr (LEFT_SHIFT | RIGHT_SHIFT) expr
    | expr AND_OP expr
    | expr XOR expr
    | expr OR_OP expr
    | atom
    ;
atom
    : OPEN_PAREN (yield_expr | testlist_comp)? CLOSE_PAREN
    | OPEN_BRACK testlist_comp? CLOSE_BRACK
    | OPEN_BRACE dictorsetmaker? CLOSE_BRACE
    | NAME
    | NUMBER
    | STRING+
    | ELLIPSIS
    | NONE
    | TRUE
    | FALSE
    ;
testlist_comp: star_named ( comp_for | (COMMA star_named)* COMMA? );
subscriptlist: subscript (COMMA subscript)* COMMA?;
subscript
    : namedexpr_test (COLON test? sliceop?)?
    | COLON test? sliceop?
    | star_expr
    ;
sliceop: COLON test?;
exprlist: (expr | star_expr) (COMMA (expr | star_expr))* COMMA?;
testlist: test (COMMA test)* COMMA?;
testlist_star_expr: (test | star_expr) (COMMA (test | star_expr))* COMMA?;
// `named` allows an unparenthesized walrus where CPython does (displays).
dictorsetmaker
    : dict_item (comp_for | (COMMA dict_item)* COMMA?)
    | star_named (comp_for | (COMMA star_named)* COMMA?)
    ;
dict_item: test COLON test | POWER expr;

arglist: argument (COMMA argument)* COMMA?;
argument
    : test (comp_for | WALRUS test | ASSIGN test)?
    | STAR test
    | POWER test
    ;

comp_for: ASYNC? FOR exprlist IN or_test comp_if* comp_for?;
comp_if: IF or_test_nocond;
or_test_nocond: or_test;

yield_expr: YIELD (FROM test | testlist_star_expr)?;

// ------------------------------------------------------------------ lexer

// Keywords (before NAME so they win on equal length).
FALSE: 'False';
NONE: 'None';
TRUE: 'True';
AND: 'and';
AS: 'as';
ASSERT: 'assert';
ASYNC: 'async';
AWAIT: 'await';
BREAK: 'break';
CLASS: 'class';
CONTINUE: 'continue';
DEF: 'def';
DEL: 'del';
ELIF: 'elif';
ELSE: 'else';
EXCEPT: 'except';
FINALLY: 'finally';
FOR: 'for';
FROM: 'from';
GLOBAL: 'global';
IF: 'if';
IMPORT: 'import';
IN: 'in';
IS: 'is';
LAMBDA: 'lambda';
NONLOCAL: 'nonlocal';
NOT: 'not';
OR: 'or';
PASS: 'pass';
RAISE: 'raise';
RETURN: 'return';
TRY: 'try';
WHILE: 'while';
WITH: 'with';
YIELD: 'yield';

// A string literal with any prefix; contents are decoded (and f-strings
// parsed) by the AST builder.
STRING: STRING_PREFIX? (LONG_STRING | SHORT_STRING);

NUMBER: IMAG_NUMBER | FLOAT_NUMBER | INTEGER;

NAME: ID_START ID_CONTINUE*;

NEWLINE: '\r'? '\n' | '\r';

ELLIPSIS: '...';
DOT: '.';
STAR: '*';
OPEN_PAREN: '(';
CLOSE_PAREN: ')';
COMMA: ',';
COLON: ':';
SEMI: ';';
POWER: '**';
ASSIGN: '=';
OPEN_BRACK: '[';
CLOSE_BRACK: ']';
OR_OP: '|';
XOR: '^';
AND_OP: '&';
LEFT_SHIFT: '<<';
RIGHT_SHIFT: '>>';
ADD: '+';
MINUS: '-';
DIV: '/';
MOD: '%';
IDIV: '//';
NOT_OP: '~';
OPEN_BRACE: '{';
CLOSE_BRACE: '}';
LESS_THAN: '<';
GREATER_THAN: '>';
EQUALS: '==';
GT_EQ: '>=';
LT_EQ: '<=';
NOT_EQ: '!=';
AT: '@';
ARROW: '->';
WALRUS: ':=';
ADD_ASSIGN: '+=';
SUB_ASSIGN: '-=';
MULT_ASSIGN: '*=';
AT_ASSIGN: '@=';
DIV_ASSIGN: '/=';
MOD_ASSIGN: '%=';
AND_ASSIGN: '&=';
OR_ASSIGN: '|=';
XOR_ASSIGN: '^=';
LEFT_SHIFT_ASSIGN: '<<=';
RIGHT_SHIFT_ASSIGN: '>>=';
POWER_ASSIGN: '**=';
IDIV_ASSIGN: '//=';

SKIP_WS: [ \t\f]+ -> skip;
COMMENT: '#' ~[\r\n]* -> skip;
LINE_JOIN: '\\' ('\r'? '\n' | '\r') -> skip;

// Anything else is one bad character; the builder reports it.
ERROR_CHAR: .;

fragment STRING_PREFIX
    : [rRuUbBfF]
    | [bB][rR] | [rR][bB]
    | [fF][rR] | [rR][fF]
    ;
fragment SHORT_STRING
    : '\'' (STRING_ESCAPE_SEQ | ~[\\\r\n'])* '\''
    | '"' (STRING_ESCAPE_SEQ | ~[\\\r\n"])* '"'
    ;
fragment LONG_STRING
    : '\'\'\'' LONG_STRING_ITEM*? '\'\'\''
    | '"""' LONG_STRING_ITEM*? '"""'
    ;
fragment LONG_STRING_ITEM: STRING_ESCAPE_SEQ | ~'\\';
fragment STRING_ESCAPE_SEQ: '\\' ('\r\n' | .);

fragment INTEGER
    : NON_ZERO_DIGIT ('_'? DIGIT)*
    | '0'+ ('_'? '0')*
    | '0' [oO] ('_'? [0-7])+
    | '0' [xX] ('_'? [0-9a-fA-F])+
    | '0' [bB] ('_'? [01])+
    ;
fragment NON_ZERO_DIGIT: [1-9];
fragment DIGIT: [0-9];
fragment DIGIT_PART: DIGIT ('_'? DIGIT)*;
fragment FLOAT_NUMBER: POINT_FLOAT | EXPONENT_FLOAT;
fragment POINT_FLOAT: DIGIT_PART? '.' DIGIT_PART | DIGIT_PART '.';
fragment EXPONENT_FLOAT: (DIGIT_PART | POINT_FLOAT) [eE] [+-]? DIGIT_PART;
fragment IMAG_NUMBER: (FLOAT_NUMBER | DIGIT_PART) [jJ];

fragment ID_START: [_\p{XID_Start}];
fragment ID_CONTINUE: [\p{XID_Continue}];
