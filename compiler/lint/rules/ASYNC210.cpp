// ASYNC210: blocking HTTP calls in a coroutine.
#include "lint/Rule.h"

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags blocking HTTP calls inside an `async def`: `requests.get/post/put/
delete/patch/head/options/request`, the same methods of a `requests.Session`,
`httpx.get/post/...` (module level), `urllib.request.urlopen`,
`urllib.request.urlretrieve` and `urllib3.request`.

## Why is this bad?
These calls wait for the network while holding the thread: every other task
of the event loop stalls for the whole round trip.

## Example
    import requests
    async def fetch(url):
        return requests.get(url).text

## Use instead
    import httpx
    async def fetch(url):
        async with httpx.AsyncClient() as client:
            return (await client.get(url)).text
)doc";

static bool match(const CallSite &c, BlockingMatch &m) {
  static const char *verbs[] = {"get",     "post", "put",     "delete",
                                "patch",   "head", "options", "request",
                                "connect", "trace"};
  bool hit = qualIn(c.qual, {"urllib.request.urlopen",
                             "urllib.request.urlretrieve", "urllib3.request"});
  for (const char *v : verbs) {
    std::string verb = v;
    if (c.qual == "requests." + verb || c.qual == "httpx." + verb ||
        c.qual == "requests.api." + verb)
      hit = true;
    if (c.qual == "requests.Session." + verb)
      hit = true;
  }
  if (c.qual == "requests.Session.send" || c.qual == "httpx.stream")
    hit = true;
  if (!hit)
    return false;
  m.message = "blocking HTTP call `" + c.written() + "`";
  m.fix = "use `httpx.AsyncClient`: `async with httpx.AsyncClient() as "
          "client: r = await client." +
          std::string(c.method() == "urlopen" || c.method() == "urlretrieve"
                          ? "get"
                          : c.method()) +
          "(...)`";
  return true;
}

const Rule &ruleASYNC210() {
  static SimpleRule r({"ASYNC210", "blocking-http-call-in-async-function",
                       "blocking HTTP call in an async function", kDocs},
                      match, nullptr);
  return r;
}

} // namespace aioc::lint
