// Prints an AST exactly as CPython's `ast.dump(tree)` does (no positions, no
// indent), so the front end can be compared with CPython on any file.
#pragma once

#include "ast/AST.h"

#include <string>

namespace aioc {

std::string dumpAST(const Node *node);

// The same with every node's source range appended as
// `pos=LINE:COL-ENDLINE:ENDCOL` (on every node, helper nodes included, plus
// the name ranges of defs and attributes): the front end's parsers are
// compared with it, positions included.
std::string dumpASTWithPositions(const Node *node);

// Python's repr() of a str (UTF-8), a bytes value and a float; `addDotZero`
// false gives the form complex numbers use ("1j", not "1.0j").
std::string reprStr(const std::string &s);
std::string reprBytes(const std::string &s);
std::string reprFloat(double v, bool addDotZero = true);

} // namespace aioc
