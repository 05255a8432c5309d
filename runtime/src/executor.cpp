#include "aioc/executor.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace aioc {

namespace {
// concurrent.futures.ThreadPoolExecutor's default size: min(32, cpus + 4);
// threads are started on demand.
class ThreadPool final : public LoopService {
public:
  ThreadPool() {
    unsigned n = std::thread::hardware_concurrency();
    maxThreads_ = std::min(32u, (n ? n : 1) + 4);
  }
  ~ThreadPool() override { shutdown(); }

  void submit(std::function<void()> job) {
    std::lock_guard<std::mutex> g(mu_);
    if (stopping_)
      throw RuntimeError("cannot schedule new futures after shutdown");
    jobs_.push_back(std::move(job));
    if (idle_ == 0 && threads_.size() < maxThreads_)
      threads_.emplace_back([this] { work(); });
    else
      cv_.notify_one();
  }

  // shutdown_default_executor: finish queued jobs, join the threads.
  void shutdown() override {
    {
      std::lock_guard<std::mutex> g(mu_);
      if (stopping_ && threads_.empty())
        return;
      stopping_ = true;
    }
    cv_.notify_all();
    for (auto &t : threads_)
      t.join();
    threads_.clear();
  }

private:
  void work() {
    std::unique_lock<std::mutex> lk(mu_);
    for (;;) {
      ++idle_;
      cv_.wait(lk, [this] { return stopping_ || !jobs_.empty(); });
      --idle_;
      if (jobs_.empty())
        return; // stopping and drained
      auto job = std::move(jobs_.front());
      jobs_.pop_front();
      lk.unlock();
      job();
      job = nullptr; // drop captures off the lock
      lk.lock();
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  unsigned maxThreads_;
  unsigned idle_ = 0;
  bool stopping_ = false;
};
} // namespace

void detail::submitToDefaultExecutor(EventLoop &loop,
                                     std::function<void()> job) {
  auto *pool =
      static_cast<ThreadPool *>(loop.service(EventLoop::kExecutorSlot));
  if (!pool) {
    auto p = std::make_unique<ThreadPool>();
    pool = p.get();
    loop.setService(EventLoop::kExecutorSlot, std::move(p));
  }
  pool->submit(std::move(job));
}

} // namespace aioc
