// ASYNC300: the task returned by create_task is thrown away.
#include "lint/Rule.h"
#include "lint/Walk.h"

#include <llvm/Support/Casting.h>

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags `asyncio.create_task(...)`, `asyncio.ensure_future(...)` and
`loop.create_task(...)` used as a statement, their task discarded.
(`TaskGroup.create_task` is fine: the group keeps the task.)

## Why is this bad?
The event loop keeps only a weak reference to tasks: a task nobody refers
to can be garbage-collected before it finishes, and its exception is never
seen.

## Example
    async def main():
        asyncio.create_task(heartbeat())

## Use instead
    background = set()
    async def main():
        task = asyncio.create_task(heartbeat())
        background.add(task)
        task.add_done_callback(background.discard)
    # or: async with asyncio.TaskGroup() as tg: tg.create_task(heartbeat())
)doc";

static void check(RuleContext &ctx) {
  walkBody(ctx.body(), [&](Node *n) {
    auto *s = llvm::dyn_cast<ExprStmt>(n);
    if (!s)
      return true;
    auto *call = llvm::dyn_cast_or_null<Call>(s->value);
    if (!call)
      return true;
    std::string q = ctx.project.calleeQual(call, ctx.mod, ctx.fn);
    if (!qualIn(q, {"asyncio.create_task", "asyncio.ensure_future",
                    "asyncio.AbstractEventLoop.create_task"}))
      return true;
    Finding f;
    f.code = "ASYNC300";
    f.range = call->func->range;
    f.message = "the task created by `" +
                std::string(ctx.mod.slice(call->func->range)) +
                "` is not kept: it may be garbage-collected before it ends";
    f.fix =
        "keep a reference (`task = " + std::string(ctx.mod.slice(call->range)) +
        "`, add it to a set and discard it when done) or use "
        "`asyncio.TaskGroup`";
    ctx.report(std::move(f));
    return true;
  });
}

const Rule &ruleASYNC300() {
  static SimpleRule r({"ASYNC300", "create-task-no-reference",
                       "`create_task` result thrown away", kDocs},
                      nullptr, check);
  return r;
}

} // namespace aioc::lint
