// Name resolution off the loop, as asyncio's loop.getaddrinfo does it: a
// numeric host resolves at once (asyncio's _ipaddr_info shortcut, no hop),
// any other name runs getaddrinfo(3) on the loop's thread pool so that a
// slow DNS server never stalls the loop; the answer comes back through the
// eventfd one hop later.
#include "resolve.h"

#include "aioc/executor.h"
#include "aioc/loop.h"

#include <arpa/inet.h>
#include <cstring>
#include <netdb.h>
#include <netinet/in.h>

namespace aioc::io {

gaierror::gaierror(int code)
    : BaseException("[Errno " + std::to_string(code) + "] " +
                    gai_strerror(code)) {
  errnum = code;
  strerror = gai_strerror(code);
}

namespace {

bool isNumericHost(const std::string &host) {
  unsigned char buf[sizeof(in6_addr)];
  return inet_pton(AF_INET, host.c_str(), buf) == 1 ||
         inet_pton(AF_INET6, host.c_str(), buf) == 1;
}

// Runs on any thread: touches nothing but its arguments.
Resolved resolveNow(const std::string &host, int port, int family, int type,
                    int flags) {
  addrinfo hints{}, *res = nullptr;
  hints.ai_family = family;
  hints.ai_socktype = type;
  hints.ai_flags = flags;
  std::string portStr = std::to_string(port);
  Resolved out;
  out.gai = ::getaddrinfo(host.empty() ? nullptr : host.c_str(),
                          portStr.c_str(), &hints, &res);
  if (out.gai != 0)
    return out;
  for (addrinfo *ai = res; ai; ai = ai->ai_next) {
    ResolvedAddr a;
    a.family = ai->ai_family;
    a.type = ai->ai_socktype;
    a.proto = ai->ai_protocol;
    std::memcpy(&a.addr, ai->ai_addr, ai->ai_addrlen);
    a.len = ai->ai_addrlen;
    out.addrs.push_back(a);
  }
  freeaddrinfo(res);
  return out;
}

Coro<std::vector<ResolvedAddr>> resolveImpl(std::string host, int port,
                                            int family, int type, int flags) {
  Resolved r;
  if (host.empty() || isNumericHost(host)) {
    r = resolveNow(host, port, family, type, flags | AI_NUMERICHOST);
  } else {
    r = co_await runInExecutor(
        getRunningLoop(), [host, port, family, type, flags] {
          return resolveNow(host, port, family, type, flags);
        });
  }
  if (r.gai != 0)
    throw gaierror(r.gai);
  co_return std::move(r.addrs);
}

} // namespace

Coro<std::vector<ResolvedAddr>> resolve(std::string host, int port, int family,
                                        int type, int flags) {
  return resolveImpl(std::move(host), port, family, type, flags);
}

namespace {
Coro<std::vector<std::pair<std::string, int>>> getaddrinfoImpl(std::string host,
                                                               int port) {
  std::vector<ResolvedAddr> rs =
      co_await resolve(std::move(host), port, AF_UNSPEC, SOCK_STREAM, 0);
  std::vector<std::pair<std::string, int>> out;
  for (const ResolvedAddr &r : rs) {
    char text[INET6_ADDRSTRLEN] = {0};
    int p = 0;
    if (r.family == AF_INET) {
      auto *a = reinterpret_cast<const sockaddr_in *>(&r.addr);
      inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
      p = ntohs(a->sin_port);
    } else if (r.family == AF_INET6) {
      auto *a = reinterpret_cast<const sockaddr_in6 *>(&r.addr);
      inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
      p = ntohs(a->sin6_port);
    }
    out.emplace_back(text, p);
  }
  co_return out;
}
} // namespace

Coro<std::vector<std::pair<std::string, int>>> getaddrinfo(std::string host,
                                                           int port) {
  return getaddrinfoImpl(std::move(host), port);
}

} // namespace aioc::io
