// httpx.AsyncClient cases that need no HTTP server (label "unit", so they
// also run under ASan+UBSan and TSan): a refused connection, and a request
// cancelled while a listener that never answers holds it.
#include "aioc/io/http.h"
#include "aioc/run.h"
#include "aioc/sleep.h"
#include "aioc/timeout.h"
#include "aioc/wait.h"

#include <gtest/gtest.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace aioc;

namespace {

// A 127.0.0.1 listener that never accepts: the kernel completes the
// handshake, takes the request bytes, and nobody ever answers.
struct SilentListener {
  SilentListener() {
    fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
    listen(fd, 64);
    socklen_t len = sizeof a;
    getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
    port = ntohs(a.sin_port);
  }
  ~SilentListener() { close(fd); }
  std::string url() const {
    return "http://127.0.0.1:" + std::to_string(port) + "/";
  }
  int fd;
  int port;
};

// A port with nothing listening on it.
int closedPort() {
  SilentListener l;
  int p = l.port;
  return p; // the listener closes here
}

Coro<int> getStatus(httpx::AsyncClient c, std::string url) {
  auto r = co_await c.get(url);
  co_return r.status_code();
}

Coro<void> refused(int port) {
  httpx::AsyncClient c;
  try {
    co_await c.get("http://127.0.0.1:" + std::to_string(port) + "/");
    ADD_FAILURE() << "no exception";
  } catch (const httpx::ConnectError &e) {
    EXPECT_EQ(e.message(), "All connection attempts failed");
  }
  co_await c.aclose();
}

Coro<void> cancelled(std::string url) {
  httpx::AsyncClient c;
  std::vector<Task<int>> tasks;
  for (int i = 0; i < 10; ++i)
    tasks.push_back(createTask(getStatus(c, url)));
  co_await aioc::sleep(0.05);
  EXPECT_EQ(c.activeRequests(), 10u);
  for (auto &t : tasks)
    t.cancel();
  int cancelledCount = 0;
  for (auto &t : tasks) {
    try {
      co_await t;
    } catch (const CancelledError &) {
      ++cancelledCount;
    }
  }
  EXPECT_EQ(cancelledCount, 10);
  // Every easy handle left curl as its task unwound.
  EXPECT_EQ(c.activeRequests(), 0u);
  co_await c.aclose();
}

// asyncio.timeout() around a request: the task is cancelled at the
// deadline, the easy handle leaves curl, and the block raises TimeoutError.
Coro<void> underTimeout(std::string url) {
  httpx::AsyncClient c;
  auto cm = aioc::timeout(0.05);
  cm->enter();
  std::exception_ptr e;
  try {
    co_await c.get(url);
  } catch (...) {
    e = std::current_exception();
  }
  EXPECT_EQ(c.activeRequests(), 0u);
  EXPECT_THROW(cm->exit(e), TimeoutError);
  // wait_for runs the request in its own task (3.11): same outcome.
  EXPECT_THROW(co_await aioc::waitFor(getStatus(c, url), 0.05), TimeoutError);
  EXPECT_EQ(c.activeRequests(), 0u);
  co_await c.aclose();
}

Coro<void> usedAfterClose(std::string url) {
  httpx::AsyncClient c;
  co_await c.aclose();
  EXPECT_TRUE(c.isClosed());
  try {
    co_await c.get(url);
    ADD_FAILURE();
  } catch (const RuntimeError &e) {
    EXPECT_EQ(e.message(),
              "Cannot send a request, as the client has been closed.");
  }
}

Coro<void> badUrls() {
  httpx::AsyncClient c;
  try {
    co_await c.get("ftp://example.org/");
    ADD_FAILURE();
  } catch (const httpx::UnsupportedProtocol &e) {
    EXPECT_EQ(e.message(), "Request URL has an unsupported protocol 'ftp://'.");
  }
  co_await c.aclose();
}

} // namespace

TEST(HttpxUnit, ConnectionRefused) { aioc::run(refused(closedPort())); }

Coro<void> refusedWith(httpx::AsyncClient c, int port) {
  EXPECT_THROW(co_await c.get("http://127.0.0.1:" + std::to_string(port)),
               httpx::ConnectError);
  co_await c.aclose();
}

TEST(HttpxUnit, ClientCreatedBeforeTheLoop) {
  // As `client = httpx.AsyncClient()` at module level: bound at first use.
  httpx::AsyncClient c;
  aioc::run(refusedWith(c, closedPort()));
  EXPECT_TRUE(c.isClosed());
}

TEST(HttpxUnit, CancelDuringRequestRemovesHandles) {
  SilentListener l;
  aioc::run(cancelled(l.url()));
}

TEST(HttpxUnit, TimeoutAndWaitForCancelRequests) {
  SilentListener l;
  aioc::run(underTimeout(l.url()));
}

TEST(HttpxUnit, ClosedClientRefusesRequests) {
  SilentListener l;
  aioc::run(usedAfterClose(l.url()));
}

TEST(HttpxUnit, UnsupportedProtocol) { aioc::run(badUrls()); }
