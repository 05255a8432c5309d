// AIO102: consecutive awaits of independent calls.
#include "lint/Rule.h"
#include "lint/Walk.h"

#include <llvm/Support/Casting.h>

#include <algorithm>

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags two or more consecutive statements `x = await f(...)` whose calls do
not depend on each other: no later call reads a name an earlier statement
assigns, and no two assign the same name. Only calls known to be
independent coroutines are considered: project `async def` functions (not
methods, which share `self`) and request methods of `httpx.AsyncClient`.
Bare `await f()` statements (run for their side effects) are not flagged.

## Why is this bad?
Each await waits for the previous one to finish: the total time is the sum
of the latencies instead of the maximum. This is lost concurrency.

## Example
    async def main():
        user = await fetch_user(1)
        posts = await fetch_posts(1)

## Use instead
    async def main():
        user, posts = await asyncio.gather(fetch_user(1), fetch_posts(1))
    # or: async with asyncio.TaskGroup() as tg: ...
)doc";

namespace {

bool disjoint(const std::vector<std::string> &a,
              const std::vector<std::string> &b) {
  for (const auto &x : a)
    if (std::find(b.begin(), b.end(), x) != b.end())
      return false;
  return true;
}

void checkList(RuleContext &ctx, const StmtList &body) {
  size_t i = 0;
  while (i < body.size()) {
    const Expr *t0 = nullptr;
    const Call *c0 = awaitedCall(body[i], &t0);
    if (!c0 || !t0 || !isIndependentCoroutineCall(ctx, c0)) {
      ++i;
      continue;
    }
    std::vector<std::string> bound;
    namesBound(t0, bound);
    size_t j = i + 1;
    for (; j < body.size(); ++j) {
      const Expr *t = nullptr;
      const Call *c = awaitedCall(body[j], &t);
      if (!c || !t || !isIndependentCoroutineCall(ctx, c))
        break;
      std::vector<std::string> reads, binds;
      namesRead(const_cast<Call *>(c), reads);
      namesBound(t, binds);
      if (!disjoint(reads, bound) || !disjoint(binds, bound))
        break;
      bound.insert(bound.end(), binds.begin(), binds.end());
    }
    if (j - i >= 2) {
      std::string targets, calls;
      for (size_t k = i; k < j; ++k) {
        const Expr *t = nullptr;
        const Call *c = awaitedCall(body[k], &t);
        if (k > i)
          targets += ", ", calls += ", ";
        targets += ctx.mod.slice(t->range);
        calls += ctx.mod.slice(c->range);
      }
      Finding f;
      f.code = "AIO102";
      const Expr *tf = nullptr;
      const Call *first = awaitedCall(body[i], &tf);
      f.range = first->range;
      f.message = std::to_string(j - i) +
                  " independent awaits run one after another (lines " +
                  std::to_string(body[i]->range.begin.line) + "-" +
                  std::to_string(body[j - 1]->range.begin.line) +
                  "): their latencies add up";
      f.fix = "run them concurrently: `" + targets +
              " = await asyncio.gather(" + calls +
              ")` (or an `asyncio.TaskGroup`)";
      ctx.report(std::move(f));
    }
    i = j;
  }
}

void check(RuleContext &ctx) {
  if (!ctx.fn || !ctx.fn->def->isAsync)
    return;
  checkList(ctx, ctx.body());
  walkBody(ctx.body(), [&](Node *n) {
    if (auto *s = llvm::dyn_cast<For>(n))
      checkList(ctx, s->body), checkList(ctx, s->orelse);
    else if (auto *w = llvm::dyn_cast<While>(n))
      checkList(ctx, w->body), checkList(ctx, w->orelse);
    else if (auto *i = llvm::dyn_cast<If>(n)) {
      if (!isStaticallyFalse(i->test))
        checkList(ctx, i->body);
      checkList(ctx, i->orelse);
    } else if (auto *wi = llvm::dyn_cast<With>(n))
      checkList(ctx, wi->body);
    else if (auto *t = llvm::dyn_cast<Try>(n)) {
      checkList(ctx, t->body);
      checkList(ctx, t->orelse);
      checkList(ctx, t->finalbody);
    } else if (auto *h = llvm::dyn_cast<ExceptHandler>(n))
      checkList(ctx, h->body);
    else if (auto *mc = llvm::dyn_cast<MatchCase>(n))
      checkList(ctx, mc->body);
    return true;
  });
}

} // namespace

const Rule &ruleAIO102() {
  static SimpleRule r({"AIO102", "sequential-independent-awaits",
                       "consecutive awaits of independent calls", kDocs},
                      nullptr, check);
  return r;
}

} // namespace aioc::lint
