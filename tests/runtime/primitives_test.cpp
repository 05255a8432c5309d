// FIFO wake order of every primitive, pinned against CPython 3.11: the
// expected sequence is the output of the Python program quoted below, run
// once under /usr/bin/python3 (3.11).
//
// async def locker(lock, name):
//     async with lock: log.append(f"L{name}"); await asyncio.sleep(0)
// async def evw(ev, name): await ev.wait(); log.append(f"E{name}")
// async def condw(c, name):
//     async with c: await c.wait(); log.append(f"C{name}")
// async def semw(s, name):
//     async with s: log.append(f"S{name}"); await asyncio.sleep(0)
// async def getter(q, name): v = await q.get(); log.append(f"Q{name}={v}")
// async def main():
//     lock = asyncio.Lock()
//     await asyncio.gather(*(locker(lock, i) for i in range(4)))
//     ev = asyncio.Event()
//     ts = [asyncio.create_task(evw(ev, i)) for i in range(3)]
//     await asyncio.sleep(0); ev.set(); await asyncio.gather(*ts)
//     c = asyncio.Condition()
//     ts = [asyncio.create_task(condw(c, i)) for i in range(3)]
//     await asyncio.sleep(0)
//     async with c: c.notify(2)
//     await asyncio.sleep(0)
//     async with c: c.notify_all()
//     await asyncio.gather(*ts)
//     s = asyncio.Semaphore(2)
//     await asyncio.gather(*(semw(s, i) for i in range(5)))
//     q = asyncio.Queue()
//     ts = [asyncio.create_task(getter(q, i)) for i in range(3)]
//     await asyncio.sleep(0)
//     for v in range(3): q.put_nowait(v * 10)
//     await asyncio.gather(*ts)
//     pq = asyncio.PriorityQueue()
//     for v in [5, 1, 4, 1, 3]: pq.put_nowait(v)
//     log.append("P" + "".join(str(pq.get_nowait()) for _ in range(5)))
//     lq = asyncio.LifoQueue()
//     for v in [1, 2, 3]: lq.put_nowait(v)
//     log.append("F" + "".join(str(lq.get_nowait()) for _ in range(3)))
//     b = asyncio.Barrier(3)
//     async def bw(i):
//         await asyncio.sleep(0.001 * i)
//         idx = await b.wait(); log.append(f"B{i}:{idx}")
//     await asyncio.gather(*(bw(i) for i in range(3)))
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
std::string S(int i) { return std::to_string(i); }

aioc::Coro<void> locker(aioc::Lock &lock, int name) {
  co_await lock.acquire();
  gLog.push_back("L" + S(name));
  co_await aioc::sleep(0);
  lock.release();
}
aioc::Coro<void> evw(aioc::Event &ev, int name) {
  co_await ev.wait();
  gLog.push_back("E" + S(name));
}
aioc::Coro<void> condw(aioc::Condition &c, int name) {
  co_await c.acquire();
  co_await c.wait();
  gLog.push_back("C" + S(name));
  c.release();
}
aioc::Coro<void> semw(aioc::Semaphore &s, int name) {
  co_await s.acquire();
  gLog.push_back("S" + S(name));
  co_await aioc::sleep(0);
  s.release();
}
aioc::Coro<void> getter(aioc::Queue<int> &q, int name) {
  int v = co_await q.get();
  gLog.push_back("Q" + S(name) + "=" + S(v));
}
aioc::Coro<void> bw(aioc::Barrier &b, int i) {
  co_await aioc::sleep(0.001 * i);
  long idx = co_await b.wait();
  gLog.push_back("B" + S(i) + ":" + S(int(idx)));
}

aioc::Coro<void> primsMain() {
  aioc::Lock lock;
  {
    std::vector<aioc::Coro<void>> cs;
    for (int i = 0; i < 4; ++i)
      cs.push_back(locker(lock, i));
    co_await aioc::gather(std::move(cs));
  }
  aioc::Event ev;
  {
    std::vector<aioc::Task<void>> ts;
    for (int i = 0; i < 3; ++i)
      ts.push_back(aioc::createTask(evw(ev, i)));
    co_await aioc::sleep(0);
    ev.set();
    co_await aioc::gather(ts);
  }
  aioc::Condition c;
  {
    std::vector<aioc::Task<void>> ts;
    for (int i = 0; i < 3; ++i)
      ts.push_back(aioc::createTask(condw(c, i)));
    co_await aioc::sleep(0);
    co_await c.acquire();
    c.notify(2);
    c.release();
    co_await aioc::sleep(0);
    co_await c.acquire();
    c.notifyAll();
    c.release();
    co_await aioc::gather(ts);
  }
  aioc::Semaphore s(2);
  {
    std::vector<aioc::Coro<void>> cs;
    for (int i = 0; i < 5; ++i)
      cs.push_back(semw(s, i));
    co_await aioc::gather(std::move(cs));
  }
  aioc::Queue<int> q;
  {
    std::vector<aioc::Task<void>> ts;
    for (int i = 0; i < 3; ++i)
      ts.push_back(aioc::createTask(getter(q, i)));
    co_await aioc::sleep(0);
    for (int v = 0; v < 3; ++v)
      q.putNowait(v * 10);
    co_await aioc::gather(ts);
  }
  aioc::PriorityQueue<int> pq;
  for (int v : {5, 1, 4, 1, 3})
    pq.putNowait(v);
  std::string p = "P";
  for (int i = 0; i < 5; ++i)
    p += S(pq.getNowait());
  gLog.push_back(p);
  aioc::LifoQueue<int> lq;
  for (int v : {1, 2, 3})
    lq.putNowait(v);
  std::string f = "F";
  for (int i = 0; i < 3; ++i)
    f += S(lq.getNowait());
  gLog.push_back(f);
  aioc::Barrier bar(3);
  {
    std::vector<aioc::Coro<void>> cs;
    for (int i = 0; i < 3; ++i)
      cs.push_back(bw(bar, i));
    co_await aioc::gather(std::move(cs));
  }
}

