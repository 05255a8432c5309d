// Google Benchmark suite for the runtime core. Each benchmark runs with the
// coroutine frame free lists on (/1) and off (/0) to show what they buy
// (the /0 runs after a /1 run also pay a slab-table lookup per free, since
// blocks carved from slabs must not go to free(); AIOC_FRAME_ALLOC=0 in the
// environment measures plain malloc).
#include "aioc/asyncio.h"

#include <benchmark/benchmark.h>

namespace {

aioc::Coro<void> sleeper() { co_await aioc::sleep(0); }

aioc::Coro<void> spawnGather(int n) {
  std::vector<aioc::Task<void>> ts;
  ts.reserve(n);
  for (int i = 0; i < n; ++i)
    ts.push_back(aioc::createTask(sleeper()));
  co_await aioc::gather(std::move(ts));
}

// W1: spawn n tasks that each sleep(0) once, gathered.
void BM_SpawnSleep0Gather(benchmark::State &st) {
  aioc::detail::setFrameFreeListsEnabled(st.range(1));
  int n = int(st.range(0));
  for (auto _ : st)
    aioc::run(spawnGather(n));
  st.SetItemsProcessed(st.iterations() * n);
  aioc::detail::setFrameFreeListsEnabled(true);
}
BENCHMARK(BM_SpawnSleep0Gather)
    ->ArgsProduct({{10000, 100000}, {1, 0}})
    ->Unit(benchmark::kMillisecond);

aioc::Coro<long> trivial(long i) { co_return i; }
aioc::Coro<long> awaitLoop(long n) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += co_await trivial(i);
  co_return s;
}

// W2: awaits of a trivial coroutine (inline, never suspends).
void BM_AwaitTrivial(benchmark::State &st) {
  aioc::detail::setFrameFreeListsEnabled(st.range(1));
  long n = st.range(0);
  for (auto _ : st)
    benchmark::DoNotOptimize(aioc::run(awaitLoop(n)));
  st.SetItemsProcessed(st.iterations() * n);
  aioc::detail::setFrameFreeListsEnabled(true);
}
BENCHMARK(BM_AwaitTrivial)
    ->ArgsProduct({{1000000}, {1, 0}})
    ->Unit(benchmark::kMillisecond);

aioc::Coro<void> echo(aioc::Queue<long> &in, aioc::Queue<long> &out, long n) {
  for (long i = 0; i < n; ++i)
    co_await out.put(co_await in.get());
}
aioc::Coro<long> pingPong(long n) {
  aioc::Queue<long> a(1), b(1);
  auto t = aioc::createTask(echo(a, b, n));
  long s = 0;
  for (long i = 0; i < n; ++i) {
    co_await a.put(i);
    s += co_await b.get();
  }
  co_await t;
  co_return s;
}

// W3: round trips through two Queue(maxsize=1).
void BM_QueuePingPong(benchmark::State &st) {
  aioc::detail::setFrameFreeListsEnabled(st.range(1));
  long n = st.range(0);
  for (auto _ : st)
    benchmark::DoNotOptimize(aioc::run(pingPong(n)));
  st.SetItemsProcessed(st.iterations() * n);
  aioc::detail::setFrameFreeListsEnabled(true);
}
BENCHMARK(BM_QueuePingPong)
    ->ArgsProduct({{100000}, {1, 0}})
    ->Unit(benchmark::kMillisecond);

// The loop alone: call_soon + one iteration per callback batch.
void BM_CallSoon(benchmark::State &st) {
  aioc::EventLoop loop;
  long n = 0;
  for (auto _ : st) {
    for (int i = 0; i < 1000; ++i)
      loop.callSoon([&n] { ++n; });
    loop.runOnce();
  }
  st.SetItemsProcessed(st.iterations() * 1000);
  benchmark::DoNotOptimize(n);
}
BENCHMARK(BM_CallSoon);

} // namespace
