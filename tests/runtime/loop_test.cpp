// The loop API the I/O code builds on: fd watchers, timers and handles.
#include "aioc/asyncio.h"

#include <gtest/gtest.h>

#include <unistd.h>

namespace {

TEST(Loop, ReaderWatcherFiresAndIsRemoved) {
  auto m = []() -> aioc::Coro<std::string> {
    auto &loop = aioc::getRunningLoop();
    int p[2];
    EXPECT_EQ(pipe(p), 0);
    aioc::Future<std::string> got(loop);
    auto *st = got.state();
    loop.addReader(p[0], [&loop, fd = p[0], st] {
      char buf[16];
      ssize_t n = read(fd, buf, sizeof buf);
      loop.removeReader(fd);
      st->value.emplace(buf, size_t(n));
      st->markFinishedPublic();
    });
    loop.callLater(0.005, [fd = p[1]] {
      ssize_t n = write(fd, "ping", 4);
      (void)n;
    });
    std::string s = co_await got;
    EXPECT_FALSE(loop.removeReader(p[0])); // already removed
    close(p[0]);
    close(p[1]);
    co_return s;
  };
  EXPECT_EQ(aioc::run(m()), "ping");
}

TEST(Loop, CancelledTimerNeverRuns) {
  auto m = []() -> aioc::Coro<int> {
    auto &loop = aioc::getRunningLoop();
    int hits = 0;
    auto h = loop.callLater(0.001, [&hits] { hits += 1; });
    loop.callLater(0.002, [&hits] { hits += 10; });
    h->cancel();
    EXPECT_TRUE(h->cancelled());
    co_await aioc::sleep(0.01);
    co_return hits;
  };
  EXPECT_EQ(aioc::run(m()), 10);
}

// Many cancelled timers trigger CPython's heap rebuild (more than 100
// scheduled, over half cancelled); the survivors still fire in order.
TEST(Loop, HeapRebuildKeepsOrder) {
  auto m = []() -> aioc::Coro<std::string> {
    auto &loop = aioc::getRunningLoop();
    std::string order;
    std::vector<aioc::HandleRef> hs;
    double t0 = loop.time();
    for (int i = 0; i < 300; ++i)
      hs.push_back(loop.callAt(t0 + 0.001 + i * 1e-5, [&order, i] {
        order += std::to_string(i) + ",";
      }));
    for (int i = 0; i < 300; ++i)
      if (i % 50 != 0)
        hs[i]->cancel();
    co_await aioc::sleep(0.02);
    co_return order;
  };
  EXPECT_EQ(aioc::run(m()), "0,50,100,150,200,250,");
}

TEST(Loop, TimeIsMonotonicSeconds) {
  aioc::EventLoop loop;
  double a = loop.time();
  double b = loop.time();
  EXPECT_LE(a, b);
  EXPECT_GT(a, 0);
}

TEST(Loop, GetRunningLoopOutsideRaises) {
  EXPECT_THROW(aioc::getRunningLoop(), aioc::RuntimeError);
}

TEST(Wait, FirstExceptionAndAsCompletedTimeout) {
  auto m = []() -> aioc::Coro<std::string> {
    auto boom = []() -> aioc::Coro<int> {
      co_await aioc::sleep(0.001);
      throw aioc::ValueError("b");
    };
    auto t1 = aioc::createTask(boom());
    auto t2 = aioc::createTask(aioc::sleep(1, 2));
    std::vector<aioc::Task<int>> ts{t1, t2};
    auto [done, pending] = co_await aioc::wait(ts, aioc::FIRST_EXCEPTION);
    std::string r =
        std::to_string(done.size()) + "/" + std::to_string(pending.size());
    t1.exception();
    std::vector<aioc::Task<int>> slow{t2};
    for (auto c : aioc::asCompleted(slow, 0.005)) {
      try {
        co_await c;
      } catch (const aioc::TimeoutError &) {
        r += " timeout";
      }
    }
    t2.cancel();
    co_return r;
  };
  EXPECT_EQ(aioc::run(m()), "1/1 timeout");
}

} // namespace

namespace {
// A callback that raises is reported on stderr; the loop keeps running.
TEST(Loop, FailingCallbackIsReportedAndLoopContinues) {
  auto m = []() -> aioc::Coro<int> {
    auto &loop = aioc::getRunningLoop();
    int after = 0;
    loop.callSoon([] { throw aioc::ValueError("cb"); });
    loop.callSoon([&after] { after = 1; });
    co_await aioc::sleep(0);
    co_await aioc::sleep(0);
    co_return after;
  };
  testing::internal::CaptureStderr();
  int after = aioc::run(m());
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(after, 1);
  EXPECT_EQ(err, "Exception in callback\nTraceback (most recent call "
                 "last):\nValueError: cb\n");
}
} // namespace

namespace {
// as_completed dedups its argument (a set in CPython) and yields in
// completion order; 20,000 tasks plus 100 repeats stay linear. Expected
// output checked once against /usr/bin/python3 (3.11) running:
//   ts = [create_task(f(i, (i * 7) % 5 * 0.03)) for i in range(10)]
//   [await c for c in as_completed(ts + [ts[0], ts[3]])]
//     -> [0, 5, 3, 8, 1, 6, 4, 9, 2, 7]
//   big = [create_task(f(i, 0)) for i in range(20000)]
//   as_completed(big + big[:100]) -> 20000 results, in creation order
TEST(Wait, AsCompletedDedupsAndKeepsCompletionOrder) {
  auto f = [](int i, double d) -> aioc::Coro<int> {
    co_await aioc::sleep(d);
    co_return i;
  };
  auto m = [&]() -> aioc::Coro<std::string> {
    std::vector<aioc::Task<int>> ts;
    for (int i = 0; i < 10; ++i)
      ts.push_back(aioc::createTask(f(i, (i * 7) % 5 * 0.03)));
    auto args = ts;
    args.push_back(ts[0]);
    args.push_back(ts[3]);
    std::string r;
    for (auto c : aioc::asCompleted(args))
      r += std::to_string(co_await c) + " ";
    std::vector<aioc::Task<int>> big;
    for (int i = 0; i < 20000; ++i)
      big.push_back(aioc::createTask(f(i, 0)));
    auto bigArgs = big;
    bigArgs.insert(bigArgs.end(), big.begin(), big.begin() + 100);
    int n = 0, prev = -1;
    bool inOrder = true;
    for (auto c : aioc::asCompleted(bigArgs)) {
      int v = co_await c;
      inOrder = inOrder && v > prev;
      prev = v;
      ++n;
    }
    co_return r + "| " + std::to_string(n) + (inOrder ? " in order" : "");
  };
  EXPECT_EQ(aioc::run(m()), "0 5 3 8 1 6 4 9 2 7 | 20000 in order");
}
} // namespace
