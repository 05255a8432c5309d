// Name resolution for open_connection / start_server / loop.getaddrinfo
// (label "unit"): names are resolved on the thread pool while the loop keeps
// running other tasks; numeric hosts resolve inline without a hop, as in
// asyncio; failures are socket.gaierror with CPython's text.
#include "aioc/io/streams.h"
#include "aioc/run.h"
#include "aioc/sleep.h"
#include "aioc/task.h"

#include <gtest/gtest.h>

#include <netdb.h>

using namespace aioc;
using namespace aioc::io;

namespace {

// Counts loop iterations: one tick per hop until told to stop.
struct Ticker {
  int64_t ticks = 0;
  bool stop = false;
};

Coro<void> tick(Ticker *t) {
  while (!t->stop) {
    ++t->ticks;
    co_await aioc::sleep(0);
  }
}

Coro<void> nameResolvesOffTheLoop() {
  Ticker t;
  Task<void> ticker = createTask(tick(&t));
  co_await aioc::sleep(0); // the ticker is running
  int64_t before = t.ticks;
  auto addrs = co_await io::getaddrinfo("localhost", 8080);
  // The loop went round (and ran the ticker) while a pool thread resolved:
  // a blocking getaddrinfo on the loop thread would leave ticks unchanged.
  EXPECT_GT(t.ticks, before);
  EXPECT_FALSE(addrs.empty());
  bool loopback = false;
  for (auto &[host, port] : addrs) {
    EXPECT_EQ(port, 8080);
    loopback |= host == "127.0.0.1" || host == "::1";
  }
  EXPECT_TRUE(loopback);

  // A numeric host needs no resolver: no hop at all (asyncio's
  // _ipaddr_info shortcut).
  before = t.ticks;
  auto numeric = co_await io::getaddrinfo("127.0.0.1", 80);
  EXPECT_EQ(t.ticks, before);
  EXPECT_EQ(numeric,
            (std::vector<std::pair<std::string, int>>{{"127.0.0.1", 80}}));
  t.stop = true;
  co_await ticker;
}

Coro<void> echoOnce(StreamReader r, StreamWriter w) {
  std::string line = co_await r.readline();
  w.write(line);
  co_await w.drain();
  w.close();
}

Coro<void> connectByName() {
  Server srv = co_await start_server(echoOnce, "localhost", 0);
  auto [r, w] = co_await open_connection("localhost", srv.sockname().second);
  w.write("ping\n");
  EXPECT_EQ(co_await r.readline(), "ping\n");
  w.close();
  co_await w.wait_closed();
  srv.close();
  co_await srv.wait_closed();
}

Coro<void> unknownName() {
  // What the C library says about this name here (normally EAI_NONAME).
  addrinfo hints{}, *res = nullptr;
  hints.ai_socktype = SOCK_STREAM;
  int expected = ::getaddrinfo("no-such-host.invalid", "80", &hints, &res);
  if (res)
    freeaddrinfo(res);
  EXPECT_NE(expected, 0);
  try {
    co_await open_connection("no-such-host.invalid", 80);
    ADD_FAILURE() << "no exception";
  } catch (const gaierror &e) {
    EXPECT_EQ(e.errnum, expected);
    EXPECT_EQ(e.message(), "[Errno " + std::to_string(expected) + "] " +
                               gai_strerror(expected));
    if (expected == EAI_NONAME)
      EXPECT_EQ(e.message(), "[Errno -2] Name or service not known");
    const OSError &os = e; // an OSError, as in Python
    EXPECT_STREQ(os.typeName(), "gaierror");
  }
}

} // namespace

TEST(Resolve, NamesResolveOnThePoolWhileTheLoopRuns) {
  aioc::run(nameResolvesOffTheLoop());
}
TEST(Resolve, OpenConnectionAndStartServerByName) {
  aioc::run(connectByName());
}
TEST(Resolve, UnknownNameIsGaierror) { aioc::run(unknownName()); }
