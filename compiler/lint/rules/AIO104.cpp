// AIO104: a coroutine that is created and never awaited or scheduled.
#include "lint/Rule.h"
#include "lint/Walk.h"

#include <llvm/Support/Casting.h>

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags a call to a coroutine function used as a statement: a project
`async def` (resolved across files, methods through `self` and instances
included) or a known asyncio coroutine (`asyncio.sleep`,
`asyncio.wait_for`, `asyncio.open_connection`, ...), whose result is
neither awaited nor scheduled. Async generators are not flagged.

## Why is this bad?
Calling an `async def` only creates a coroutine object; its body never
runs. CPython later warns "coroutine ... was never awaited" and the work is
silently lost.

## Example
    async def save(x): ...
    async def main():
        save(1)

## Use instead
    async def main():
        await save(1)          # or asyncio.create_task(save(1)) and keep it
)doc";

static void check(RuleContext &ctx) {
  bool inCoroutine = ctx.fn && ctx.fn->def->isAsync;
  walkBody(ctx.body(), [&](Node *n) {
    auto *s = llvm::dyn_cast<ExprStmt>(n);
    if (!s)
      return true;
    auto *call = llvm::dyn_cast_or_null<Call>(s->value);
    if (!call || !ctx.project.isCoroutineCall(call, ctx.mod, ctx.fn))
      return true;
    std::string text(ctx.mod.slice(call->range));
    Finding f;
    f.code = "AIO104";
    f.range = call->range;
    if (f.range.end.line != f.range.begin.line)
      f.range = call->func->range;
    f.message = "coroutine `" + std::string(ctx.mod.slice(call->func->range)) +
                "()` is created but never awaited: its body never runs";
    if (inCoroutine) {
      f.fix = "use `await " + text + "` (or `asyncio.create_task(" + text +
              ")` and keep the task)";
      f.fixits.push_back({{call->range.begin, call->range.begin}, "await "});
    } else {
      f.fix = "run it with `asyncio.run(" + text +
              ")`, or await it from a coroutine";
    }
    ctx.report(std::move(f));
    return true;
  });
}

const Rule &ruleAIO104() {
  static SimpleRule r({"AIO104", "coroutine-never-awaited",
                       "coroutine called and never awaited or scheduled",
                       kDocs},
                      nullptr, check);
  return r;
}

} // namespace aioc::lint
