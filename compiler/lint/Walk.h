// Child enumeration over aioc's AST for the linter. `if TYPE_CHECKING:` and
// `if False:` bodies are skipped: they never run by design. Statements after
// `return`/`raise`/`break`/`continue` are visited, like ruff does: dead code
// with a blocking call is a latent bug, not an intended exemption.
#pragma once

#include "ast/AST.h"

#include <llvm/ADT/STLExtras.h> // llvm::function_ref

namespace aioc::lint {

// Calls `f` on each direct child node (statements, expressions, helpers,
// patterns) that is reachable at run time. Bodies of nested functions,
// classes and lambdas are included as children: callers decide whether to
// descend into them.
void forEachChild(Node *n, llvm::function_ref<void(Node *)> f);

// Pre-order walk; `f` returns false to skip the node's children.
void walk(Node *n, llvm::function_ref<bool(Node *)> f);

// Pre-order walk of the code that runs as part of a function body when it is
// called: nested def/class/lambda bodies are not entered (their decorators,
// defaults and bases are, since those run in the enclosing scope).
void walkBody(const StmtList &body, llvm::function_ref<bool(Node *)> f);

// True for a test that is statically false for the linter: `TYPE_CHECKING`,
// `typing.TYPE_CHECKING`, `False`, `0`.
bool isStaticallyFalse(const Expr *test);

} // namespace aioc::lint
