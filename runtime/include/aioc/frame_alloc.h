// Size-class free-list allocator for coroutine frames (and futures, tasks,
// loop handles). Blocks are recycled per thread in 16-byte classes up to
// 1 KiB, carved from 64 KiB slabs (no malloc header per block); larger
// frames use malloc. AIOC_FRAME_ALLOC=0 in the environment bypasses the
// free lists (for measuring what they buy).
#pragma once

#include <cstddef>

namespace aioc::detail {

void *allocFrameSlow(std::size_t n);
void freeFrameSlow(void *p, std::size_t n);

struct FrameFreeLists {
  static constexpr std::size_t kGranule = 16, kClasses = 64; // up to 1 KiB
  struct Node {
    Node *next;
  };
  Node *heads[kClasses] = {};
  bool enabled = true;
};
extern thread_local constinit FrameFreeLists tlFrameLists;
// Benchmarks switch the free lists off to measure what they buy (also
// AIOC_FRAME_ALLOC=0). Takes effect for frames allocated afterwards.
void setFrameFreeListsEnabled(bool on);

inline void *allocFrame(std::size_t n) {
  std::size_t c = (n + FrameFreeLists::kGranule - 1) / FrameFreeLists::kGranule;
  auto &fl = tlFrameLists;
  if (c < FrameFreeLists::kClasses && fl.heads[c]) {
    auto *node = fl.heads[c];
    fl.heads[c] = node->next;
    return node;
  }
  return allocFrameSlow(n);
}

inline void freeFrame(void *p, std::size_t n) {
  std::size_t c = (n + FrameFreeLists::kGranule - 1) / FrameFreeLists::kGranule;
  auto &fl = tlFrameLists;
  if (c < FrameFreeLists::kClasses && fl.enabled) {
    auto *node = static_cast<FrameFreeLists::Node *>(p);
    node->next = fl.heads[c];
    fl.heads[c] = node;
    return;
  }
  freeFrameSlow(p, n);
}

} // namespace aioc::detail
