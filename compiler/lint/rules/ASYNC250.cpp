// ASYNC250: input() in a coroutine.
#include "lint/Rule.h"

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags `input()` called inside an `async def`.

## Why is this bad?
`input` waits for a line on standard input while holding the thread: the
event loop is frozen until the user presses Enter.

## Example
    async def ask():
        name = input("name? ")

## Use instead
    import asyncio
    async def ask():
        name = await asyncio.to_thread(input, "name? ")
)doc";

static bool match(const CallSite &c, BlockingMatch &m) {
  if (c.qual != "builtins.input")
    return false;
  m.message = "`input()` blocks the event loop while it waits for stdin";
  m.fix = "use `" + toThreadFix(c) + "`";
  return true;
}

const Rule &ruleASYNC250() {
  static SimpleRule r({"ASYNC250", "blocking-input-in-async-function",
                       "`input()` in an async function", kDocs},
                      match, nullptr);
  return r;
}

} // namespace aioc::lint
