// aioc's asyncio: the one header generated code includes.
//
// Guide for lowering Python to this API (everything is in namespace aioc;
// always qualify, e.g. aioc::sleep, since ::sleep exists in unistd.h).
//
// async def f(x: int) -> str      aioc::Coro<std::string> f(int64_t x)
//   Calling f(1) only creates the (lazy) coroutine; `co_await f(1)` runs it
//   inline, with no loop hop, exactly like `await f(1)` in Python.
// asyncio.run(main())              aioc::run(main()) (returns main's value;
//   asyncio.run(main(), debug=True)  aioc::run(main(), true)). Exceptions
//   leave run() as C++ exceptions; catch aioc::BaseException at top level.
// asyncio.create_task(c, name=n)   aioc::createTask(c(), "n") -> Task<T>
//   Task<T>: done/cancelled/cancel(msg)/cancelling/uncancel/getName/
//   result()/exception()/addDoneCallback; `co_await task` -> T.
// asyncio.current_task()           aioc::currentTask() (TaskBase*, may be null)
// asyncio.all_tasks()              aioc::allTasks()
// await asyncio.sleep(d)           co_await aioc::sleep(d)
// await asyncio.gather(a(), b())   auto [x, y] = co_await aioc::gather(a(),
// b());
//   (a void result is aioc::Unit); gather(*list) is gather(std::vector<...>)
//   -> std::vector<T>; return_exceptions=True is
//   gather(aioc::returnExceptions, ...) -> Outcome<T> elements.
//   Keep the gather object in a variable if it may be cancelled.
// async with asyncio.TaskGroup() as tg:
//   aioc::TaskGroup tg; tg.enter();
//   std::exception_ptr e; try { body: tg.createTask(c(), name) }
//   catch (...) { e = std::current_exception(); }
//   co_await tg.exit(e);       // raises ExceptionGroup (except* matches
//                              // BaseExceptionGroup::exceptions())
// async with asyncio.timeout(d) as cm:   auto cm = aioc::timeout(d);
//   cm->enter(); try {...} catch (...) {e = ...}; cm->exit(e);
//   (timeoutAt(when), cm->reschedule(when), cm->expired())
// await asyncio.wait_for(c(), t)   co_await aioc::waitFor(c(), t)
// await asyncio.shield(t)          co_await aioc::shield(t)
// done, pending = await asyncio.wait(ts, return_when=FIRST_COMPLETED)
//                                  co_await aioc::wait(ts,
//                                  aioc::FIRST_COMPLETED)
// for c in asyncio.as_completed(ts): v = await c
//                                  for (auto c : aioc::asCompleted(ts))
//                                  co_await c
// asyncio.Queue[T](maxsize)        aioc::Queue<T> q(maxsize); co_await
// q.put(v);
//   co_await q.get(); putNowait/getNowait/taskDone/join/qsize/empty/full.
//   LifoQueue, PriorityQueue likewise (PriorityQueue orders with `<`).
// Lock/Event/Condition/Semaphore/BoundedSemaphore/Barrier: same names;
//   `async with lock:` is co_await lock.acquire(); ... lock.release() on
//   every path. Condition::waitFor takes std::function<bool()>.
// await asyncio.to_thread(fn, a)   co_await aioc::toThread(fn, a)
// loop.run_in_executor(None, fn, a) aioc::runInExecutor(loop, fn, a)
//
// Exceptions: Python exceptions are the classes of aioc/exceptions.h, thrown
// by value. CancelledError is a BaseException: `except Exception` must not
// catch it. Cancellation arrives as a CancelledError thrown out of the
// pending co_await; a task that catches it and returns normally is not
// cancelled (as in Python). `co_await` is illegal inside a C++ catch
// handler: capture std::current_exception() and await after the handler.
//
// Debug mode: before each co_await, call AIOC_AT("func", "file.py", line)
// (debug.h): a step that holds the loop > 100 ms is then reported with the
// task's function and script location.
#pragma once

#include "aioc/coro.h"
#include "aioc/debug.h"
#include "aioc/event.h"
#include "aioc/exceptions.h"
#include "aioc/executor.h"
#include "aioc/future.h"
#include "aioc/gather.h"
#include "aioc/locks.h"
#include "aioc/loop.h"
#include "aioc/queue.h"
#include "aioc/run.h"
#include "aioc/shield.h"
#include "aioc/sleep.h"
#include "aioc/task.h"
#include "aioc/taskgroup.h"
#include "aioc/timeout.h"
#include "aioc/wait.h"
