// asyncio.shield(aw): cancelling the returned future does not cancel the
// inner task; the inner result is forwarded when the outer is still live.
#pragma once

#include "aioc/awaitable.h"

namespace aioc {

template <class A> auto shield(A &&aw) {
  auto inner = ensureFuture(std::forward<A>(aw));
  using T = decltype(inner.result());
  Future<T> outer(inner.base()->loop());
  if (inner.done()) {
    // CPython returns the inner future itself; forward its state.
    if (inner.cancelled())
      outer.cancel();
    else if (auto e = inner.exception())
      outer.setException(e);
    else if constexpr (std::is_void_v<T>)
      outer.setResult();
    else
      outer.setResult(inner.result());
    return outer;
  }
  inner.addDoneCallback([outer, inner](FutureBase &) mutable {
    if (outer.cancelled()) {
      if (!inner.cancelled())
        inner.exception(); // mark retrieved
      return;
    }
    if (inner.cancelled()) {
      outer.cancel();
    } else if (auto e = inner.exception()) {
      outer.setException(e);
    } else if constexpr (std::is_void_v<T>) {
      outer.setResult();
    } else {
      outer.setResult(inner.result());
    }
  });
  return outer;
}

} // namespace aioc
