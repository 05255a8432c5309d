// ASYNC100: a timeout / cancel scope whose body has no checkpoint.
#include "lint/Rule.h"
#include "lint/Walk.h"

#include <llvm/Support/Casting.h>

using llvm::dyn_cast;
using llvm::isa;

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags a `with` / `async with` block opened by a timeout or cancel scope --
`asyncio.timeout`, `asyncio.timeout_at`, `trio.move_on_after`,
`trio.move_on_at`, `trio.fail_after`, `trio.fail_at`, `trio.CancelScope`,
`anyio.move_on_after`, `anyio.fail_after`, `anyio.CancelScope` -- whose body
contains no checkpoint: no `await`, no `async for`, no `async with`, no async
comprehension. A `yield` counts as a checkpoint (the consumer may await
before resuming the generator), and so does a later item of the same
`async with`, whose `__aenter__` is awaited inside the scope.

## Why is this bad?
A timeout cancels the task, and a task can only be cancelled where it
suspends. A block that never suspends runs to the end whatever the
deadline: the timeout cannot fire and only suggests a bound that does not
exist. Usually the `await` it was meant to bound ended up outside the block.

## Example
    async def fetch(conn):
        async with asyncio.timeout(5):
            request = conn.prepare()
        return await conn.send(request)

## Use instead
    async def fetch(conn):
        async with asyncio.timeout(5):
            request = conn.prepare()
            return await conn.send(request)

## Differences from ruff
Code that does not run inside the block does not count as a checkpoint:
the bodies of nested functions, lambdas and classes (ruff counts a `yield`
there), and `if TYPE_CHECKING:` / `if False:` bodies. Besides the names
above, `asyncio.timeouts.timeout[_at]` are recognised.
)doc";

static bool isTimeoutContext(const std::string &q) {
  return qualIn(q, {"asyncio.timeout", "asyncio.timeout_at",
                    "asyncio.timeouts.timeout", "asyncio.timeouts.timeout_at",
                    "trio.move_on_after", "trio.move_on_at", "trio.fail_after",
                    "trio.fail_at", "trio.CancelScope", "anyio.move_on_after",
                    "anyio.fail_after", "anyio.CancelScope"});
}

// A checkpoint in the code the block runs itself: nested def/class/lambda
// bodies run elsewhere, if ever (their decorators and defaults do run here).
static bool hasCheckpoint(const StmtList &body) {
  bool seen = false;
  walkBody(body, [&](Node *n) {
    if (seen)
      return false;
    if (isa<Await>(n) || isa<Yield>(n) || isa<YieldFrom>(n))
      seen = true;
    else if (auto *w = dyn_cast<With>(n))
      seen = w->isAsync;
    else if (auto *f = dyn_cast<For>(n))
      seen = f->isAsync;
    else if (auto *c = dyn_cast<Comprehension>(n))
      seen = c->is_async;
    return !seen;
  });
  return seen;
}

static void checkWith(RuleContext &ctx, With *w);

// The `with` statements of one scope, class bodies included (they run with
// the scope; methods are scopes of their own).
static void scan(RuleContext &ctx, const StmtList &body) {
  walkBody(body, [&](Node *n) {
    // `with` is a statement: expressions cannot contain one.
    if (isa<Expr>(n))
      return false;
    if (auto *c = dyn_cast<ClassDef>(n))
      scan(ctx, c->body);
    else if (auto *w = dyn_cast<With>(n))
      checkWith(ctx, w);
    return true;
  });
}

static void checkWith(RuleContext &ctx, With *w) {
  // The last timeout item: in `async with a, b:` the scope of `a` also
  // covers entering `b`.
  size_t pos = w->items.size();
  std::string qual;
  for (size_t i = w->items.size(); i-- > 0;) {
    auto *call = llvm::dyn_cast_or_null<Call>(w->items[i]->context_expr);
    if (!call)
      continue;
    std::string q = ctx.project.calleeQual(call, ctx.mod, ctx.fn);
    if (isTimeoutContext(q)) {
      pos = i, qual = std::move(q);
      break;
    }
  }
  if (pos == w->items.size())
    return;
  if (w->isAsync && pos + 1 < w->items.size())
    return;
  if (hasCheckpoint(w->body))
    return;
  Finding f;
  f.code = "ASYNC100";
  f.range = w->range;
  // Point at `with` / `async with`, not the whole block.
  f.range.end = {w->range.begin.line,
                 w->range.begin.col + (w->isAsync ? 10u : 4u)};
  f.message = "`" + qual +
              "(...)` block contains no `await`, `async for` or `async "
              "with`: the timeout can never fire";
  std::string checkpoint = startsWith(qual, "asyncio.")
                               ? "await asyncio.sleep(0)"
                               : "await " + qual.substr(0, qual.find('.')) +
                                     ".lowlevel.checkpoint()";
  f.fix = "move the `await` the timeout should bound into the block (or "
          "add a checkpoint such as `" +
          checkpoint + "`), or remove the `" + qual + "(...)` block";
  ctx.report(std::move(f));
}

static void check(RuleContext &ctx) { scan(ctx, ctx.body()); }

const Rule &ruleASYNC100() {
  static SimpleRule r({"ASYNC100", "cancel-scope-no-checkpoint",
                       "timeout or cancel scope with no checkpoint in its body",
                       kDocs},
                      nullptr, check);
  return r;
}

} // namespace aioc::lint
