// AIO101: user-declared blocking callables (--blocking / pyproject).
#include "lint/Rule.h"

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags calls, inside an `async def`, to callables the project declares as
blocking with `--blocking MODULE.FUNC[=SUGGESTION]` or with
`blocking = ["MODULE.FUNC=SUGGESTION", ...]` under `[tool.aioc.lint]` in
pyproject.toml. Names are matched after import resolution, so
`from mylib import fetch` and `import mylib as m; m.fetch()` both match
`mylib.fetch`. A project function declared this way is also followed
through sync helpers (AIO100).

## Why is this bad?
Whatever the library, a call that waits on I/O while holding the thread
stalls every task of the event loop.

## Example
    # aioc lint --blocking 'legacy.query=await legacy_async.query(...)'
    import legacy
    async def handler():
        return legacy.query("x")

## Use instead
    import legacy_async
    async def handler():
        return await legacy_async.query("x")
)doc";

static bool match(const CallSite &c, BlockingMatch &m) {
  if (c.qual.empty())
    return false;
  for (const auto &[name, suggestion] : c.opts.blocking)
    if (c.qual == name) {
      m.message = "`" + c.written() + "` is declared blocking (--blocking " +
                  name + ")";
      m.fix = suggestion.empty() ? "use `" + toThreadFix(c) + "`"
                                 : "use `" + suggestion + "`";
      return true;
    }
  return false;
}

const Rule &ruleAIO101() {
  static SimpleRule r({"AIO101", "user-declared-blocking-call",
                       "call declared blocking by --blocking", kDocs},
                      match, nullptr);
  return r;
}

} // namespace aioc::lint
