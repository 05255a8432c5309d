// Python's builtin functions over the py:: value types. See py.h.
#pragma once

#include <aioc/py/containers.h>

#include <functional>

namespace aioc::py {

// ------------------------------------------------------------ truthiness --
inline bool truthy(bool v) { return v; }
inline bool truthy(Int v) { return v != 0; }
inline bool truthy(Float v) { return v != 0.0; }
inline bool truthy(None) { return false; }
inline bool truthy(const Str &s) { return !s.empty(); }
inline bool truthy(const Bytes &b) { return b.len() != 0; }
template <class T> bool truthy(const List<T> &c) { return !c.empty(); }
template <class T> bool truthy(const Set<T> &c) { return !c.empty(); }
template <class K, class V> bool truthy(const Dict<K, V> &c) {
  return !c.empty();
}
template <class... Ts> bool truthy(const Tuple<Ts...> &) {
  return sizeof...(Ts) != 0;
}
template <class T> bool truthy(const Optional<T> &o) {
  return !o.isNone() && truthy(o.value());
}

// ---------------------------------------------------------------- output --
// Python's sys.stdout / sys.stderr. stdout is line-buffered on a tty and
// block-buffered (8 KiB) otherwise; stderr is line-buffered (CPython 3.9+);
// with PYTHONUNBUFFERED set, as for CPython, both write through. Both are
// flushed at exit and stdout before a traceback. Thread-safe.
class OutStream {
public:
  explicit OutStream(int fd, bool unbuffered = false);
  ~OutStream();
  OutStream(const OutStream &) = delete;
  OutStream &operator=(const OutStream &) = delete;
  void write(std::string_view s);
  void flush();
  int fd() const { return fd_; }

private:
  struct State;
  int fd_;
  State *st_;
};
OutStream &stdoutStream();
OutStream &stderrStream();
enum class File { Stdout, Stderr };

// print(*args, sep=' ', end='\n', file=sys.stdout, flush=False)
struct PrintOptions {
  Optional<Str> sep;
  Optional<Str> end;
  File file = File::Stdout;
  bool flush = false;
};
void printRaw(const PrintOptions &o, std::string &line, std::size_t nargs);
template <class... A> void printWith(const PrintOptions &o, const A &...args) {
  std::string line;
  bool first = true;
  const std::string &sep =
      o.sep.isNone() ? std::string(" ") : o.sep.value().bytes();
  ((line += first ? std::string_view() : std::string_view(sep), first = false,
    strTo(line, args)),
   ...);
  line += o.end.isNone() ? std::string_view("\n") : o.end.value().view();
  printRaw(o, line, sizeof...(A));
}
template <class... A> void print(const A &...args) {
  std::string line;
  bool first = true;
  ((line += first ? "" : " ", first = false, strTo(line, args)), ...);
  line += '\n';
  stdoutStream().write(line);
}

// -------------------------------------------------------------- numbers --
inline Float abs(Float v) { return std::fabs(v); }
inline Tuple<Int, Int> divmod(Int a, Int b) {
  if (b == 0)
    raiseZeroDivision("integer division or modulo by zero");
  return Tuple<Int, Int>(floordiv(a, b), mod(a, b));
}
Tuple<Float, Float> divmod(Float a, Float b);
// round(x) -> int with banker's rounding; round(x, n) correctly rounded.
Int round(Float v);
Float round(Float v, Int ndigits);
inline Int round(Int v) { return v; }
Int round(Int v, Int ndigits);

// int(x), float(x), bool(x): C++ keywords, hence the underscore.
Int int_(const Str &s, Int base = 10);
Int int_(Float v);
inline Int int_(Int v) { return v; }
inline Int int_(bool v) { return v; }
Float float_(const Str &s);
inline Float float_(Int v) { return static_cast<Float>(v); }
inline Float float_(Float v) { return v; }
inline Float float_(bool v) { return v; }
template <class T> bool bool_(const T &v) { return truthy(v); }
Str hex(Int v);
Str oct(Int v);
Str bin(Int v);

// format(value, spec): the format-spec mini-language, exactly as CPython.
// f"{x:spec}" lowers to formatTo(out, x, "spec"), f"{x!r:spec}" to
// formatTo(out, repr(x), "spec").
void formatTo(std::string &out, Int v, std::string_view spec);
void formatTo(std::string &out, Float v, std::string_view spec);
void formatTo(std::string &out, const Str &v, std::string_view spec);
void formatTo(std::string &out, bool v, std::string_view spec);
[[noreturn]] void raiseBadObjectFormat(const char *typeName);

// type(x).__name__ of the builtin types (named so as not to clash with the
// compiler's own typeName helpers).
inline const char *pyTypeName(Int) { return "int"; }
inline const char *pyTypeName(Float) { return "float"; }
inline const char *pyTypeName(bool) { return "bool"; }
inline const char *pyTypeName(None) { return "NoneType"; }
inline const char *pyTypeName(const Str &) { return "str"; }
inline const char *pyTypeName(const Bytes &) { return "bytes"; }
template <class T> const char *pyTypeName(const List<T> &) { return "list"; }
template <class K, class V> const char *pyTypeName(const Dict<K, V> &) {
  return "dict";
}
template <class T> const char *pyTypeName(const Set<T> &) { return "set"; }
template <class... Ts> const char *pyTypeName(const Tuple<Ts...> &) {
  return "tuple";
}
template <class T> const char *pyTypeName(const Optional<T> &o) {
  return o.isNone() ? "NoneType" : pyTypeName(o.value());
}

// Any other type: an empty spec means str(x), else TypeError naming the
// type (given explicitly for user classes).
template <class T>
void formatTo(std::string &out, const T &v, std::string_view spec,
              const char *typeName) {
  if (!spec.empty())
    raiseBadObjectFormat(typeName);
  strTo(out, v);
}
template <class T>
auto formatTo(std::string &out, const T &v, std::string_view spec)
    -> decltype(pyTypeName(v), void()) {
  formatTo(out, v, spec, pyTypeName(v));
}
template <class T>
void formatTo(std::string &out, const Optional<T> &v, std::string_view spec) {
  if (v.isNone())
    formatTo(out, none, spec);
  else
    formatTo(out, v.value(), spec);
}
template <class T>
void formatTo(std::string &out, const Optional<T> &v, std::string_view spec,
              const char *) {
  formatTo(out, v, spec);
}
template <class T> Str format(const T &v, std::string_view spec = {}) {
  std::string s;
  formatTo(s, v, spec);
  return Str(std::move(s));
}

// str.format(*args): "{} {0!r:>8}".format(a, b) -> strFormat(fmt, a, b).
// Positional fields only (auto or explicit numbering, !r/!s, specs with
// nested {} fields); a named field raises KeyError as with no kwargs, and
// attribute/index lookups ({0.x}, {0[1]}) raise ValueError (not supported).
namespace detail {
using FieldFn = void (*)(const void *arg, std::string &out, char conv,
                         std::string_view spec);
template <class T>
void formatField(const void *arg, std::string &out, char conv,
                 std::string_view spec) {
  const T &v = *static_cast<const T *>(arg);
  if (conv == 'r')
    formatTo(out, repr(v), spec);
  else if (conv == 's')
    formatTo(out, str(v), spec);
  else
    formatTo(out, v, spec);
}
Str strFormatImpl(std::string_view fmt, const void *const *args,
                  const FieldFn *fns, std::size_t n);
} // namespace detail
template <class... A> Str strFormat(const Str &fmt, const A &...args) {
  const void *ptrs[sizeof...(A) + 1] = {static_cast<const void *>(&args)...};
  detail::FieldFn fns[sizeof...(A) + 1] = {&detail::formatField<A>...};
  return detail::strFormatImpl(fmt.view(), ptrs, fns, sizeof...(A));
}

// ---------------------------------------------------------------- range --
class Range {
public:
  Range(Int stop) : Range(0, stop, 1) {}
  Range(Int start, Int stop, Int step = 1);
  Int len() const { return len_; }
  Int operator[](Int i) const {
    return start_ + normIndex(i, len_, "range object") * step_;
  }
  bool contains(Int x) const;
  Range reversed() const;
  Int start() const { return start_; }
  Int stop() const { return stop_; }
  Int step() const { return step_; }

