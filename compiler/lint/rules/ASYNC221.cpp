// ASYNC221: running a process to completion in a coroutine.
#include "lint/Rule.h"

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags calls that run a process and wait for it inside an `async def`:
`subprocess.run/call/check_call/check_output/getoutput/getstatusoutput`,
`os.system`, `os.posix_spawn`, `os.posix_spawnp` and `os.spawn*` with
`os.P_WAIT`.

## Why is this bad?
The call holds the thread until the child exits: the event loop is frozen
for the child's whole lifetime.

## Example
    import subprocess
    async def build():
        subprocess.run(["make"], check=True)

## Use instead
    import asyncio
    async def build():
        proc = await asyncio.create_subprocess_exec("make")
        await proc.wait()
)doc";

bool spawnWaits(const CallSite &c);
bool isSpawn(const std::string &q);

static bool match(const CallSite &c, BlockingMatch &m) {
  bool hit =
      qualIn(c.qual, {"subprocess.run", "subprocess.call",
                      "subprocess.check_call", "subprocess.check_output",
                      "subprocess.getoutput", "subprocess.getstatusoutput",
                      "os.system", "os.posix_spawn", "os.posix_spawnp"}) ||
      (isSpawn(c.qual) && spawnWaits(c));
  if (!hit)
    return false;
  m.message = "`" + c.written() + "` runs a process and blocks until it exits";
  bool shell = c.qual == "os.system" || c.qual == "subprocess.getoutput" ||
               c.qual == "subprocess.getstatusoutput";
  m.fix = shell ? "use `proc = await asyncio.create_subprocess_shell(...)` "
                  "then `await proc.wait()`"
                : "use `proc = await asyncio.create_subprocess_exec(...)` "
                  "then `await proc.wait()` (or `await proc.communicate()`)";
  return true;
}

const Rule &ruleASYNC221() {
  static SimpleRule r({"ASYNC221", "run-process-in-async-function",
                       "blocking process run in an async function", kDocs},
                      match, nullptr);
  return r;
}

} // namespace aioc::lint
