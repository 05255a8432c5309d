#include "aioc/loop.h"
#include "aioc/exceptions.h"
#include "aioc/task.h"

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace aioc {

namespace {
// FutureBase is complete only in future.h; keep loop.h light.
void releaseFuture(FutureBase *f) { f->release(); }
thread_local EventLoop *tlRunningLoop = nullptr;
constexpr double kClockResolution = 1e-09; // time.get_clock_info('monotonic')
constexpr double kMaxSelectTimeout = 24 * 3600;
constexpr size_t kMinScheduledTimerHandles = 100;
} // namespace

void Handle::cancel() {
  if (cancelled_)
    return;
  cancelled_ = true;
  if (scheduled_ && loop_)
    ++loop_->timerCancelledCount_;
  // CPython drops the callback (and what it references) on cancel.
  std::function<void()>().swap(fn_);
}

EventLoop::EventLoop() {
  epfd_ = epoll_create1(EPOLL_CLOEXEC);
  eventfd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (epfd_ < 0 || eventfd_ < 0)
    throwOSError(errno);
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = eventfd_;
  if (epoll_ctl(epfd_, EPOLL_CTL_ADD, eventfd_, &ev) < 0)
    throwOSError(errno);
}

EventLoop::~EventLoop() {
  close();
  if (epfd_ >= 0)
    ::close(epfd_);
  if (eventfd_ >= 0)
    ::close(eventfd_);
}

void EventLoop::shutdownServices() {
  for (auto &s : services_)
    if (s)
      s->shutdown();
}

void EventLoop::close() {
  if (closed_)
    return;
  closed_ = true;
  shutdownServices();
  // Tasks still pending when the loop goes away are reported and dropped,
  // as CPython's Task.__del__ does when the loop is garbage collected.
  while (tasksHead_) {
    Ref<TaskBase> t(tasksHead_);
    t->unregister();
    t->destroyPending();
  }
  // Completions posted by executor threads only settle futures: run them
  // so the references they carry are released.
  std::vector<std::function<void()>> posted;
  {
    std::lock_guard<std::mutex> g(tsMutex_);
    posted.swap(tsQueue_);
  }
  for (auto &fn : posted)
    fn();
  // Drain queued callbacks so their captured references are released.
  while (ready_.size()) {
    auto it = ready_.pop();
    if (it.ctx)
      it.ctx->release();
    if (it.fut)
      releaseFuture(it.fut);
  }
  for (auto &e : timers_) {
    e.h->scheduled_ = false;
    e.h->release();
  }
  timers_.clear();
  watches_.clear();
  numWatched_ = 0;
  std::lock_guard<std::mutex> g(tsMutex_);
  tsQueue_.clear();
}

EventLoop *EventLoop::current() noexcept { return tlRunningLoop; }

EventLoop &getRunningLoop() {
  if (!tlRunningLoop)
    throw RuntimeError("no running event loop");
  return *tlRunningLoop;
}

double EventLoop::time() const {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

void EventLoop::ReadyQueue::grow() {
  size_t n = buf_.empty() ? 64 : buf_.size() * 2;
  std::vector<ReadyItem> nb(n);
  for (size_t i = 0; i < size_; ++i)
    nb[i] = buf_[(head_ + i) & (buf_.size() - 1)];
  buf_.swap(nb);
  head_ = 0;
}

void EventLoop::runHandle(RefCounted *p, FutureBase *) {
  auto *h = static_cast<Handle *>(p);
  if (h->cancelled_)
    return;
  // A plain Handle runs once; keep the callable alive while it runs.
  auto fn = std::move(h->fn_);
  fn();
}

void EventLoop::runHandleKeep(RefCounted *p, FutureBase *) {
  // fd watchers stay registered: run a copy, since the callback may remove
  // (and free) its own watcher.
  auto *h = static_cast<Handle *>(p);
  if (h->cancelled_)
    return;
  auto fn = h->fn_;
  fn();
}

void EventLoop::runItem(const ReadyItem &it) {
  struct Release {
    const ReadyItem &it;
    ~Release() {
      if (it.ctx)
        it.ctx->release();
      if (it.fut)
        releaseFuture(it.fut);
    }
  } rel{it};
  try {
    it.fn(it.ctx, it.fut);
  } catch (const SystemExit &) {
    throw;
  } catch (const KeyboardInterrupt &) {
    throw;
  } catch (...) {
    // A failing callback is reported and the loop goes on, as CPython's
    // default exception handler does.
    std::fprintf(stderr,
                 "Exception in callback\nTraceback (most recent call "
                 "last):\n%s\n",
                 tracebackLine(std::current_exception()).c_str());
  }
}

HandleRef EventLoop::callSoon(std::function<void()> fn) {
  HandleRef h(new Handle(std::move(fn)));
  h->retain(); // owned by the ready queue
  ready_.push({&EventLoop::runHandle, h.get(), nullptr});
  return h;
}

HandleRef EventLoop::callLater(double delay, std::function<void()> fn) {
  return callAt(time() + delay, std::move(fn));
}

HandleRef EventLoop::callAt(double when, std::function<void()> fn) {
  HandleRef h(new Handle(std::move(fn)));
  h->when_ = when;
  h->loop_ = this;
  h->scheduled_ = true;
  h->retain(); // owned by the heap
  pushTimer(h.get());
  return h;
}

void EventLoop::callSoonThreadsafe(std::function<void()> fn) {
  {
    std::lock_guard<std::mutex> g(tsMutex_);
    tsQueue_.push_back(std::move(fn));
  }
  // One wake-up byte per batch: the loop clears the flag before draining.
  if (!tsPending_.exchange(true, std::memory_order_acq_rel)) {
    uint64_t one = 1;
    ssize_t r = ::write(eventfd_, &one, sizeof one);
    (void)r;
  }
}

void EventLoop::drainThreadsafe() {
  tsPending_.store(false, std::memory_order_release);
  uint64_t n;
  while (::read(eventfd_, &n, sizeof n) > 0) {
  }
  std::vector<std::function<void()>> q;
  {
    std::lock_guard<std::mutex> g(tsMutex_);
    q.swap(tsQueue_);
  }
  for (auto &fn : q)
    callSoon(std::move(fn));
}

// --- heapq, exactly as Lib/heapq.py (only `<` on when) ----------------------

void EventLoop::siftDown(size_t start, size_t pos) {
  TimerEntry item = timers_[pos];
  while (pos > start) {
    size_t parent = (pos - 1) >> 1;
    if (item.when < timers_[parent].when) {
      timers_[pos] = timers_[parent];
      pos = parent;
      continue;
    }
    break;
  }
  timers_[pos] = item;
}

void EventLoop::siftUp(size_t pos) {
  size_t end = timers_.size(), start = pos;
  TimerEntry item = timers_[pos];
  size_t child = 2 * pos + 1;
  while (child < end) {
    size_t right = child + 1;
    if (right < end && !(timers_[child].when < timers_[right].when))
      child = right;
    timers_[pos] = timers_[child];
    pos = child;
    child = 2 * pos + 1;
  }
  timers_[pos] = item;
  siftDown(start, pos);
}

void EventLoop::pushTimer(Handle *h) {
  timers_.push_back({h->when_, h});
  siftDown(0, timers_.size() - 1);
}

Handle *EventLoop::popTimer() {
  TimerEntry last = timers_.back();
  timers_.pop_back();
  if (!timers_.empty()) {
    Handle *ret = timers_[0].h;
    timers_[0] = last;
    siftUp(0);
    return ret;
  }
  return last.h;
}

// --- fds --------------------------------------------------------------------

void EventLoop::updateEpoll(int fd) {
  Watch &w = watches_[fd];
  uint32_t want = (w.reader ? EPOLLIN : 0) | (w.writer ? EPOLLOUT : 0);
  if (want == w.events)
    return;
  epoll_event ev{};
  ev.events = want;
  ev.data.fd = fd;
  int op = w.events == 0 ? EPOLL_CTL_ADD
                         : (want == 0 ? EPOLL_CTL_DEL : EPOLL_CTL_MOD);
  if (epoll_ctl(epfd_, op, fd, &ev) < 0) {
    int err = errno;
    if (op == EPOLL_CTL_DEL) {
      w.events = 0; // fd already closed: the kernel dropped it
      --numWatched_;
      return;
    }
    throwOSError(err);
  }
  if (op == EPOLL_CTL_ADD)
    ++numWatched_;
  else if (op == EPOLL_CTL_DEL)
    --numWatched_;
  w.events = want;
}

void EventLoop::addReader(int fd, std::function<void()> fn) {
  if (fd < 0)
    throw ValueError("Invalid file descriptor: " + std::to_string(fd));
  if (size_t(fd) >= watches_.size())
    watches_.resize(fd + 1);
  watches_[fd].reader = HandleRef(new Handle(std::move(fn)));
  updateEpoll(fd);
}

void EventLoop::addWriter(int fd, std::function<void()> fn) {
  if (fd < 0)
    throw ValueError("Invalid file descriptor: " + std::to_string(fd));
  if (size_t(fd) >= watches_.size())
    watches_.resize(fd + 1);
  watches_[fd].writer = HandleRef(new Handle(std::move(fn)));
  updateEpoll(fd);
}

bool EventLoop::removeReader(int fd) {
  if (fd < 0 || size_t(fd) >= watches_.size() || !watches_[fd].reader)
    return false;
  watches_[fd].reader->cancel();
  watches_[fd].reader.reset();
  updateEpoll(fd);
  return true;
}

bool EventLoop::removeWriter(int fd) {
  if (fd < 0 || size_t(fd) >= watches_.size() || !watches_[fd].writer)
    return false;
  watches_[fd].writer->cancel();
  watches_[fd].writer.reset();
  updateEpoll(fd);
  return true;
}

// --- the iteration ----------------------------------------------------------

void EventLoop::runOnce() {
  size_t schedCount = timers_.size();
  if (schedCount > kMinScheduledTimerHandles &&
      double(timerCancelledCount_) / double(schedCount) > 0.5) {
    std::vector<TimerEntry> keep;
    keep.reserve(schedCount);
    for (const TimerEntry &e : timers_) {
      if (e.h->cancelled_) {
        e.h->scheduled_ = false;
        e.h->release();
      } else {
        keep.push_back(e);
      }
    }
    timers_.swap(keep);
    for (size_t i = timers_.size() / 2; i-- > 0;) // heapq.heapify
      siftUp(i);
    timerCancelledCount_ = 0;
  } else {
    while (!timers_.empty() && timers_[0].h->cancelled_) {
      --timerCancelledCount_;
      Handle *h = popTimer();
      h->scheduled_ = false;
      h->release();
    }
  }

  int timeoutMs = -1;
  if (ready_.size() || stopping_) {
    timeoutMs = 0;
  } else if (!timers_.empty()) {
    double t = timers_[0].when - time();
    if (t < 0)
      t = 0;
    if (t > kMaxSelectTimeout)
      t = kMaxSelectTimeout;
    // selectors.EpollSelector rounds the timeout up to whole milliseconds.
    timeoutMs = int(std::ceil(t * 1e3));
  }

  epoll_event events[128];
  int n = 0;
  // A zero-timeout poll with no fd watched and no cross-thread post pending
  // cannot report anything: skip the syscall (unobservable, and it is most
  // of an iteration's cost).
  if (timeoutMs != 0 || numWatched_ != 0 ||
      tsPending_.load(std::memory_order_acquire)) {
    n = epoll_wait(epfd_, events, 128, timeoutMs);
    if (n < 0 && errno != EINTR)
      throwOSError(errno);
  }
  for (int i = 0; i < n; ++i) {
    int fd = events[i].data.fd;
    if (fd == eventfd_) {
      drainThreadsafe();
      continue;
    }
    if (size_t(fd) >= watches_.size())
      continue;
    uint32_t ev = events[i].events;
    Watch &w = watches_[fd];
    // Errors and hang-ups wake both sides, as selectors reports them.
    if ((ev & (EPOLLIN | EPOLLERR | EPOLLHUP)) && w.reader) {
      w.reader->retain();
      ready_.push({&EventLoop::runHandleKeep, w.reader.get(), nullptr});
    }
    if ((ev & (EPOLLOUT | EPOLLERR | EPOLLHUP)) && w.writer) {
      w.writer->retain();
      ready_.push({&EventLoop::runHandleKeep, w.writer.get(), nullptr});
    }
  }
  // Posts whose wake-up byte was consumed by an earlier drain.
  if (tsPending_.load(std::memory_order_acquire))
    drainThreadsafe();

  double endTime = timers_.empty() ? 0 : time() + kClockResolution;
  while (!timers_.empty()) {
    if (timers_[0].when >= endTime)
      break;
    Handle *h = popTimer();
    h->scheduled_ = false;
    ready_.push({&EventLoop::runHandle, h, nullptr}); // heap's ref moves
  }

  size_t ntodo = ready_.size();
  if (!debug_) {
    for (size_t i = 0; i < ntodo; ++i) {
      ReadyItem it = ready_.pop();
      runItem(it);
    }
    return;
  }
  for (size_t i = 0; i < ntodo; ++i) {
    ReadyItem it = ready_.pop();
    double t0 = time();
    runItem(it);
    double dt = time() - t0;
    if (dt >= slowCallbackDuration && it.fn == &EventLoop::runHandle)
      std::fprintf(stderr, "Executing <Handle> took %.3f seconds\n", dt);
  }
}

void EventLoop::runForever() {
  if (running_)
    throw RuntimeError("This event loop is already running");
  if (tlRunningLoop && tlRunningLoop != this)
    throw RuntimeError(
        "Cannot run the event loop while another loop is running");
  if (closed_)
    throw RuntimeError("Event loop is closed");
  prevLoop_ = tlRunningLoop;
  tlRunningLoop = this;
  running_ = true;
  struct Restore {
    EventLoop *l;
    ~Restore() {
      l->stopping_ = false;
      l->running_ = false;
      tlRunningLoop = l->prevLoop_;
    }
  } restore{this};
  for (;;) {
    runOnce();
    if (stopping_)
      break;
  }
}

void EventLoop::registerTask(TaskBase *t) {
  t->prevTask = tasksTail_;
  t->nextTask = nullptr;
  if (tasksTail_)
    tasksTail_->nextTask = t;
  else
    tasksHead_ = t;
  tasksTail_ = t;
}

void EventLoop::unregisterTask(TaskBase *t) {
  if (t->prevTask)
    t->prevTask->nextTask = t->nextTask;
  else if (tasksHead_ == t)
    tasksHead_ = t->nextTask;
  else
    return; // not registered
  if (t->nextTask)
    t->nextTask->prevTask = t->prevTask;
  else
    tasksTail_ = t->prevTask;
  t->prevTask = t->nextTask = nullptr;
}

std::vector<TaskBase *> EventLoop::liveTasks() const {
  std::vector<TaskBase *> v;
  for (TaskBase *t = tasksHead_; t; t = t->nextTask)
    v.push_back(t);
  return v;
}

} // namespace aioc
