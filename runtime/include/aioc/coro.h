// Coro<T>: the type of every `async def` (cppcoro-style lazy task). Calling
// it only allocates the frame; `co_await coro` starts it inline by symmetric
// transfer and resumes the awaiter when it returns, without the loop, as
// awaiting a bare coroutine does in Python. Only create_task() schedules.
//
// Frames come from a size-class free list (frame_alloc.h); a coroutine that
// never suspends never touches the loop.
#pragma once

#include "aioc/frame_alloc.h"

#include <coroutine>
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

namespace aioc {

template <class T = void> class Coro;

namespace detail {

struct PromiseBase {
  std::coroutine_handle<> continuation;
  std::exception_ptr exc;

  static void *operator new(std::size_t n) { return allocFrame(n); }
  static void operator delete(void *p, std::size_t n) { freeFrame(p, n); }

  std::suspend_always initial_suspend() noexcept { return {}; }
  struct FinalAwaiter {
    bool await_ready() noexcept { return false; }
    template <class P>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<P> h) noexcept {
      auto c = h.promise().continuation;
      return c ? c : std::noop_coroutine();
    }
    void await_resume() noexcept {}
  };
  FinalAwaiter final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept { exc = std::current_exception(); }
};

template <class T> struct Promise : PromiseBase {
  std::optional<T> value;
  Coro<T> get_return_object() noexcept;
  template <class U> void return_value(U &&v) {
    value.emplace(std::forward<U>(v));
  }
  T take() {
    if (exc)
      std::rethrow_exception(exc);
    return std::move(*value);
  }
};
template <> struct Promise<void> : PromiseBase {
  Coro<void> get_return_object() noexcept;
  void return_void() noexcept {}
  void take() {
    if (exc)
      std::rethrow_exception(exc);
  }
};

} // namespace detail

template <class T> class [[nodiscard]] Coro {
public:
  using promise_type = detail::Promise<T>;
  using value_type = T;
  using Handle = std::coroutine_handle<promise_type>;

  Coro() = default;
  explicit Coro(Handle h) noexcept : h_(h) {}
  Coro(Coro &&o) noexcept : h_(std::exchange(o.h_, {})) {}
  Coro &operator=(Coro o) noexcept {
    std::swap(h_, o.h_);
    return *this;
  }
  ~Coro() {
    if (h_)
      h_.destroy();
  }

  struct Awaiter {
    Handle h;
    bool await_ready() const noexcept { return false; }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> c) noexcept {
      h.promise().continuation = c;
      return h;
    }
    T await_resume() { return h.promise().take(); }
  };
  // Awaiting a coroutine consumes it, as in Python (await it once).
  Awaiter operator co_await() &&noexcept { return Awaiter{h_}; }
  Awaiter operator co_await() &noexcept { return Awaiter{h_}; }

  Handle handle() const noexcept { return h_; }
  Handle release() noexcept { return std::exchange(h_, {}); }
  explicit operator bool() const noexcept { return bool(h_); }

private:
  Handle h_;
};

namespace detail {
template <class T> Coro<T> Promise<T>::get_return_object() noexcept {
  return Coro<T>(std::coroutine_handle<Promise<T>>::from_promise(*this));
}
inline Coro<void> Promise<void>::get_return_object() noexcept {
  return Coro<void>(std::coroutine_handle<Promise<void>>::from_promise(*this));
}
} // namespace detail

} // namespace aioc
