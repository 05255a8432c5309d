// Prints an AST exactly as CPython's `ast.dump(tree)` does (no positions, no
// indent), so the front end can be compared with CPython on any file.
#pragma once

#include "ast/AST.h"

#include <string>

namespace aioc {

std::string dumpAST(const Node *node);

} // namespace aioc
