// More CPython 3.11 behaviours: wait_for cancellation, all_tasks, timeout
// reschedule/timeout_at, Condition.wait_for, and a Semaphore wake-up handed
// on by a cancelled waiter. The expected sequence is the output of this
// program under /usr/bin/python3 (3.11), run once:
//
// async def inner():
//     try: await asyncio.sleep(10)
//     except asyncio.CancelledError: log.append("inner-cancelled"); raise
// async def waiter():
//     try: await asyncio.wait_for(inner(), 5)
//     except asyncio.CancelledError: log.append("waiter-cancelled"); raise
// async def bg(i): await asyncio.sleep(10)
// async def main():
//     loop = asyncio.get_running_loop()
//     t = asyncio.create_task(waiter())
//     await asyncio.sleep(0); await asyncio.sleep(0)
//     t.cancel()
//     try: await t
//     except asyncio.CancelledError: log.append("t-cancelled")
//     bs = [asyncio.create_task(bg(i), name=f"bg{i}") for i in range(3)]
//     log.append("all:" + ",".join(sorted(x.get_name() for x in
//                asyncio.all_tasks() if x is not asyncio.current_task())))
//     for b in bs: b.cancel()
//     await asyncio.gather(*bs, return_exceptions=True)
//     async with asyncio.timeout(0.01) as cm:
//         cm.reschedule(loop.time() + 0.05)
//         await asyncio.sleep(0.02); log.append("rescheduled-ok")
//     try:
//         async with asyncio.timeout_at(loop.time() + 0.01) as cm2:
//             await asyncio.sleep(1)
//     except TimeoutError: log.append(f"timeout_at:{cm2.expired()}")
//     c = asyncio.Condition(); state = {"n": 0}
//     async def bump():
//         for _ in range(3):
//             await asyncio.sleep(0)
//             async with c:
//                 state["n"] += 1; log.append(f"bump{state['n']}")
//                 c.notify_all()
//     bt = asyncio.create_task(bump())
//     async with c:
//         r = await c.wait_for(lambda: state["n"] >= 2)
//         log.append(f"wait_for:{r}:{state['n']}")
//     await bt
//     sem = asyncio.Semaphore(0)
//     async def sw(i): await sem.acquire(); log.append(f"sem{i}")
//     ts = [asyncio.create_task(sw(i)) for i in range(3)]
//     await asyncio.sleep(0)
//     sem.release(); ts[0].cancel(); sem.release()
//     await asyncio.gather(*ts, return_exceptions=True)
//     log.append(f"sem-value:{sem._value}:{ts[0].cancelled()}")
#include "aioc/asyncio.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

std::vector<std::string> gLog;
std::string joined() {
  std::string s;
  for (auto &x : gLog)
    s += (s.empty() ? "" : " ") + x;
  return s;
}

aioc::Coro<void> inner() {
  try {
    co_await aioc::sleep(10);
  } catch (const aioc::CancelledError &) {
    gLog.push_back("inner-cancelled");
    throw;
  }
}
aioc::Coro<void> waiter() {
  try {
    co_await aioc::waitFor(inner(), 5.0);
  } catch (const aioc::CancelledError &) {
    gLog.push_back("waiter-cancelled");
    throw;
  }
}
aioc::Coro<void> bg() { co_await aioc::sleep(10); }

