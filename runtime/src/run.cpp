#include "aioc/run.h"

#include <cstdio>
#include <cstdlib>

namespace aioc {

bool detail::debugFromEnv() {
  const char *e = std::getenv("PYTHONASYNCIODEBUG");
  return e && *e;
}

namespace {

// loop.run_until_complete(fut), minus the Future-wrapping.
void runUntilComplete(EventLoop &loop, FutureBase *fut) {
  Ref<FutureBase> keep(fut);
  fut->addDoneCallback([&loop](FutureBase &) { loop.stop(); });
  loop.runForever();
  if (!fut->done())
    throw RuntimeError("Event loop stopped before Future completed.");
}

// asyncio.runners._cancel_all_tasks.
void cancelAllTasks(EventLoop &loop) {
  std::vector<Ref<TaskBase>> toCancel;
  for (TaskBase *t : loop.liveTasks())
    if (!t->done())
      toCancel.emplace_back(t);
  if (toCancel.empty())
    return;
  for (auto &t : toCancel)
    t->cancel();
  // gather(*to_cancel, return_exceptions=True): the outer future completes
  // when the last child does, and run_until_complete stops one hop later.
  size_t remaining = toCancel.size();
  bool finished = false;
  for (auto &t : toCancel)
    t->addDoneCallback([&](FutureBase &) {
      if (--remaining == 0)
        loop.callSoon([&] {
          finished = true;
          loop.stop();
        });
    });
  while (!finished)
    loop.runForever();
  for (auto &t : toCancel) {
    if (t->cancelled())
      continue;
    std::exception_ptr e = t->exception();
    if (e)
      std::fprintf(stderr,
                   "unhandled exception during asyncio.run() shutdown\n"
                   "task: %s\nTraceback (most recent call last):\n%s\n",
                   t->repr().c_str(), tracebackLine(e).c_str());
  }
}

} // namespace

void detail::runMain(EventLoop &loop, TaskBase *main) {
  std::exception_ptr err;
  try {
    runUntilComplete(loop, main);
  } catch (...) {
    err = std::current_exception();
    // run_until_complete consumes a BaseException (SystemExit, ...) of its
    // own task so that it is not reported as never retrieved.
    if (main->done() && !main->cancelled())
      (void)main->exception();
  }
  try {
    cancelAllTasks(loop);
    loop.shutdownServices();
  } catch (...) {
    if (!err)
      err = std::current_exception();
  }
  loop.close();
  if (err)
    std::rethrow_exception(err);
}

} // namespace aioc
