// AIO112: waiting on thread primitives in a coroutine.
#include "lint/Rule.h"

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags waits on thread synchronisation inside an `async def`:
`threading.Lock/RLock/Semaphore.acquire()`, `threading.Event.wait()`,
`threading.Condition.wait()/wait_for()`, `threading.Barrier.wait()`,
`threading.Thread.join()`, `queue.Queue.get()/put()/join()`,
`concurrent.futures.Future.result()/exception()` and
`concurrent.futures.wait()`. Non-blocking forms (`block=False`,
`blocking=False`, `timeout=0`, `get_nowait`) are not flagged.

## Why is this bad?
These wait for another thread while holding the event loop's thread; if
that other thread needs the loop, the program deadlocks, and otherwise
every task stalls.

## Example
    import queue
    async def consume(q: queue.Queue):
        item = q.get()

## Use instead
    import asyncio, queue
    async def consume(q: queue.Queue):
        item = await asyncio.to_thread(q.get)
    # or use asyncio.Queue / asyncio.Lock / asyncio.Event between tasks,
    # and `await asyncio.wrap_future(fut)` for a concurrent future
)doc";

static bool match(const CallSite &c, BlockingMatch &m) {
  std::string meth(c.method());
  bool hit = c.qual == "concurrent.futures.wait";
  if (startsWith(c.qual, "threading.Lock.") ||
      startsWith(c.qual, "threading.Semaphore."))
    hit = meth == "acquire";
  else if (startsWith(c.qual, "threading.Event.") ||
           startsWith(c.qual, "threading.Barrier."))
    hit = meth == "wait";
  else if (startsWith(c.qual, "threading.Condition."))
    hit = meth == "wait" || meth == "wait_for" || meth == "acquire";
  else if (startsWith(c.qual, "threading.Thread."))
    hit = meth == "join";
  else if (startsWith(c.qual, "queue.Queue."))
    hit = meth == "get" || meth == "put" || meth == "join";
  else if (startsWith(c.qual, "concurrent.futures.Future."))
    hit = meth == "result" || meth == "exception";
  if (!hit)
    return false;
  // Non-blocking variants.
  if (isConstFalse(c.keyword("block")) || isConstFalse(c.keyword("blocking")) ||
      isConstFalse(c.keyword("timeout")))
    return false;
  if ((meth == "get" || meth == "acquire") && isConstFalse(c.arg(0)))
    return false;
  m.message = "`" + c.written() +
              "()` blocks the event loop while it waits "
              "for another thread";
  if (startsWith(c.qual, "concurrent.futures.Future."))
    m.fix = "use `await asyncio.wrap_future(fut)`";
  else
    m.fix = "use `" + toThreadFix(c) +
            "`, or the asyncio primitive (asyncio.Queue, asyncio.Lock, "
            "asyncio.Event) between tasks";
  return true;
}

const Rule &ruleAIO112() {
  static SimpleRule r({"AIO112", "blocking-thread-wait-in-async-function",
                       "waiting on a thread primitive in an async function",
                       kDocs},
                      match, nullptr);
  return r;
}

} // namespace aioc::lint
