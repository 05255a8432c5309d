// asyncio.sleep(delay). sleep(0) (or less) is a bare yield: exactly one
// loop hop. Otherwise a future completed by a call_later timer, so the task
// resumes one hop after the timer fires, as in CPython.
#pragma once

#include "aioc/future.h"
#include "aioc/task.h"

namespace aioc {

class SleepAwaiter {
public:
  explicit SleepAwaiter(double delay) : delay_(delay) {}
  SleepAwaiter(SleepAwaiter &&) = default;
  ~SleepAwaiter() {
    if (timer_)
      timer_->cancel(); // the `finally: h.cancel()` of asyncio.sleep
  }
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h);
  void await_resume();

private:
  double delay_;
  Ref<FutureBase> fut_;
  HandleRef timer_;
};

inline SleepAwaiter sleep(double delay) { return SleepAwaiter(delay); }

// asyncio.sleep(delay, result): returns `result` after the delay.
template <class T> Coro<T> sleep(double delay, T result) {
  co_await SleepAwaiter(delay);
  co_return result;
}

} // namespace aioc
