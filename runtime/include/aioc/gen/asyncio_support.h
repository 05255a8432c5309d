// Lowering helpers for the asyncio API surface beyond the basics (wait,
// as_completed, current_task/all_tasks, done callbacks, Task.exception,
// gather(return_exceptions=True) of None results, random.choice/shuffle).
// Included at the end of aioc/gen/support.h (it uses ExcRef, excArg and
// rng from there); generated code never includes it directly.
#pragma once

#include <aioc/gen/support.h>

#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace aioc::gen {

namespace py = aioc::py;

// A Python exception object viewed as BaseException (Task.exception(),
// gather(return_exceptions=True) elements); None for a null pointer.
inline py::Optional<ExcRef<aioc::BaseException>>
asBaseExc(const std::exception_ptr &ep) {
  return excArg(ep);
}

// asyncio.Task of a result type the compiler does not know statically
// (asyncio.current_task(), asyncio.all_tasks()).
class AnyTask {
public:
  AnyTask() = default;
  explicit AnyTask(aioc::TaskBase *t) : t_(t) {}
  bool done() const { return t_->done(); }
  bool cancelled() const { return t_->cancelled(); }
  bool cancel() { return t_->cancel(); }
  bool cancel(const std::string &msg) { return t_->cancel(msg, true); }
  py::Int cancelling() const { return t_->cancelling(); }
  py::Int uncancel() { return t_->uncancel(); }
  py::Str getName() const { return py::Str(t_->name()); }
  aioc::TaskBase *get() const { return t_.get(); }
  friend bool operator==(const AnyTask &a, const AnyTask &b) {
    return a.t_.get() == b.t_.get();
  }

private:
  aioc::Ref<aioc::TaskBase> t_;
};
// Identity hash, like object.__hash__ (CPython rotates the address by 4).
inline py::Int hash(const AnyTask &t) {
  auto p = reinterpret_cast<std::uintptr_t>(t.get());
  return static_cast<py::Int>((p >> 4) | (p << (8 * sizeof(p) - 4)));
}
// `t is asyncio.current_task()` compares identities.
template <class T> bool sameTask(const aioc::Task<T> &a, const AnyTask &b) {
  return a.state() == b.get();
}
inline bool sameTask(const AnyTask &a, const AnyTask &b) { return a == b; }

inline py::Optional<AnyTask> currentAnyTask() {
  if (aioc::TaskBase *t = aioc::currentTask())
    return AnyTask(t);
  return {};
}
inline py::Set<AnyTask> allAnyTasks() {
  py::Set<AnyTask> s;
  for (auto &r : aioc::allTasks())
    s.add(AnyTask(r.get()));
  return s;
}

// Task.add_done_callback(fn): fn receives the task itself.
template <class T, class F> void addDoneCallback(const aioc::Task<T> &t, F fn) {
  aioc::Task<T> self = t;
  t.state()->addDoneCallback(
      [self, fn = std::move(fn)](aioc::FutureBase &) mutable { fn(self); });
}
template <class T>
py::Optional<ExcRef<aioc::BaseException>> taskException(aioc::Task<T> &t) {
  return asBaseExc(t.exception());
}

// gather(*[comprehension]): the list is a temporary, so its handles move.
template <class T> std::vector<T> listToVectorMove(py::List<T> &&l) {
  return std::vector<T>(std::make_move_iterator(l.vec().begin()),
                        std::make_move_iterator(l.vec().end()));
}

// asyncio.wait's return_when: CPython's constants are these strings.
inline aioc::ReturnWhen returnWhenOf(const py::Str &s) {
  if (s == py::Str("FIRST_COMPLETED"))
    return aioc::FIRST_COMPLETED;
  if (s == py::Str("FIRST_EXCEPTION"))
    return aioc::FIRST_EXCEPTION;
  if (s == py::Str("ALL_COMPLETED"))
    return aioc::ALL_COMPLETED;
  throw aioc::ValueError("Invalid return_when value: " + s.bytes());
}
// A list or set of tasks as the runtime's vector.
template <class C> auto taskVector(const C &c) {
  std::vector<typename C::value_type> v;
  for (const auto &x : c)
    v.push_back(x);
  return v;
}
// done, pending = await asyncio.wait(...): two Python sets.
template <class T>
aioc::Coro<py::Tuple<py::Set<aioc::Task<T>>, py::Set<aioc::Task<T>>>>
pyWait(std::vector<aioc::Task<T>> fs, aioc::ReturnWhen when,
       std::optional<double> timeout) {
  auto r = co_await aioc::wait(std::move(fs), when, timeout);
  py::Set<aioc::Task<T>> done, pending;
  for (auto &t : r.first)
    done.add(t);
  for (auto &t : r.second)
    pending.add(t);
  co_return py::Tuple<py::Set<aioc::Task<T>>, py::Set<aioc::Task<T>>>(
      std::move(done), std::move(pending));
}

