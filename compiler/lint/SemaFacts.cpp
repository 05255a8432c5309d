// Running sema for the linter, and turning its types into the linter's
// Resolved values (see SemaFacts.h).
#include "lint/SemaFacts.h"

#include "lint/Project.h"

#include <cstdlib>

namespace aioc::lint {

std::shared_ptr<SemaFacts> typeCheckForLint(Module *m, unsigned fileId) {
  // Most files import something sema does not know: refused before any
  // allocation. A file refused later keeps its facts anyway, because the
  // Expr::type pointers sema left in its AST point into them.
  if (!m || std::getenv("AIOC_LINT_NO_SEMA") || !sema::importsSupported(m))
    return nullptr;
  auto f = std::make_shared<SemaFacts>();
  f->typed = sema::checkQuiet(m, fileId, f->types, f->result);
  return f;
}

// Sema's spelling of the library types it knows -> the names the rules'
// tables use (Project.cpp resultTypes). Anything else keeps sema's name,
// which no table lists, so it only stops the light inference from guessing.
static std::string libraryQual(const sema::Type *t) {
  using TK = sema::TypeKind;
  switch (t->kind) {
  case TK::IO:
    if (t->name == "io.TextIOWrapper" || t->name == "io.BufferedFile")
      return "file";
    return t->name;
  case TK::Queue:
    return "asyncio.Queue";
  case TK::Prim:
    return "asyncio." + t->name;
  case TK::Task:
    return "asyncio.Task";
  case TK::Future:
    return "asyncio.Future";
  case TK::TaskGroup:
    return "asyncio.TaskGroup";
  default:
    return {};
  }
}

Resolved Project::fromSemaType(const sema::Type *t) const {
  using TK = sema::TypeKind;
  Resolved r;
  if (!t)
    return r;
  if (t->is(TK::Optional)) // `x: Store | None`: the methods are Store's
    t = t->elem();
  if (!t)
    return r;
  if (t->is(TK::Class) || t->is(TK::ClassRef)) {
    // Builtin exception classes have no ClassDef, so no project class.
    ClassInfo *ci = t->cls && t->cls->def ? classOf(t->cls->def) : nullptr;
    if (!ci)
      return r;
    r.kind = t->is(TK::Class) ? Resolved::Instance : Resolved::Class;
    r.cls = ci;
    r.qual = ci->qual;
    return r;
  }
  std::string q = libraryQual(t);
  if (!q.empty()) {
    r.kind = Resolved::Instance;
    r.qual = std::move(q);
  }
  return r;
}

Resolved Project::semaResolve(const Expr *e, const ModuleInfo &m) const {
  if (!m.sema || !m.sema->typed || !e->type)
    return {};
  switch (e->kind()) {
  case Node::Kind::Name:
  case Node::Kind::Attribute:
  case Node::Kind::Call:
  case Node::Kind::Subscript:
  case Node::Kind::Await:
    return fromSemaType(e->type);
  default:
    return {};
  }
}

bool Project::semaCoroutineCall(const Call *c, const ModuleInfo &m) const {
  return m.sema && m.sema->typed && c->type &&
         c->type->is(sema::TypeKind::Coroutine);
}

} // namespace aioc::lint
