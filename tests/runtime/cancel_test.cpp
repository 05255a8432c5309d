// Cancellation edge cases, shield and TaskGroup, pinned against CPython 3.11:
// each expected sequence is the output of the Python program quoted above
// the test, run once under /usr/bin/python3 (3.11).
#include "aioc/asyncio.h"

#include <gtest/gtest.h>

namespace {

std::vector<std::string> gLog;
std::string joined() {
  std::string s;
  for (auto &x : gLog)
    s += (s.empty() ? "" : " ") + x;
  return s;
}

// async def body(name):
//     log.append(f"{name}-start")
//     try: await asyncio.sleep(10)
//     except asyncio.CancelledError as e:
//         log.append(f"{name}-cancelled:{e.args[0] if e.args else ''}"); raise
// async def inner():
//     try: await asyncio.sleep(10)
//     except asyncio.CancelledError: log.append("inner-cancelled"); raise
// async def outer(): await asyncio.create_task(inner(), name="in")
// async def main():
//     t = asyncio.create_task(body("x")); t.cancel("early")
//     await asyncio.sleep(0)
//     log.append(f"x-done:{t.done()}:{t.cancelled()}")
//     t2 = asyncio.create_task(body("y")); await asyncio.sleep(0)
//     log.append(f"y-cancel:{t2.cancel('bye')}:{t2.cancelling()}")
//     log.append(f"y-cancel2:{t2.cancel()}:{t2.cancelling()}")
//     try: await t2
//     except asyncio.CancelledError as e:
//         log.append(f"y-awaited:{e.args[0] if e.args else ''}")
//     log.append(f"uncancel:{t2.uncancel()}")
//     t3 = asyncio.create_task(outer())
//     await asyncio.sleep(0); await asyncio.sleep(0)
//     t3.cancel()
//     try: await t3
//     except asyncio.CancelledError: log.append("t3-cancelled")
//     t4 = asyncio.create_task(body("z")); await asyncio.sleep(0)
//     s = asyncio.shield(t4); s.cancel()
//     log.append(f"shield:{s.cancelled()}:{t4.cancelled()}")
//     t4.cancel()
//     try: await t4
//     except asyncio.CancelledError: log.append("z-done")
//     async def stubborn():
//         try: await asyncio.sleep(10)
//         except asyncio.CancelledError: log.append("swallowed")
//         return 7
//     t5 = asyncio.create_task(stubborn()); await asyncio.sleep(0)
//     t5.cancel()
//     log.append(f"t5:{await t5}:{t5.cancelled()}")
aioc::Coro<void> body(std::string name) {
  gLog.push_back(name + "-start");
  std::exception_ptr e;
  try {
    co_await aioc::sleep(10);
  } catch (const aioc::CancelledError &c) {
    gLog.push_back(name + "-cancelled:" + c.message());
    throw;
  }
}
aioc::Coro<void> inner() {
  try {
    co_await aioc::sleep(10);
  } catch (const aioc::CancelledError &) {
    gLog.push_back("inner-cancelled");
    throw;
  }
}
aioc::Coro<void> outer() { co_await aioc::createTask(inner(), "in"); }
aioc::Coro<int> stubborn() {
  try {
    co_await aioc::sleep(10);
  } catch (const aioc::CancelledError &) {
    gLog.push_back("swallowed");
  }
  co_return 7;
}
std::string b(bool v) { return v ? "True" : "False"; }

aioc::Coro<void> cancelMain() {
  auto t = aioc::createTask(body("x"));
  t.cancel("early");
  co_await aioc::sleep(0);
  gLog.push_back("x-done:" + b(t.done()) + ":" + b(t.cancelled()));
  auto t2 = aioc::createTask(body("y"));
  co_await aioc::sleep(0);
  bool c1 = t2.cancel("bye");
  gLog.push_back("y-cancel:" + b(c1) + ":" + std::to_string(t2.cancelling()));
  bool c2 = t2.cancel();
  gLog.push_back("y-cancel2:" + b(c2) + ":" + std::to_string(t2.cancelling()));
  try {
    co_await t2;
  } catch (const aioc::CancelledError &e) {
    gLog.push_back("y-awaited:" + e.message());
  }
  gLog.push_back("uncancel:" + std::to_string(t2.uncancel()));
  auto t3 = aioc::createTask(outer());
  co_await aioc::sleep(0);
  co_await aioc::sleep(0);
  t3.cancel();
  try {
    co_await t3;
  } catch (const aioc::CancelledError &) {
    gLog.push_back("t3-cancelled");
  }
  auto t4 = aioc::createTask(body("z"));
  co_await aioc::sleep(0);
  auto s = aioc::shield(t4);
  s.cancel();
  gLog.push_back("shield:" + b(s.cancelled()) + ":" + b(t4.cancelled()));
  t4.cancel();
  try {
    co_await t4;
  } catch (const aioc::CancelledError &) {
    gLog.push_back("z-done");
  }
  auto t5 = aioc::createTask(stubborn());
  co_await aioc::sleep(0);
  t5.cancel();
  int v = co_await t5;
  gLog.push_back("t5:" + std::to_string(v) + ":" + b(t5.cancelled()));
}

TEST(Cancel, EdgeCasesMatchCPython) {
  gLog.clear();
  aioc::run(cancelMain());
  EXPECT_EQ(joined(),
            "x-done:True:True y-start y-cancel:True:1 y-cancel2:True:2 "
            "y-cancelled:bye y-awaited:bye uncancel:1 inner-cancelled "
            "t3-cancelled z-start shield:True:False z-cancelled: z-done "
            "swallowed t5:7:False");
}

// async def fail(name, hops):
//     for _ in range(hops): await asyncio.sleep(0)
//     log.append(f"{name}-raise"); raise ValueError(name)
// async def slow(name):
//     try: await asyncio.sleep(10)
//     except asyncio.CancelledError: log.append(f"{name}-cancelled"); raise
// async def main():
//     try:
//         async with asyncio.TaskGroup() as tg:
//             tg.create_task(fail("f1", 1)); tg.create_task(fail("f2", 1))
//             tg.create_task(slow("s")); log.append("body-end")
//     except* ValueError as eg:
//         log.append(f"eg:{len(eg.exceptions)}:{sorted(str(e) for e in ...)}")
//     async with asyncio.TaskGroup() as tg:
//         a = tg.create_task(asyncio.sleep(0, "x"))
//         b = tg.create_task(asyncio.sleep(0.01, "y"))
//     log.append(f"ok:{a.result()}{b.result()}")
//     try:
//         async with asyncio.TaskGroup() as tg:
//             tg.create_task(fail("f3", 0)); await asyncio.sleep(1)
//             log.append("not-reached")
//     except* ValueError as eg: log.append(f"eg2:{len(eg.exceptions)}")
aioc::Coro<void> fail(std::string name, int hops) {
  for (int i = 0; i < hops; ++i)
    co_await aioc::sleep(0);
  gLog.push_back(name + "-raise");
  throw aioc::ValueError(name);
}
aioc::Coro<void> slow(std::string name) {
  try {
    co_await aioc::sleep(10);
  } catch (const aioc::CancelledError &) {
    gLog.push_back(name + "-cancelled");
    throw;
  }
}
aioc::Coro<void> tgMain() {
  try {
    aioc::TaskGroup tg;
    tg.enter();
    std::exception_ptr e;
    try {
      tg.createTask(fail("f1", 1));
      tg.createTask(fail("f2", 1));
      tg.createTask(slow("s"));
      gLog.push_back("body-end");
    } catch (...) {
      e = std::current_exception();
    }
    co_await tg.exit(e);
  } catch (const aioc::ExceptionGroup &eg) {
    std::vector<std::string> msgs;
    for (auto &x : eg.exceptions())
      msgs.push_back(aioc::tracebackLine(x));
    std::sort(msgs.begin(), msgs.end());
    gLog.push_back("eg:" + std::to_string(eg.exceptions().size()) + ":" +
                   msgs[0] + "," + msgs[1]);
  }
  {
    aioc::TaskGroup tg;
    tg.enter();
    auto a = tg.createTask(aioc::sleep(0, std::string("x")));
    auto bb = tg.createTask(aioc::sleep(0.01, std::string("y")));
    co_await tg.exit(nullptr);
    gLog.push_back("ok:" + a.result() + bb.result());
  }
  try {
    aioc::TaskGroup tg;
    tg.enter();
    std::exception_ptr e;
    try {
      tg.createTask(fail("f3", 0));
      co_await aioc::sleep(1);
      gLog.push_back("not-reached");
    } catch (...) {
      e = std::current_exception();
    }
    co_await tg.exit(e);
  } catch (const aioc::ExceptionGroup &eg) {
    gLog.push_back("eg2:" + std::to_string(eg.exceptions().size()));
  }
}

TEST(TaskGroup, ErrorAggregationMatchesCPython) {
  gLog.clear();
  aioc::run(tgMain());
  EXPECT_EQ(joined(),
            "body-end f1-raise f2-raise s-cancelled "
            "eg:2:ValueError: f1,ValueError: f2 ok:xy f3-raise eg2:1");
}

TEST(TaskGroup, NoNewTasksAfterAbort) {
  auto m = []() -> aioc::Coro<std::string> {
    aioc::TaskGroup tg;
    tg.enter();
    std::exception_ptr e;
    std::string what;
    try {
      tg.createTask(fail("q", 0));
      co_await aioc::sleep(1); // child fails; the parent is cancelled here
    } catch (...) {
      e = std::current_exception();
    }
    try {
      tg.createTask(aioc::sleep(0, 1));
    } catch (const aioc::RuntimeError &r) {
      what = r.message();
    }
    try {
      co_await tg.exit(e);
    } catch (const aioc::ExceptionGroup &) {
    }
    co_return what;
  };
  EXPECT_EQ(aioc::run(m()), "TaskGroup is shutting down");
}

// async with asyncio.timeout(0.01): await asyncio.sleep(10)  -> TimeoutError
// await asyncio.wait_for(asyncio.sleep(10), 0.01)             -> TimeoutError
// done, pending = await asyncio.wait([fast, slow], FIRST_COMPLETED)
aioc::Coro<std::string> timeoutsMain() {
  std::string r;
  auto cm = aioc::timeout(0.01);
  cm->enter();
  std::exception_ptr e;
  try {
    co_await aioc::sleep(10);
  } catch (...) {
    e = std::current_exception();
  }
  try {
    cm->exit(e);
  } catch (const aioc::TimeoutError &) {
    r += "timeout expired=" + b(cm->expired());
  }
  r += " cancelling=" + std::to_string(aioc::currentTask()->cancelling());
  try {
    co_await aioc::waitFor(aioc::sleep(10, 1), 0.01);
  } catch (const aioc::TimeoutError &) {
    r += " wait_for";
  }
  int v = co_await aioc::waitFor(aioc::sleep(0, 5), 1.0);
  r += " v=" + std::to_string(v);
  auto fast = aioc::createTask(aioc::sleep(0.001, 1));
  auto slowT = aioc::createTask(aioc::sleep(10, 2));
  std::vector<aioc::Task<int>> ts{fast, slowT};
  auto [done, pending] = co_await aioc::wait(ts, aioc::FIRST_COMPLETED);
  r += " done=" + std::to_string(done.size()) +
       " pending=" + std::to_string(pending.size());
  slowT.cancel();
  std::vector<aioc::Coro<int>> cs;
  cs.push_back(aioc::sleep(0.2, 20));
  cs.push_back(aioc::sleep(0.01, 10));
  for (auto c : aioc::asCompleted(std::move(cs)))
    r += " ac=" + std::to_string(co_await c);
  co_return r;
}

TEST(Timeouts, TimeoutWaitForWaitAsCompleted) {
  EXPECT_EQ(aioc::run(timeoutsMain()),
            "timeout expired=True cancelling=0 wait_for v=5 done=1 pending=1 "
            "ac=10 ac=20");
}

TEST(Cancel, CancelledBeforeFirstStepSkipsBody) {
  auto m = []() -> aioc::Coro<std::string> {
    bool ran = false;
    auto f = [](bool *ran) -> aioc::Coro<void> {
      *ran = true;
      co_return;
    };
    auto t = aioc::createTask(f(&ran));
    t.cancel("m");
    std::string r;
    try {
      co_await t;
    } catch (const aioc::CancelledError &e) {
      r = "cancelled:" + e.message();
    }
    co_return r + (ran ? " ran" : " skipped");
  };
  EXPECT_EQ(aioc::run(m()), "cancelled:m skipped");
}

} // namespace
