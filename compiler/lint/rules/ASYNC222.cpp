// ASYNC222: waiting for a process with a blocking call in a coroutine.
#include "lint/Rule.h"

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags `os.wait`, `os.wait3`, `os.wait4`, `os.waitid`, `os.waitpid` and the
`wait()`/`communicate()` methods of a `subprocess.Popen` inside an
`async def`.

## Why is this bad?
They block the thread until a child process changes state: the event loop
stops for as long as the child runs.

## Example
    import os
    async def reap(pid):
        os.waitpid(pid, 0)

## Use instead
    import asyncio, os
    async def reap(pid):
        await asyncio.to_thread(os.waitpid, pid, 0)
    # or start the child with asyncio.create_subprocess_exec and
    # `await proc.wait()`
)doc";

static bool match(const CallSite &c, BlockingMatch &m) {
  bool hit = qualIn(c.qual, {"os.wait", "os.wait3", "os.wait4", "os.waitid",
                             "os.waitpid", "subprocess.Popen.wait",
                             "subprocess.Popen.communicate"});
  if (!hit)
    return false;
  m.message = "`" + c.written() + "` blocks until a child process exits";
  m.fix = startsWith(c.qual, "subprocess.")
              ? "start the process with `await "
                "asyncio.create_subprocess_exec(...)` and `await "
                "proc.wait()`"
              : "use `" + toThreadFix(c) + "`";
  return true;
}

const Rule &ruleASYNC222() {
  static SimpleRule r({"ASYNC222", "wait-for-process-in-async-function",
                       "blocking wait for a process in an async function",
                       kDocs},
                      match, nullptr);
  return r;
}

} // namespace aioc::lint
