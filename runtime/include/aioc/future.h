// asyncio.Future: a result or exception delivered later. Completion
// schedules the done-callbacks with call_soon in registration order, so a
// waiting task resumes one loop iteration after the event that completed it.
//
// Future<T> is a cheap handle (shared ownership). I/O code completes it from
// loop callbacks (setResult/setException) and coroutines `co_await` it.
#pragma once

#include "aioc/exceptions.h"
#include "aioc/frame_alloc.h"
#include "aioc/loop.h"

#include <coroutine>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace aioc {

struct Unit {}; // the value of Future<void>
namespace detail {
class GatherState;
}
template <class T>
using ValueOf = std::conditional_t<std::is_void_v<T>, Unit, T>;

class FutureBase : public RefCounted {
public:
  enum class State : uint8_t { Pending, Cancelled, Finished };
  explicit FutureBase(EventLoop *loop = nullptr);
  ~FutureBase() override;

  bool done() const { return state_ != State::Pending; }
  bool cancelled() const { return state_ == State::Cancelled; }
  EventLoop &loop() const { return *loop_; }

  // Future.cancel(msg): false when already done.
  virtual bool cancel(const std::string &msg = {}, bool hasMsg = false);
  void setException(std::exception_ptr e);
  // Future.exception(): null when finished with a result; throws
  // CancelledError when cancelled, InvalidStateError when pending.
  std::exception_ptr exception();
  // Throws what result() would throw (CancelledError/exception/pending).
  void checkResult();

  // Done-callback: fn(ctx, this), run via call_soon. The raw form is what
  // the runtime uses (no allocation): the future keeps a reference to ctx
  // until the callback has run. The std::function form is for user code.
  using RawCallback = EventLoop::RawFn;
  void addDoneCallbackRaw(RawCallback fn, RefCounted *ctx);
  void addDoneCallback(std::function<void(FutureBase &)> fn);
  // Removes every raw callback with this (fn, ctx); returns the count.
  size_t removeDoneCallbackRaw(RawCallback fn, RefCounted *ctx);

  bool isTask() const { return isTask_; }
  // A scratch mark for de-duplicating futures in one pass (gather,
  // as_completed): markSeen() returns the previous state. Callers clear it.
  bool markSeen() {
    bool was = gatherMark_;
    gatherMark_ = 1;
    return was;
  }
  void clearSeen() { gatherMark_ = 0; }
  // Future.set_result's second half (the value is already stored).
  void markFinishedPublic() {
    if (state_ != State::Pending)
      throw InvalidStateError("invalid state");
    markFinished();
  }
  // The CancelledError this future raises (message kept, as 3.11 does).
  std::exception_ptr makeCancelledError() const;
  // gather(return_exceptions=True) builds CancelledError(msg or '').
  std::exception_ptr makeCancelledErrorForGather() const {
    return std::make_exception_ptr(CancelledError(cancelMessage()));
  }
  const std::string &cancelMessage() const {
    static const std::string empty;
    return rare_ && rare_->hasCancelMsg ? rare_->cancelMsg : empty;
  }
  virtual std::string repr() const;

  // Futures and tasks come from the per-thread size-class free lists that
  // coroutine frames use: spawning a task costs no malloc once warm.
  static void *operator new(std::size_t n) { return detail::allocFrame(n); }
  static void operator delete(void *p, std::size_t n) {
    detail::freeFrame(p, n);
  }

protected:
  void markFinished(); // state_=Finished + schedule callbacks
  void scheduleCallbacks();
  void reportUnretrieved(const char *what);

  // The flags come first: they fill the padding after RefCounted's count
  // (a future is 64 bytes, a task 168; W1 spawns a million of them).
  State state_ = State::Pending;
  bool logTraceback_ = false;
  bool isTask_ = false;
  // TaskBase's flags and gather's de-duplication mark share the last byte.
  uint8_t mustCancel_ : 1 = 0, started_ : 1 = 0, registered_ : 1 = 0,
                        gatherMark_ : 1 = 0;
  EventLoop *loop_;
  std::exception_ptr exc_;
  // What few futures need (cancel messages, task names, the CancelledError
  // a task ended with) lives out of line, allocated on first use.
  struct Rare {
    std::string cancelMsg, mustCancelMsg, name;
    bool hasCancelMsg = false, hasMustCancelMsg = false, hasName = false;
    std::exception_ptr cancelledExc; // the CancelledError a task ended with
  };
  std::unique_ptr<Rare> rare_;
  Rare &rare() {
    if (!rare_)
      rare_ = std::make_unique<Rare>();
    return *rare_;
  }
  struct Callback {
    RawCallback fn;
    RefCounted *ctx; // one reference held
  };
  // Most futures get exactly one callback (the waiting task): keep it
  // inline and spill the rest, in registration order.
  Callback firstCb_{nullptr, nullptr};
  std::unique_ptr<std::vector<Callback>> moreCbs_;
  friend class TaskBase;
  friend class detail::GatherState;
};

namespace detail {
// Suspends the current task on `f` (task.__step's "blocking future" path).
void suspendOn(FutureBase *f, std::coroutine_handle<> h);
// The exception the task was woken with, if any (consumed).
std::exception_ptr takeInjected();

// `await fut` / `await task`: one hop through the loop unless already done;
// a cancellation injected while suspended is raised here.
template <class State, class T> struct StateAwaiter {
  State *s;
  bool await_ready() const noexcept { return s->done(); }
  void await_suspend(std::coroutine_handle<> h) { suspendOn(s, h); }
  T await_resume() {
    if (auto e = takeInjected())
      std::rethrow_exception(e);
    s->checkResult();
    if constexpr (!std::is_void_v<T>)
      return *s->value;
  }
};
} // namespace detail

template <class T> class FutureState : public FutureBase {
public:
  using FutureBase::FutureBase;
  std::optional<ValueOf<T>> value;
};

template <class T = void> class Future {
public:
  Future() : s_(new FutureState<T>(&getRunningLoop())) {}
  explicit Future(EventLoop &loop) : s_(new FutureState<T>(&loop)) {}

  bool done() const { return s_->done(); }
  bool cancelled() const { return s_->cancelled(); }
  bool cancel(const std::string &msg) { return s_->cancel(msg, true); }
  bool cancel() { return s_->cancel(); }
  template <class U = T>
  requires(!std::is_void_v<U>) void setResult(U v) {
    if (s_->done())
      throw InvalidStateError("invalid state");
    s_->value.emplace(std::move(v));
    setResultCommon();
  }
  void setResult() requires std::is_void_v<T> {
    if (s_->done())
      throw InvalidStateError("invalid state");
    s_->value.emplace();
    setResultCommon();
  }
  void setException(std::exception_ptr e) { s_->setException(std::move(e)); }
  std::exception_ptr exception() { return s_->exception(); }
  T result() const {
    s_->checkResult();
    if constexpr (!std::is_void_v<T>)
      return *s_->value;
  }
  void addDoneCallback(std::function<void(FutureBase &)> fn) {
    s_->addDoneCallback(std::move(fn));
  }
  FutureState<T> *state() const { return s_.get(); }
  Ref<FutureBase> base() const { return Ref<FutureBase>(s_.get()); }

  using Awaiter = detail::StateAwaiter<FutureState<T>, T>;
  Awaiter operator co_await() const { return Awaiter{s_.get()}; }

private:
  void setResultCommon();
  Ref<FutureState<T>> s_;
};

namespace detail {
void finishFuture(FutureBase *f); // mark finished, schedule callbacks
}
template <class T> void Future<T>::setResultCommon() {
  detail::finishFuture(s_.get());
}

} // namespace aioc
