// ASYNC110: a while loop that only sleeps (busy wait).
#include "lint/Rule.h"
#include "lint/Walk.h"

#include <llvm/Support/Casting.h>

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags a `while` loop in a coroutine whose body is only
`await asyncio.sleep(...)` (or `await trio.sleep`/`anyio.sleep`): polling a
condition by sleeping.

## Why is this bad?
Polling wakes the task up for nothing, adds up to one sleep of latency
after the condition becomes true, and hides what the task is waiting for.

## Example
    async def wait_ready(state):
        while not state.ready:
            await asyncio.sleep(0.1)

## Use instead
    async def wait_ready(state):
        await state.ready_event.wait()   # an asyncio.Event set by the producer

## Differences from ruff
When the linted tree holds the library itself (trio in site-packages), the
sleep is followed to its definition, so trio's own tests importing it as
`from .._timeouts import sleep` are reported too; ruff does not resolve
relative imports there.
)doc";

static void check(RuleContext &ctx) {
  if (!ctx.fn || !ctx.fn->def->isAsync)
    return;
  walkBody(ctx.body(), [&](Node *n) {
    auto *w = llvm::dyn_cast<While>(n);
    if (!w || w->body.size() != 1)
      return true;
    auto *s = llvm::dyn_cast<ExprStmt>(w->body[0]);
    auto *aw = s ? llvm::dyn_cast_or_null<Await>(s->value) : nullptr;
    auto *call = aw ? llvm::dyn_cast_or_null<Call>(aw->value) : nullptr;
    if (!call)
      return true;
    if (!sleepLibrary(ctx, call))
      return true;
    Finding f;
    f.code = "ASYNC110";
    f.range = {w->range.begin, {w->range.begin.line, w->range.begin.col + 5}};
    f.message = "`while` loop that only sleeps: a busy wait";
    f.fix = "wait on an `asyncio.Event` (`await event.wait()`) or an "
            "`asyncio.Condition` set by whoever changes the state";
    ctx.report(std::move(f));
    return true;
  });
}

const Rule &ruleASYNC110() {
  static SimpleRule r(
      {"ASYNC110", "async-busy-wait", "`while` loop that only sleeps", kDocs},
      nullptr, check);
  return r;
}

} // namespace aioc::lint
