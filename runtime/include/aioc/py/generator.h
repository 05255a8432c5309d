// Python generators as C++20 coroutines.
//
//   def g() -> Iterator[T]: ... yield x ...        -> py::Generator<T>
//   async def g() -> AsyncIterator[T]: ... yield x  -> py::AsyncGenerator<T>
//
// Both are lazy (calling the function only creates the frame, as in Python)
// and are shared handles: copies iterate one generator, so `g = gen()` then
// two `for` loops over `g` continue where the first stopped.
//
// Generator<T> is a C++ input range (const: the state is the frame's): `for
// (auto &&x : gen)` calls next() before each element, exactly when Python calls
// __next__. AsyncGenerator<T>::anext() is the awaitable `__anext__()`: it
// resumes the body in the awaiting coroutine's stead (symmetric transfer) until
// the next `co_yield`, and raises StopAsyncIteration when the body returns.
// Awaits inside the body suspend the task as any awaited coroutine does.
//
// A generator dropped before it is exhausted destroys its frame without
// running `finally` blocks around the suspended `yield` (CPython would run
// them from aclose()); the compiler refuses `yield` inside try/finally and
// `with` for that reason.
#pragma once

#include "aioc/exceptions.h"
#include "aioc/frame_alloc.h"

#include <coroutine>
#include <exception>
#include <memory>
#include <optional>
#include <utility>

namespace aioc::py {

namespace detail {

// Owns a generator frame; the generator objects share one of these.
template <class Promise> struct GenFrame {
  std::coroutine_handle<Promise> h;
  explicit GenFrame(std::coroutine_handle<Promise> h) : h(h) {}
  GenFrame(const GenFrame &) = delete;
  GenFrame &operator=(const GenFrame &) = delete;
  ~GenFrame() {
    if (h)
      h.destroy();
  }
};

struct GenPromiseBase {
  std::exception_ptr exc;
  static void *operator new(std::size_t n) {
    return ::aioc::detail::allocFrame(n);
  }
  static void operator delete(void *p, std::size_t n) {
    ::aioc::detail::freeFrame(p, n);
  }
  std::suspend_always initial_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept { exc = std::current_exception(); }
  void return_void() noexcept {}
};

} // namespace detail

template <class T> class Generator {
public:
  struct promise_type : detail::GenPromiseBase {
    std::optional<T> value;
    Generator get_return_object() {
      return Generator(
          std::coroutine_handle<promise_type>::from_promise(*this));
    }
    template <class U> std::suspend_always yield_value(U &&v) {
      value.emplace(std::forward<U>(v));
      return {};
    }
    std::suspend_always final_suspend() noexcept { return {}; }
  };
  using Handle = std::coroutine_handle<promise_type>;

  Generator() = default;
  explicit Generator(Handle h)
      : frame_(std::make_shared<detail::GenFrame<promise_type>>(h)) {}

  // __next__: runs the body to the next yield; false once it has returned.
  // An exception from the body propagates (once; afterwards the generator is
  // exhausted, as in Python).
  bool next() const {
    Handle h = frame_->h;
    if (!h || h.done())
      return false;
    h.promise().value.reset();
    h.resume();
    if (auto e = std::exchange(h.promise().exc, nullptr))
      std::rethrow_exception(e);
    return !h.done();
  }
  T &current() const { return *frame_->h.promise().value; }

  struct End {};
  struct Iter {
    const Generator *g;
    T &operator*() const { return g->current(); }
    Iter &operator++() {
      more = g->next();
      return *this;
    }
    bool operator!=(End) const { return more; }
    bool more;
  };
  Iter begin() const {
    bool more = next();
    return Iter{this, more};
  }
  End end() const { return {}; }

  friend bool operator==(const Generator &a, const Generator &b) {
    return a.frame_ == b.frame_;
  }

private:
  std::shared_ptr<detail::GenFrame<promise_type>> frame_;
};

template <class T> class AsyncGenerator {
public:
  struct promise_type : detail::GenPromiseBase {
    std::optional<T> value;
    // The coroutine awaiting __anext__: resumed at each yield and at the end.
    std::coroutine_handle<> consumer;
    AsyncGenerator get_return_object() {
      return AsyncGenerator(
          std::coroutine_handle<promise_type>::from_promise(*this));
    }
    struct ToConsumer {
      bool await_ready() noexcept { return false; }
      std::coroutine_handle<>
      await_suspend(std::coroutine_handle<promise_type> h) noexcept {
        return h.promise().consumer;
      }
      void await_resume() noexcept {}
    };
    template <class U> ToConsumer yield_value(U &&v) {
      value.emplace(std::forward<U>(v));
      return {};
    }
    ToConsumer final_suspend() noexcept { return {}; }
  };
  using Handle = std::coroutine_handle<promise_type>;

  AsyncGenerator() = default;
  explicit AsyncGenerator(Handle h)
      : frame_(std::make_shared<detail::GenFrame<promise_type>>(h)) {}

  struct NextAwaiter {
    std::shared_ptr<detail::GenFrame<promise_type>> frame;
    bool await_ready() const noexcept { return !frame->h || frame->h.done(); }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> c) noexcept {
      auto &p = frame->h.promise();
      p.consumer = c;
      p.value.reset();
      return frame->h;
    }
    T await_resume() {
      Handle h = frame->h;
      if (h) {
        if (auto e = std::exchange(h.promise().exc, nullptr))
          std::rethrow_exception(e);
        if (!h.done())
          return std::move(*h.promise().value);
      }
      throw StopAsyncIteration();
    }
  };
  // `await agen.__anext__()`; the awaiter keeps the frame alive.
  NextAwaiter anext() const { return NextAwaiter{frame_}; }

  friend bool operator==(const AsyncGenerator &a, const AsyncGenerator &b) {
    return a.frame_ == b.frame_;
  }

private:
  std::shared_ptr<detail::GenFrame<promise_type>> frame_;
};

} // namespace aioc::py
