// ASYNC119: `yield` inside a `with` block of an async generator.
#include "lint/Rule.h"
#include "lint/Walk.h"

#include <llvm/Support/Casting.h>

using llvm::dyn_cast;
using llvm::isa;

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags a `yield` inside a `with` or `async with` block of an async generator
(an `async def` that yields).

## Why is this bad?
At the `yield` the generator is suspended with the context manager still
open, and nothing guarantees it is ever resumed: a consumer that breaks out
of its `async for`, or is cancelled, leaves the generator suspended, and the
block's cleanup (closing a connection, releasing a lock, cancelling a
timeout) waits until the generator is finalized -- by the event loop's
asyncgen hooks at some later point, or at garbage collection, where the
`__aexit__` may no longer be able to await. PEP 533 describes the problem.

Not flagged: generators decorated with `@contextlib.asynccontextmanager`,
`@pytest.fixture`, `@pytest_asyncio.fixture` or `@trio.as_safe_channel`,
which close the generator deterministically.

## Example
    async def rows(pool, query):
        async with pool.acquire() as conn:
            async for row in conn.cursor(query):
                yield row

## Use instead
Make every consumer close the generator when it is done:

    async with contextlib.aclosing(rows(pool, query)) as it:
        async for row in it:
            ...

or, when the function yields exactly once to hand out a resource, make it
a context manager:

    @contextlib.asynccontextmanager
    async def connection(pool):
        async with pool.acquire() as conn:
            yield conn

## Differences from ruff
A `yield` under `if TYPE_CHECKING:` / `if False:` never runs and is not
reported. Otherwise the same: every `yield` inside the block is reported;
yields of nested functions, lambdas and classes belong to those.
)doc";

static bool safeDecorator(RuleContext &ctx, const Expr *d) {
  // `@pytest.fixture(scope="module")` is the call's callee.
  if (auto *c = dyn_cast<Call>(d))
    d = c->func;
  // Decorators run in the enclosing scope.
  Resolved r = ctx.project.resolve(d, ctx.mod, ctx.fn->parent);
  // A project function when the linted tree holds the library itself (the
  // stdlib's contextlib.py).
  const std::string *q = r.kind == Resolved::Qual       ? &r.qual
                         : r.kind == Resolved::Function ? &r.fn->qual
                                                        : nullptr;
  return q && qualIn(*q, {"contextlib.asynccontextmanager", "pytest.fixture",
                          "pytest_asyncio.fixture", "trio.as_safe_channel"});
}

// Reports each yield under a `with`; `inWith` counts the enclosing blocks.
static void visit(RuleContext &ctx, Node *n, bool inWith) {
  if (isa<FunctionDef>(n) || isa<ClassDef>(n) || isa<Lambda>(n))
    return; // their own scope: checked (or not) as such
  if (inWith && (isa<Yield>(n) || isa<YieldFrom>(n))) {
    Finding f;
    f.code = "ASYNC119";
    f.range = n->range;
    f.message = "`yield` inside a context manager in async generator `" +
                ctx.fn->def->name +
                "`: its cleanup may be delayed until the generator is "
                "garbage-collected";
    f.fix = "if `" + ctx.fn->def->name +
            "` yields once to hand out a resource, decorate it with "
            "`@contextlib.asynccontextmanager`; otherwise consume it as "
            "`async with contextlib.aclosing(" +
            ctx.fn->def->name +
            "(...)) as agen: async for item in agen: ...`, or close the block "
            "before yielding";
    ctx.report(std::move(f));
  }
  bool under = inWith || isa<With>(n);
  forEachChild(n, [&](Node *c) { visit(ctx, c, under); });
}

static void check(RuleContext &ctx) {
  if (!ctx.fn || !ctx.fn->def->isAsync || !ctx.fn->isGenerator)
    return;
  for (Expr *d : ctx.fn->def->decorator_list)
    if (safeDecorator(ctx, d))
      return;
  for (Stmt *s : ctx.body())
    visit(ctx, s, false);
}

const Rule &ruleASYNC119() {
  static SimpleRule r(
      {"ASYNC119", "yield-in-context-manager-in-async-generator",
       "`yield` inside a context manager in an async generator", kDocs,
       // A `yield` in `with pytest.raises(GeneratorExit):` still holds the
       // context open (ruff reports it too).
       /*keptWhereRaiseExpected=*/true},
      nullptr, check);
  return r;
}

} // namespace aioc::lint
