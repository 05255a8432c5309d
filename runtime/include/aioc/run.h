// asyncio.run(main(), debug=...): a new loop, main as Task-1, then CPython's
// shutdown: cancel every remaining task and run them to completion, stop
// the default executor, close the loop. Debug mode is on when `debug` is
// true or PYTHONASYNCIODEBUG is set to a non-empty value.
#pragma once

#include "aioc/task.h"

namespace aioc {

namespace detail {
bool debugFromEnv();
// Runs the loop until `main` is done, then shuts down as asyncio.run does.
void runMain(EventLoop &loop, TaskBase *main);
} // namespace detail

template <class T> Task<T> createTaskOn(EventLoop &loop, Coro<T> coro) {
  Ref<TaskState<T>> s(new TaskState<T>(&loop, std::move(coro),
                                       detail::nextTaskNumber(), {}, false));
  detail::scheduleFirstStep(s.get());
  return Task<T>(std::move(s));
}

template <class T> T run(Coro<T> main, bool debug = false) {
  if (EventLoop::current())
    throw RuntimeError(
        "asyncio.run() cannot be called from a running event loop");
  EventLoop loop;
  loop.setDebug(debug || detail::debugFromEnv());
  Task<T> task = createTaskOn(loop, std::move(main));
  detail::runMain(loop, task.state());
  return task.result();
}

} // namespace aioc
