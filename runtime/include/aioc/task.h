// asyncio.Task: runs a Coro<T> step by step on the loop, exactly as
// CPython 3.11's Task.__step/__wakeup do. create_task() call_soon's the
// first step; cancel(msg) raises CancelledError(msg) at the pending await
// one hop later (or skips the body when the task has not started).
#pragma once

#include "aioc/coro.h"
#include "aioc/future.h"

#include <string>
#include <vector>

namespace aioc {

namespace detail {
// Re-schedules the current task's step (a bare `yield`, i.e. sleep(0)).
void yieldNow(std::coroutine_handle<> h);
} // namespace detail

class TaskBase : public FutureBase {
public:
  TaskBase(EventLoop *loop, std::coroutine_handle<> root,
           detail::PromiseBase *promise, uint64_t number, std::string name,
           bool hasName);
  ~TaskBase() override;

  // Task.cancel(msg): see CPython; true when a cancellation was requested.
  bool cancel(const std::string &msg = {}, bool hasMsg = false) override;
  int cancelling() const { return numCancelsRequested_; }
  int uncancel() {
    if (numCancelsRequested_ > 0)
      --numCancelsRequested_;
    return numCancelsRequested_;
  }
  // "Task-N" unless named (formatted lazily: spawning stays cheap).
  std::string name() const;
  void setName(std::string n) {
    rare().name = std::move(n);
    rare_->hasName = true;
  }
  std::string repr() const override;

  // Debug-mode bookkeeping: generated code records where the task is
  // (function, script file, line) before each await; see debug.h.
  const char *func = nullptr;
  const char *file = nullptr;
  int line = 0;

protected:
  int numCancelsRequested_ = 0; // fills the word after `line`

public:
  // Runtime internals.
  void step(std::exception_ptr exc);
  std::exception_ptr injected;  // thrown at the pending await on resume
  std::coroutine_handle<> leaf; // innermost suspended coroutine
  Ref<FutureBase> futWaiter;
  TaskBase *prevTask = nullptr, *nextTask = nullptr; // loop's registry
  void destroyPending(); // loop close: frame dropped while pending
  void unregister();
  bool hasMustCancelMsg() const { return rare_ && rare_->hasMustCancelMsg; }
  const std::string &mustCancelMsg() const {
    static const std::string empty;
    return hasMustCancelMsg() ? rare_->mustCancelMsg : empty;
  }

protected:
  virtual void storeResult() = 0; // move the root promise's value out
  void finishWith(std::exception_ptr e);
  // Name, cancel(msg) before a step: in FutureBase::Rare. Flags
  // (mustCancel_, started_, registered_): in FutureBase's spare byte.
  std::coroutine_handle<> root_;
  detail::PromiseBase *promise_;
  uint64_t number_;

public:
  static void stepCallback(RefCounted *self, FutureBase *);
  static void wakeup(RefCounted *self, FutureBase *f);
  friend void detail::suspendOn(FutureBase *, std::coroutine_handle<>);
};

template <class T> class TaskState final : public TaskBase {
public:
  TaskState(EventLoop *loop, Coro<T> coro, uint64_t number, std::string name,
            bool hasName)
      : TaskBase(loop, coro.handle(), &coro.handle().promise(), number,
                 std::move(name), hasName) {
    coro.release();
  }
  std::optional<ValueOf<T>> value;

private:
  void storeResult() override {
    if constexpr (std::is_void_v<T>)
      value.emplace();
    else
      value.emplace(
          std::move(*static_cast<detail::Promise<T> *>(promise_)->value));
  }
};

// The handle user code holds: asyncio.Task[T].
template <class T = void> class Task {
public:
  Task() = default;
  explicit Task(Ref<TaskState<T>> s) : s_(std::move(s)) {}

  bool done() const { return s_->done(); }
  bool cancelled() const { return s_->cancelled(); }
  bool cancel() { return s_->cancel(); }
  bool cancel(const std::string &msg) { return s_->cancel(msg, true); }
  int cancelling() const { return s_->cancelling(); }
  int uncancel() { return s_->uncancel(); }
  std::string getName() const { return s_->name(); }
  void setName(std::string n) { s_->setName(std::move(n)); }
  std::exception_ptr exception() { return s_->exception(); }
  T result() const {
    s_->checkResult();
    if constexpr (!std::is_void_v<T>)
      return *s_->value;
  }
  void addDoneCallback(std::function<void(FutureBase &)> fn) {
    s_->addDoneCallback(std::move(fn));
  }
  TaskState<T> *state() const { return s_.get(); }
  Ref<FutureBase> base() const { return Ref<FutureBase>(s_.get()); }
  explicit operator bool() const { return bool(s_); }
  friend bool operator==(const Task &a, const Task &b) { return a.s_ == b.s_; }

  using Awaiter = detail::StateAwaiter<TaskState<T>, T>;
  Awaiter operator co_await() const { return Awaiter{s_.get()}; }

private:
  Ref<TaskState<T>> s_;
};

namespace detail {
uint64_t nextTaskNumber(); // the N of "Task-N" (one counter, as CPython)
void scheduleFirstStep(TaskBase *t);
} // namespace detail

// asyncio.create_task(coro, name=...). The first step runs next iteration.
template <class T>
Task<T> createTask(Coro<T> coro, std::string name = {}, bool hasName = false) {
  EventLoop &loop = getRunningLoop();
  // CPython consumes a number even for named tasks.
  Ref<TaskState<T>> s(new TaskState<T>(&loop, std::move(coro),
                                       detail::nextTaskNumber(),
                                       std::move(name), hasName));
  detail::scheduleFirstStep(s.get());
  return Task<T>(std::move(s));
}
template <class T> Task<T> createTask(Coro<T> coro, const char *name) {
  return createTask(std::move(coro), std::string(name), true);
}

// asyncio.current_task() (null outside a task) and asyncio.all_tasks()
// (pending tasks of the running loop, in creation order).
TaskBase *currentTask();
std::vector<Ref<TaskBase>> allTasks();

} // namespace aioc
