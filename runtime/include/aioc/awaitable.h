// Helpers shared by gather/wait/shield: turning any awaitable argument into
// a future-like handle (ensure_future), and Outcome<T>, the element type of
// gather(return_exceptions=True).
#pragma once

#include "aioc/task.h"

namespace aioc {

// asyncio.ensure_future: a coroutine becomes a Task; futures and tasks are
// kept as they are.
template <class T> Task<T> ensureFuture(Coro<T> c) {
  return createTask(std::move(c));
}
template <class T> Task<T> ensureFuture(Task<T> t) { return t; }
template <class T> Future<T> ensureFuture(Future<T> f) { return f; }

template <class A> struct AwaitResult;
template <class T> struct AwaitResult<Coro<T>> { using type = T; };
template <class T> struct AwaitResult<Task<T>> { using type = T; };
template <class T> struct AwaitResult<Future<T>> { using type = T; };
template <class A>
using AwaitResultT = typename AwaitResult<std::decay_t<A>>::type;

// A result or the exception a child ended with (return_exceptions=True).
template <class T> class Outcome {
public:
  Outcome() = default;
  static Outcome ofException(std::exception_ptr e) {
    Outcome o;
    o.exc_ = std::move(e);
    return o;
  }
  static Outcome ofValue(ValueOf<T> v) {
    Outcome o;
    o.value_.emplace(std::move(v));
    return o;
  }
  bool isException() const { return bool(exc_); }
  const std::exception_ptr &exception() const { return exc_; }
  // The value; rethrows the stored exception.
  const ValueOf<T> &value() const {
    if (exc_)
      std::rethrow_exception(exc_);
    return *value_;
  }

private:
  std::exception_ptr exc_;
  std::optional<ValueOf<T>> value_;
};

namespace detail {
// The outcome of a done future-like handle, as gather collects it.
template <class H> auto outcomeOf(const H &h) {
  using T = decltype(h.result());
  using O = Outcome<T>;
  FutureBase *b = h.base().get();
  if (b->cancelled())
    return O::ofException(b->makeCancelledErrorForGather());
  if (auto e = b->exception())
    return O::ofException(e);
  if constexpr (std::is_void_v<T>)
    return O::ofValue(Unit{});
  else
    return O::ofValue(h.result());
}
} // namespace detail

} // namespace aioc
