// ASYNC230: opening a file with a blocking call in a coroutine.
#include "lint/Rule.h"

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags blocking file opens inside an `async def`: `open`, `io.open`,
`io.open_code`, `codecs.open`, `os.fdopen`, `gzip/bz2/lzma.open`,
`tempfile.TemporaryFile/NamedTemporaryFile/SpooledTemporaryFile` and
`pathlib.Path.open`.

## Why is this bad?
Opening, reading and writing a regular file are synchronous system calls; on
a slow or network disk they stall the event loop.

## Example
    async def load(path):
        with open(path) as f:
            return f.read()

## Use instead
    import aiofiles
    async def load(path):
        async with aiofiles.open(path) as f:
            return await f.read()
)doc";

static bool match(const CallSite &c, BlockingMatch &m) {
  bool hit =
      qualIn(c.qual, {"builtins.open", "io.open", "io.open_code", "codecs.open",
                      "os.fdopen", "gzip.open", "bz2.open", "lzma.open",
                      "tempfile.TemporaryFile", "tempfile.NamedTemporaryFile",
                      "tempfile.SpooledTemporaryFile", "pathlib.Path.open"});
  if (!hit)
    return false;
  m.message = "`" + c.written() + "` opens a file with blocking I/O";
  m.fix = "use `async with aiofiles.open(...) as f:` and `await f.read()`, "
          "or `await asyncio.to_thread(...)` for the whole file operation";
  return true;
}

const Rule &ruleASYNC230() {
  static SimpleRule r({"ASYNC230", "blocking-open-call-in-async-function",
                       "blocking `open` in an async function", kDocs},
                      match, nullptr);
  return r;
}

} // namespace aioc::lint
