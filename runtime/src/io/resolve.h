// Private: getaddrinfo on the loop's thread pool (resolve.cpp).
#pragma once

#include "aioc/coro.h"
#include "aioc/io/streams.h"

#include <sys/socket.h>
#include <vector>

namespace aioc::io {

struct ResolvedAddr {
  int family = 0, type = 0, proto = 0;
  sockaddr_storage addr{};
  socklen_t len = 0;
};

struct Resolved {
  std::vector<ResolvedAddr> addrs;
  int gai = 0; // getaddrinfo's error code, 0 on success
};

// Numeric hosts (and "" for the wildcard/loopback) inline, names on the
// default executor. Raises gaierror as socket.getaddrinfo does.
Coro<std::vector<ResolvedAddr>> resolve(std::string host, int port, int family,
                                        int type, int flags);

} // namespace aioc::io
