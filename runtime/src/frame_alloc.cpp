#include "aioc/frame_alloc.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <new>
#include <unistd.h>
#include <vector>

namespace aioc::detail {

// Blocks of the size classes are carved from 64 KiB slabs rather than
// malloc'd one by one: no per-block malloc header (16 bytes on a 64-byte
// frame) and no malloc call when a million tasks are spawned at once. Slabs
// live as long as the process (listed here, so leak checkers see them as
// reachable); a thread that exits hands its cached blocks to the orphan
// lists, which the next slow allocation of any thread adopts.
namespace {
constexpr std::size_t kSlabBytes = 64 * 1024;
using Node = FrameFreeLists::Node;

struct Global {
  std::mutex mu;
  std::vector<std::pair<std::uintptr_t, std::uintptr_t>> slabs; // sorted
  Node *orphans[FrameFreeLists::kClasses] = {};
};
Global &global() {
  static Global *g = new Global; // never destroyed: threads may outlive exit
  return *g;
}

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

// Is p inside a slab? Asked only when the lists are off (a slab block must
// not go to free()). Each thread searches its own copy of the slab table,
// refreshed when a slab is added, so the "off" benchmark runs pay a binary
// search, not a lock, per free.
std::atomic<std::uint64_t> gSlabVersion{0};
thread_local std::vector<std::pair<std::uintptr_t, std::uintptr_t>> tlSlabs;
thread_local std::uint64_t tlSlabVersion = 0;

bool inSlab(void *p) {
  std::uint64_t v = gSlabVersion.load(std::memory_order_acquire);
  if (v == 0)
    return false;
  if (v != tlSlabVersion) {
    Global &g = global();
    std::lock_guard<std::mutex> lock(g.mu);
    tlSlabs = g.slabs;
    tlSlabVersion = gSlabVersion.load(std::memory_order_relaxed);
  }
  auto a = reinterpret_cast<std::uintptr_t>(p);
  auto it = std::upper_bound(
      tlSlabs.begin(), tlSlabs.end(), a,
      [](std::uintptr_t x, const auto &s) { return x < s.first; });
  return it != tlSlabs.begin() && a < std::prev(it)->second;
}

// At thread exit the cached blocks go to the orphan lists (the main
// thread's stay where they are: the process is ending).
struct Cleanup {
  ~Cleanup() {
    auto &fl = tlFrameLists;
    fl.enabled = false;
    if (::gettid() == ::getpid())
      return;
    Global &g = global();
    std::lock_guard<std::mutex> lock(g.mu);
    for (std::size_t c = 0; c < FrameFreeLists::kClasses; ++c) {
      while (Node *n = fl.heads[c]) {
        fl.heads[c] = n->next;
        n->next = g.orphans[c];
        g.orphans[c] = n;
      }
    }
  }
};

int gOverride = -1; // -1: environment decides

// Refills heads[c] (c >= 1) from the orphans or a new slab; returns a block.
void *refill(std::size_t c) {
  auto &fl = tlFrameLists;
  std::size_t bs = c * FrameFreeLists::kGranule;
  Global &g = global();
  {
    std::lock_guard<std::mutex> lock(g.mu);
    if (Node *n = g.orphans[c]) {
      g.orphans[c] = nullptr;
      fl.heads[c] = n->next;
      return n;
    }
  }
  char *slab = static_cast<char *>(std::malloc(kSlabBytes));
  if (!slab)
    throw std::bad_alloc();
  {
    std::lock_guard<std::mutex> lock(g.mu);
    auto a = reinterpret_cast<std::uintptr_t>(slab);
    g.slabs.insert(
        std::upper_bound(g.slabs.begin(), g.slabs.end(), std::make_pair(a, a)),
        {a, a + kSlabBytes});
    gSlabVersion.fetch_add(1, std::memory_order_release);
  }
  std::size_t count = kSlabBytes / bs;
  // Link blocks 1..count-1 in address order; block 0 is returned.
  Node *head = nullptr;
  for (std::size_t i = count; i-- > 1;) {
    auto *n = reinterpret_cast<Node *>(slab + i * bs);
    n->next = head;
    head = n;
  }
  fl.heads[c] = head;
  return slab;
}
} // namespace

constinit thread_local FrameFreeLists tlFrameLists;

void setFrameFreeListsEnabled(bool on) {
  gOverride = on ? 1 : 0;
  tlFrameLists.enabled = on && frameListsEnabled();
  if (!on) {
    // Empty the cache so the "off" runs really use malloc: malloc'd blocks
    // are freed, slab blocks wait in the orphan lists for the "on" runs.
    for (std::size_t c = 0; c < FrameFreeLists::kClasses; ++c)
      while (Node *n = tlFrameLists.heads[c]) {
        tlFrameLists.heads[c] = n->next;
        if (inSlab(n)) {
          Global &g = global();
          std::lock_guard<std::mutex> lock(g.mu);
          n->next = g.orphans[c];
          g.orphans[c] = n;
        } else {
          std::free(n);
        }
      }
  }
}

void *allocFrameSlow(std::size_t n) {
  static thread_local Cleanup cleanup;
  static const bool enabled = frameListsEnabled();
  (void)cleanup;
  tlFrameLists.enabled = enabled && gOverride != 0;
  std::size_t c = (n + FrameFreeLists::kGranule - 1) / FrameFreeLists::kGranule;
  if (tlFrameLists.enabled && c > 0 && c < FrameFreeLists::kClasses)
    return refill(c);
  // Round to the class size so a recycled block fits any frame of its class.
  std::size_t sz =
      c < FrameFreeLists::kClasses ? c * FrameFreeLists::kGranule : n;
  void *p = std::malloc(sz);
  if (!p)
    throw std::bad_alloc();
  return p;
}

void freeFrameSlow(void *p, std::size_t n) {
  std::size_t c = (n + FrameFreeLists::kGranule - 1) / FrameFreeLists::kGranule;
  // Lists switched off after slabs were made: a slab block cannot go back
  // to malloc, so it is cached all the same.
  if (c < FrameFreeLists::kClasses && inSlab(p)) {
    auto *node = static_cast<Node *>(p);
    node->next = tlFrameLists.heads[c];
    tlFrameLists.heads[c] = node;
    return;
  }
  std::free(p);
}

} // namespace aioc::detail
