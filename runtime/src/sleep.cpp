#include "aioc/sleep.h"

namespace aioc {

void SleepAwaiter::await_suspend(std::coroutine_handle<> h) {
  if (delay_ <= 0) {
    detail::yieldNow(h);
    return;
  }
  EventLoop &loop = getRunningLoop();
  auto *f = new FutureState<void>(&loop);
  fut_ = f;
  // The timer captures a raw pointer: it is cancelled (and its callable
  // dropped) before fut_ can go away.
  timer_ = loop.callLater(delay_, [f] {
    if (!f->cancelled()) { // futures._set_result_unless_cancelled
      f->value.emplace();
      f->markFinishedPublic();
    }
  });
  detail::suspendOn(f, h);
}

void SleepAwaiter::await_resume() {
  if (timer_) {
    timer_->cancel();
    timer_.reset();
  }
  if (auto e = detail::takeInjected())
    std::rethrow_exception(e);
}

} // namespace aioc
