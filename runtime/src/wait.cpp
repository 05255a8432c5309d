#include "aioc/wait.h"

namespace aioc::detail {

namespace {
// futures._release_waiter as a raw done-callback (ctx = the waiter).
void releaseWaiter(RefCounted *ctx, FutureBase *) {
  auto *w = static_cast<FutureState<void> *>(ctx);
  if (!w->done()) {
    w->value.emplace();
    w->markFinishedPublic();
  }
}

struct WaitState : RefCounted {
  Ref<FutureState<void>> waiter;
  HandleRef timeoutHandle;
  size_t counter;
  ReturnWhen when;
  static void onCompletion(RefCounted *ctx, FutureBase *f) {
    auto *s = static_cast<WaitState *>(ctx);
    --s->counter;
    if (s->counter == 0 || s->when == FIRST_COMPLETED ||
        (s->when == FIRST_EXCEPTION && !f->cancelled() && f->exception())) {
      if (s->timeoutHandle)
        s->timeoutHandle->cancel();
      releaseWaiter(s->waiter.get(), nullptr);
    }
  }
};
} // namespace

Coro<void> waitImpl(std::vector<Ref<FutureBase>> fs,
                    std::optional<double> timeout, ReturnWhen when) {
  EventLoop &loop = getRunningLoop();
  Ref<WaitState> st(new WaitState);
  st->waiter = new FutureState<void>(&loop);
  st->counter = fs.size();
  st->when = when;
  if (timeout) {
    FutureState<void> *w = st->waiter.get();
    Ref<FutureState<void>> keep(w);
    st->timeoutHandle = loop.callLater(
        *timeout, [keep] { releaseWaiter(keep.get(), nullptr); });
  }
  for (auto &f : fs)
    f->addDoneCallbackRaw(&WaitState::onCompletion, st.get());
  std::exception_ptr err;
  try {
    co_await Future<void>::Awaiter{st->waiter.get()};
  } catch (...) {
    err = std::current_exception();
  }
  if (st->timeoutHandle)
    st->timeoutHandle->cancel();
  for (auto &f : fs)
    f->removeDoneCallbackRaw(&WaitState::onCompletion, st.get());
  if (err)
    std::rethrow_exception(err);
}

Coro<void> cancelAndWait(Ref<FutureBase> f) {
  EventLoop &loop = getRunningLoop();
  Ref<FutureState<void>> waiter(new FutureState<void>(&loop));
  f->addDoneCallbackRaw(&releaseWaiter, waiter.get());
  std::exception_ptr err;
  try {
    f->cancel();
    co_await Future<void>::Awaiter{waiter.get()};
  } catch (...) {
    err = std::current_exception();
  }
  f->removeDoneCallbackRaw(&releaseWaiter, waiter.get());
  if (err)
    std::rethrow_exception(err);
}

Coro<bool> waitForImpl(Ref<FutureBase> fut, double timeout) {
  EventLoop &loop = getRunningLoop();
  Ref<FutureState<void>> waiter(new FutureState<void>(&loop));
  Ref<FutureState<void>> keep = waiter;
  HandleRef timeoutHandle =
      loop.callLater(timeout, [keep] { releaseWaiter(keep.get(), nullptr); });
  fut->addDoneCallbackRaw(&releaseWaiter, waiter.get());
  std::exception_ptr err;
  try {
    co_await Future<void>::Awaiter{waiter.get()};
  } catch (const CancelledError &) {
    err = std::current_exception();
  }
  if (err) {
    if (fut->done()) {
      timeoutHandle->cancel();
      co_return true; // the caller returns fut.result()
    }
    fut->removeDoneCallbackRaw(&releaseWaiter, waiter.get());
    std::exception_ptr err2;
    try {
      co_await cancelAndWait(fut);
    } catch (...) {
      err2 = std::current_exception();
    }
    timeoutHandle->cancel();
    std::rethrow_exception(err2 ? err2 : err);
  }
  if (fut->done()) {
    timeoutHandle->cancel();
    co_return true;
  }
  fut->removeDoneCallbackRaw(&releaseWaiter, waiter.get());
  std::exception_ptr err2;
  try {
    co_await cancelAndWait(fut);
  } catch (...) {
    err2 = std::current_exception();
  }
  timeoutHandle->cancel();
  if (err2)
    std::rethrow_exception(err2);
  co_return false;
}

void throwTimeoutFrom(std::exception_ptr cause) {
  TimeoutError e;
  e.cause = std::move(cause);
  e.suppressContext = true;
  throw e;
}

} // namespace aioc::detail