aioc::Coro<void> moreMain() {
  auto &loop = aioc::getRunningLoop();
  auto t = aioc::createTask(waiter());
  co_await aioc::sleep(0);
  co_await aioc::sleep(0);
  t.cancel();
  try {
    co_await t;
  } catch (const aioc::CancelledError &) {
    gLog.push_back("t-cancelled");
  }
  std::vector<aioc::Task<void>> bs;
  for (int i = 0; i < 3; ++i)
    bs.push_back(aioc::createTask(bg(), "bg" + std::to_string(i), true));
  std::vector<std::string> names;
  for (auto &x : aioc::allTasks())
    if (x.get() != aioc::currentTask())
      names.push_back(x->name());
  std::sort(names.begin(), names.end());
  gLog.push_back("all:" + names[0] + "," + names[1] + "," + names[2]);
  for (auto &b : bs)
    b.cancel();
  co_await aioc::gather(aioc::returnExceptions, bs).outcomes();

  {
    auto cm = aioc::timeout(0.01);
    cm->enter();
    std::exception_ptr e;
    try {
      // Far away: the test must not depend on how fast this machine is.
      cm->reschedule(loop.time() + 30);
      co_await aioc::sleep(0.02);
      gLog.push_back("rescheduled-ok");
    } catch (...) {
      e = std::current_exception();
    }
    cm->exit(e);
  }
  {
    auto cm2 = aioc::timeoutAt(loop.time() + 0.01);
    cm2->enter();
    std::exception_ptr e;
    try {
      co_await aioc::sleep(30);
    } catch (...) {
      e = std::current_exception();
    }
    try {
      cm2->exit(e);
    } catch (const aioc::TimeoutError &) {
      gLog.push_back(std::string("timeout_at:") +
                     (cm2->expired() ? "True" : "False"));
    }
  }

  aioc::Condition c;
  int n = 0;
  auto bump = [](aioc::Condition &c, int &n) -> aioc::Coro<void> {
    for (int i = 0; i < 3; ++i) {
      co_await aioc::sleep(0);
      co_await c.acquire();
      ++n;
      gLog.push_back("bump" + std::to_string(n));
      c.notifyAll();
      c.release();
    }
  };
  auto bt = aioc::createTask(bump(c, n));
  co_await c.acquire();
  bool r = co_await c.waitFor([&n] { return n >= 2; });
  gLog.push_back(std::string("wait_for:") + (r ? "True" : "False") + ":" +
                 std::to_string(n));
  c.release();
  co_await bt;

  aioc::Semaphore sem(0);
  auto sw = [](aioc::Semaphore &s, int i) -> aioc::Coro<void> {
    co_await s.acquire();
    gLog.push_back("sem" + std::to_string(i));
  };
  std::vector<aioc::Task<void>> ts;
  for (int i = 0; i < 3; ++i)
    ts.push_back(aioc::createTask(sw(sem, i)));
  co_await aioc::sleep(0);
  sem.release();
  ts[0].cancel();
  sem.release();
  co_await aioc::gather(aioc::returnExceptions, ts).outcomes();
  gLog.push_back("sem-value:" + std::to_string(sem.value()) + ":" +
                 (ts[0].cancelled() ? "True" : "False"));
}

TEST(More, WaitForAllTasksTimeoutConditionSemaphore) {
  gLog.clear();
  aioc::run(moreMain());
  EXPECT_EQ(joined(), "inner-cancelled waiter-cancelled t-cancelled "
                      "all:bg0,bg1,bg2 rescheduled-ok timeout_at:True bump1 "
                      "bump2 wait_for:True:2 bump3 sem1 sem2 sem-value:0:True");
}

// PYTHONASYNCIODEBUG=1 turns debug mode on without the flag.
TEST(More, DebugModeFromEnvironment) {
  setenv("PYTHONASYNCIODEBUG", "1", 1);
  auto m = []() -> aioc::Coro<bool> {
    co_return aioc::getRunningLoop().debug();
  };
  bool on = aioc::run(m());
  unsetenv("PYTHONASYNCIODEBUG");
  bool off = aioc::run(m());
  EXPECT_TRUE(on);
  EXPECT_FALSE(off);
}

// asyncio.run refuses to nest.
TEST(More, RunInsideRunRaises) {
  auto inner = []() -> aioc::Coro<void> { co_return; };
  auto m = [](decltype(inner) *in) -> aioc::Coro<std::string> {
    try {
      aioc::run((*in)());
    } catch (const aioc::RuntimeError &e) {
      co_return e.message();
    }
    co_return "no error";
  };
  EXPECT_EQ(aioc::run(m(&inner)),
            "asyncio.run() cannot be called from a running event loop");
}

} // namespace
