// asyncio.Event: set() wakes every waiter in FIFO order (locks.py).
#pragma once

#include "aioc/coro.h"
#include "aioc/future.h"

#include <deque>

namespace aioc {

class Event {
public:
  Event() = default;
  Event(const Event &) = delete;
  bool isSet() const { return value_; }
  void set();
  void clear() { value_ = false; }
  Coro<bool> wait();

private:
  std::deque<Ref<FutureState<bool>>> waiters_;
  bool value_ = false;
};

} // namespace aioc