// `for f in asyncio.as_completed(aws): v = await f`. The loop variable is a
// Coro (move-only); the range hands out a source that converts to the next
// coroutine, so the generated `v_f = element;` compiles.
template <class H> class AsCompletedRange {
  using R = decltype(std::declval<H>().result());

public:
  struct Source {
    aioc::AsCompleted<H> *a;
    operator aioc::Coro<R>() const { return a->next(); }
  };
  struct Iter {
    aioc::AsCompleted<H> *a;
    size_t i;
    Source operator*() const { return {a}; }
    Iter &operator++() {
      ++i;
      return *this;
    }
    bool operator!=(const Iter &o) const { return i != o.i; }
  };
  AsCompletedRange(std::vector<H> hs, std::optional<double> timeout)
      : a_(std::make_shared<aioc::AsCompleted<H>>(std::move(hs), timeout)) {}
  Iter begin() { return {a_.get(), 0}; }
  Iter end() { return {a_.get(), a_->size()}; }

private:
  std::shared_ptr<aioc::AsCompleted<H>> a_;
};
template <class A>
auto pyAsCompleted(std::vector<A> fs, std::optional<double> timeout) {
  using H = decltype(aioc::ensureFuture(std::move(fs[0])));
  std::vector<H> hs;
  for (auto &a : fs)
    hs.push_back(aioc::ensureFuture(std::move(a)));
  return AsCompletedRange<H>(std::move(hs), timeout);
}

// await gather(*aws, return_exceptions=True) where every awaitable returns
// None: each element is None or the exception the child ended with.
template <class Outs>
py::List<py::Optional<ExcRef<aioc::BaseException>>>
noneOutcomesToList(Outs &&outs) {
  py::List<py::Optional<ExcRef<aioc::BaseException>>> l;
  auto add = [&](const auto &o) {
    l.append(o.isException() ? asBaseExc(o.exception())
                             : py::Optional<ExcRef<aioc::BaseException>>());
  };
  if constexpr (requires { outs.begin(); }) {
    for (auto &o : outs)
      add(o);
  } else {
    std::apply([&](auto &...os) { (add(os), ...); }, outs);
  }
  return l;
}

// isinstance(x, E) where x may be None (Task.exception(), gather outcomes).
template <class E, class B>
bool isInstanceOpt(const py::Optional<ExcRef<B>> &o) {
  return !o.isNone() && dynamic_cast<E *>(o.value().p) != nullptr;
}
// An exception value narrowed by isinstance() to a subclass.
template <class E, class B> ExcRef<E> excDown(const ExcRef<B> &r) {
  return ExcRef<E>{r.ep, dynamic_cast<E *>(r.p)};
}

// asyncio.to_thread(fn, *args) is a coroutine in Python: nothing is
// submitted until it is awaited or wrapped in a task (the runtime's
// toThread submits at once and returns a Future).
template <class F, class... A>
auto toThreadCoro(F fn, A... args)
    -> aioc::Coro<std::invoke_result_t<F &, A &...>> {
  co_return co_await aioc::toThread(std::move(fn), std::move(args)...);
}

// random.choice / random.shuffle (Fisher-Yates; not CPython's stream).
template <class T> T randomChoice(const py::List<T> &l) {
  if (l.len() == 0)
    throw aioc::IndexError("Cannot choose from an empty sequence");
  auto i = std::uniform_int_distribution<py::Int>(0, l.len() - 1)(rng());
  return l[i];
}
template <class T> void randomShuffle(py::List<T> &l) {
  auto &v = l.vec();
  for (size_t i = v.size(); i > 1; --i) {
    auto j = std::uniform_int_distribution<size_t>(0, i - 1)(rng());
    std::swap(v[i - 1], v[j]);
  }
}

} // namespace aioc::gen

namespace aioc {
// Sets of tasks (asyncio.wait's result): found by argument-dependent lookup
// from py::Set, so it lives in the Task's namespace.
template <class T> py::Int hash(const Task<T> &t) {
  return gen::hash(gen::AnyTask(t.state()));
}
} // namespace aioc
