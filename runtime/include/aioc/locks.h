// asyncio.Lock, Condition, Semaphore, BoundedSemaphore and Barrier with
// CPython 3.11's algorithms (Lib/asyncio/locks.py): waiters are futures in
// FIFO deques; Lock wakes the first waiter (_wake_up_first) and a waiter
// cancelled after being woken passes the wake-up on.
//
// `async with lock:` lowers to `co_await lock.acquire();` then
// `lock.release()` on every exit path.
#pragma once

#include "aioc/event.h"

#include <functional>

namespace aioc {

class Lock {
public:
  Lock() = default;
  Lock(const Lock &) = delete;
  bool locked() const { return locked_; }
  Coro<bool> acquire();
  void release(); // RuntimeError('Lock is not acquired.')

private:
  void wakeUpFirst();
  std::deque<Ref<FutureState<bool>>> waiters_;
  bool locked_ = false;
};

class Condition {
public:
  Condition() : own_(std::make_unique<Lock>()), lock_(own_.get()) {}
  explicit Condition(Lock &lock) : lock_(&lock) {}
  Condition(const Condition &) = delete;
  bool locked() const { return lock_->locked(); }
  Coro<bool> acquire() { return lock_->acquire(); }
  void release() { lock_->release(); }
  Coro<bool> wait();
  // wait_for(predicate): returns the predicate's last (true) value.
  Coro<bool> waitFor(std::function<bool()> predicate);
  void notify(size_t n = 1);
  void notifyAll() { notify(waiters_.size()); }

private:
  std::unique_ptr<Lock> own_;
  Lock *lock_;
  std::deque<Ref<FutureState<bool>>> waiters_;
};

class Semaphore {
public:
  explicit Semaphore(long value = 1);
  Semaphore(const Semaphore &) = delete;
  virtual ~Semaphore() = default;
  bool locked() const;
  Coro<bool> acquire();
  virtual void release();
  long value() const { return value_; }

protected:
  void wakeUpNext();
  std::deque<Ref<FutureState<bool>>> waiters_;
  long value_;
};

class BoundedSemaphore : public Semaphore {
public:
  explicit BoundedSemaphore(long value = 1) : Semaphore(value), bound_(value) {}
  void release() override; // ValueError when released too many times

private:
  long bound_;
};

class Barrier {
public:
  explicit Barrier(long parties);
  Barrier(const Barrier &) = delete;
  Coro<long> wait(); // the arrival index, 0..parties-1
  Coro<void> reset();
  Coro<void> abort();
  long parties() const { return parties_; }
  long nWaiting() const { return state_ == State::Filling ? count_ : 0; }
  bool broken() const { return state_ == State::Broken; }

private:
  enum class State { Filling, Draining, Resetting, Broken };
  Coro<void> block();
  Coro<void> waitInner();
  void exit();
  Condition cond_;
  long parties_;
  State state_ = State::Filling;
  long count_ = 0;
};

} // namespace aioc
