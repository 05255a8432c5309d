// asyncio.Queue / LifoQueue / PriorityQueue with CPython 3.11's algorithm
// (Lib/asyncio/queues.py): getters and putters wait on futures in FIFO
// deques, _wakeup_next wakes the first one that is not done, and a
// cancelled waiter passes its wake-up on.
#pragma once

#include "aioc/event.h"
#include "aioc/future.h"
#include "aioc/task.h"

#include <deque>
#include <vector>

namespace aioc {

namespace detail {
using Waiter = Ref<FutureState<void>>;
// Queue._wakeup_next.
inline void wakeupNext(std::deque<Waiter> &waiters) {
  while (!waiters.empty()) {
    Waiter w = std::move(waiters.front());
    waiters.pop_front();
    if (!w->done()) {
      w->value.emplace();
      w->markFinishedPublic();
      break;
    }
  }
}
inline void removeWaiter(std::deque<Waiter> &waiters, FutureBase *w) {
  for (auto it = waiters.begin(); it != waiters.end(); ++it)
    if (it->get() == w) {
      waiters.erase(it);
      return;
    }
}
inline Waiter newWaiter() {
  return Waiter(new FutureState<void>(&getRunningLoop()));
}

// Storage policies (Queue._init/_put/_get).
template <class T> struct FifoStore {
  std::deque<T> q;
  void put(T v) { q.push_back(std::move(v)); }
  T get() {
    T v = std::move(q.front());
    q.pop_front();
    return v;
  }
  size_t size() const { return q.size(); }
};
template <class T> struct LifoStore {
  std::vector<T> q;
  void put(T v) { q.push_back(std::move(v)); }
  T get() {
    T v = std::move(q.back());
    q.pop_back();
    return v;
  }
  size_t size() const { return q.size(); }
};
// heapq.heappush/heappop with `<` on the items, as PriorityQueue does.
template <class T> struct HeapStore {
  std::vector<T> q;
  void siftDown(size_t start, size_t pos) {
    T item = std::move(q[pos]);
    while (pos > start) {
      size_t parent = (pos - 1) >> 1;
      if (item < q[parent]) {
        q[pos] = std::move(q[parent]);
        pos = parent;
        continue;
      }
      break;
    }
    q[pos] = std::move(item);
  }
  void siftUp(size_t pos) {
    size_t end = q.size(), start = pos;
    T item = std::move(q[pos]);
    size_t child = 2 * pos + 1;
    while (child < end) {
      size_t right = child + 1;
      if (right < end && !(q[child] < q[right]))
        child = right;
      q[pos] = std::move(q[child]);
      pos = child;
      child = 2 * pos + 1;
    }
    q[pos] = std::move(item);
    siftDown(start, pos);
  }
  void put(T v) {
    q.push_back(std::move(v));
    siftDown(0, q.size() - 1);
  }
  T get() {
    T last = std::move(q.back());
    q.pop_back();
    if (q.empty())
      return last;
    T ret = std::move(q[0]);
    q[0] = std::move(last);
    siftUp(0);
    return ret;
  }
  size_t size() const { return q.size(); }
};
} // namespace detail

template <class T, class Store = detail::FifoStore<T>> class BasicQueue {
public:
  explicit BasicQueue(long maxsize = 0) : maxsize_(maxsize) { finished_.set(); }
  BasicQueue(const BasicQueue &) = delete;

  size_t qsize() const { return store_.size(); }
  bool empty() const { return store_.size() == 0; }
  bool full() const { return maxsize_ > 0 && long(store_.size()) >= maxsize_; }
  long maxsize() const { return maxsize_; }

  Coro<void> put(T item) {
    while (full()) {
      detail::Waiter putter = detail::newWaiter();
      putters_.push_back(putter);
      std::exception_ptr err;
      try {
        co_await Future<void>::Awaiter{putter.get()};
      } catch (...) {
        err = std::current_exception();
      }
      if (err) {
        putter->cancel(); // in case it is not done yet
        detail::removeWaiter(putters_, putter.get());
        if (!full() && !putter->cancelled())
          detail::wakeupNext(putters_);
        std::rethrow_exception(err);
      }
    }
    putNowait(std::move(item));
  }

  void putNowait(T item) {
    if (full())
      throw QueueFull();
    store_.put(std::move(item));
    ++unfinished_;
    finished_.clear();
    detail::wakeupNext(getters_);
  }

  Coro<T> get() {
    while (empty()) {
      detail::Waiter getter = detail::newWaiter();
      getters_.push_back(getter);
      std::exception_ptr err;
      try {
        co_await Future<void>::Awaiter{getter.get()};
      } catch (...) {
        err = std::current_exception();
      }
      if (err) {
        getter->cancel();
        detail::removeWaiter(getters_, getter.get());
        if (!empty() && !getter->cancelled())
          detail::wakeupNext(getters_);
        std::rethrow_exception(err);
      }
    }
    co_return getNowait();
  }

  T getNowait() {
    if (empty())
      throw QueueEmpty();
    T item = store_.get();
    detail::wakeupNext(putters_);
    return item;
  }

  void taskDone() {
    if (unfinished_ <= 0)
      throw ValueError("task_done() called too many times");
    if (--unfinished_ == 0)
      finished_.set();
  }

  Coro<void> join() {
    if (unfinished_ > 0)
      co_await finished_.wait();
  }

private:
  long maxsize_;
  Store store_;
  std::deque<detail::Waiter> getters_, putters_;
  long unfinished_ = 0;
  Event finished_;
};

template <class T> using Queue = BasicQueue<T, detail::FifoStore<T>>;
template <class T> using LifoQueue = BasicQueue<T, detail::LifoStore<T>>;
template <class T> using PriorityQueue = BasicQueue<T, detail::HeapStore<T>>;

} // namespace aioc
