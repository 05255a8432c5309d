// Off-loop work: asyncio.to_thread(fn, *args) and
// loop.run_in_executor(None, fn, *args). Jobs run on the loop's default
// thread pool; the result (or the exception fn threw) comes back through
// the loop's eventfd and completes a Future on the loop thread, so the
// awaiting task resumes one hop later, as in CPython.
#pragma once

#include "aioc/future.h"

#include <functional>
#include <tuple>
#include <type_traits>

namespace aioc {

namespace detail {
// Runs `job` on a pool thread; `job` must only touch thread-safe state and
// finish by calling loop.callSoonThreadsafe(...).
void submitToDefaultExecutor(EventLoop &loop, std::function<void()> job);
} // namespace detail

// loop.run_in_executor(None, fn, args...) -> Future<R>.
template <class F, class... Args>
auto runInExecutor(EventLoop &loop, F fn, Args... args) {
  using R = std::invoke_result_t<F &, Args &...>;
  Future<R> fut(loop);
  // The worker sees only the callable, its arguments and its own results;
  // the future is touched on the loop thread alone.
  auto *state = fut.state();
  state->retain();
  detail::submitToDefaultExecutor(
      loop, [&loop, state, fn = std::move(fn),
             tup = std::make_tuple(std::move(args)...)]() mutable {
        std::exception_ptr err;
        std::optional<ValueOf<R>> value;
        try {
          if constexpr (std::is_void_v<R>) {
            std::apply(fn, tup);
            value.emplace();
          } else {
            value.emplace(std::apply(fn, tup));
          }
        } catch (...) {
          err = std::current_exception();
        }
        // Moved, not copied: the exception's last reference must be dropped on
        // the loop thread (TSan cannot see libstdc++'s atomic refcount).
        loop.callSoonThreadsafe(
            [state, err = std::move(err), value = std::move(value)]() mutable {
              auto keep = Ref<FutureState<R>>::adopt(state);
              // _chain_future: a cancelled destination ignores the result.
              if (state->done())
                return;
              if (err) {
                state->setException(err);
              } else {
                state->value = std::move(value);
                state->markFinishedPublic();
              }
            });
      });
  return fut;
}

// asyncio.to_thread(fn, args...): awaitable Future<R>.
template <class F, class... Args> auto toThread(F fn, Args... args) {
  return runInExecutor(getRunningLoop(), std::move(fn), std::move(args)...);
}

} // namespace aioc
