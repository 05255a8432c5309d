// Intrusive reference counting for loop objects (futures, tasks, handles).
// Counts are not atomic: these objects live on one loop thread.
#pragma once

#include <cstdint>
#include <utility>

namespace aioc {

class RefCounted {
public:
  RefCounted() = default;
  RefCounted(const RefCounted &) = delete;
  RefCounted &operator=(const RefCounted &) = delete;
  virtual ~RefCounted() = default;
  void retain() noexcept { ++refs_; }
  void release() noexcept {
    if (--refs_ == 0)
      delete this;
  }
  uint32_t refCount() const noexcept { return refs_; }

private:
  uint32_t refs_ = 0;
};

template <class T> class Ref {
public:
  Ref() = default;
  Ref(T *p) : p_(p) {
    if (p_)
      p_->retain();
  }
  Ref(const Ref &o) : Ref(o.p_) {}
  Ref(Ref &&o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
  template <class U> Ref(const Ref<U> &o) : Ref(static_cast<T *>(o.get())) {}
  Ref &operator=(Ref o) noexcept {
    std::swap(p_, o.p_);
    return *this;
  }
  ~Ref() {
    if (p_)
      p_->release();
  }
  T *get() const { return p_; }
  T *operator->() const { return p_; }
  T &operator*() const { return *p_; }
  explicit operator bool() const { return p_ != nullptr; }
  void reset() { *this = Ref(); }
  // Hand over ownership of one reference (for C-style callback slots).
  T *leak() { return std::exchange(p_, nullptr); }
  static Ref adopt(T *p) {
    Ref r;
    r.p_ = p;
    return r;
  }
  friend bool operator==(const Ref &a, const Ref &b) { return a.p_ == b.p_; }

private:
  T *p_ = nullptr;
};

} // namespace aioc
