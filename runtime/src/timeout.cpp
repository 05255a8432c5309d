#include "aioc/timeout.h"

namespace aioc {

Timeout::~Timeout() {
  if (handler_)
    handler_->cancel();
}

void Timeout::reschedule(std::optional<double> when) {
  if (state_ != State::Entered) {
    static const char *names[] = {"created", "active", "expiring", "expired",
                                  "finished"};
    throw RuntimeError(std::string("Cannot change state of ") +
                       names[int(state_)] + " Timeout");
  }
  when_ = when;
  if (handler_)
    handler_->cancel();
  handler_.reset();
  if (!when)
    return;
  EventLoop &loop = getRunningLoop();
  if (*when <= loop.time())
    handler_ = loop.callSoon([this] { onTimeout(); });
  else
    handler_ = loop.callAt(*when, [this] { onTimeout(); });
}

Timeout &Timeout::enter() {
  if (state_ != State::Created)
    throw RuntimeError("Timeout has already been entered");
  state_ = State::Entered;
  task_ = currentTask();
  if (!task_)
    throw RuntimeError("Timeout should be used inside a task");
  reschedule(when_);
  return *this;
}

void Timeout::onTimeout() {
  task_->cancel();
  state_ = State::Expiring;
  handler_.reset(); // (the handle is running now; dropping it is safe)
}

void Timeout::exit(std::exception_ptr e) {
  if (handler_) {
    handler_->cancel();
    handler_.reset();
  }
  if (state_ == State::Expiring) {
    state_ = State::Expired;
    if (task_->uncancel() == 0 && isCancelledError(e)) {
      TimeoutError t;
      t.context = e;
      throw t;
    }
  } else if (state_ == State::Entered) {
    state_ = State::Exited;
  }
  if (e)
    std::rethrow_exception(e);
}

std::unique_ptr<Timeout> timeout(std::optional<double> delay) {
  if (!delay)
    return std::make_unique<Timeout>(std::nullopt);
  return std::make_unique<Timeout>(getRunningLoop().time() + *delay);
}

std::unique_ptr<Timeout> timeoutAt(std::optional<double> when) {
  return std::make_unique<Timeout>(when);
}

} // namespace aioc
