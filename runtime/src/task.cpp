#include "aioc/task.h"
#include "aioc/debug.h"

#include <atomic>
#include <cstdio>

namespace aioc {

constinit thread_local TaskBase *detail::tlCurrentTask = nullptr;

namespace {
// CPython's tasks._task_name_counter: one counter for the whole process.
std::atomic<uint64_t> gTaskCounter{0};

bool isExitException(const std::exception_ptr &e) {
  try {
    std::rethrow_exception(e);
  } catch (const KeyboardInterrupt &) {
    return true;
  } catch (const SystemExit &) {
    return true;
  } catch (...) {
    return false;
  }
}
} // namespace

uint64_t detail::nextTaskNumber() {
  return gTaskCounter.fetch_add(1, std::memory_order_relaxed) + 1;
}

TaskBase::TaskBase(EventLoop *loop, std::coroutine_handle<> root,
                   detail::PromiseBase *promise, uint64_t number,
                   std::string name, bool hasName)
    : FutureBase(loop), root_(root), promise_(promise), number_(number) {
  if (hasName)
    setName(std::move(name));
  isTask_ = true;
  loop->registerTask(this);
  registered_ = true;
}

TaskBase::~TaskBase() {
  // Reported here: in ~FutureBase the Task's repr is no longer available.
  if (logTraceback_ && exc_) {
    reportUnretrieved("Task");
    logTraceback_ = false;
  }
  if (registered_)
    loop_->unregisterTask(this);
  if (root_)
    root_.destroy();
}

std::string TaskBase::name() const {
  return rare_ && rare_->hasName ? rare_->name
                                 : "Task-" + std::to_string(number_);
}

std::string TaskBase::repr() const {
  std::string s = "<Task ";
  s += state_ == State::Pending     ? "pending"
       : state_ == State::Cancelled ? "cancelled"
                                    : "finished";
  s += " name=" + pyStrRepr(name());
  if (func) {
    s += " coro=<";
    s += func;
    s += "()";
    if (file) {
      s += done() ? " done, defined at " : " running at ";
      s += file;
      s += ":" + std::to_string(line);
    }
    s += ">";
  }
  if (state_ == State::Finished && exc_)
    s += " exception=" + exceptionRepr(exc_);
  return s + ">";
}

void TaskBase::unregister() {
  if (registered_) {
    loop_->unregisterTask(this);
    registered_ = false;
  }
}

void TaskBase::destroyPending() {
  if (!done())
    std::fprintf(stderr, "Task was destroyed but it is pending!\ntask: %s\n",
                 repr().c_str());
  futWaiter.reset();
  if (root_) {
    auto r = std::exchange(root_, {});
    promise_ = nullptr;
    r.destroy();
  }
}

bool TaskBase::cancel(const std::string &msg, bool hasMsg) {
  logTraceback_ = false;
  if (done())
    return false;
  ++numCancelsRequested_;
  if (futWaiter && futWaiter->cancel(msg, hasMsg))
    return true;
  mustCancel_ = true;
  if (hasMsg || rare_) {
    rare().mustCancelMsg = hasMsg ? msg : std::string();
    rare_->hasMustCancelMsg = hasMsg;
  }
  return true;
}

void detail::scheduleFirstStep(TaskBase *t) {
  t->retain();
  t->loop().callSoonRaw(&TaskBase::stepCallback, t, nullptr);
}

void TaskBase::stepCallback(RefCounted *self, FutureBase *) {
  static_cast<TaskBase *>(self)->step(nullptr);
}

void TaskBase::wakeup(RefCounted *self, FutureBase *f) {
  std::exception_ptr e;
  if (f->cancelled())
    e = f->makeCancelledError();
  else if (f->exc_)
    e = f->exc_;
  f->logTraceback_ = false; // future.result() was called
  static_cast<TaskBase *>(self)->step(std::move(e));
}

void TaskBase::finishWith(std::exception_ptr e) {
  if (!e) {
    if (mustCancel_) {
      // The body returned, but cancel() arrived during its last step.
      mustCancel_ = false;
      FutureBase::cancel(mustCancelMsg(), hasMustCancelMsg());
    } else {
      storeResult();
      markFinished();
    }
  } else if (isCancelledError(e)) {
    rare().cancelledExc = e;
    FutureBase::cancel();
  } else {
    FutureBase::setException(e);
  }
  auto r = std::exchange(root_, {});
  promise_ = nullptr;
  r.destroy();
}

void TaskBase::step(std::exception_ptr exc) {
  if (done())
    return;
  if (mustCancel_) {
    if (!isCancelledError(exc))
      exc = std::make_exception_ptr(hasMustCancelMsg()
                                        ? CancelledError(mustCancelMsg())
                                        : CancelledError());
    mustCancel_ = false;
  }
  futWaiter.reset();
  Ref<TaskBase> keep(this); // the step may drop the last outside reference
  TaskBase *prev = detail::tlCurrentTask;
  detail::tlCurrentTask = this;
  struct Leave {
    TaskBase *prev;
    ~Leave() { detail::tlCurrentTask = prev; }
  } leave{prev};

  const bool debug = loop_->debug();
  double t0 = debug ? loop_->time() : 0;

  if (!started_) {
    started_ = true;
    leaf = root_;
    if (exc) {
      // coro.throw() into an unstarted coroutine: the body never runs.
      finishWith(exc);
      return;
    }
  }
  injected = std::move(exc);
  leaf.resume();
  if (root_.done()) {
    std::exception_ptr e = promise_->exc;
    bool exitExc = e && isExitException(e);
    finishWith(e);
    if (exitExc)
      std::rethrow_exception(e); // KeyboardInterrupt/SystemExit leave the loop
  }
  if (debug) {
    double dt = loop_->time() - t0;
    if (dt >= loop_->slowCallbackDuration)
      std::fprintf(stderr, "Executing %s took %.3f seconds\n", repr().c_str(),
                   dt);
  }
}

void detail::suspendOn(FutureBase *f, std::coroutine_handle<> h) {
  TaskBase *t = tlCurrentTask;
  if (!t)
    throw RuntimeError("await on a future outside of a task");
  if (f == t)
    throw RuntimeError("Task cannot await on itself: " + t->repr());
  t->leaf = h;
  f->addDoneCallbackRaw(&TaskBase::wakeup, t);
  t->futWaiter = f;
  if (t->mustCancel_ && f->cancel(t->mustCancelMsg(), t->hasMustCancelMsg()))
    t->mustCancel_ = false;
}

void detail::yieldNow(std::coroutine_handle<> h) {
  TaskBase *t = tlCurrentTask;
  if (!t)
    throw RuntimeError("sleep(0) outside of a task");
  t->leaf = h;
  t->retain();
  t->loop().callSoonRaw(&TaskBase::stepCallback, t, nullptr);
}

std::exception_ptr detail::takeInjected() {
  TaskBase *t = tlCurrentTask;
  if (!t || !t->injected)
    return nullptr;
  return std::exchange(t->injected, nullptr);
}

TaskBase *currentTask() { return detail::tlCurrentTask; }

std::vector<Ref<TaskBase>> allTasks() {
  std::vector<Ref<TaskBase>> v;
  EventLoop *loop = EventLoop::current();
  if (!loop)
    throw RuntimeError("no running event loop");
  for (TaskBase *t : loop->liveTasks())
    if (!t->done())
      v.emplace_back(t);
  return v;
}

} // namespace aioc

namespace aioc::detail {
void setLocation(TaskBase *t, const char *func, const char *file, int line) {
  t->func = func;
  t->file = file;
  t->line = line;
}
} // namespace aioc::detail