TEST(Primitives, FifoWakeOrderMatchesCPython) {
  gLog.clear();
  aioc::run(primsMain());
  EXPECT_EQ(joined(), "L0 L1 L2 L3 E0 E1 E2 C0 C1 C2 S0 S1 S2 S3 S4 Q0=0 "
                      "Q1=10 Q2=20 P11345 F321 B2:2 B0:0 B1:1");
}

TEST(Primitives, QueueLimitsAndErrors) {
  auto m = []() -> aioc::Coro<std::string> {
    std::string r;
    aioc::Queue<int> q(1);
    q.putNowait(1);
    try {
      q.putNowait(2);
    } catch (const aioc::QueueFull &) {
      r += "full ";
    }
    q.getNowait();
    try {
      q.getNowait();
    } catch (const aioc::QueueEmpty &) {
      r += "empty ";
    }
    q.taskDone();
    try {
      q.taskDone();
    } catch (const aioc::ValueError &e) {
      r += e.message() + " ";
    }
    aioc::BoundedSemaphore bs(1);
    try {
      bs.release();
    } catch (const aioc::ValueError &e) {
      r += e.message() + " ";
    }
    aioc::Lock l;
    try {
      l.release();
    } catch (const aioc::RuntimeError &e) {
      r += e.message();
    }
    co_return r;
  };
  EXPECT_EQ(aioc::run(m()),
            "full empty task_done() called too many times BoundedSemaphore "
            "released too many times Lock is not acquired.");
}

// Two Queue(maxsize=1) ping-pong plus join(): every message arrives in order.
TEST(Primitives, BoundedQueuePingPongAndJoin) {
  auto m = []() -> aioc::Coro<long> {
    aioc::Queue<int> a(1), b(1);
    auto echo = [](aioc::Queue<int> &in, aioc::Queue<int> &out,
                   int n) -> aioc::Coro<void> {
      for (int i = 0; i < n; ++i) {
        int v = co_await in.get();
        in.taskDone();
        co_await out.put(v + 1);
      }
    };
    auto t = aioc::createTask(echo(a, b, 1000));
    long sum = 0;
    for (int i = 0; i < 1000; ++i) {
      co_await a.put(i);
      int v = co_await b.get();
      EXPECT_EQ(v, i + 1);
      sum += v;
    }
    co_await a.join();
    co_await t;
    co_return sum;
  };
  EXPECT_EQ(aioc::run(m()), 500500);
}

// Barrier.abort wakes waiters with BrokenBarrierError.
TEST(Primitives, BarrierAbort) {
  auto m = []() -> aioc::Coro<std::string> {
    aioc::Barrier bar(3);
    auto w = [](aioc::Barrier &b) -> aioc::Coro<std::string> {
      try {
        co_await b.wait();
      } catch (const aioc::BrokenBarrierError &e) {
        co_return e.message();
      }
      co_return "passed";
    };
    auto t = aioc::createTask(w(bar));
    co_await aioc::sleep(0);
    co_await bar.abort();
    std::string r = co_await t;
    co_return r + (bar.broken() ? " broken" : "");
  };
  EXPECT_EQ(aioc::run(m()), "Abort or reset of barrier broken");
}

// A Lock waiter cancelled while queued is skipped; FIFO continues.
TEST(Primitives, LockWaiterCancelledIsSkipped) {
  auto m = []() -> aioc::Coro<std::string> {
    aioc::Lock lock;
    co_await lock.acquire();
    auto w = [](aioc::Lock &l, int i) -> aioc::Coro<void> {
      co_await l.acquire();
      gLog.push_back("W" + S(i));
      l.release();
    };
    gLog.clear();
    auto t0 = aioc::createTask(w(lock, 0));
    auto t1 = aioc::createTask(w(lock, 1));
    auto t2 = aioc::createTask(w(lock, 2));
    co_await aioc::sleep(0);
    t1.cancel();
    lock.release();
    co_await aioc::gather(aioc::returnExceptions, t0, t1, t2);
    co_return joined() + (t1.cancelled() ? " t1-cancelled" : "");
  };
  EXPECT_EQ(aioc::run(m()), "W0 W2 t1-cancelled");
}

} // namespace
