#include "aioc/future.h"
#include "aioc/task.h"

#include <cstdio>

namespace aioc {

FutureBase::FutureBase(EventLoop *loop) : loop_(loop) {}

FutureBase::~FutureBase() {
  for (auto &c : callbacks_)
    if (c.ctx)
      c.ctx->release();
  if (logTraceback_ && exc_)
    reportUnretrieved(isTask_ ? "Task" : "Future");
}

void FutureBase::reportUnretrieved(const char *what) {
  // CPython's default exception handler output (the traceback body is
  // reduced to its last line: aioc keeps no Python frames).
  std::fprintf(stderr,
               "%s exception was never retrieved\nfuture: %s\n"
               "Traceback (most recent call last):\n%s\n",
               what, repr().c_str(), tracebackLine(exc_).c_str());
}

std::string FutureBase::repr() const {
  std::string s = "<Future ";
  switch (state_) {
  case State::Pending:
    s += "pending";
    break;
  case State::Cancelled:
    s += "cancelled";
    break;
  case State::Finished:
    s += exc_ ? "finished exception=" + exceptionRepr(exc_) : "finished";
    break;
  }
  return s + ">";
}

std::exception_ptr FutureBase::makeCancelledError() const {
  if (cancelledExc_)
    return cancelledExc_;
  return std::make_exception_ptr(CancelledError(cancelMessage()));
}

bool FutureBase::cancel(const std::string &msg, bool hasMsg) {
  logTraceback_ = false;
  if (state_ != State::Pending)
    return false;
  state_ = State::Cancelled;
  if (hasMsg)
    cancelMsg_ = std::make_unique<std::string>(msg);
  scheduleCallbacks();
  return true;
}

void FutureBase::setException(std::exception_ptr e) {
  if (state_ != State::Pending)
    throw InvalidStateError("invalid state");
  exc_ = std::move(e);
  state_ = State::Finished;
  scheduleCallbacks();
  logTraceback_ = true;
}

void FutureBase::markFinished() {
  state_ = State::Finished;
  scheduleCallbacks();
}

void detail::finishFuture(FutureBase *f) { f->markFinishedPublic(); }

std::exception_ptr FutureBase::exception() {
  if (state_ == State::Cancelled)
    std::rethrow_exception(makeCancelledError());
  if (state_ != State::Finished)
    throw InvalidStateError("Exception is not set.");
  logTraceback_ = false;
  return exc_;
}

void FutureBase::checkResult() {
  if (state_ == State::Cancelled)
    std::rethrow_exception(makeCancelledError());
  if (state_ != State::Finished)
    throw InvalidStateError("Result is not set.");
  logTraceback_ = false;
  if (exc_)
    std::rethrow_exception(exc_);
}

void FutureBase::scheduleCallbacks() {
  if (callbacks_.empty())
    return;
  auto cbs = std::move(callbacks_);
  callbacks_.clear();
  for (auto &c : cbs) {
    retain();
    loop_->callSoonRaw(c.fn, c.ctx, this);
  }
}

void FutureBase::addDoneCallbackRaw(RawCallback fn, RefCounted *ctx) {
  if (ctx)
    ctx->retain();
  if (state_ != State::Pending) {
    retain();
    loop_->callSoonRaw(fn, ctx, this);
    return;
  }
  callbacks_.push_back({fn, ctx});
}

size_t FutureBase::removeDoneCallbackRaw(RawCallback fn, RefCounted *ctx) {
  size_t n = 0;
  for (size_t i = 0; i < callbacks_.size();) {
    if (callbacks_[i].fn == fn && callbacks_[i].ctx == ctx) {
      if (ctx)
        ctx->release();
      callbacks_.erase(callbacks_.begin() + i);
      ++n;
    } else {
      ++i;
    }
  }
  return n;
}

namespace {
struct FnHolder : RefCounted {
  std::function<void(FutureBase &)> fn;
  explicit FnHolder(std::function<void(FutureBase &)> f) : fn(std::move(f)) {}
  static void run(RefCounted *self, FutureBase *f) {
    static_cast<FnHolder *>(self)->fn(*f);
  }
};
} // namespace

void FutureBase::addDoneCallback(std::function<void(FutureBase &)> fn) {
  Ref<FnHolder> h(new FnHolder(std::move(fn)));
  addDoneCallbackRaw(&FnHolder::run, h.get());
}

} // namespace aioc
