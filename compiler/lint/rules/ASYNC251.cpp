// ASYNC251: time.sleep in a coroutine.
#include "lint/Rule.h"

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags `time.sleep(...)` called inside an `async def` (directly; through sync
helpers it is reported as AIO100).

## Why is this bad?
`time.sleep` suspends the whole thread, so the event loop stops: no other
task runs, no timer fires, no socket is served until it returns.

## Example
    import time
    async def poll():
        time.sleep(1)

## Use instead
    import asyncio
    async def poll():
        await asyncio.sleep(1)
)doc";

static bool match(const CallSite &c, BlockingMatch &m) {
  if (c.qual != "time.sleep")
    return false;
  m.message = "`" + c.written() + "` blocks the event loop";
  m.fix = "use `await asyncio.sleep(...)`";
  replaceCalleeFixIt(c, "await asyncio.sleep", m);
  return true;
}

const Rule &ruleASYNC251() {
  static SimpleRule r({"ASYNC251", "blocking-sleep-in-async-function",
                       "`time.sleep` in an async function", kDocs},
                      match, nullptr);
  return r;
}

} // namespace aioc::lint
