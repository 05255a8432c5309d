// ASYNC212: methods of a sync httpx.Client in a coroutine.
#include "lint/Rule.h"

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags calls to the methods of a synchronous `httpx.Client` (`get`, `post`,
`put`, `patch`, `delete`, `head`, `options`, `request`, `send`, `stream`,
`close`) inside an `async def`. The client is recognised through
assignments, `with ... as`, parameter annotations and `self.x = ...`.

## Why is this bad?
`httpx.Client` does its I/O synchronously: each call blocks the event loop
for the whole request.

## Example
    import httpx
    async def fetch(client: httpx.Client, url):
        return client.get(url)

## Use instead
    import httpx
    async def fetch(client: httpx.AsyncClient, url):
        return await client.get(url)
)doc";

static bool match(const CallSite &c, BlockingMatch &m) {
  if (!startsWith(c.qual, "httpx.Client."))
    return false;
  std::string meth(c.method());
  static const char *methods[] = {"get",    "post",   "put",     "patch",
                                  "delete", "head",   "options", "request",
                                  "send",   "stream", "close"};
  bool hit = false;
  for (const char *x : methods)
    hit |= meth == x;
  if (!hit)
    return false;
  m.message =
      "`" + c.written() + "` is a blocking call of a sync `httpx.Client`";
  m.fix = "use `httpx.AsyncClient` and `await client." + meth + "(...)`";
  return true;
}

const Rule &ruleASYNC212() {
  static SimpleRule r({"ASYNC212", "blocking-http-call-httpx-in-async-function",
                       "sync `httpx.Client` method in an async function",
                       kDocs},
                      match, nullptr);
  return r;
}

} // namespace aioc::lint
