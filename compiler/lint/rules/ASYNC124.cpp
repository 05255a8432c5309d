// ASYNC124: an async function that never awaits.
#include "lint/Rule.h"
#include "lint/Walk.h"

#include <llvm/Support/Casting.h>

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags an `async def` whose body has no `await`, `async for` or
`async with`. Not flagged: async generators, stubs (a body of only a
docstring, `pass`, `...` or `raise`), decorated functions and methods of
classes with bases (a framework or an interface may require a coroutine),
and dunder methods such as `__aenter__`.

## Why is this bad?
The function never suspends, so making it a coroutine only adds overhead:
every caller must await it, a coroutine object is allocated per call, and
readers are misled into thinking it yields to the event loop (often it
hides blocking work).

## Example
    async def total(xs):
        return sum(xs)

## Use instead
    def total(xs):
        return sum(xs)
)doc";

static bool isStub(const StmtList &body) {
  for (const Stmt *s : body) {
    if (llvm::isa<Pass>(s) || llvm::isa<Raise>(s))
      continue;
    if (auto *e = llvm::dyn_cast<ExprStmt>(s))
      if (auto *c = llvm::dyn_cast_or_null<Constant>(e->value))
        if (c->valueKind == Constant::ValueKind::Str ||
            c->valueKind == Constant::ValueKind::Ellipsis)
          continue;
    return false;
  }
  return true;
}

static void check(RuleContext &ctx) {
  if (!ctx.fn || !ctx.fn->def->isAsync || ctx.fn->isGenerator)
    return;
  FunctionDef *d = ctx.fn->def;
  if (!d->decorator_list.empty() || isStub(d->body))
    return;
  if (d->name.size() > 4 && d->name.compare(0, 2, "__") == 0)
    return;
  if (ctx.fn->cls && !ctx.fn->cls->bases.empty())
    return;
  bool awaits = false;
  walkBody(d->body, [&](Node *n) {
    if (llvm::isa<Await>(n))
      awaits = true;
    else if (auto *f = llvm::dyn_cast<For>(n); f && f->isAsync)
      awaits = true;
    else if (auto *w = llvm::dyn_cast<With>(n); w && w->isAsync)
      awaits = true;
    else if (auto *c = llvm::dyn_cast<Comprehension>(n); c && c->is_async)
      awaits = true;
    return !awaits;
  });
  if (awaits)
    return;
  Finding f;
  f.code = "ASYNC124";
  f.range = d->nameRange.begin.valid() ? d->nameRange : d->range;
  f.message = "async function `" + d->name +
              "` never awaits: it only adds coroutine overhead";
  f.fix = "make it a plain `def " + d->name +
          "(...)` and drop `await` at its call sites, or await the async "
          "work it should do";
  ctx.report(std::move(f));
}

const Rule &ruleASYNC124() {
  static SimpleRule r({"ASYNC124", "async-function-could-be-sync",
                       "async function without await", kDocs},
                      nullptr, check);
  return r;
}

} // namespace aioc::lint
