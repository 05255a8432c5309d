#include "aioc/gather.h"

#include <unordered_set>

namespace aioc::detail {

void GatherState::addChild(Ref<FutureBase> f) {
  // gather(t, t) waits for t once (CPython's arg_to_fut). Linear scan for
  // the common few-argument case.
  bool seen = false;
  if (children_.size() < 32) {
    for (auto &c : children_)
      seen |= c.get() == f.get();
  } else {
    if (seen_.empty())
      for (auto &c : children_)
        seen_.insert(c.get());
    seen = !seen_.insert(f.get()).second;
  }
  if (!seen) {
    ++nfuts_;
    f->addDoneCallbackRaw(&GatherState::onChildDone, this);
  }
  children_.push_back(std::move(f));
}

void GatherState::start() {
  seen_.clear();
  if (children_.empty())
    finish();
}

bool GatherState::cancel(const std::string &msg, bool hasMsg) {
  if (done())
    return false;
  bool ret = false;
  for (auto &c : children_)
    if (c->cancel(msg, hasMsg))
      ret = true;
  if (ret)
    cancelRequested_ = true;
  return ret;
}

void GatherState::onChildDone(RefCounted *self, FutureBase *fut) {
  auto *g = static_cast<GatherState *>(self);
  ++g->nfinished_;
  if (g->done()) {
    if (!fut->cancelled())
      fut->exception(); // mark the exception as retrieved
    return;
  }
  if (!g->returnExceptions_) {
    if (fut->cancelled()) {
      g->setException(fut->makeCancelledError());
      return;
    }
    if (auto e = fut->exception()) {
      g->setException(e);
      return;
    }
  }
  if (g->nfinished_ == g->nfuts_) {
    for (auto &c : g->children_)
      if (!c->cancelled())
        c->exception(); // results are read from the typed handles later
    if (g->cancelRequested_)
      g->setException(fut->makeCancelledError());
    else
      g->finish();
  }
}

} // namespace aioc::detail
