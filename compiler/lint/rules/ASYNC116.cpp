// ASYNC116: `trio.sleep(N)` / `anyio.sleep(N)` with N longer than a day.
#include "lint/Rule.h"

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags `trio.sleep(N)` and `anyio.sleep(N)` whose only argument is a number
literal greater than 86400 (24 hours): an int such as `86401` or
`10_000_000`, or a float such as `1e10` (by position, or as `seconds=` for
trio and `delay=` for anyio), under any import alias.

## Why is this bad?
A sleep of days, months or centuries is nearly always meant as "sleep until
cancelled": the number is a stand-in for infinity. It hides the intent and
is not infinite -- a long-running service does wake up one day, in a code
path nobody has tested. Both libraries say it directly with
`sleep_forever()`.

## Example
    async def serve(listener):
        async with trio.open_nursery() as nursery:
            nursery.start_soon(listener.run)
            await trio.sleep(10**6)

## Use instead
    async def serve(listener):
        async with trio.open_nursery() as nursery:
            nursery.start_soon(listener.run)
            await trio.sleep_forever()

## Differences from ruff
None in scope: like ruff, only a literal is judged -- `24 * 60 * 60 + 1`,
`10**6`, `-86401`, `math.inf` and `float("inf")` are not evaluated -- and
`asyncio.sleep` is not flagged (asyncio has no `sleep_forever()`).
Exactly 86400 is not flagged.
When the linted tree holds the library itself (trio in site-packages),
aioc follows imports to the definition, so trio's own tests calling it as
`from ..._timeouts import sleep` are reported too; ruff, which does not
resolve relative imports, stays silent there.
)doc";

// ruff's threshold: strictly more than one day.
static constexpr double kOneDay = 86400;

static void check(RuleContext &ctx) {
  forEachLiteralSleep(
      ctx, [&](const Call *c, const Constant *lit, const char *lib) {
        bool isLong = lit->valueKind == Constant::ValueKind::Int
                          ? !lit->intFits || lit->intValue > kOneDay
                          : lit->floatValue > kOneDay;
        if (!isLong)
          return;
        std::string forever = std::string(lib) + ".sleep_forever()";
        Finding f;
        f.code = "ASYNC116";
        f.range = c->range;
        f.message = "`" + std::string(lib) +
                    ".sleep()` with an interval over 24 hours is usually "
                    "meant to be `" +
                    forever + "`";
        f.fix = "replace the call with `" + forever +
                "` (it returns only when cancelled); if the task really "
                "must wake up after this long, name the constant to say so";
        ctx.report(std::move(f));
      });
}

const Rule &ruleASYNC116() {
  static SimpleRule r({"ASYNC116", "long-sleep-not-forever",
                       "`trio.sleep()` / `anyio.sleep()` longer than 24 hours "
                       "instead of `sleep_forever()`",
                       kDocs},
                      nullptr, check);
  return r;
}

} // namespace aioc::lint
