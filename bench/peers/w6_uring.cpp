// W6 measurement: aioc's W6 (w6_aioc.cpp) with aiofiles' open/write/read/
// close done by io_uring instead of the runtime's thread pool. Same loop,
// same tasks, same semaphore, same operations per file (open, write, close;
// open, read to EOF, close); only the I/O mechanism differs, so the two
// programs' ratio is the answer to "would io_uring make aiofiles faster
// here?". The ring's eventfd is watched by the loop; every operation is one
// SQE whose CQE completes a Future; SQEs prepared in one loop iteration are
// submitted together. A prototype for the measurement, not the runtime's
// aiofiles (which stays on the thread pool: see the issue note).
#include "aioc/asyncio.h"

#include <liburing.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/eventfd.h>
#include <unistd.h>
#include <vector>

using namespace aioc;

namespace {

class Ring {
public:
  explicit Ring(EventLoop &loop) : loop_(loop) {
    int rc = io_uring_queue_init(512, &ring_, 0);
    if (rc < 0) {
      std::fprintf(stderr, "io_uring_queue_init: %s\n", std::strerror(-rc));
      std::exit(1);
    }
    efd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    io_uring_register_eventfd(&ring_, efd_);
    loop_.addReader(efd_, [this] { reap(); });
  }
  ~Ring() {
    loop_.removeReader(efd_);
    io_uring_queue_exit(&ring_);
    close(efd_);
  }

  // One operation: prep fills the SQE; the Future gets the CQE's res.
  template <class Prep> Future<int> op(Prep prep) {
    Future<int> f(loop_);
    io_uring_sqe *sqe = io_uring_get_sqe(&ring_);
    if (!sqe) { // full: flush what is queued and try again
      io_uring_submit(&ring_);
      sqe = io_uring_get_sqe(&ring_);
    }
    prep(sqe);
    FutureState<int> *s = f.state();
    s->retain(); // the ring's reference, dropped in reap()
    io_uring_sqe_set_data(sqe, s);
    if (!submitQueued_) {
      submitQueued_ = true;
      loop_.callSoon([this] {
        submitQueued_ = false;
        io_uring_submit(&ring_);
      });
    }
    return f;
  }

private:
  void reap() {
    uint64_t v;
    (void)!read(efd_, &v, sizeof v);
    io_uring_cqe *cqe;
    unsigned head, n = 0;
    io_uring_for_each_cqe(&ring_, head, cqe) {
      auto *s = static_cast<FutureState<int> *>(io_uring_cqe_get_data(cqe));
      auto keep = Ref<FutureState<int>>::adopt(s);
      if (!s->done()) {
        s->value = cqe->res;
        s->markFinishedPublic();
      }
      ++n;
    }
    io_uring_cq_advance(&ring_, n);
  }

  EventLoop &loop_;
  io_uring ring_;
  int efd_;
  bool submitQueued_ = false;
};

Ring *ring;

struct Release {
  Semaphore *s;
  ~Release() { s->release(); }
};

Coro<int> openAt(const std::string &path, int flags) {
  co_return co_await ring->op([&](io_uring_sqe *sqe) {
    io_uring_prep_openat(sqe, AT_FDCWD, path.c_str(), flags | O_CLOEXEC, 0666);
  });
}

Coro<void> writeOne(Semaphore *sem, std::string path, const std::string *data) {
  co_await sem->acquire();
  Release rel{sem};
  int fd = co_await openAt(path, O_WRONLY | O_CREAT | O_TRUNC);
  if (fd < 0)
    throw OSError(-fd, std::strerror(-fd), path, true);
  int n = co_await ring->op([&](io_uring_sqe *sqe) {
    io_uring_prep_write(sqe, fd, data->data(), data->size(), 0);
  });
  if (n != static_cast<int>(data->size()))
    throw OSError("short write");
  co_await ring->op([&](io_uring_sqe *sqe) { io_uring_prep_close(sqe, fd); });
}

Coro<int64_t> readOne(Semaphore *sem, std::string path) {
  co_await sem->acquire();
  Release rel{sem};
  int fd = co_await openAt(path, O_RDONLY);
  if (fd < 0)
    throw OSError(-fd, std::strerror(-fd), path, true);
  // read() to EOF, as Python's readall: read until a read returns 0.
  std::string out;
  char buf[8192];
  for (;;) {
    int n = co_await ring->op([&](io_uring_sqe *sqe) {
      io_uring_prep_read(sqe, fd, buf, sizeof buf, out.size());
    });
    if (n <= 0)
      break;
    out.append(buf, static_cast<size_t>(n));
  }
  co_await ring->op([&](io_uring_sqe *sqe) { io_uring_prep_close(sqe, fd); });
  co_return static_cast<int64_t>(out.size());
}

double now() {
  return std::chrono::duration<double>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// readOnly: skip the write phase (the files are there from a previous
// run), to time the read phase alone over repeated runs.
Coro<void> amain(std::string dir, int n, bool readOnly) {
  Ring r(getRunningLoop());
  ring = &r;
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
    w.push_back(createTask(writeOne(&sem, p, &data)));
  for (auto &t : w)
    co_await t;
  double t1 = now();
  std::vector<Task<int64_t>> rd;
  for (auto &p : paths)
    rd.push_back(createTask(readOne(&sem, p)));
  int64_t total = 0;
  for (auto &t : rd)
    total += co_await t;
  double t2 = now();
  std::printf("%d files %lld bytes write %.0f files/s read %.0f files/s\n", n,
              static_cast<long long>(total), n / (t1 - t0), n / (t2 - t1));
  ring = nullptr;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: w6_uring DIR [N [read]]\n");
    return 2;
  }
  aioc::run(amain(argv[1], argc > 2 ? std::atoi(argv[2]) : 10000,
                  argc > 3 && std::string(argv[3]) == "read"));
}
