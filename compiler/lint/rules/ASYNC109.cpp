// ASYNC109: an async function with a `timeout` parameter.
#include "lint/Rule.h"

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags an `async def` that takes a `timeout` parameter.

## Why is this bad?
Each function then implements its own timeout logic, which composes badly
with cancellation. Since Python 3.11 callers can bound any await with the
`asyncio.timeout()` context manager.

## Example
    async def fetch(url, timeout=5):
        ...

## Use instead
    async def fetch(url):
        ...
    async def main():
        async with asyncio.timeout(5):
            await fetch(url)
)doc";

static void check(RuleContext &ctx) {
  if (!ctx.fn || !ctx.fn->def->isAsync || !ctx.fn->def->args)
    return;
  Arguments *a = ctx.fn->def->args;
  for (auto *list : {&a->posonlyargs, &a->args, &a->kwonlyargs})
    for (Arg *p : *list)
      if (p->arg == "timeout") {
        Finding f;
        f.code = "ASYNC109";
        f.range = p->range;
        f.message = "async function `" + ctx.fn->def->name +
                    "` takes a `timeout` parameter";
        f.fix = "drop the parameter and let callers write `async with "
                "asyncio.timeout(...): await " +
                ctx.fn->def->name + "(...)`";
        ctx.report(std::move(f));
        return;
      }
}

const Rule &ruleASYNC109() {
  static SimpleRule r({"ASYNC109", "async-function-with-timeout",
                       "async function with a `timeout` parameter", kDocs},
                      nullptr, check);
  return r;
}

} // namespace aioc::lint
