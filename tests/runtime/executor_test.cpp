// Off-loop work: many concurrent to_thread calls, exceptions from workers,
// and callSoonThreadsafe wake-ups through the eventfd.
#include "aioc/asyncio.h"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <thread>

namespace {

long square(long x) { return x * x; }

TEST(Executor, ManyConcurrentCalls) {
  auto m = []() -> aioc::Coro<long> {
    std::vector<aioc::Future<long>> fs;
    for (long i = 0; i < 2000; ++i)
      fs.push_back(aioc::toThread(square, i));
    auto rs = co_await aioc::gather(std::move(fs));
    long sum = 0;
    for (long i = 0; i < 2000; ++i) {
      EXPECT_EQ(rs[i], i * i);
      sum += rs[i];
    }
    co_return sum;
  };
  long expect = 0;
  for (long i = 0; i < 2000; ++i)
    expect += i * i;
  EXPECT_EQ(aioc::run(m()), expect);
}

TEST(Executor, WorkerExceptionIsRaisedInTask) {
  auto m = []() -> aioc::Coro<std::string> {
    try {
      co_await aioc::toThread(
          [](int x) -> int {
            if (x > 0)
              throw aioc::KeyError("'k'");
            return x;
          },
          1);
    } catch (const aioc::KeyError &e) {
      co_return e.tracebackLine();
    }
    co_return "no exception";
  };
  EXPECT_EQ(aioc::run(m()), "KeyError: 'k'");
}

TEST(Executor, RunInExecutorVoidAndCancelledDestination) {
  auto m = []() -> aioc::Coro<int> {
    // Shared with the workers: a cancelled job still runs to its end.
    auto calls = std::make_shared<std::atomic<int>>(0);
    auto &loop = aioc::getRunningLoop();
    co_await aioc::runInExecutor(loop, [calls] { ++*calls; });
    // A cancelled destination ignores the worker's late result.
    auto f = aioc::runInExecutor(loop, [calls] {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      ++*calls;
      return 1;
    });
    EXPECT_TRUE(f.cancel());
    // Wait for the worker (no wall-clock assumption: poll until it ran).
    while (calls->load() < 2)
      co_await aioc::sleep(0.001);
    co_await aioc::sleep(0.001); // let its (ignored) completion arrive
    EXPECT_TRUE(f.cancelled());
    co_return calls->load();
  };
  EXPECT_EQ(aioc::run(m()), 2);
}

TEST(Loop, CallSoonThreadsafeWakesTheLoop) {
  auto m = []() -> aioc::Coro<int> {
    auto &loop = aioc::getRunningLoop();
    aioc::Future<int> f(loop);
    // Refcounts are loop-thread only: the thread sees a raw pointer.
    auto *st = f.state();
    std::thread th([&loop, st] {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      loop.callSoonThreadsafe([st] {
        st->value.emplace(42);
        st->markFinishedPublic();
      });
    });
    int v = co_await f;
    th.join();
    co_return v;
  };
  EXPECT_EQ(aioc::run(m()), 42);
}

} // namespace
