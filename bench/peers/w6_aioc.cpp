// W6 for aioc: w6_files.py written by hand against the runtime's public API
// (what the compiler is to generate for it; the compiler could not compile
// scripts yet when this was written).
#include "aioc/asyncio.h"
#include "aioc/io/aiofiles.h"

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using namespace aioc;

namespace {

struct Release {
  Semaphore *s;
  ~Release() { s->release(); }
};

Coro<void> writeOne(Semaphore *sem, std::string path, std::string data) {
  co_await sem->acquire();
  Release rel{sem};
  aiofiles::AsyncFile f = co_await aiofiles::open(path, "wb");
  co_await f.write(data);
  co_await f.close();
}

Coro<int64_t> readOne(Semaphore *sem, std::string path) {
  co_await sem->acquire();
  Release rel{sem};
  aiofiles::AsyncFile f = co_await aiofiles::open(path, "rb");
  std::string data = co_await f.read();
  co_await f.close();
  co_return static_cast<int64_t>(data.size());
}

double now() {
  return std::chrono::duration<double>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// readOnly: skip the write phase (the files are there from a previous
// run), to time the read phase alone over repeated runs.
Coro<void> amain(std::string dir, int n, bool readOnly) {
  std::string data(4096, '\0');
  for (int i = 0; i < 4096; ++i)
    data[i] = static_cast<char>(i % 251);
  std::vector<std::string> paths;
  for (int i = 0; i < n; ++i)
    paths.push_back(dir + "/f" + std::to_string(i));
  Semaphore sem(64);
  double t0 = now();
  std::vector<Task<void>> w;
  for (auto &p : readOnly ? std::vector<std::string>{} : paths)
    w.push_back(createTask(writeOne(&sem, p, data)));
  for (auto &t : w)
    co_await t;
  double t1 = now();
  std::vector<Task<int64_t>> r;
  for (auto &p : paths)
    r.push_back(createTask(readOne(&sem, p)));
  int64_t total = 0;
  for (auto &t : r)
    total += co_await t;
  double t2 = now();
  std::printf("%d files %lld bytes write %.0f files/s read %.0f files/s\n", n,
              static_cast<long long>(total), n / (t1 - t0), n / (t2 - t1));
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: w6_aioc DIR [N [read]]\n");
    return 2;
  }
  aioc::run(amain(argv[1], argc > 2 ? std::atoi(argv[2]) : 10000,
                  argc > 3 && std::string(argv[3]) == "read"));
}
