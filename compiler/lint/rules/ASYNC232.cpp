// ASYNC232: methods of a sync file object in a coroutine.
#include "lint/Rule.h"

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags `read`, `readall`, `readinto`, `readline`, `readlines`, `write`,
`writelines`, `seek`, `tell`, `truncate` and `flush` called inside an
`async def` on a file object returned by a blocking open (`open(...)`,
`with open(...) as f`, `Path.open()`, ...).

## Why is this bad?
Every read or write of a regular file is a synchronous system call that
stalls the event loop.

## Example
    async def load(path):
        f = open(path)
        data = f.read()

## Use instead
    import aiofiles
    async def load(path):
        async with aiofiles.open(path) as f:
            data = await f.read()
)doc";

static bool match(const CallSite &c, BlockingMatch &m) {
  if (!startsWith(c.qual, "file."))
    return false;
  std::string meth(c.method());
  bool hit = qualIn(meth, {"read", "readall", "readinto", "readline",
                           "readlines", "write", "writelines", "seek", "tell",
                           "truncate", "flush"});
  if (!hit)
    return false;
  m.message =
      "`" + c.written() + "()` is blocking I/O on a synchronous file object";
  m.fix = "open the file with `aiofiles.open(...)` and use `await f." + meth +
          "(...)`";
  return true;
}

const Rule &ruleASYNC232() {
  static SimpleRule r({"ASYNC232", "blocking-file-call-in-async-function",
                       "sync file object method in an async function", kDocs},
                      match, nullptr);
  return r;
}

} // namespace aioc::lint
