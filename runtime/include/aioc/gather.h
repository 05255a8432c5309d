// asyncio.gather. Arguments are scheduled when gather() is called (a
// coroutine becomes a task), as in CPython; awaiting the result waits for
// the gathering future. Without return_exceptions the first error (or
// cancellation) is raised while the other children keep running;
// cancelling the gather cancels every child.
//
//   auto [a, b] = co_await aioc::gather(f(), g());          // tuple<A, B>
//   auto all = co_await aioc::gather(std::move(tasks));     // vector<T>
//   auto rs = co_await aioc::gather(aioc::returnExceptions, f(), g());
//   // tuple<Outcome<A>, Outcome<B>>; over a vector: vector<Outcome<T>>
#pragma once

#include "aioc/awaitable.h"

#include <tuple>

namespace aioc {

struct ReturnExceptions {};
inline constexpr ReturnExceptions returnExceptions{};

namespace detail {
// CPython's _GatheringFuture plus gather's _done_callback.
class GatherState final : public FutureBase {
public:
  GatherState(EventLoop *loop, bool returnExceptions)
      : FutureBase(loop), returnExceptions_(returnExceptions) {}
  void addChild(Ref<FutureBase> f); // dedups the same future, as arg_to_fut
  void start();                     // an empty gather is done at once
  bool cancel(const std::string &msg = {}, bool hasMsg = false) override;
  void finish() {
    value = true;
    markFinished();
  }
  bool value = false;

private:
  static void onChildDone(RefCounted *self, FutureBase *f);
  std::vector<Ref<FutureBase>> children_;
  size_t nfuts_ = 0, nfinished_ = 0;
  bool returnExceptions_;
  bool cancelRequested_ = false;
};

struct GatherAwaiter {
  GatherState *s;
  bool await_ready() const noexcept { return s->done(); }
  void await_suspend(std::coroutine_handle<> h) { suspendOn(s, h); }
  void await_resume() {
    if (auto e = takeInjected())
      std::rethrow_exception(e);
    s->checkResult();
  }
};
} // namespace detail

// gather(*aws) -> tuple of results.
template <class... Hs> class GatherTuple {
public:
  GatherTuple(bool retExc, Hs... hs)
      : state_(new detail::GatherState(&getRunningLoop(), retExc)),
        hs_(std::move(hs)...) {
    std::apply([&](auto &...h) { (state_->addChild(h.base()), ...); }, hs_);
    state_->start();
  }
  struct Awaiter : detail::GatherAwaiter {
    GatherTuple *g;
    auto await_resume() {
      detail::GatherAwaiter::await_resume();
      return std::apply(
          [](auto &...h) { return std::make_tuple(valueOf(h)...); }, g->hs_);
    }
  };
  Awaiter operator co_await() { return Awaiter{{state_.get()}, this}; }
  FutureBase *state() const { return state_.get(); }
  bool cancel() { return state_->cancel(); }

private:
  template <class H> static auto valueOf(const H &h) {
    if constexpr (std::is_void_v<decltype(h.result())>) {
      h.result();
      return Unit{};
    } else {
      return h.result();
    }
  }
  Ref<detail::GatherState> state_;
  std::tuple<Hs...> hs_;
};

template <class... Hs> class GatherOutcomes {
public:
  GatherOutcomes(Hs... hs)
      : state_(new detail::GatherState(&getRunningLoop(), true)),
        hs_(std::move(hs)...) {
    std::apply([&](auto &...h) { (state_->addChild(h.base()), ...); }, hs_);
    state_->start();
  }
  struct Awaiter : detail::GatherAwaiter {
    GatherOutcomes *g;
    auto await_resume() {
      detail::GatherAwaiter::await_resume();
      return std::apply(
          [](auto &...h) { return std::make_tuple(detail::outcomeOf(h)...); },
          g->hs_);
    }
  };
  Awaiter operator co_await() { return Awaiter{{state_.get()}, this}; }
  FutureBase *state() const { return state_.get(); }

private:
  Ref<detail::GatherState> state_;
  std::tuple<Hs...> hs_;
};

template <class H> class GatherVector {
public:
  GatherVector(bool retExc, std::vector<H> hs)
      : state_(new detail::GatherState(&getRunningLoop(), retExc)),
        hs_(std::move(hs)) {
    for (auto &h : hs_)
      state_->addChild(h.base());
    state_->start();
  }
  struct Awaiter : detail::GatherAwaiter {
    GatherVector *g;
    auto await_resume() {
      detail::GatherAwaiter::await_resume();
      using T = decltype(g->hs_[0].result());
      std::vector<ValueOf<T>> out;
      out.reserve(g->hs_.size());
      for (auto &h : g->hs_) {
        if constexpr (std::is_void_v<T>) {
          h.result();
          out.emplace_back();
        } else {
          out.push_back(h.result());
        }
      }
      return out;
    }
  };
  struct OutcomeAwaiter : detail::GatherAwaiter {
    GatherVector *g;
    auto await_resume() {
      detail::GatherAwaiter::await_resume();
      using T = decltype(g->hs_[0].result());
      std::vector<Outcome<T>> out;
      out.reserve(g->hs_.size());
      for (auto &h : g->hs_)
        out.push_back(detail::outcomeOf(h));
      return out;
    }
  };
  Awaiter operator co_await() { return Awaiter{{state_.get()}, this}; }
  // With return_exceptions: co_await g.outcomes() -> vector<Outcome<T>>.
  OutcomeAwaiter outcomes() { return OutcomeAwaiter{{state_.get()}, this}; }
  FutureBase *state() const { return state_.get(); }
  bool cancel() { return state_->cancel(); }

private:
  Ref<detail::GatherState> state_;
  std::vector<H> hs_;
};

template <class... As> auto gather(As &&...aws) {
  // Braces: arguments become tasks left to right, as in CPython.
  return GatherTuple<decltype(ensureFuture(std::forward<As>(aws)))...>{
      false, ensureFuture(std::forward<As>(aws))...};
}
template <class... As> auto gather(ReturnExceptions, As &&...aws) {
  return GatherOutcomes<decltype(ensureFuture(std::forward<As>(aws)))...>{
      ensureFuture(std::forward<As>(aws))...};
}
// gather(*list): a vector of coroutines, tasks or futures.
template <class A> auto gather(std::vector<A> aws) {
  using H = decltype(ensureFuture(std::move(aws[0])));
  if constexpr (std::is_same_v<A, H>) // tasks/futures already: no copy
    return GatherVector<H>(false, std::move(aws));
  std::vector<H> hs;
  hs.reserve(aws.size());
  for (auto &a : aws)
    hs.push_back(ensureFuture(std::move(a)));
  return GatherVector<H>(false, std::move(hs));
}
// gather(*list, return_exceptions=True): co_await yields vector<Outcome<T>>.
template <class H> class GatherVectorOutcomes {
public:
  explicit GatherVectorOutcomes(std::vector<H> hs) : g_(true, std::move(hs)) {}
  auto operator co_await() { return g_.outcomes(); }
  auto outcomes() { return g_.outcomes(); }
  FutureBase *state() const { return g_.state(); }
  bool cancel() { return g_.cancel(); }

private:
  GatherVector<H> g_;
};

template <class A> auto gather(ReturnExceptions, std::vector<A> aws) {
  using H = decltype(ensureFuture(std::move(aws[0])));
  if constexpr (std::is_same_v<A, H>)
    return GatherVectorOutcomes<H>(std::move(aws));
  std::vector<H> hs;
  hs.reserve(aws.size());
  for (auto &a : aws)
    hs.push_back(ensureFuture(std::move(a)));
  return GatherVectorOutcomes<H>(std::move(hs));
}

} // namespace aioc
