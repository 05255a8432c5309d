// asyncio.TaskGroup (Lib/asyncio/taskgroups.py, 3.11). The first child
// failure (other than cancellation) cancels the other children and the
// body; errors leave as ExceptionGroup('unhandled errors in a TaskGroup').
//
//   aioc::TaskGroup tg;
//   tg.enter();                                   // async with TaskGroup() as
//   tg: std::exception_ptr e; try { auto t = tg.createTask(work()); ... } catch
//   (...) { e = std::current_exception(); } co_await tg.exit(e); // waits;
//   raises the group
#pragma once

#include "aioc/task.h"

#include <optional>

namespace aioc {

class TaskGroup {
public:
  TaskGroup();
  TaskGroup(const TaskGroup &) = delete;
  ~TaskGroup();
  void enter();
  // __aexit__: waits for every child; rethrows e, the ExceptionGroup or a
  // propagated CancelledError, as CPython decides.
  Coro<void> exit(std::exception_ptr e);

  template <class T>
  Task<T> createTask(Coro<T> coro, std::optional<std::string> name = {}) {
    checkCanCreate();
    Task<T> t = name ? aioc::createTask(std::move(coro), *name, true)
                     : aioc::createTask(std::move(coro));
    track(t.state());
    return t;
  }

private:
  struct Shared;
  void checkCanCreate();
  void track(TaskBase *t);
  Ref<Shared> s_;
};

} // namespace aioc
