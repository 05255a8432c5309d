#include "aioc/locks.h"

#include <algorithm>

namespace aioc {

namespace {
using BoolWaiter = Ref<FutureState<bool>>;

BoolWaiter newWaiter() {
  return BoolWaiter(new FutureState<bool>(&getRunningLoop()));
}
void setWaiter(FutureState<bool> *f, bool v) {
  f->value.emplace(v);
  f->markFinishedPublic();
}
void removeWaiter(std::deque<BoolWaiter> &ws, FutureBase *w) {
  auto it = std::find_if(ws.begin(), ws.end(),
                         [w](const BoolWaiter &x) { return x.get() == w; });
  if (it != ws.end())
    ws.erase(it);
}
// `await fut` on a waiter; the exception (cancellation) is returned so that
// callers can run their `finally` code, which may itself await.
Coro<std::exception_ptr> awaitWaiter(FutureState<bool> *f) {
  std::exception_ptr err;
  try {
    co_await Future<bool>::Awaiter{f};
  } catch (...) {
    err = std::current_exception();
  }
  co_return err;
}
} // namespace

// --- Event -------------------------------------------------------------------

void Event::set() {
  if (value_)
    return;
  value_ = true;
  for (auto &w : waiters_)
    if (!w->done())
      setWaiter(w.get(), true);
}

Coro<bool> Event::wait() {
  if (value_)
    co_return true;
  BoolWaiter fut = newWaiter();
  waiters_.push_back(fut);
  std::exception_ptr err = co_await awaitWaiter(fut.get());
  removeWaiter(waiters_, fut.get());
  if (err)
    std::rethrow_exception(err);
  co_return true;
}

// --- Lock --------------------------------------------------------------------

Coro<bool> Lock::acquire() {
  if (!locked_ &&
      std::all_of(waiters_.begin(), waiters_.end(),
                  [](const BoolWaiter &w) { return w->cancelled(); })) {
    locked_ = true;
    co_return true;
  }
  BoolWaiter fut = newWaiter();
  waiters_.push_back(fut);
  std::exception_ptr err = co_await awaitWaiter(fut.get());
  removeWaiter(waiters_, fut.get());
  if (err) {
    if (isCancelledError(err) && !locked_)
      wakeUpFirst();
    std::rethrow_exception(err);
  }
  locked_ = true;
  co_return true;
}

void Lock::release() {
  if (!locked_)
    throw RuntimeError("Lock is not acquired.");
  locked_ = false;
  wakeUpFirst();
}

void Lock::wakeUpFirst() {
  if (waiters_.empty())
    return;
  auto &fut = waiters_.front();
  if (!fut->done())
    setWaiter(fut.get(), true);
}

// --- Condition ---------------------------------------------------------------

Coro<bool> Condition::wait() {
  if (!locked())
    throw RuntimeError("cannot wait on un-acquired lock");
  release();
  BoolWaiter fut = newWaiter();
  waiters_.push_back(fut);
  std::exception_ptr err = co_await awaitWaiter(fut.get());
  removeWaiter(waiters_, fut.get());
  // Must reacquire the lock even if the wait was cancelled.
  bool cancelled = false;
  for (;;) {
    std::exception_ptr e;
    try {
      co_await acquire();
      break;
    } catch (const CancelledError &) {
      cancelled = true;
    }
  }
  if (cancelled)
    throw CancelledError();
  if (err)
    std::rethrow_exception(err);
  co_return true;
}

Coro<bool> Condition::waitFor(std::function<bool()> predicate) {
  bool result = predicate();
  while (!result) {
    co_await wait();
    result = predicate();
  }
  co_return result;
}

void Condition::notify(size_t n) {
  if (!locked())
    throw RuntimeError("cannot notify on un-acquired lock");
  size_t idx = 0;
  for (auto &fut : waiters_) {
    if (idx >= n)
      break;
    if (!fut->done()) {
      ++idx;
      setWaiter(fut.get(), false);
    }
  }
}

// --- Semaphore ---------------------------------------------------------------

Semaphore::Semaphore(long value) : value_(value) {
  if (value < 0)
    throw ValueError("Semaphore initial value must be >= 0");
}

bool Semaphore::locked() const {
  return value_ == 0 ||
         std::any_of(waiters_.begin(), waiters_.end(),
                     [](const BoolWaiter &w) { return !w->cancelled(); });
}

Coro<bool> Semaphore::acquire() {
  if (!locked()) {
    --value_;
    co_return true;
  }
  BoolWaiter fut = newWaiter();
  waiters_.push_back(fut);
  std::exception_ptr err = co_await awaitWaiter(fut.get());
  removeWaiter(waiters_, fut.get());
  if (err) {
    if (isCancelledError(err) && !fut->cancelled()) {
      // Woken, then cancelled before running: hand the slot on.
      ++value_;
      wakeUpNext();
    }
    std::rethrow_exception(err);
  }
  if (value_ > 0)
    wakeUpNext();
  co_return true;
}

void Semaphore::release() {
  ++value_;
  wakeUpNext();
}

void Semaphore::wakeUpNext() {
  for (auto &fut : waiters_)
    if (!fut->done()) {
      --value_;
      setWaiter(fut.get(), true);
      return;
    }
}

void BoundedSemaphore::release() {
  if (value_ >= bound_)
    throw ValueError("BoundedSemaphore released too many times");
  Semaphore::release();
}

// --- Barrier -----------------------------------------------------------------

Barrier::Barrier(long parties) : parties_(parties) {
  if (parties < 1)
    throw ValueError("parties must be > 0");
}

Coro<long> Barrier::wait() {
  co_await cond_.acquire(); // async with self._cond
  std::exception_ptr err;
  long index = -1;
  try {
    co_await block(); // while the barrier drains or resets
    index = count_++;
    std::exception_ptr inner;
    try {
      if (index + 1 == parties_) {
        state_ = State::Draining; // _release
        cond_.notifyAll();
      } else {
        co_await waitInner();
      }
    } catch (...) {
      inner = std::current_exception();
    }
    --count_;
    exit();
    if (inner)
      std::rethrow_exception(inner);
  } catch (...) {
    err = std::current_exception();
  }
  cond_.release();
  if (err)
    std::rethrow_exception(err);
  co_return index;
}

Coro<void> Barrier::block() {
  co_await cond_.waitFor([this] {
    return state_ != State::Draining && state_ != State::Resetting;
  });
  if (state_ == State::Broken)
    throw BrokenBarrierError("Barrier aborted");
}

Coro<void> Barrier::waitInner() {
  co_await cond_.waitFor([this] { return state_ != State::Filling; });
  if (state_ == State::Broken || state_ == State::Resetting)
    throw BrokenBarrierError("Abort or reset of barrier");
}

void Barrier::exit() {
  if (count_ == 0) {
    if (state_ == State::Resetting || state_ == State::Draining)
      state_ = State::Filling;
    cond_.notifyAll();
  }
}

Coro<void> Barrier::reset() {
  co_await cond_.acquire();
  if (count_ > 0) {
    if (state_ != State::Resetting)
      state_ = State::Resetting;
  } else {
    state_ = State::Filling;
  }
  cond_.notifyAll();
  cond_.release();
}

Coro<void> Barrier::abort() {
  co_await cond_.acquire();
  state_ = State::Broken;
  cond_.notifyAll();
  cond_.release();
}

} // namespace aioc
