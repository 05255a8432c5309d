// asyncio.timeout(delay) / timeout_at(when) (Lib/asyncio/timeouts.py).
// On expiry the task is cancelled; leaving the block turns that
// CancelledError into TimeoutError (when no other cancel is pending).
//
//   auto cm = aioc::timeout(0.5);
//   cm.enter();                              // async with ... as cm:
//   std::exception_ptr e;
//   try { ...body... } catch (...) { e = std::current_exception(); }
//   cm.exit(e);                              // rethrows e or TimeoutError
#pragma once

#include "aioc/task.h"

#include <optional>

namespace aioc {

class Timeout {
public:
  explicit Timeout(std::optional<double> when) : when_(when) {}
  Timeout(const Timeout &) = delete;
  ~Timeout();
  std::optional<double> when() const { return when_; }
  void reschedule(std::optional<double> when);
  bool expired() const {
    return state_ == State::Expiring || state_ == State::Expired;
  }
  // __aenter__ (never suspends).
  Timeout &enter();
  // __aexit__: rethrows `e` (or raises TimeoutError); returns normally when
  // the block ended normally.
  void exit(std::exception_ptr e);

private:
  enum class State { Created, Entered, Expiring, Expired, Exited };
  void onTimeout();
  std::optional<double> when_;
  State state_ = State::Created;
  HandleRef handler_;
  Ref<TaskBase> task_;
};

// Heap-allocated because the context manager must not move while its
// timer is armed.
std::unique_ptr<Timeout> timeout(std::optional<double> delay);
std::unique_ptr<Timeout> timeoutAt(std::optional<double> when);

} // namespace aioc
