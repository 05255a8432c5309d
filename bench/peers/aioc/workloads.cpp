// W1-W4 written against aioc's C++ runtime (bench/peers/run.sh runs the
// same workloads in CPython, uvloop, Node and Go). Usage:
//   aioc_peer_bench w1|w2|w3|w4 N
// Prints one line: "<workload> n=N <metric>=<value> ... rss_kb=<peak-base>".
// AIOC_FRAME_ALLOC=0 turns the frame free lists off.
#include "aioc/asyncio.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

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

aioc::Coro<void> sleeper0() { co_await aioc::sleep(0); }

aioc::Coro<void> w1(long n) {
  std::vector<aioc::Task<void>> ts;
  ts.reserve(n);
  for (long i = 0; i < n; ++i)
    ts.push_back(aioc::createTask(sleeper0()));
  co_await aioc::gather(std::move(ts));
}

aioc::Coro<long> trivial(long i) { co_return i; }
aioc::Coro<long> w2(long n) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += co_await trivial(i);
  co_return s;
}

aioc::Coro<void> echo(aioc::Queue<long> &in, aioc::Queue<long> &out, long n) {
  for (long i = 0; i < n; ++i) {
    long v = co_await in.get();
    co_await out.put(v);
  }
}
aioc::Coro<long> w3(long n) {
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

aioc::Coro<void> sleeperMs(long ms) { co_await aioc::sleep(ms / 1000.0); }
aioc::Coro<double> w4(long n) {
  double t0 = now();
  std::vector<aioc::Task<void>> ts;
  ts.reserve(n);
  for (long i = 0; i < n; ++i)
    ts.push_back(aioc::createTask(sleeperMs(i % 100)));
  co_await aioc::gather(std::move(ts));
  co_return now() - t0;
}

} // namespace

int main(int argc, char **argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s w1|w2|w3|w4 N\n", argv[0]);
    return 2;
  }
  std::string w = argv[1];
  long n = std::atol(argv[2]);
  long base = statusKb("VmRSS:");
  double t0 = now();
  if (w == "w1") {
    aioc::run(w1(n));
    double dt = now() - t0;
    long rss = statusKb("VmHWM:") - base;
    std::printf("w1 n=%ld ns_per_task=%.1f bytes_per_task=%.1f rss_kb=%ld\n", n,
                dt * 1e9 / n, rss * 1024.0 / n, rss);
  } else if (w == "w2") {
    long s = aioc::run(w2(n));
    double dt = now() - t0;
    std::printf("w2 n=%ld ns_per_await=%.2f check=%ld\n", n, dt * 1e9 / n, s);
  } else if (w == "w3") {
    long s = aioc::run(w3(n));
    double dt = now() - t0;
    std::printf("w3 n=%ld ns_per_roundtrip=%.1f check=%ld\n", n, dt * 1e9 / n,
                s);
  } else if (w == "w4") {
    double el = aioc::run(w4(n));
    long rss = statusKb("VmHWM:") - base;
    std::printf("w4 n=%ld late_ms=%.1f rss_kb=%ld peak_rss_kb=%ld\n", n,
                (el - 0.099) * 1e3, rss, statusKb("VmHWM:"));
  } else {
    std::fprintf(stderr, "unknown workload %s\n", w.c_str());
    return 2;
  }
  return 0;
}
