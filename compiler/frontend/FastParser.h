// The hand-written recursive-descent parser: the Tokenizer's tokens straight
// to aioc's AST, with no parse tree. It builds exactly the AST (nodes, values,
// ranges) that the ANTLR parser + Builder in Frontend.cpp build, for valid
// code only: on anything it does not accept, or that the reference path
// would report an error for, it returns nullptr ("bails") and parseFile falls
// back to the ANTLR path, which then reports today's diagnostics. Internal
// to the front end.
#pragma once

#include "BuilderSupport.h"

#include <string_view>

namespace antlr4 {
class TokenStream;
}

namespace aioc::frontend {

// Parses a whole file from `tokens` (already filled, no tokenizer errors).
// `pm` maps the tokens' code point indices of `text`. nullptr = bail; nodes
// made before a bail stay in `ctx` (the caller discards it).
Module *fastParseFile(ASTContext &ctx, std::string_view text, const PosMap &pm,
                      antlr4::TokenStream &tokens);

// Token type (PythonParser's) to operator, shared with the Builder.
// binaryOperator: the binary operators of `expr` with ANTLR's precedence
// (POWER 9 down to OR_OP 2). comparisonOperator: the comparison starting
// with `t` (followed by `next`) and how many tokens it takes, 0 if none.
bool binaryOperator(int t, OperatorKind &op, int &prec);
bool augAssignOperator(int t, OperatorKind &op);
int comparisonOperator(int t, int next, CmpOpKind &k);

// AIOC_PARSER=antlr in the environment (read once) turns the fast parser off.
bool fastParserEnabled();

} // namespace aioc::frontend
