// The event loop: CPython 3.11's BaseEventLoop on epoll. One iteration is
// _run_once: drop cancelled timers from the heap head, poll (timeout 0 when
// something is ready), move due timers to the ready queue in heapq pop
// order, then run exactly the callbacks ready at that moment.
//
// API for I/O code (stable): callSoon/callLater/callAt return a cancellable
// Handle; addReader/addWriter watch an fd on the loop's epoll (level
// triggered, like selectors); callSoonThreadsafe may be called from any
// thread; time() is loop.time() (monotonic seconds).
#pragma once

#include "aioc/frame_alloc.h"
#include "aioc/ref.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace aioc {

class EventLoop;
class TaskBase;
class FutureBase;

// asyncio.Handle / TimerHandle: a scheduled callback that can be cancelled.
class Handle : public RefCounted {
public:
  explicit Handle(std::function<void()> fn) : fn_(std::move(fn)) {}
  void cancel();
  bool cancelled() const { return cancelled_; }
  double when() const { return when_; }

  // Handles come from the per-thread size-class free lists (frame_alloc.h):
  // every asyncio.sleep(d > 0) makes one.
  static void *operator new(std::size_t n) { return detail::allocFrame(n); }
  static void operator delete(void *p, std::size_t n) {
    detail::freeFrame(p, n);
  }

private:
  friend class EventLoop;
  bool cancelled_ = false;    // the flags fill RefCounted's padding
  bool scheduled_ = false;    // in the timer heap
  EventLoop *loop_ = nullptr; // set while in the timer heap
  double when_ = 0;
  std::function<void()> fn_;
};
using HandleRef = Ref<Handle>;

// Something the loop owns and stops before it closes (the default
// executor): asyncio.run calls shutdown() as shutdown_default_executor.
class LoopService {
public:
  virtual ~LoopService() = default;
  virtual void shutdown() = 0;
};

class EventLoop {
public:
  EventLoop();
  ~EventLoop();
  EventLoop(const EventLoop &) = delete;
  EventLoop &operator=(const EventLoop &) = delete;

  // --- scheduling -------------------------------------------------------
  HandleRef callSoon(std::function<void()> fn);
  HandleRef callLater(double delay, std::function<void()> fn);
  HandleRef callAt(double when, std::function<void()> fn);
  // Thread-safe: queue fn and wake the loop through its eventfd.
  void callSoonThreadsafe(std::function<void()> fn);
  // Allocation-free call_soon for runtime internals: fn(ctx, fut) next
  // iteration. The queue owns one reference to ctx and to fut (either may be
  // null) and releases them after fn returns (or when the loop closes).
  using RawFn = void (*)(RefCounted *ctx, class FutureBase *fut);
  void callSoonRaw(RawFn fn, RefCounted *ctx, class FutureBase *fut) {
    ready_.push({fn, ctx, fut});
  }

  double time() const; // CLOCK_MONOTONIC in seconds, as loop.time()

  // --- file descriptors --------------------------------------------------
  void addReader(int fd, std::function<void()> fn);
  void addWriter(int fd, std::function<void()> fn);
  bool removeReader(int fd);
  bool removeWriter(int fd);

  // --- running ------------------------------------------------------------
  void runOnce();
  void runForever();
  void stop() { stopping_ = true; }
  bool isRunning() const { return running_; }
  bool isClosed() const { return closed_; }
  void close();
  // Services (by slot): created on demand, shut down before close.
  enum ServiceSlot { kExecutorSlot = 0, kNumServiceSlots };
  LoopService *service(ServiceSlot s) const { return services_[s].get(); }
  void setService(ServiceSlot s, std::unique_ptr<LoopService> svc) {
    services_[s] = std::move(svc);
  }
  void shutdownServices();

  bool debug() const { return debug_; }
  void setDebug(bool on) { debug_ = on; }
  // Debug mode: a step longer than this is reported (asyncio's default 0.1).
  double slowCallbackDuration = 0.1;

  // The loop running on this thread (asyncio.get_running_loop), or null.
  static EventLoop *current() noexcept;

  // Task bookkeeping (asyncio's _current_tasks / _all_tasks).
  TaskBase *currentTask() const { return currentTask_; }
  void setCurrentTask(TaskBase *t) { currentTask_ = t; }
  void registerTask(TaskBase *t);
  void unregisterTask(TaskBase *t);
  std::vector<TaskBase *> liveTasks() const; // creation order
  size_t readyCount() const { return ready_.size(); }

private:
  struct ReadyItem {
    RawFn fn;
    RefCounted *ctx;
    class FutureBase *fut;
  };
  void runItem(const ReadyItem &it);
  // Growable ring buffer: a deque with contiguous storage.
  class ReadyQueue {
  public:
    void push(ReadyItem it) {
      if (size_ == buf_.size())
        grow();
      buf_[(head_ + size_) & (buf_.size() - 1)] = it;
      ++size_;
    }
    ReadyItem pop() {
      ReadyItem it = buf_[head_];
      head_ = (head_ + 1) & (buf_.size() - 1);
      --size_;
      return it;
    }
    size_t size() const { return size_; }

  private:
    void grow();
    std::vector<ReadyItem> buf_;
    size_t head_ = 0, size_ = 0;
  };
  struct Watch {
    HandleRef reader, writer;
    uint32_t events = 0; // registered epoll mask
  };

  static void runHandle(RefCounted *h, FutureBase *);
  static void runHandleKeep(RefCounted *h, FutureBase *);
  void pushTimer(Handle *h);
  Handle *popTimer();
  void siftDown(size_t start, size_t pos);
  void siftUp(size_t pos);
  void updateEpoll(int fd);
  void drainThreadsafe();

  friend class Handle;
  ReadyQueue ready_;
  // heapq-ordered on `when` (copied into the entry so sifting does not
  // chase pointers); each entry holds one reference to its handle.
  struct TimerEntry {
    double when;
    Handle *h;
  };
  std::vector<TimerEntry> timers_;
  size_t timerCancelledCount_ = 0;
  std::vector<Watch> watches_;
  int epfd_ = -1, eventfd_ = -1;
  std::mutex tsMutex_;
  std::vector<std::function<void()>> tsQueue_;
  std::atomic<bool> tsPending_{false};
  size_t numWatched_ = 0; // fds registered on epoll (besides the eventfd)
  bool stopping_ = false, running_ = false, closed_ = false, debug_ = false;
  TaskBase *currentTask_ = nullptr;
  TaskBase *tasksHead_ = nullptr, *tasksTail_ = nullptr;
  EventLoop *prevLoop_ = nullptr;
  std::unique_ptr<LoopService> services_[kNumServiceSlots];
};

// asyncio.get_running_loop(): throws RuntimeError("no running event loop").
EventLoop &getRunningLoop();

} // namespace aioc
