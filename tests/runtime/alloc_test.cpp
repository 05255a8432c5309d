// The size-class allocator behind frames, futures and tasks: blocks cached
// by a thread that exits are handed to the other threads (orphan lists),
// and loops on several threads at once share the slab table safely (this
// suite also runs under TSan).
#include "aioc/asyncio.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace {

aioc::Coro<long> leaf(long i) {
  co_await aioc::sleep(0);
  co_return i;
}

aioc::Coro<long> spawnMany(long n) {
  std::vector<aioc::Task<long>> ts;
  for (long i = 0; i < n; ++i)
    ts.push_back(aioc::createTask(leaf(i)));
  long s = 0;
  for (long v : co_await aioc::gather(std::move(ts)))
    s += v;
  co_return s;
}

TEST(FrameAlloc, LoopsOnManyThreadsAndOrphanedBlocks) {
  long n = 3000; // not const: the threads capture it
  const long expect = n * (n - 1) / 2;
  for (int round = 0; round < 2; ++round) {
    std::vector<long> sums(4);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
      threads.emplace_back(
          [&sums, t, n] { sums[t] = aioc::run(spawnMany(n)); });
    for (auto &th : threads)
      th.join();
    for (long s : sums)
      EXPECT_EQ(s, expect);
  }
  // The main thread adopts what the exited threads left behind.
  EXPECT_EQ(aioc::run(spawnMany(n)), expect);
}

TEST(FrameAlloc, SwitchingOffKeepsSlabBlocksOutOfFree) {
  EXPECT_EQ(aioc::run(spawnMany(1000)), 499500);
  aioc::detail::setFrameFreeListsEnabled(false);
  EXPECT_EQ(aioc::run(spawnMany(1000)), 499500);
  aioc::detail::setFrameFreeListsEnabled(true);
  EXPECT_EQ(aioc::run(spawnMany(1000)), 499500);
}

} // namespace
