#include "aioc/future.h"
#include "aioc/task.h"

#include <cstdio>

namespace aioc {

FutureBase::FutureBase(EventLoop *loop) : loop_(loop) {}

FutureBase::~FutureBase() {
  if (firstCb_.ctx)
    firstCb_.ctx->release();
  if (moreCbs_)
    for (auto &c : *moreCbs_)
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
  if (rare_ && rare_->cancelledExc)
    return rare_->cancelledExc;
  return std::make_exception_ptr(CancelledError(cancelMessage()));
}

bool FutureBase::cancel(const std::string &msg, bool hasMsg) {
  logTraceback_ = false;
  if (state_ != State::Pending)
    return false;
  state_ = State::Cancelled;
  if (hasMsg) {
    rare().cancelMsg = msg;
    rare_->hasCancelMsg = true;
  }
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
  if (!firstCb_.fn)
    return;
  Callback first = std::exchange(firstCb_, Callback{nullptr, nullptr});
  retain();
  loop_->callSoonRaw(first.fn, first.ctx, this);
  if (!moreCbs_)
    return;
  auto more = std::move(moreCbs_);
  for (auto &c : *more) {
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
  if (!firstCb_.fn)
    firstCb_ = {fn, ctx};
  else {
    if (!moreCbs_)
      moreCbs_ = std::make_unique<std::vector<Callback>>();
    moreCbs_->push_back({fn, ctx});
  }
}

size_t FutureBase::removeDoneCallbackRaw(RawCallback fn, RefCounted *ctx) {
  if (!firstCb_.fn)
    return 0;
  std::vector<Callback> keep;
  size_t n = 0;
  auto consider = [&](const Callback &c) {
    if (c.fn == fn && c.ctx == ctx) {
      if (ctx)
        ctx->release();
      ++n;
    } else {
      keep.push_back(c);
    }
  };
  consider(firstCb_);
  if (moreCbs_)
    for (auto &c : *moreCbs_)
      consider(c);
  firstCb_ = {nullptr, nullptr};
  moreCbs_.reset();
  for (auto &c : keep) {
    if (!firstCb_.fn) {
      firstCb_ = c;
    } else {
      if (!moreCbs_)
        moreCbs_ = std::make_unique<std::vector<Callback>>();
      moreCbs_->push_back(c);
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
