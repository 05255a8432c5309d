// AIO105: asyncio.run() / run_until_complete() where a loop is running.
#include "lint/Rule.h"

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags `asyncio.run(...)` and `loop.run_until_complete(...)` called inside an
`async def`, or in a sync function a coroutine calls (the chain is
reported).

## Why is this bad?
A loop is already running on this thread, so `asyncio.run` raises
`RuntimeError: asyncio.run() cannot be called from a running event loop`
(and the coroutine passed to it is never awaited).

## Example
    import asyncio
    async def main():
        asyncio.run(work())

## Use instead
    import asyncio
    async def main():
        await work()            # or: task = asyncio.create_task(work())
)doc";

static bool match(const CallSite &c, BlockingMatch &m) {
  bool hit = c.qual == "asyncio.run" ||
             c.qual == "asyncio.AbstractEventLoop.run_until_complete" ||
             c.qual == "asyncio.AbstractEventLoop.run_forever";
  if (!hit)
    return false;
  m.message = "`" + c.written() +
              "()` called where an event loop is already running (raises "
              "RuntimeError)";
  std::string arg =
      c.arg(0) ? std::string(c.mod.slice(c.arg(0)->range)) : "coro()";
  m.fix = "use `await " + arg + "` (or `asyncio.create_task(" + arg + ")`)";
  return true;
}

const Rule &ruleAIO105() {
  static SimpleRule r({"AIO105", "asyncio-run-in-running-loop",
                       "`asyncio.run()` inside a running event loop", kDocs},
                      match, nullptr);
  return r;
}

} // namespace aioc::lint
