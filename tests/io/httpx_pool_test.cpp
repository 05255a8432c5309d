// httpx.AsyncClient's connection pool on the loop, against an HTTP/1.1
// server written with the runtime's own streams (label "unit": no Python
// server, so it also runs under ASan+UBSan and TSan).
//
// An idle keep-alive socket stays registered with epoll between requests
// ("parked", to save two epoll_ctl calls per request). These tests pin what
// that must not break: a server closing an idle connection neither spins
// the loop nor breaks the next request, and nothing leaks.
#include "aioc/io/http.h"
#include "aioc/io/streams.h"
#include "aioc/run.h"
#include "aioc/sleep.h"
#include "aioc/task.h"

#include <gtest/gtest.h>

#include <dirent.h>

using namespace aioc;
using namespace aioc::io;

namespace {

int openFds() {
  int n = 0;
  if (DIR *d = opendir("/proc/self/fd")) {
    while (readdir(d))
      ++n;
    closedir(d);
  }
  return n;
}

// Answers `perConnection` requests on a connection ("ok", keep-alive), then
// waits 20 ms and closes it: the client holds an idle pooled connection
// that the server has closed.
Coro<void> serveThenClose(StreamReader r, StreamWriter w, int perConnection) {
  for (int i = 0; i < perConnection; ++i) {
    try {
      co_await r.readuntil("\r\n\r\n");
    } catch (const IncompleteReadError &) {
      break; // the client closed the connection
    }
    w.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
            "Content-Length: 2\r\n\r\nok");
    co_await w.drain();
  }
  co_await sleep(0.02);
  w.close();
  co_await w.wait_closed();
}

Coro<void> idleConnectionClosedByServer() {
  int fdsBefore = openFds();
  Server srv = co_await start_server(
      [](StreamReader r, StreamWriter w) {
        return serveThenClose(std::move(r), std::move(w), 1);
      },
      "127.0.0.1", 0);
  std::string url =
      "http://127.0.0.1:" + std::to_string(srv.sockname().second) + "/";
  {
    httpx::AsyncClient c;
    httpx::Response r1 = co_await c.get(url);
    EXPECT_EQ(r1.status_code(), 200);
    EXPECT_EQ(r1.text(), "ok");
    // The server closes the pooled connection meanwhile: its socket wakes
    // the loop once and is then unwatched, rather than waking it on every
    // iteration (level-triggered epoll on an EOF socket).
    co_await sleep(0.3);
    EXPECT_EQ(c.idleWakeups(), 1);
    httpx::Response r2 = co_await c.get(url);
    EXPECT_EQ(r2.status_code(), 200);
    EXPECT_EQ(r2.text(), "ok");
    // curl found the pooled connection dead and opened another.
    EXPECT_EQ(c.connectionsOpened(), 2);
    co_await c.aclose();
  }
  srv.close();
  co_await srv.wait_closed();
  co_await sleep(0.05); // the server's handlers finish closing
  EXPECT_EQ(openFds(), fdsBefore);
}

Coro<int> status(httpx::AsyncClient c, std::string url) {
  httpx::Response r = co_await c.get(url);
  co_return r.status_code();
}

// Keep-alive reuse across many requests and connections, then a clean
// shutdown: every socket curl opened is closed (and unwatched) again.
Coro<void> reuseAndNoLeaks() {
  int fdsBefore = openFds();
  Server srv = co_await start_server(
      [](StreamReader r, StreamWriter w) {
        return serveThenClose(std::move(r), std::move(w), 1000);
      },
      "127.0.0.1", 0);
  std::string url =
      "http://127.0.0.1:" + std::to_string(srv.sockname().second) + "/";
  {
    httpx::AsyncClient c;
    for (int round = 0; round < 5; ++round) {
      std::vector<Task<int>> tasks;
      for (int i = 0; i < 20; ++i)
        tasks.push_back(createTask(status(c, url)));
      for (auto &t : tasks)
        EXPECT_EQ(co_await t, 200);
    }
    // 100 requests over at most 20 connections: the pool was reused.
    EXPECT_LE(c.connectionsOpened(), 20);
    EXPECT_EQ(c.activeRequests(), 0u);
    co_await c.aclose();
  }
  srv.close();
  co_await srv.wait_closed();
  co_await sleep(0.05);
  EXPECT_EQ(openFds(), fdsBefore);
}

Coro<void> useThenLeave(httpx::AsyncClient c) {
  Server srv = co_await start_server(
      [](StreamReader r, StreamWriter w) {
        return serveThenClose(std::move(r), std::move(w), 1);
      },
      "127.0.0.1", 0);
  httpx::Response r = co_await c.get(
      "http://127.0.0.1:" + std::to_string(srv.sockname().second) + "/");
  EXPECT_EQ(r.status_code(), 200);
  srv.close();
  // No aclose: the client keeps its pooled connection past the loop.
}

} // namespace

// A client never closed and destroyed after asyncio.run's loop is gone (a
// module-level client): its destructor closes curl's sockets without
// touching the dead loop (ASan would see a use after free).
TEST(HttpxPool, ClientOutlivesItsLoop) {
  int before = openFds();
  {
    httpx::AsyncClient c;
    aioc::run(useThenLeave(c));
  }
  EXPECT_EQ(openFds(), before);
}

TEST(HttpxPool, IdleConnectionClosedByServer) {
  aioc::run(idleConnectionClosedByServer());
}

TEST(HttpxPool, ReuseAndNoLeakedSockets) { aioc::run(reuseAndNoLeaks()); }
