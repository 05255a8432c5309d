// AIO110: blocking socket calls in a coroutine.
#include "lint/Rule.h"

namespace aioc::lint {

static const char kDocs[] = R"doc(## What it does
Flags blocking socket operations inside an `async def`: `accept`,
`connect`, `recv`, `recv_into`, `recvfrom`, `send`, `sendall`, `sendto`,
`sendfile` on a `socket.socket` (recognised through `socket.socket(...)`,
`socket.create_connection(...)`, annotations), and the module functions
`socket.create_connection`, `socket.getaddrinfo`, `socket.gethostbyname`,
`socket.gethostbyaddr`, `socket.getfqdn`. No flake8-async code covers
them. Not flagged inside a `try:` that handles `BlockingIOError` (or
`InterruptedError`, `ssl.SSLWantReadError`...): that socket is non-blocking.

## Why is this bad?
A blocking socket waits for the peer (or DNS) while holding the thread; the
event loop cannot serve anything else meanwhile.

## Example
    import socket
    async def ping(host):
        s = socket.create_connection((host, 7))
        s.sendall(b"x")
        return s.recv(1)

## Use instead
    import asyncio
    async def ping(host):
        reader, writer = await asyncio.open_connection(host, 7)
        writer.write(b"x")
        await writer.drain()
        return await reader.read(1)
)doc";

static bool match(const CallSite &c, BlockingMatch &m) {
  bool hit = qualIn(c.qual, {"socket.create_connection", "socket.getaddrinfo",
                             "socket.gethostbyname", "socket.gethostbyaddr",
                             "socket.getfqdn"});
  if (startsWith(c.qual, "socket.socket."))
    hit = qualIn(std::string(c.method()),
                 {"accept", "connect", "recv", "recv_into", "recvfrom",
                  "recvfrom_into", "send", "sendall", "sendto", "sendfile"});
  if (!hit)
    return false;
  // A socket call that handles BlockingIOError is on a non-blocking socket
  // (anyio's and asyncio's own transports: try `recv`, on BlockingIOError
  // wait until readable).
  if (insideTryCatching(c, {"BlockingIOError", "InterruptedError",
                            "SSLWantReadError", "SSLWantWriteError"}))
    return false;
  m.message = "`" + c.written() + "` is a blocking socket operation";
  m.fix = "use asyncio streams (`reader, writer = await "
          "asyncio.open_connection(...)`, `await reader.read(n)`) or `await "
          "loop.sock_" +
          std::string(c.method() == "sendall" || c.method() == "recv" ||
                              c.method() == "accept" || c.method() == "connect"
                          ? c.method()
                          : "recv") +
          "(sock, ...)`";
  if (startsWith(c.qual, "socket.get") || c.qual == "socket.create_connection")
    m.fix = c.qual == "socket.create_connection"
                ? "use `await asyncio.open_connection(host, port)`"
                : "use `await loop.getaddrinfo(...)` (loop = "
                  "asyncio.get_running_loop())";
  return true;
}

const Rule &ruleAIO110() {
  static SimpleRule r({"AIO110", "blocking-socket-call-in-async-function",
                       "blocking socket call in an async function", kDocs},
                      match, nullptr);
  return r;
}

} // namespace aioc::lint
