#include "aioc/frame_alloc.h"

#include <cstdlib>
#include <new>
#include <unistd.h>

namespace aioc::detail {

namespace {
bool frameListsEnabled() {
#if defined(__SANITIZE_ADDRESS__)
  return false; // let ASan see every frame's lifetime
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return false;
#endif
#endif
  const char *e = std::getenv("AIOC_FRAME_ALLOC");
  return !(e && e[0] == '0');
}

// Returns each thread's cached frames to malloc at thread exit, so leak
// checkers stay quiet. Touched only on the slow path.
struct Cleanup {
  ~Cleanup() {
    auto &fl = tlFrameLists;
    // The main thread's lists stay reachable (static TLS) until the process
    // is gone: walking a million cached blocks at exit only burns CPU.
    if (::gettid() == ::getpid()) {
      fl.enabled = false;
      return;
    }
    for (auto &head : fl.heads) {
      while (head) {
        auto *n = head;
        head = n->next;
        std::free(n);
      }
    }
    fl.enabled = false;
  }
};
} // namespace

constinit thread_local FrameFreeLists tlFrameLists;
namespace {
int gOverride = -1; // -1: environment decides
}

void setFrameFreeListsEnabled(bool on) {
  gOverride = on ? 1 : 0;
  tlFrameLists.enabled = on && frameListsEnabled();
  if (!on) { // return cached blocks so the "off" runs really use malloc
    for (auto &head : tlFrameLists.heads)
      while (head) {
        auto *n = head;
        head = n->next;
        std::free(n);
      }
  }
}

void *allocFrameSlow(std::size_t n) {
  static thread_local Cleanup cleanup;
  static const bool enabled = frameListsEnabled();
  (void)cleanup;
  tlFrameLists.enabled = enabled && gOverride != 0;
  std::size_t c = (n + FrameFreeLists::kGranule - 1) / FrameFreeLists::kGranule;
  // Round to the class size so a recycled block fits any frame of its class.
  std::size_t sz =
      c < FrameFreeLists::kClasses ? c * FrameFreeLists::kGranule : n;
  void *p = std::malloc(sz);
  if (!p)
    throw std::bad_alloc();
  return p;
}

void freeFrameSlow(void *p, std::size_t) { std::free(p); }

} // namespace aioc::detail
