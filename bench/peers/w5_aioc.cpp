// W5 for aioc: w5_fetch.py written by hand against the runtime's public
// API, statement for statement what the compiler is to generate for it
// (the compiler could not compile scripts yet when this was written).
#include "aioc/asyncio.h"
#include "aioc/io/http.h"

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using namespace aioc;

static Coro<int64_t> fetch(httpx::AsyncClient client, Semaphore *sem,
                           std::string url) {
  co_await sem->acquire(); // async with sem:
  struct Release {
    Semaphore *s;
    ~Release() { s->release(); }
  } rel{sem};
  httpx::Response r = co_await client.get(url);
  co_return static_cast<int64_t>(r.content().size());
}

static Coro<void> amain(std::string url, int n) {
  Semaphore sem(100);
  auto t0 = std::chrono::steady_clock::now();
  httpx::AsyncClient client;
  std::vector<Task<int64_t>> tasks;
  tasks.reserve(n);
  for (int i = 0; i < n; ++i)
    tasks.push_back(createTask(fetch(client, &sem, url)));
  int64_t total = 0;
  for (auto &t : tasks)
    total += co_await t;
  co_await client.aclose();
  double dt =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
          .count();
  std::printf("%d requests %lld bytes %.3f s %.0f req/s\n", n,
              static_cast<long long>(total), dt, n / dt);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: w5_aioc URL [N]\n");
    return 2;
  }
  aioc::run(amain(argv[1], argc > 2 ? std::atoi(argv[2]) : 10000));
}
