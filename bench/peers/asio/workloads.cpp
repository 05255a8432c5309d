// W1-W4 with Boost.Asio C++20 coroutines (awaitable/co_spawn) on one
// io_context run by one thread; same usage and output as
// bench/peers/aioc/workloads.cpp:  asio_workloads w1|w2|w3|w4 N
// Debian 12's Boost 1.74 has no asio channels: W3's Queue(maxsize=1) is a
// one-slot buffer whose waiter parks its completion handler, posted when
// the other side makes progress (the way channels work inside).
// Boost 1.74 detects C++20 coroutines only for g++; clang++ needs the
// macros (set by run.sh) and <utility> before awaitable.hpp.
#include <utility>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <string>

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;

namespace {

long statusKb(const char *key) {
  std::ifstream f("/proc/self/status");
  std::string line;
  size_t kl = std::strlen(key);
  while (std::getline(f, line))
    if (line.compare(0, kl, key) == 0)
      return std::atol(line.c_str() + kl + 1);
  return 0;
}

double now() {
  return std::chrono::duration<double>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// W1: each task yields once (asyncio.sleep(0) = one trip through the queue).
awaitable<void> sleeper0() {
  co_await asio::post(co_await asio::this_coro::executor, use_awaitable);
}

// The gather: a counter; the last child to finish wakes the waiter.
struct Gather {
  long left;
  asio::steady_timer done;
  Gather(asio::any_io_executor ex, long n)
      : left(n), done(ex, asio::steady_timer::time_point::max()) {}
  void childDone() {
    if (--left == 0)
      done.cancel();
  }
  awaitable<void> wait() {
    if (left == 0)
      co_return;
    boost::system::error_code ec;
    co_await done.async_wait(asio::redirect_error(use_awaitable, ec));
  }
};

awaitable<void> w1(long n) {
  auto ex = co_await asio::this_coro::executor;
  Gather g(ex, n);
  for (long i = 0; i < n; ++i)
    asio::co_spawn(ex, sleeper0(), [&g](std::exception_ptr) { g.childDone(); });
  co_await g.wait();
}

awaitable<long> trivial(long i) { co_return i; }
awaitable<long> w2(long n) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += co_await trivial(i);
  co_return s;
}

// One parked coroutine: its completion handler, posted (one hop, as an
// asyncio waiter future's callback) when notified. What asio's channels do
// internally; Boost 1.74 has no channels.
class Parked {
public:
  awaitable<void> wait() {
    return asio::async_initiate<const asio::use_awaitable_t<> &, void()>(
        [this](auto h) {
          op_ = std::make_unique<Op<decltype(h)>>(std::move(h));
        },
        use_awaitable);
  }
  void notify() {
    if (op_)
      std::exchange(op_, nullptr)->post();
  }

private:
  struct OpBase {
    virtual ~OpBase() = default;
    virtual void post() = 0;
  };
  template <class H> struct Op final : OpBase {
    H h;
    explicit Op(H &&hh) : h(std::move(hh)) {}
    void post() override {
      auto ex = asio::get_associated_executor(h);
      asio::post(ex, std::move(h));
    }
  };
  std::unique_ptr<OpBase> op_;
};

// asyncio.Queue(maxsize=1) for one producer and one consumer.
class Slot {
public:
  awaitable<void> put(long v) {
    while (item_)
      co_await notFull_.wait();
    item_ = v;
    notEmpty_.notify();
  }
  awaitable<long> get() {
    while (!item_)
      co_await notEmpty_.wait();
    long v = *item_;
    item_.reset();
    notFull_.notify();
    co_return v;
  }

private:
  std::optional<long> item_;
  Parked notEmpty_, notFull_;
};

awaitable<void> echo(Slot &in, Slot &out, long n) {
  for (long i = 0; i < n; ++i) {
    long v = co_await in.get();
    co_await out.put(v);
  }
}

awaitable<long> w3(long n) {
  auto ex = co_await asio::this_coro::executor;
  Slot a, b;
  Gather g(ex, 1);
  asio::co_spawn(ex, echo(a, b, n),
                 [&g](std::exception_ptr) { g.childDone(); });
  long s = 0;
  for (long i = 0; i < n; ++i) {
    co_await a.put(i);
    s += co_await b.get();
  }
  co_await g.wait();
  co_return s;
}

awaitable<void> sleeperMs(long ms) {
  asio::steady_timer t(co_await asio::this_coro::executor,
                       std::chrono::milliseconds(ms));
  co_await t.async_wait(use_awaitable);
}

awaitable<double> w4(long n) {
  auto ex = co_await asio::this_coro::executor;
  double t0 = now();
  Gather g(ex, n);
  for (long i = 0; i < n; ++i)
    asio::co_spawn(ex, sleeperMs(i % 100),
                   [&g](std::exception_ptr) { g.childDone(); });
  co_await g.wait();
  co_return now() - t0;
}

template <class T> T runMain(asio::io_context &ctx, awaitable<T> a) {
  std::optional<T> out;
  asio::co_spawn(ctx, std::move(a), [&out](std::exception_ptr e, T v) {
    if (e)
      std::rethrow_exception(e);
    out = v;
  });
  ctx.run();
  return *out;
}
void runMain(asio::io_context &ctx, awaitable<void> a) {
  asio::co_spawn(ctx, std::move(a), [](std::exception_ptr e) {
    if (e)
      std::rethrow_exception(e);
  });
  ctx.run();
}

} // namespace

int main(int argc, char **argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s w1|w2|w3|w4 N\n", argv[0]);
    return 2;
  }
  std::string w = argv[1];
  long n = std::atol(argv[2]);
  asio::io_context ctx(1); // concurrency hint 1: single-threaded, no locking
  long base = statusKb("VmRSS:");
  double t0 = now();
  if (w == "w1") {
    runMain(ctx, w1(n));
    double dt = now() - t0;
    long rss = statusKb("VmHWM:") - base;
    std::printf("w1 n=%ld ns_per_task=%.1f bytes_per_task=%.1f rss_kb=%ld\n", n,
                dt * 1e9 / n, rss * 1024.0 / n, rss);
  } else if (w == "w2") {
    long s = runMain(ctx, w2(n));
    double dt = now() - t0;
    std::printf("w2 n=%ld ns_per_await=%.2f check=%ld\n", n, dt * 1e9 / n, s);
  } else if (w == "w3") {
    long s = runMain(ctx, w3(n));
    double dt = now() - t0;
    std::printf("w3 n=%ld ns_per_roundtrip=%.1f check=%ld\n", n, dt * 1e9 / n,
                s);
  } else if (w == "w4") {
    double el = runMain(ctx, w4(n));
    long rss = statusKb("VmHWM:") - base;
    std::printf("w4 n=%ld late_ms=%.1f rss_kb=%ld peak_rss_kb=%ld\n", n,
                (el - 0.099) * 1e3, rss, statusKb("VmHWM:"));
  } else {
    std::fprintf(stderr, "unknown workload %s\n", w.c_str());
    return 2;
  }
  return 0;
}
