// AIO106: asyncio.get_event_loop() inside a coroutine.
#include "lint/Rule.h"
#include "lint/Walk.h"

#include <llvm/Support/Casting.h>

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags `asyncio.get_event_loop()` called inside an `async def`.

## Why is this bad?
Inside a coroutine a loop is always running, and
`asyncio.get_running_loop()` says so and cannot create a stray loop;
`get_event_loop()` is deprecated for this use since Python 3.10 and its
policy-dependent behaviour hides bugs (a different loop than the running
one in some policies and threads).

## Example
    async def main():
        loop = asyncio.get_event_loop()

## Use instead
    async def main():
        loop = asyncio.get_running_loop()
)doc";

static void check(RuleContext &ctx) {
  if (!ctx.fn || !ctx.fn->def->isAsync)
    return;
  walkBody(ctx.body(), [&](Node *n) {
    auto *call = llvm::dyn_cast<Call>(n);
    if (!call || ctx.project.calleeQual(call, ctx.mod, ctx.fn) !=
                     "asyncio.get_event_loop")
      return true;
    Finding f;
    f.code = "AIO106";
    f.range = call->func->range;
    std::string written(ctx.mod.slice(call->func->range));
    f.message = "`" + written + "()` inside a coroutine";
    std::string repl =
        written.size() >= 14 &&
                written.compare(written.size() - 14, 14, "get_event_loop") == 0
            ? written.substr(0, written.size() - 14) + "get_running_loop"
            : "asyncio.get_running_loop";
    f.fix = "use `" + repl + "()`";
    if (call->func->range.begin.line == call->func->range.end.line)
      f.fixits.push_back({call->func->range, repl});
    ctx.report(std::move(f));
    return true;
  });
}

const Rule &ruleAIO106() {
  static SimpleRule r({"AIO106", "get-event-loop-in-coroutine",
                       "`asyncio.get_event_loop()` inside a coroutine", kDocs},
                      nullptr, check);
  return r;
}

} // namespace aioc::lint