  class iterator {
  public:
    using value_type = Int;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    iterator(Int v, Int step, Int n) : v_(v), step_(step), n_(n) {}
    Int operator*() const { return v_; }
    iterator &operator++() {
      v_ += step_;
      --n_;
      return *this;
    }
    void operator++(int) { ++*this; }
    bool operator==(detail::End) const { return n_ <= 0; }

  private:
    Int v_ = 0, step_ = 1, n_ = 0;
  };
  iterator begin() const { return iterator(start_, step_, len_); }
  detail::End end() const { return {}; }

private:
  Int start_, stop_, step_, len_;
};
void reprTo(std::string &out, const Range &r);
inline const char *pyTypeName(const Range &) { return "range"; }
inline bool operator==(const Range &a, const Range &b) {
  // Python compares ranges as sequences.
  if (a.len() != b.len())
    return false;
  if (a.len() == 0)
    return true;
  if (a.start() != b.start())
    return false;
  return a.len() == 1 || a.step() == b.step();
}

// ------------------------------------------------------------------ len --
template <class C> Int len(const C &c) { return c.len(); }

// --------------------------------------------- enumerate, zip, reversed --
// They keep an lvalue argument by reference and a temporary by value, since
// C++20 range-for does not extend the life of temporaries in its initializer.
template <class I> class Enumerate {
public:
  Enumerate(I &&it, Int start) : it_(std::forward<I>(it)), start_(start) {}
  using Inner = decltype(std::declval<const std::decay_t<I> &>().begin());
  using Elem = std::decay_t<decltype(*std::declval<Inner &>())>;
  class iterator {
  public:
    iterator(Inner in, Int i) : in_(std::move(in)), i_(i) {}
    Tuple<Int, Elem> operator*() const { return Tuple<Int, Elem>(i_, *in_); }
    iterator &operator++() {
      ++in_;
      ++i_;
      return *this;
    }
    bool operator==(detail::End e) const { return in_ == e; }

  private:
    Inner in_;
    Int i_;
  };
  iterator begin() const { return iterator(it_.begin(), start_); }
  detail::End end() const { return {}; }

private:
  I it_;
  Int start_;
};
template <class I> Enumerate<I> enumerate(I &&it, Int start = 0) {
  return Enumerate<I>(std::forward<I>(it), start);
}

template <class... Is> class Zip {
public:
  Zip(Is &&...its) : its_(std::forward<Is>(its)...) {}
  template <class I>
  using Inner = decltype(std::declval<const std::decay_t<I> &>().begin());
  template <class I>
  using Elem = std::decay_t<decltype(*std::declval<Inner<I> &>())>;
  class iterator {
  public:
    iterator(Inner<Is>... in) : in_(std::move(in)...) {}
    Tuple<Elem<Is>...> operator*() const {
      return std::apply(
          [](const auto &...xs) { return Tuple<Elem<Is>...>(*xs...); }, in_);
    }
    iterator &operator++() {
      std::apply([](auto &...xs) { (++xs, ...); }, in_);
      return *this;
    }
    bool operator==(detail::End e) const {
      return std::apply([&](const auto &...xs) { return ((xs == e) || ...); },
                        in_);
    }

  private:
    std::tuple<Inner<Is>...> in_;
  };
  iterator begin() const {
    return std::apply([](const auto &...xs) { return iterator(xs.begin()...); },
                      its_);
  }
  detail::End end() const { return {}; }

private:
  std::tuple<Is...> its_;
};
template <class... Is> Zip<Is...> zip(Is &&...its) {
  return Zip<Is...>(std::forward<Is>(its)...);
}

// reversed(list) walks indices downward against the live length, like
// CPython's list_reverseiterator; other iterables are materialised first.
template <class T> class ReversedList {
public:
  explicit ReversedList(List<T> l) : l_(std::move(l)) {}
  class iterator {
  public:
    iterator(List<T> l) : l_(std::move(l)), i_(l_.len() - 1) {}
    T &operator*() const { return l_[i_]; }
    iterator &operator++() {
      --i_;
      return *this;
    }
    bool operator==(detail::End) const { return i_ < 0 || i_ >= l_.len(); }

  private:
    List<T> l_;
    Int i_;
  };
  iterator begin() const { return iterator(l_); }
  detail::End end() const { return {}; }

private:
  List<T> l_;
};
template <class T> ReversedList<T> reversed(const List<T> &l) {
  return ReversedList<T>(l);
}
inline Range reversed(const Range &r) { return r.reversed(); }
template <class I> auto reversed(const I &it) {
  using E = std::decay_t<decltype(*it.begin())>;
  return ReversedList<E>(List<E>::from(it));
}

// ------------------------------------------------------- sorted, min, max --
template <class I> auto sorted(const I &it, bool reverse = false) {
  using E = std::decay_t<decltype(*it.begin())>;
  List<E> l = List<E>::from(it);
  l.sort(reverse);
  return l;
}
template <class I, class F>
requires(!std::is_same_v<std::decay_t<F>, bool>) auto sorted(
    const I &it, F &&key, bool reverse = false) {
  using E = std::decay_t<decltype(*it.begin())>;
  List<E> l = List<E>::from(it);
  l.sort(std::forward<F>(key), reverse);
  return l;
}

namespace detail {
[[noreturn]] void raiseEmptyMinMax(bool isMax);
// CPython's min_max: the first extreme item wins ties.
template <bool IsMax, class I, class F>
auto minmax(const I &it, F &&key)
    -> std::optional<std::decay_t<decltype(*it.begin())>> {
  using E = std::decay_t<decltype(*it.begin())>;
  std::optional<E> best;
  std::optional<std::decay_t<decltype(key(std::declval<E &>()))>> bestKey;
  for (auto &&x : it) {
    auto k = key(x);
    if (!best || (IsMax ? (*bestKey < k) : (k < *bestKey))) {
      best.emplace(x);
      bestKey.emplace(std::move(k));
    }
  }
  return best;
}
struct Identity {
  template <class T> const T &operator()(const T &x) const { return x; }
};
} // namespace detail

template <class I> auto min(const I &it) {
  auto r = detail::minmax<false>(it, detail::Identity{});
  if (!r)
    detail::raiseEmptyMinMax(false);
  return *r;
}
template <class I> auto max(const I &it) {
  auto r = detail::minmax<true>(it, detail::Identity{});
  if (!r)
    detail::raiseEmptyMinMax(true);
  return *r;
}
template <class I, class F> auto minKey(const I &it, F &&key) {
  auto r = detail::minmax<false>(it, key);
  if (!r)
    detail::raiseEmptyMinMax(false);
  return *r;
}
template <class I, class F> auto maxKey(const I &it, F &&key) {
  auto r = detail::minmax<true>(it, key);
  if (!r)
    detail::raiseEmptyMinMax(true);
  return *r;
}
template <class I, class F, class D>
auto minKeyDefault(const I &it, F &&key, D dflt) {
  auto r = detail::minmax<false>(it, key);
  return r ? *r : dflt;
}
template <class I, class F, class D>
auto maxKeyDefault(const I &it, F &&key, D dflt) {
  auto r = detail::minmax<true>(it, key);
  return r ? *r : dflt;
}
template <class I, class D> auto minDefault(const I &it, D dflt) {
  auto r = detail::minmax<false>(it, detail::Identity{});
  return r ? *r : dflt;
}
template <class I, class D> auto maxDefault(const I &it, D dflt) {
  auto r = detail::minmax<true>(it, detail::Identity{});
  return r ? *r : dflt;
}
// min(a, b, c...) / max(a, b, c...)
template <class T, class... R> T minArgs(const T &a, const R &...rest) {
  T best = a;
  ((rest < best ? (void)(best = rest) : (void)0), ...);
  return best;
}
template <class T, class... R> T maxArgs(const T &a, const R &...rest) {
  T best = a;
  ((best < rest ? (void)(best = rest) : (void)0), ...);
  return best;
}

// ------------------------------------------------------ sum, any, all --
// Ints add with overflow checks; floats add left to right like CPython 3.11.
template <class I> auto sum(const I &it) {
  using E = std::decay_t<decltype(*it.begin())>;
  E acc{};
  for (auto &&x : it) {
    if constexpr (std::is_same_v<E, Int>)
      acc = add(acc, x);
    else
      acc = acc + x;
  }
  return acc;
}
template <class I, class S> S sum(const I &it, S start) {
  for (auto &&x : it) {
    if constexpr (std::is_same_v<S, Int>)
      start = add(start, x);
    else
      start = start + x;
  }
  return start;
}
template <class I> bool any(const I &it) {
  for (auto &&x : it)
    if (truthy(x))
      return true;
  return false;
}
template <class I> bool all(const I &it) {
  for (auto &&x : it)
    if (!truthy(x))
      return false;
  return true;
}

// ------------------------------------------------------- program entry --
// Runs a compiled module's top-level code. An uncaught exception prints
// "Traceback (most recent call last):" and CPython's last line (with chained
// causes/contexts first) on stderr and exits 1; SystemExit(n) exits n.
// stdout is flushed before anything goes to stderr and at exit.
int runMain(const std::function<void()> &body);
// The same reporting, for callers with their own catch.
void printTraceback(const std::exception_ptr &e);

} // namespace aioc::py
