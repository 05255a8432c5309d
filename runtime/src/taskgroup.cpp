#include "aioc/taskgroup.h"

#include <map>
#include <unordered_map>

namespace aioc {

namespace {
bool isBaseError(const std::exception_ptr &e) {
  try {
    std::rethrow_exception(e);
  } catch (const SystemExit &) {
    return true;
  } catch (const KeyboardInterrupt &) {
    return true;
  } catch (...) {
    return false;
  }
}
} // namespace

// Everything the children's done-callbacks touch: refcounted so a callback
// that runs after the TaskGroup object is gone stays safe.
struct TaskGroup::Shared : RefCounted {
  bool entered = false, exiting = false, aborting = false;
  bool parentCancelRequested = false;
  EventLoop *loop = nullptr;
  Ref<TaskBase> parent;
  // Live children in creation order (CPython: a set), with an index so a
  // finishing child is dropped in O(log n).
  std::map<uint64_t, Ref<TaskBase>> tasks;
  std::unordered_map<TaskBase *, uint64_t> seqOf;
  uint64_t nextSeq = 0;
  std::vector<std::exception_ptr> errors;
  std::exception_ptr baseError;
  Ref<FutureState<bool>> onCompletedFut;

  void abort() {
    aborting = true;
    std::vector<Ref<TaskBase>> snapshot;
    for (auto &kv : tasks)
      snapshot.push_back(kv.second);
    for (auto &t : snapshot)
      if (!t->done())
        t->cancel();
  }

  static void onTaskDone(RefCounted *ctx, FutureBase *f) {
    auto *s = static_cast<Shared *>(ctx);
    auto *task = static_cast<TaskBase *>(f);
    auto it = s->seqOf.find(task);
    if (it != s->seqOf.end()) {
      s->tasks.erase(it->second);
      s->seqOf.erase(it);
    }
    if (s->onCompletedFut && s->tasks.empty() && !s->onCompletedFut->done()) {
      s->onCompletedFut->value.emplace(true);
      s->onCompletedFut->markFinishedPublic();
    }
    if (task->cancelled())
      return;
    std::exception_ptr exc = task->exception();
    if (!exc)
      return;
    s->errors.push_back(exc);
    if (isBaseError(exc) && !s->baseError)
      s->baseError = exc;
    if (s->parent->done())
      return; // CPython reports this through the exception handler
    if (!s->aborting && !s->parentCancelRequested) {
      s->abort();
      s->parentCancelRequested = true;
      s->parent->cancel();
    }
  }
};

TaskGroup::TaskGroup() : s_(new Shared) {}
TaskGroup::~TaskGroup() = default;

void TaskGroup::enter() {
  if (s_->entered)
    throw RuntimeError("TaskGroup has been already entered");
  s_->entered = true;
  s_->loop = &getRunningLoop();
  s_->parent = currentTask();
  if (!s_->parent)
    throw RuntimeError("TaskGroup cannot determine the parent task");
}

void TaskGroup::checkCanCreate() {
  if (!s_->entered)
    throw RuntimeError("TaskGroup has not been entered");
  if (s_->exiting && s_->tasks.empty())
    throw RuntimeError("TaskGroup is finished");
  if (s_->aborting)
    throw RuntimeError("TaskGroup is shutting down");
}

void TaskGroup::track(TaskBase *t) {
  t->addDoneCallbackRaw(&Shared::onTaskDone, s_.get());
  uint64_t seq = s_->nextSeq++;
  s_->tasks.emplace(seq, Ref<TaskBase>(t));
  s_->seqOf.emplace(t, seq);
}

Coro<void> TaskGroup::exit(std::exception_ptr exc) {
  Ref<Shared> s = s_;
  s->exiting = true;
  std::exception_ptr propagateCancellation;
  if (exc && isBaseError(exc) && !s->baseError)
    s->baseError = exc;
  bool excIsCancel = exc && isCancelledError(exc);
  if (exc) {
    if (excIsCancel) {
      if (s->parentCancelRequested && !s->parent->uncancel()) {
        // Swallow: the cancellation was ours.
      } else {
        propagateCancellation = exc;
      }
    }
    if (!s->aborting)
      s->abort();
  }
  while (!s->tasks.empty()) {
    if (!s->onCompletedFut)
      s->onCompletedFut = new FutureState<bool>(s->loop);
    std::exception_ptr ex;
    try {
      co_await Future<bool>::Awaiter{s->onCompletedFut.get()};
    } catch (const CancelledError &) {
      ex = std::current_exception();
    }
    if (ex && !s->aborting) {
      propagateCancellation = ex;
      s->abort();
    }
    s->onCompletedFut.reset();
  }
  if (s->baseError)
    std::rethrow_exception(s->baseError);
  if (propagateCancellation && s->errors.empty())
    std::rethrow_exception(propagateCancellation);
  if (exc && !excIsCancel)
    s->errors.push_back(exc);
  if (!s->errors.empty()) {
    auto errs = std::move(s->errors);
    s->errors.clear();
    throwExceptionGroup("unhandled errors in a TaskGroup", std::move(errs));
  }
}

} // namespace aioc
