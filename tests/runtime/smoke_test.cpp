#include "aioc/run.h"
#include "aioc/sleep.h"

#include <gtest/gtest.h>

using namespace aioc;

namespace {
Coro<int> add(int a, int b) { co_return a + b; }
Coro<int> mainSimple() {
  int x = co_await add(1, 2);
  co_await aioc::sleep(0);
  co_await aioc::sleep(0.001);
  co_return x * 10;
}
} // namespace

TEST(Smoke, RunReturnsValue) { EXPECT_EQ(run(mainSimple()), 30); }
