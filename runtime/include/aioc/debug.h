// Debug mode support. Generated code records the script location before
// each await so a slow step can be reported the way CPython does:
//   Executing <Task pending name='Task-1' coro=<main() running at x.py:7>>
//   took 0.105 seconds
// AIOC_AT costs one thread-local load and three stores: cheap enough to
// leave in release builds.
#pragma once

namespace aioc {
class TaskBase;
namespace detail {
extern thread_local constinit TaskBase *tlCurrentTask;
void setLocation(TaskBase *t, const char *func, const char *file, int line);
} // namespace detail

inline void debugLocation(const char *func, const char *file, int line) {
  if (auto *t = detail::tlCurrentTask)
    detail::setLocation(t, func, file, line);
}

} // namespace aioc

#define AIOC_AT(func, file, line) ::aioc::debugLocation(func, file, line)
