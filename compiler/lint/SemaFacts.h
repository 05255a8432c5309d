// The type checker's facts for the linter. Every parsed file is also run
// through sema (quietly: diagnostics are dropped and checking stops at the
// first error); when the whole file type-checks, Expr::type is set on every
// expression and the linter's resolution consults it before its own light
// inference (Project::resolve). Files that do not type-check lint exactly as
// without sema.
#pragma once

#include "ast/AST.h"
#include "sema/Sema.h"

#include <memory>

namespace aioc::lint {

struct SemaFacts {
  sema::TypeContext types; // owns every Type that Expr::type points to
  sema::SemaResult result;
  bool typed = false; // the file type-checks: Expr::type is usable
};

// Type-checks one parsed module. Safe to call concurrently on different
// modules (the lint worker threads do). Returns nullptr when the file was
// not checked: the AIOC_LINT_NO_SEMA environment variable is set (to
// measure and compare), or it imports a module sema does not know.
std::shared_ptr<SemaFacts> typeCheckForLint(Module *m, unsigned fileId);

} // namespace aioc::lint
