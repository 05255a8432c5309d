// ASYNC115: `trio.sleep(0)` / `anyio.sleep(0)` used as a checkpoint.
#include "lint/Rule.h"

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags `trio.sleep(0)` and `anyio.sleep(0)`: a sleep whose only argument is
the integer literal `0` (by position, or as `seconds=0` for trio and
`delay=0` for anyio), under any import alias.

## Why is this bad?
A zero-second sleep is written for its side effect, not to wait: it is a
checkpoint, a point where the task may be cancelled and the scheduler may
switch to another task. Both libraries have a function that says exactly
that, `lowlevel.checkpoint()`; a reader of `sleep(0)` has to know the idiom
and may "clean up" a sleep that looks like it does nothing.

## Example
    async def drain(stream):
        while stream.pending():
            stream.step()
            await trio.sleep(0)

## Use instead
    async def drain(stream):
        while stream.pending():
            stream.step()
            await trio.lowlevel.checkpoint()

## Differences from ruff
None in scope: like ruff, `asyncio.sleep(0)` is not flagged (asyncio has no
`checkpoint()`; `sleep(0)` is its documented way to yield), and only the
literal `0` counts -- not `0.0`, `False`, `-0` or a name bound to 0.
When the linted tree holds the library itself (trio in site-packages),
aioc follows imports to the definition, so trio's own tests calling it as
`from ..._timeouts import sleep` are reported too; ruff, which does not
resolve relative imports, stays silent there.
)doc";

static void check(RuleContext &ctx) {
  forEachLiteralSleep(
      ctx, [&](const Call *c, const Constant *lit, const char *lib) {
        if (lit->valueKind != Constant::ValueKind::Int || !lit->intFits ||
            lit->intValue != 0)
          return;
        std::string lowlevel = std::string(lib) + ".lowlevel.checkpoint()";
        Finding f;
        f.code = "ASYNC115";
        f.range = c->range;
        f.message = "`" + std::string(lib) +
                    ".sleep(0)` is a checkpoint in disguise: use `" + lowlevel +
                    "`";
        f.fix = "replace `" + std::string(lib) + ".sleep(0)` with `" +
                lowlevel + "` (after `import " + lib + ".lowlevel` if `" + lib +
                "` is not imported as a module)";
        ctx.report(std::move(f));
      });
}

const Rule &ruleASYNC115() {
  static SimpleRule r({"ASYNC115", "async-zero-sleep",
                       "`trio.sleep(0)` / `anyio.sleep(0)` instead of "
                       "`lowlevel.checkpoint()`",
                       kDocs},
                      nullptr, check);
  return r;
}

} // namespace aioc::lint
