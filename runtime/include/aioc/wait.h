// asyncio.wait, wait_for and as_completed with CPython 3.11's algorithms.
//
//   auto [done, pending] = co_await aioc::wait(tasks, aioc::FIRST_COMPLETED);
//   T v = co_await aioc::waitFor(coro(), 1.5);       // TimeoutError
//   for (auto &next : aioc::asCompleted(tasks)) T v = co_await next;
#pragma once

#include "aioc/awaitable.h"
#include "aioc/queue.h"

#include <optional>
#include <utility>

namespace aioc {

enum ReturnWhen { FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED };

namespace detail {
// tasks._wait: waits until return_when holds (or the timeout), then
// removes its callbacks. Returns nothing: callers split done/pending.
Coro<void> waitImpl(std::vector<Ref<FutureBase>> fs,
                    std::optional<double> timeout, ReturnWhen when);
// tasks._cancel_and_wait.
Coro<void> cancelAndWait(Ref<FutureBase> f);
// wait_for's core: returns true when `f` finished in time; otherwise it
// has been cancelled and waited for. Throws CancelledError if the caller
// is cancelled.
Coro<bool> waitForImpl(Ref<FutureBase> f, double timeout);
[[noreturn]] void throwTimeoutFrom(std::exception_ptr cause);
} // namespace detail

// asyncio.wait(fs, timeout=, return_when=): (done, pending) in input order
// (CPython returns sets: do not depend on the order).
template <class H>
Coro<std::pair<std::vector<H>, std::vector<H>>>
wait(std::vector<H> fs, ReturnWhen when = ALL_COMPLETED,
     std::optional<double> timeout = std::nullopt) {
  if (fs.empty())
    throw ValueError("Set of Tasks/Futures is empty.");
  std::vector<Ref<FutureBase>> bases;
  for (auto &f : fs)
    bases.push_back(f.base());
  co_await detail::waitImpl(std::move(bases), timeout, when);
  std::pair<std::vector<H>, std::vector<H>> r;
  for (auto &f : fs)
    (f.done() ? r.first : r.second).push_back(f);
  co_return r;
}

// asyncio.wait_for(aw, timeout): in 3.11 the awaitable runs in its own task.
template <class A>
Coro<AwaitResultT<A>> waitFor(A aw, std::optional<double> timeout) {
  auto fut = ensureFuture(std::move(aw));
  if (!timeout)
    co_return co_await fut;
  if (*timeout <= 0) {
    if (fut.done())
      co_return fut.result();
    co_await detail::cancelAndWait(fut.base());
    std::exception_ptr e;
    try {
      co_return fut.result();
    } catch (const CancelledError &) {
      e = std::current_exception();
    }
    detail::throwTimeoutFrom(e);
  }
  if (co_await detail::waitForImpl(fut.base(), *timeout))
    co_return fut.result();
  std::exception_ptr e;
  try {
    co_return fut.result();
  } catch (const CancelledError &) {
    e = std::current_exception();
  }
  detail::throwTimeoutFrom(e);
}

// asyncio.as_completed(fs, timeout=): awaitables yielding results in
// completion order.
template <class H> class AsCompleted {
  using T = decltype(std::declval<H>().result());

public:
  AsCompleted(std::vector<H> fs, std::optional<double> timeout);
  ~AsCompleted();
  size_t size() const { return n_; }
  // The i-th awaitable (CPython's _wait_for_one).
  Coro<T> next();
  // Range-for support: `for (auto c : asCompleted(v)) co_await c;`
  struct Iter {
    AsCompleted *a;
    size_t i;
    Coro<T> operator*() const { return a->next(); }
    Iter &operator++() {
      ++i;
      return *this;
    }
    bool operator!=(const Iter &o) const { return i != o.i; }
  };
  Iter begin() { return {this, 0}; }
  Iter end() { return {this, n_}; }

private:
  struct State : RefCounted {
    size_t remaining = 0; // len(todo) in CPython
    Queue<std::optional<H>> done;
    HandleRef timeoutHandle;
  };
  static Coro<T> waitForOne(Ref<State> s);
  Ref<State> s_;
  size_t n_ = 0;
};

template <class H>
AsCompleted<H>::AsCompleted(std::vector<H> fs, std::optional<double> timeout)
    : s_(new State) {
  // CPython dedups through a set; keep the first occurrence of each. A mark
  // on each future finds repeats in O(1) (this was a quadratic scan).
  std::vector<H> todo;
  todo.reserve(fs.size());
  for (auto &f : fs)
    if (!f.base()->markSeen())
      todo.push_back(std::move(f));
  for (auto &f : todo)
    f.base()->clearSeen();
  n_ = todo.size();
  s_->remaining = n_;
  Ref<State> st = s_;
  for (auto &f : todo) {
    H h = f;
    // The order of arrival on `done` is the order the futures complete;
    // CPython's todo.remove(f) only shrinks the count the timeout uses.
    f.base()->addDoneCallback([st, h](FutureBase &) {
      if (st->remaining == 0)
        return; // the timeout came first
      --st->remaining;
      st->done.putNowait(h);
      if (st->remaining == 0 && st->timeoutHandle)
        st->timeoutHandle->cancel();
    });
  }
  if (n_ && timeout) {
    s_->timeoutHandle = getRunningLoop().callLater(*timeout, [st] {
      // Callbacks stay registered but find nothing remaining.
      for (size_t i = 0; i < st->remaining; ++i)
        st->done.putNowait(std::nullopt);
      st->remaining = 0;
    });
  }
}

template <class H> AsCompleted<H>::~AsCompleted() {
  if (s_->timeoutHandle)
    s_->timeoutHandle->cancel();
}

template <class H> Coro<typename AsCompleted<H>::T> AsCompleted<H>::next() {
  return waitForOne(s_);
}

template <class H>
Coro<typename AsCompleted<H>::T> AsCompleted<H>::waitForOne(Ref<State> s) {
  std::optional<H> f = co_await s->done.get();
  if (!f)
    throw TimeoutError();
  co_return f->result();
}

template <class A>
auto asCompleted(std::vector<A> fs,
                 std::optional<double> timeout = std::nullopt) {
  using H = decltype(ensureFuture(std::move(fs[0])));
  std::vector<H> hs;
  for (auto &a : fs)
    hs.push_back(ensureFuture(std::move(a)));
  return AsCompleted<H>(std::move(hs), timeout);
}

} // namespace aioc
