// ASYNC220: starting a subprocess with a blocking API in a coroutine.
#include "lint/Rule.h"

#include <llvm/Support/Casting.h>

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags `subprocess.Popen(...)`, `os.popen(...)` and `os.spawn*` with a mode
other than `os.P_WAIT` inside an `async def`.

## Why is this bad?
Starting a process forks and execs synchronously, and the objects these
return are read and waited on with blocking calls. asyncio has its own
subprocess API that integrates with the loop.

## Example
    import subprocess
    async def build():
        p = subprocess.Popen(["make"])

## Use instead
    import asyncio
    async def build():
        p = await asyncio.create_subprocess_exec("make")
        await p.wait()
)doc";

// True when an os.spawn* call passes os.P_WAIT as its mode.
bool spawnWaits(const CallSite &c) {
  const Expr *mode = c.arg(0);
  if (!mode)
    return false;
  if (auto *a = llvm::dyn_cast<Attribute>(mode))
    return a->attr == "P_WAIT";
  if (auto *n = llvm::dyn_cast<Name>(mode))
    return n->id == "P_WAIT";
  return false;
}

bool isSpawn(const std::string &q) {
  return qualIn(q, {"os.spawnl", "os.spawnle", "os.spawnlp", "os.spawnlpe",
                    "os.spawnv", "os.spawnve", "os.spawnvp", "os.spawnvpe"});
}

static bool match(const CallSite &c, BlockingMatch &m) {
  bool hit = qualIn(c.qual, {"subprocess.Popen", "os.popen"}) ||
             (isSpawn(c.qual) && !spawnWaits(c));
  if (!hit)
    return false;
  m.message = "`" + c.written() + "` starts a process with a blocking API";
  m.fix = c.qual == "os.popen"
              ? "use `await asyncio.create_subprocess_shell(...)`"
              : "use `await asyncio.create_subprocess_exec(...)`";
  return true;
}

const Rule &ruleASYNC220() {
  static SimpleRule r({"ASYNC220", "create-subprocess-in-async-function",
                       "blocking process creation in an async function", kDocs},
                      match, nullptr);
  return r;
}

} // namespace aioc::lint
