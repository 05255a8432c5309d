// Scheduling order pinned against CPython 3.11. Each expected sequence was
// produced by running the Python program quoted above the test once under
// /usr/bin/python3 (3.11, Debian 12) and copying its output.
#include "aioc/asyncio.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

std::vector<std::string> gLog;
std::string joined() {
  std::string s;
  for (auto &x : gLog)
    s += (s.empty() ? "" : " ") + x;
  return s;
}

// async def worker(name, n):
//     for i in range(n):
//         log.append(f"{name}{i}"); await asyncio.sleep(0)
//     return name
// async def child(): log.append("child"); return 1
// async def main():
//     t1 = asyncio.create_task(worker("a", 3))
//     t2 = asyncio.create_task(worker("b", 2))
//     log.append("main1")
//     v = await child()          # inline, no hop
//     log.append(f"main2:{v}")
//     await asyncio.sleep(0)
//     log.append("main3")
//     t1.add_done_callback(lambda f: log.append("cb1"))
//     t1.add_done_callback(lambda f: log.append("cb2"))
//     await t1
//     log.append("main4")
//     await t2
//     log.append("main5")
aioc::Coro<std::string> worker(std::string name, int n) {
  for (int i = 0; i < n; ++i) {
    gLog.push_back(name + std::to_string(i));
    co_await aioc::sleep(0);
  }
  co_return name;
}
aioc::Coro<int> child() {
  gLog.push_back("child");
  co_return 1;
}
aioc::Coro<void> orderMain() {
  auto t1 = aioc::createTask(worker("a", 3));
  auto t2 = aioc::createTask(worker("b", 2));
  gLog.push_back("main1");
  int v = co_await child();
  gLog.push_back("main2:" + std::to_string(v));
  co_await aioc::sleep(0);
  gLog.push_back("main3");
  t1.addDoneCallback([](aioc::FutureBase &) { gLog.push_back("cb1"); });
  t1.addDoneCallback([](aioc::FutureBase &) { gLog.push_back("cb2"); });
  co_await t1;
  gLog.push_back("main4");
  co_await t2;
  gLog.push_back("main5");
}

TEST(Order, TasksSleepZeroAndDoneCallbacks) {
  gLog.clear();
  aioc::run(orderMain());
  EXPECT_EQ(joined(), "main1 child main2:1 a0 b0 main3 a1 b1 a2 cb1 cb2 main4 "
                      "main5");
}

// async def main():
//     loop = asyncio.get_running_loop()
//     when = loop.time() + 0.01
//     for i in range(10):
//         loop.call_at(when, log.append, i)
//     loop.call_at(when - 0.005, log.append, "early")
//     loop.call_soon(log.append, "soon")
//     await asyncio.sleep(0.05)
aioc::Coro<void> timersMain() {
  auto &loop = aioc::getRunningLoop();
  double when = loop.time() + 0.01;
  for (int i = 0; i < 10; ++i)
    loop.callAt(when, [i] { gLog.push_back(std::to_string(i)); });
  loop.callAt(when - 0.005, [] { gLog.push_back("early"); });
  loop.callSoon([] { gLog.push_back("soon"); });
  co_await aioc::sleep(0.05);
}

TEST(Order, EqualDeadlinesFollowHeapq) {
  gLog.clear();
  aioc::run(timersMain());
  EXPECT_EQ(joined(), "soon early 2 6 5 4 9 8 7 0 3 1");
}

// Tasks are named Task-N from one counter; a named task uses up a number.
//   a = create_task(f(), name="x"); b = create_task(f())
//   -> current: Task-1, a: x, b: Task-3 (numbers relative to the first task)
aioc::Coro<void> nop() { co_return; }
aioc::Coro<std::string> namesMain() {
  auto a = aioc::createTask(nop(), "x");
  auto b = aioc::createTask(nop());
  auto *cur = aioc::currentTask();
  std::string r = cur->name() + " " + a.getName() + " " + b.getName();
  co_await aioc::gather(a, b);
  co_return r;
}

TEST(Order, TaskNamesShareOneCounter) {
  std::string r = aioc::run(namesMain());
  // Earlier tests consumed numbers: compare relative to the main task.
  auto sp1 = r.find(' '), sp2 = r.rfind(' ');
  long mainN = std::stol(r.substr(5, sp1 - 5));
  EXPECT_EQ(r.substr(sp1 + 1, sp2 - sp1 - 1), "x");
  EXPECT_EQ(r.substr(sp2 + 1), "Task-" + std::to_string(mainN + 2));
}

// gather: children keep running after the first error.
// async def ok(name, hops):
//     for _ in range(hops): await asyncio.sleep(0)
//     log.append(f"{name}-done"); return name
// async def bad(hops):
//     for _ in range(hops): await asyncio.sleep(0)
//     log.append("bad-raise"); raise ValueError("boom")
// async def main():
//     r = await asyncio.gather(ok("a", 2), ok("b", 1))
//     log.append(f"r={r[0]},{r[1]}")
//     try:
//         await asyncio.gather(ok("c", 3), bad(1), ok("d", 0))
//     except ValueError as e:
//         log.append(f"caught:{e}")
//     await asyncio.sleep(0); await asyncio.sleep(0); await asyncio.sleep(0)
//     log.append("after")
//     rs = await asyncio.gather(ok("e", 1), bad(0), return_exceptions=True)
//     log.append(f"rs={rs[0]},{type(rs[1]).__name__}")
aioc::Coro<std::string> ok(std::string name, int hops) {
  for (int i = 0; i < hops; ++i)
    co_await aioc::sleep(0);
  gLog.push_back(name + "-done");
  co_return name;
}
aioc::Coro<std::string> bad(int hops) {
  for (int i = 0; i < hops; ++i)
    co_await aioc::sleep(0);
  gLog.push_back("bad-raise");
  throw aioc::ValueError("boom");
}
aioc::Coro<void> gatherMain() {
  auto [a, b] = co_await aioc::gather(ok("a", 2), ok("b", 1));
  gLog.push_back("r=" + a + "," + b);
  std::exception_ptr e;
  try {
    co_await aioc::gather(ok("c", 3), bad(1), ok("d", 0));
  } catch (const aioc::ValueError &v) {
    gLog.push_back(std::string("caught:") + v.message());
  }
  co_await aioc::sleep(0);
  co_await aioc::sleep(0);
  co_await aioc::sleep(0);
  gLog.push_back("after");
  auto [r0, r1] =
      co_await aioc::gather(aioc::returnExceptions, ok("e", 1), bad(0));
  gLog.push_back("rs=" + r0.value() + "," +
                 (r1.isException()
                      ? aioc::exceptionRepr(r1.exception()).substr(0, 10)
                      : "?"));
}

TEST(Order, GatherErrorsAndReturnExceptions) {
  gLog.clear();
  aioc::run(gatherMain());
  EXPECT_EQ(joined(), "b-done a-done r=a,b d-done bad-raise c-done "
                      "caught:boom after bad-raise e-done rs=e,ValueError");
}

TEST(Order, GatherOverVector) {
  auto m = []() -> aioc::Coro<size_t> {
    std::vector<aioc::Coro<std::string>> cs;
    for (int i = 0; i < 50; ++i)
      cs.push_back(ok("v" + std::to_string(i), i % 3));
    auto rs = co_await aioc::gather(std::move(cs));
    for (int i = 0; i < 50; ++i)
      EXPECT_EQ(rs[i], "v" + std::to_string(i));
    co_return rs.size();
  };
  gLog.clear();
  EXPECT_EQ(aioc::run(m()), 50u);
}

} // namespace
