// AIO103: awaits in a loop whose iterations are independent.
#include "lint/Rule.h"
#include "lint/Walk.h"

#include <llvm/Support/Casting.h>

#include <algorithm>

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags a `for` loop (not `async for`) in a coroutine whose body awaits one
independent coroutine call per iteration (a project `async def` or an
`httpx.AsyncClient` request) and whose iterations do not depend on each
other: the call reads only the loop variables, names computed earlier in
the same iteration and names the loop does not change; the other
statements of the body do not await and do not `break`, `continue`,
`return` or `raise`; no name the call reads is updated with `+=` or
assigned after the await.

## Why is this bad?
Each iteration waits for the previous one: N requests take N round trips
instead of about one.

## Example
    async def main(urls):
        pages = []
        for url in urls:
            pages.append(await fetch(url))

## Use instead
    async def main(urls):
        pages = await asyncio.gather(*(fetch(url) for url in urls))
)doc";

namespace {

bool contains(const std::vector<std::string> &v, const std::string &s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

void checkLoop(RuleContext &ctx, For *loop) {
  if (loop->isAsync || !loop->orelse.empty())
    return;
  // The single await of the body, at its top level (`x = await f()`,
  // `await f()`) or as the argument of a top-level call
  // (`out.append(await f(x))`).
  const Await *aw = nullptr;
  size_t awStmt = 0;
  int awaits = 0;
  bool escapes = false;
  for (size_t k = 0; k < loop->body.size(); ++k) {
    walkBody({loop->body[k]}, [&](Node *n) {
      if (auto *a = llvm::dyn_cast<Await>(n)) {
        ++awaits;
        aw = a;
        awStmt = k;
      } else if (llvm::isa<Break>(n) || llvm::isa<Continue>(n) ||
                 llvm::isa<Return>(n) || llvm::isa<Raise>(n) ||
                 llvm::isa<Yield>(n) || llvm::isa<YieldFrom>(n)) {
        escapes = true;
      } else if (auto *f = llvm::dyn_cast<For>(n); f && f->isAsync) {
        ++awaits;
      } else if (auto *w = llvm::dyn_cast<With>(n); w && w->isAsync) {
        ++awaits;
      }
      return true;
    });
  }
  if (awaits != 1 || escapes || !aw)
    return;
  Stmt *s = loop->body[awStmt];
  // The await must run on every iteration: directly in a body statement.
  if (!llvm::isa<ExprStmt>(s) && !llvm::isa<Assign>(s) &&
      !llvm::isa<AnnAssign>(s))
    return;
  auto *call = llvm::dyn_cast_or_null<Call>(aw->value);
  if (!call || !isIndependentCoroutineCall(ctx, call))
    return;
  std::vector<std::string> reads;
  namesRead(call, reads);
  // Names carried from one iteration to the next.
  std::vector<std::string> carried;
  for (size_t k = 0; k < loop->body.size(); ++k)
    walkBody({loop->body[k]}, [&](Node *n) {
      if (auto *aa = llvm::dyn_cast<AugAssign>(n))
        namesBound(aa->target, carried);
      else if (k >= awStmt) {
        // Assigned by or after the awaiting statement: the next iteration's
        // call would read this iteration's value.
        if (auto *as = llvm::dyn_cast<Assign>(n))
          for (Expr *t : as->targets)
            namesBound(t, carried);
        else if (auto *an = llvm::dyn_cast<AnnAssign>(n))
          namesBound(an->target, carried);
      }
      return true;
    });
  for (const std::string &r : reads)
    if (contains(carried, r))
      return;
  Finding f;
  f.code = "AIO103";
  f.range = aw->range;
  if (f.range.end.line != f.range.begin.line)
    f.range = {aw->range.begin, call->func->range.end};
  f.message = "`await " + std::string(ctx.mod.slice(call->func->range)) +
              "(...)` in a loop runs the iterations one at a time, though "
              "they are independent";
  f.fix = "run them concurrently: `results = await asyncio.gather(*(" +
          std::string(ctx.mod.slice(call->range)) + " for " +
          std::string(ctx.mod.slice(loop->target->range)) + " in " +
          std::string(ctx.mod.slice(loop->iter->range)) +
          "))` (or create the tasks in an `asyncio.TaskGroup`)";
  ctx.report(std::move(f));
}

void check(RuleContext &ctx) {
  if (!ctx.fn || !ctx.fn->def->isAsync)
    return;
  walkBody(ctx.body(), [&](Node *n) {
    if (auto *f = llvm::dyn_cast<For>(n))
      checkLoop(ctx, f);
    return true;
  });
}

} // namespace

const Rule &ruleAIO103() {
  static SimpleRule r({"AIO103", "await-in-loop-independent-iterations",
                       "awaits in a loop with independent iterations", kDocs},
                      nullptr, check);
  return r;
}

} // namespace aioc::lint
