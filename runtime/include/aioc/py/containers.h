// Tuple (value semantics), Optional, and the reference-semantics containers
// List, Dict, Set. See py.h for the whole API.
#pragma once

#include <aioc/py/repr.h>

#include <algorithm>
#include <initializer_list>
#include <memory>
#include <tuple>
#include <type_traits>
#include <vector>

namespace aioc::py {

[[noreturn]] void raiseKeyError(std::string reprOfKey);
[[noreturn]] void raiseRuntimeError(std::string msg);

// ---------------------------------------------------------------- Tuple --
template <class... Ts> class Tuple {
public:
  std::tuple<Ts...> v;

  Tuple() = default;
  Tuple(Ts... xs) requires(sizeof...(Ts) > 0) : v(std::move(xs)...) {}
  template <std::size_t I> auto &get() { return std::get<I>(v); }
  template <std::size_t I> const auto &get() const { return std::get<I>(v); }
  static constexpr Int len() { return sizeof...(Ts); }

  friend bool operator==(const Tuple &a, const Tuple &b) { return a.v == b.v; }
  // Python: the first unequal pair decides with <; else the shorter is less.
  friend bool operator<(const Tuple &a, const Tuple &b) {
    return lessFrom<0>(a, b);
  }
  friend bool operator>(const Tuple &a, const Tuple &b) { return b < a; }
  friend bool operator<=(const Tuple &a, const Tuple &b) { return !(b < a); }
  friend bool operator>=(const Tuple &a, const Tuple &b) { return !(a < b); }

private:
  template <std::size_t I>
  static bool lessFrom(const Tuple &a, const Tuple &b) {
    if constexpr (I == sizeof...(Ts)) {
      return false;
    } else {
      const auto &x = std::get<I>(a.v);
      const auto &y = std::get<I>(b.v);
      if (!(x == y))
        return x < y;
      return lessFrom<I + 1>(a, b);
    }
  }
};
template <class... Ts> Tuple(Ts...) -> Tuple<Ts...>;

template <std::size_t I, class... Ts> auto &get(Tuple<Ts...> &t) {
  return std::get<I>(t.v);
}
template <std::size_t I, class... Ts> const auto &get(const Tuple<Ts...> &t) {
  return std::get<I>(t.v);
}

template <class... Ts> void reprTo(std::string &out, const Tuple<Ts...> &t) {
  out += '(';
  std::apply(
      [&](const auto &...xs) {
        bool first = true;
        ((out += first ? "" : ", ", first = false, reprTo(out, xs)), ...);
      },
      t.v);
  if constexpr (sizeof...(Ts) == 1)
    out += ',';
  out += ')';
}

// CPython 3.8+'s tuple hash (xxHash-based), so sets of tuples of ints iterate
// in CPython's order.
template <class... Ts> Int hash(const Tuple<Ts...> &t) {
  constexpr std::uint64_t P1 = 11400714785074694791ULL;
  constexpr std::uint64_t P2 = 14029467366897019727ULL;
  constexpr std::uint64_t P5 = 2870177450012600261ULL;
  std::uint64_t acc = P5;
  std::apply(
      [&](const auto &...xs) {
        ((acc += static_cast<std::uint64_t>(hash(xs)) * P2,
          acc = (acc << 31) | (acc >> 33), acc *= P1),
         ...);
      },
      t.v);
  acc += sizeof...(Ts) ^ (P5 ^ 3527539UL);
  if (acc == static_cast<std::uint64_t>(-1))
    return 1546275796;
  return static_cast<Int>(acc);
}

// ------------------------------------------------------------- Optional --
// `T | None`. Converts from None and from T; `x is None` is isNone().
template <class T> class Optional {
public:
  Optional() = default;
  Optional(None) {}
  Optional(T x) : v_(std::move(x)) {}
  template <class U>
  requires(std::is_constructible_v<T, U &&> &&
           !std::is_same_v<std::decay_t<U>, T> &&
           !std::is_same_v<std::decay_t<U>, None> &&
           !std::is_same_v<std::decay_t<U>, Optional>) Optional(U &&x)
      : v_(T(std::forward<U>(x))) {}

  bool isNone() const { return !v_.has_value(); }
  // Narrowed access; the compiler only emits it after an `is not None` check.
  T &value() { return *v_; }
  const T &value() const { return *v_; }

  friend bool operator==(const Optional &a, const Optional &b) {
    return a.v_ == b.v_;
  }
  friend bool operator==(const Optional &a, None) { return a.isNone(); }

private:
  std::optional<T> v_;
};
template <class T> void reprTo(std::string &out, const Optional<T> &o) {
  if (o.isNone())
    out += "None";
  else
    reprTo(out, o.value());
}
template <class T> void strTo(std::string &out, const Optional<T> &o) {
  if (o.isNone())
    out += "None";
  else
    strTo(out, o.value());
}
template <class T> Int hash(const Optional<T> &o) {
  return o.isNone() ? hash(none) : hash(o.value());
}

// ----------------------------------------------------------------- List --
namespace detail {
// std::vector<bool> hands out proxies, not bool&: store bools in a box.
struct BoolBox {
  bool v;
  BoolBox(bool b) : v(b) {}
};
template <class T> struct Stored {
  using type = T;
  static T &ref(T &x) { return x; }
  static const T &ref(const T &x) { return x; }
};
template <> struct Stored<bool> {
  using type = BoolBox;
  static bool &ref(BoolBox &x) { return x.v; }
  static const bool &ref(const BoolBox &x) { return x.v; }
  static bool &ref(bool &x) { return x; }
  static const bool &ref(const bool &x) { return x; }
};
} // namespace detail

// A Python list: a shared_ptr to a vector, so copies alias like Python names
// do. Iteration is by index against the live length, as in CPython (items
// appended during a loop are visited; the iterator keeps the list alive).
template <class T> class List {
  using S = detail::Stored<T>;
  using Vec = std::vector<typename S::type>;

public:
  using value_type = T;
  List() : p_(std::make_shared<Vec>()) {}
  List(std::initializer_list<T> xs) : p_(std::make_shared<Vec>()) {
    p_->reserve(xs.size());
    for (const auto &x : xs)
      p_->emplace_back(x);
  }
  // list(iterable)
  template <class It> static List from(const It &it) {
    List r;
    for (auto &&x : it)
      r.p_->emplace_back(T(x));
    return r;
  }

  Int len() const { return static_cast<Int>(p_->size()); }
  bool empty() const { return p_->empty(); }
  T &operator[](Int i) const {
    return S::ref((*p_)[normIndex(i, len(), "list")]);
  }
  void setitem(Int i, T x) const {
    if (i < 0)
      i += len();
    if (i < 0 || i >= len())
      raiseIndexError("list assignment index out of range");
    S::ref((*p_)[i]) = std::move(x);
  }
  void delitem(Int i) const {
    if (i < 0)
      i += len();
    if (i < 0 || i >= len())
      raiseIndexError("list assignment index out of range");
    p_->erase(p_->begin() + i);
  }
  List slice(const Slice &sl) const {
    SliceRange r = adjustSlice(sl, len());
    List out;
    out.p_->reserve(r.count);
    for (Int k = 0, i = r.start; k < r.count; ++k, i += r.step)
      out.p_->push_back((*p_)[i]);
    return out;
  }
  // a[i:j:k] = xs; a step other than 1 needs an equal-length source.
  void setslice(const Slice &sl, const List &src) const {
    List xs = src.copy(); // a[:] = a must read the old contents
    SliceRange r = adjustSlice(sl, len());
    if (r.step == 1) {
      Int stop = std::max(r.start, r.start + r.count);
      p_->erase(p_->begin() + r.start, p_->begin() + stop);
      p_->insert(p_->begin() + r.start, xs.p_->begin(), xs.p_->end());
      return;
    }
    if (xs.len() != r.count)
      raiseValueError("attempt to assign sequence of size " +
                      std::to_string(xs.len()) + " to extended slice of size " +
                      std::to_string(r.count));
    for (Int k = 0, i = r.start; k < r.count; ++k, i += r.step)
      (*p_)[i] = (*xs.p_)[k];
  }
  void delslice(const Slice &sl) const {
    SliceRange r = adjustSlice(sl, len());
    if (r.step < 0) {
      r.start += (r.count - 1) * r.step;
      r.step = -r.step;
    }
    Vec keep;
    keep.reserve(p_->size() - r.count);
    for (Int i = 0, k = 0; i < len(); ++i) {
      if (k < r.count && i == r.start + k * r.step) {
        ++k;
        continue;
      }
      keep.push_back(std::move((*p_)[i]));
    }
    p_->swap(keep);
  }

  void append(T x) const { p_->emplace_back(std::move(x)); }
  template <class It> void extend(const It &it) const {
    if constexpr (std::is_same_v<It, List>) {
      if (it.p_ == p_) { // a.extend(a)
        Vec copy = *p_;
        p_->insert(p_->end(), copy.begin(), copy.end());
        return;
      }
    }
    for (auto &&x : it)
      p_->emplace_back(T(x));
  }
  void insert(Int i, T x) const {
    Int n = len();
    if (i < 0)
      i = std::max<Int>(0, i + n);
    if (i > n)
      i = n;
    p_->emplace(p_->begin() + i, std::move(x));
  }
  T pop() const {
    if (p_->empty())
      raiseIndexError("pop from empty list");
    T x = std::move(S::ref(p_->back()));
    p_->pop_back();
    return x;
  }
  T pop(Int i) const {
    if (p_->empty())
      raiseIndexError("pop from empty list");
    if (i < 0)
      i += len();
    if (i < 0 || i >= len())
      raiseIndexError("pop index out of range");
    T x = std::move(S::ref((*p_)[i]));
    p_->erase(p_->begin() + i);
    return x;
  }
  void remove(const T &x) const {
    for (auto it = p_->begin(); it != p_->end(); ++it)
      if (S::ref(*it) == x) {
        p_->erase(it);
        return;
      }
    raiseValueError("list.remove(x): x not in list");
  }
  Int index(const T &x) const {
    for (std::size_t i = 0; i < p_->size(); ++i)
      if (S::ref((*p_)[i]) == x)
        return static_cast<Int>(i);
    std::string m;
    reprTo(m, x);
    raiseValueError(m + " is not in list");
  }
  Int count(const T &x) const {
    Int n = 0;
    for (const auto &e : *p_)
      n += S::ref(e) == x;
    return n;
  }
  bool contains(const T &x) const {
    for (const auto &e : *p_)
      if (S::ref(e) == x)
        return true;
    return false;
  }
  void reverse() const { std::reverse(p_->begin(), p_->end()); }
  void clear() const { p_->clear(); }
  List copy() const {
    List r;
    *r.p_ = *p_;
    return r;
  }
  // Stable, like CPython's timsort; reverse=True keeps equal items in their
  // original order, as CPython does.
  void sort(bool reverse = false) const {
    if (reverse)
      std::stable_sort(
          p_->begin(), p_->end(),
          [](const auto &a, const auto &b) { return S::ref(b) < S::ref(a); });
    else
      std::stable_sort(
          p_->begin(), p_->end(),
          [](const auto &a, const auto &b) { return S::ref(a) < S::ref(b); });
  }
  // sort(key=f): each key is computed once, as in CPython.
  template <class F> void sort(F &&key, bool reverse = false) const {
    using K = std::decay_t<decltype(key(std::declval<T &>()))>;
    std::vector<std::pair<K, std::size_t>> keys;
    keys.reserve(p_->size());
    for (std::size_t i = 0; i < p_->size(); ++i)
      keys.emplace_back(key(S::ref((*p_)[i])), i);
    if (reverse)
      std::stable_sort(
          keys.begin(), keys.end(),
          [](const auto &a, const auto &b) { return b.first < a.first; });
    else
      std::stable_sort(
          keys.begin(), keys.end(),
          [](const auto &a, const auto &b) { return a.first < b.first; });
    Vec out;
    out.reserve(p_->size());
    for (auto &k : keys)
      out.push_back(std::move((*p_)[k.second]));
    p_->swap(out);
  }

  friend List operator+(const List &a, const List &b) {
    List r;
    r.p_->reserve(a.p_->size() + b.p_->size());
    r.p_->insert(r.p_->end(), a.p_->begin(), a.p_->end());
    r.p_->insert(r.p_->end(), b.p_->begin(), b.p_->end());
    return r;
  }
  List repeat(Int n) const {
    List r;
    if (n <= 0 || p_->empty())
      return r;
    r.p_->reserve(p_->size() * static_cast<std::size_t>(mul(n, len())) /
                  p_->size());
    for (Int k = 0; k < n; ++k)
      r.p_->insert(r.p_->end(), p_->begin(), p_->end());
    return r;
  }
  // a += b mutates a in place (b may be any iterable).
  template <class It> List &operator+=(const It &it) {
    extend(it);
    return *this;
  }

  friend bool operator==(const List &a, const List &b) {
    if (a.p_ == b.p_)
      return true;
    if (a.p_->size() != b.p_->size())
      return false;
    for (std::size_t i = 0; i < a.p_->size(); ++i)
      if (!(S::ref((*a.p_)[i]) == S::ref((*b.p_)[i])))
        return false;
    return true;
  }
  friend bool operator<(const List &a, const List &b) {
    std::size_t n = std::min(a.p_->size(), b.p_->size());
    for (std::size_t i = 0; i < n; ++i) {
      const T &x = S::ref((*a.p_)[i]);
      const T &y = S::ref((*b.p_)[i]);
      if (!(x == y))
        return x < y;
    }
    return a.p_->size() < b.p_->size();
  }
  friend bool operator>(const List &a, const List &b) { return b < a; }
  friend bool operator<=(const List &a, const List &b) { return !(b < a); }
  friend bool operator>=(const List &a, const List &b) { return !(a < b); }
  // `a is b`
  bool is(const List &o) const { return p_ == o.p_; }

  class iterator {
  public:
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    iterator(std::shared_ptr<Vec> p) : p_(std::move(p)) {}
    T &operator*() const { return S::ref((*p_)[i_]); }
    iterator &operator++() {
      ++i_;
      return *this;
    }
    void operator++(int) { ++i_; }
    bool operator==(detail::End) const { return i_ >= p_->size(); }

  private:
    std::shared_ptr<Vec> p_;
    std::size_t i_ = 0;
  };
  iterator begin() const { return iterator(p_); }
  detail::End end() const { return {}; }

  // Direct access for the runtime's own algorithms (sorted, min, join...).
  const Vec &vec() const { return *p_; }
  Vec &vec() { return *p_; }

private:
  std::shared_ptr<Vec> p_;
};

template <class T> void reprTo(std::string &out, const List<T> &l) {
  out += '[';
  bool first = true;
  for (const auto &e : l.vec()) {
    if (!first)
      out += ", ";
    first = false;
    reprTo(out, detail::Stored<T>::ref(e));
  }
  out += ']';
}

// ----------------------------------------------------------------- Dict --
namespace detail {
// Python's compact dict: entries in insertion order plus an open-addressing
// index of entry numbers. Deleted entries stay as holes until the next
// rebuild, so iteration order is insertion order.
template <class K, class V> struct DictImpl {
  struct Entry {
    K key;
    V value;
    Int hash;
    bool live;
  };
  std::vector<Entry> entries;
  std::vector<std::int32_t> index; // -1 empty, -2 deleted
  Int used = 0;
  std::uint64_t keysVersion = 0;

  static constexpr std::int32_t kEmpty = -1, kDeleted = -2;

  // Slot holding `key`, or -1.
  Int find(const K &key, Int h) const {
    if (index.empty())
      return -1;
    std::size_t mask = index.size() - 1;
    std::size_t i = static_cast<std::size_t>(h) & mask;
    std::size_t perturb = static_cast<std::size_t>(h);
    while (true) {
      std::int32_t ix = index[i];
      if (ix == kEmpty)
        return -1;
      if (ix >= 0) {
        const Entry &e = entries[ix];
        if (e.hash == h && e.key == key)
          return static_cast<Int>(i);
      }
      perturb >>= 5;
      i = (i * 5 + perturb + 1) & mask;
    }
  }
  void insertIndex(std::int32_t ix, Int h) {
    std::size_t mask = index.size() - 1;
    std::size_t i = static_cast<std::size_t>(h) & mask;
    std::size_t perturb = static_cast<std::size_t>(h);
    while (index[i] >= 0) {
      perturb >>= 5;
      i = (i * 5 + perturb + 1) & mask;
    }
    index[i] = ix;
  }
  void rebuild(std::size_t minSize) {
    std::size_t n = 8;
    while (n < minSize)
      n <<= 1;
    if (static_cast<Int>(entries.size()) != used) {
      std::vector<Entry> live;
      live.reserve(used);
      for (auto &e : entries)
        if (e.live)
          live.push_back(std::move(e));
      entries.swap(live);
    }
    index.assign(n, kEmpty);
    for (std::size_t k = 0; k < entries.size(); ++k)
      insertIndex(static_cast<std::int32_t>(k), entries[k].hash);
  }
  V &insert(K key, Int h, V value) {
    if ((entries.size() + 1) * 3 >= index.size() * 2)
      rebuild((used + 1) * 3);
    entries.push_back(Entry{std::move(key), std::move(value), h, true});
    insertIndex(static_cast<std::int32_t>(entries.size() - 1), h);
    ++used;
    ++keysVersion;
    return entries.back().value;
  }
  void eraseSlot(Int slot) {
    Entry &e = entries[index[slot]];
    e.live = false;
    index[slot] = kDeleted;
    --used;
    ++keysVersion;
  }
};
} // namespace detail

template <class K, class V> class Dict {
  using Impl = detail::DictImpl<K, V>;

public:
  using key_type = K;
  using mapped_type = V;
  Dict() : p_(std::make_shared<Impl>()) {}
  Dict(std::initializer_list<std::pair<K, V>> xs) : Dict() {
    for (const auto &kv : xs)
      setitem(kv.first, kv.second);
  }

  // dict(iterable of pairs), e.g. dict(zip(keys, values)).
  template <class It> static Dict from(const It &it) {
    Dict d;
    for (auto &&kv : it)
      d.setitem(get<0>(kv), get<1>(kv));
    return d;
  }

  Int len() const { return p_->used; }
  bool empty() const { return p_->used == 0; }
  bool contains(const K &k) const { return p_->find(k, hash(k)) >= 0; }
  // d[k]: KeyError(repr(k)) when absent.
  V &operator[](const K &k) const {
    Int s = p_->find(k, hash(k));
    if (s < 0)
      keyError(k);
    return p_->entries[p_->index[s]].value;
  }
  void setitem(const K &k, V v) const {
    Int h = hash(k);
    Int s = p_->find(k, h);
    if (s >= 0)
      p_->entries[p_->index[s]].value = std::move(v);
    else
      p_->insert(k, h, std::move(v));
  }
  void delitem(const K &k) const {
    Int s = p_->find(k, hash(k));
    if (s < 0)
      keyError(k);
    p_->eraseSlot(s);
  }
  Optional<V> get(const K &k) const {
    Int s = p_->find(k, hash(k));
    if (s < 0)
      return none;
    return p_->entries[p_->index[s]].value;
  }
  V get(const K &k, V dflt) const {
    Int s = p_->find(k, hash(k));
    return s < 0 ? dflt : p_->entries[p_->index[s]].value;
  }
  V &setdefault(const K &k, V dflt) const {
    Int h = hash(k);
    Int s = p_->find(k, h);
    if (s >= 0)
      return p_->entries[p_->index[s]].value;
    return p_->insert(k, h, std::move(dflt));
  }
  V pop(const K &k) const {
    Int s = p_->find(k, hash(k));
    if (s < 0)
      keyError(k);
    V v = std::move(p_->entries[p_->index[s]].value);
    p_->eraseSlot(s);
    return v;
  }
  V pop(const K &k, V dflt) const {
    Int s = p_->find(k, hash(k));
    if (s < 0)
      return dflt;
    V v = std::move(p_->entries[p_->index[s]].value);
    p_->eraseSlot(s);
    return v;
  }
  Tuple<K, V> popitem() const {
    for (auto it = p_->entries.rbegin(); it != p_->entries.rend(); ++it)
      if (it->live) {
        Int slot = p_->find(it->key, it->hash);
        Tuple<K, V> r(it->key, std::move(it->value));
        p_->eraseSlot(slot);
        return r;
      }
    raiseKeyError("'popitem(): dictionary is empty'");
  }
  void update(const Dict &o) const {
    if (o.p_ == p_)
      return;
    for (const auto &e : o.p_->entries)
      if (e.live)
        setitem(e.key, e.value);
  }
  void clear() const { *p_ = Impl(); }
  Dict copy() const {
    Dict r;
    for (const auto &e : p_->entries)
      if (e.live)
        r.p_->insert(e.key, e.hash, e.value);
    return r;
  }
  bool is(const Dict &o) const { return p_ == o.p_; }
  // d | e (3.9+): a new dict, e's values win.
  friend Dict operator|(const Dict &a, const Dict &b) {
    Dict r = a.copy();
    r.update(b);
    return r;
  }
  Dict &operator|=(const Dict &o) {
    update(o);
    return *this;
  }

  friend bool operator==(const Dict &a, const Dict &b) {
    if (a.len() != b.len())
      return false;
    for (const auto &e : a.p_->entries) {
      if (!e.live)
        continue;
      Int s = b.p_->find(e.key, e.hash);
      if (s < 0 || !(b.p_->entries[b.p_->index[s]].value == e.value))
        return false;
    }
    return true;
  }

  // Iteration (over keys, values or items) raises RuntimeError when the dict
  // changes size during the loop, as CPython does.
  enum class What { Keys, Values, Items };
  template <What W> class iterator {
  public:
    iterator(std::shared_ptr<Impl> p) : p_(std::move(p)) {
      used_ = p_->used;
      version_ = p_->keysVersion;
      skip();
    }
    decltype(auto) operator*() const {
      auto &e = p_->entries[i_];
      if constexpr (W == What::Keys)
        return static_cast<const K &>(e.key);
      else if constexpr (W == What::Values)
        return static_cast<V &>(e.value);
      else
        return Tuple<K, V>(e.key, e.value);
    }
    iterator &operator++() {
      ++i_;
      check();
      skip();
      return *this;
    }
    bool operator==(detail::End) const {
      check();
      return i_ >= p_->entries.size();
    }

  private:
    void check() const {
      if (p_->used != used_) {
        used_ = p_->used; // raise once
        raiseRuntimeError("dictionary changed size during iteration");
      }
      if (p_->keysVersion != version_) {
        version_ = p_->keysVersion;
        raiseRuntimeError("dictionary keys changed during iteration");
      }
    }
    void skip() {
      while (i_ < p_->entries.size() && !p_->entries[i_].live)
        ++i_;
    }
    std::shared_ptr<Impl> p_;
    std::size_t i_ = 0;
    mutable Int used_;
    mutable std::uint64_t version_;
  };
  template <What W> struct View {
    std::shared_ptr<Impl> p;
    iterator<W> begin() const { return iterator<W>(p); }
    detail::End end() const { return {}; }
    Int len() const { return p->used; }
    // dict_keys(['a']) / dict_values([1]) / dict_items([('a', 1)])
    friend void reprTo(std::string &out, const View &v) {
      out += W == What::Keys     ? "dict_keys(["
             : W == What::Values ? "dict_values(["
                                 : "dict_items([";
      bool first = true;
      for (auto &&x : v) {
        if (!first)
          out += ", ";
        first = false;
        reprTo(out, x);
      }
      out += "])";
    }
  };
  iterator<What::Keys> begin() const { return iterator<What::Keys>(p_); }
  detail::End end() const { return {}; }
  View<What::Keys> keys() const { return {p_}; }
  View<What::Values> values() const { return {p_}; }
  View<What::Items> items() const { return {p_}; }

  const Impl &impl() const { return *p_; }

private:
  [[noreturn]] static void keyError(const K &k) {
    std::string m;
    reprTo(m, k);
    raiseKeyError(std::move(m));
  }
  std::shared_ptr<Impl> p_;
};

template <class K, class V> void reprTo(std::string &out, const Dict<K, V> &d) {
  out += '{';
  bool first = true;
  for (const auto &e : d.impl().entries) {
    if (!e.live)
      continue;
    if (!first)
      out += ", ";
    first = false;
    reprTo(out, e.key);
    out += ": ";
    reprTo(out, e.value);
  }
  out += '}';
}

// ------------------------------------------------------------------ Set --
namespace detail {
// CPython 3.11's set table (setobject.c): open addressing with 9 linear
// probes then perturbation, dummies on delete (add reuses the last dummy on
// its probe path), resize at 3/5 fill. Iteration is table order, so sets of
// ints (whose hashes equal CPython's) print in CPython's order. str hashes are
// randomized in CPython, so nothing may depend on the order of a set of str.
template <class T> struct SetImpl {
  struct Slot {
    std::optional<T> key;
    Int hash = 0; // -1 with no key: dummy
    bool live() const { return key.has_value(); }
    bool unused() const { return !key.has_value() && hash == 0; }
  };
  std::vector<Slot> table = std::vector<Slot>(8);
  Int fill = 0, used = 0;
  std::size_t finger = 0;
  std::uint64_t version = 0;

  std::size_t mask() const { return table.size() - 1; }

  Slot *lookup(const T &key, Int h) {
    std::size_t mask = this->mask();
    std::size_t i = static_cast<std::size_t>(h) & mask;
    std::size_t perturb = static_cast<std::size_t>(h);
    while (true) {
      Slot *e = &table[i];
      int probes = (i + 9 <= mask) ? 9 : 0;
      do {
        if (e->unused())
          return nullptr;
        if (e->hash == h && e->live() && *e->key == key)
          return e;
        ++e;
      } while (probes--);
      perturb >>= 5;
      i = (i * 5 + 1 + perturb) & mask;
    }
  }
  // set_add_entry; returns false if already present.
  bool add(const T &key, Int h) {
    std::size_t mask = this->mask();
    std::size_t i = static_cast<std::size_t>(h) & mask;
    std::size_t perturb = static_cast<std::size_t>(h);
    Slot *e;
    Slot *freeslot = nullptr; // last dummy on the probe path, reused
    while (true) {
      e = &table[i];
      int probes = (i + 9 <= mask) ? 9 : 0;
      do {
        if (e->unused())
          goto found_unused;
        if (e->hash == h && e->live() && *e->key == key)
          return false;
        if (e->hash == -1 && !e->live())
          freeslot = e;
        ++e;
      } while (probes--);
      perturb >>= 5;
      i = (i * 5 + 1 + perturb) & mask;
    }
  found_unused:
    if (freeslot) {
      freeslot->key.emplace(key);
      freeslot->hash = h;
      ++used;
      ++version;
      return true;
    }
    e->key.emplace(key);
    e->hash = h;
    ++fill;
    ++used;
    ++version;
    if (static_cast<std::size_t>(fill) * 5 >= mask * 3)
      resize(used > 50000 ? used * 2 : used * 4);
    return true;
  }
  static void insertClean(std::vector<Slot> &t, T &&key, Int h) {
    std::size_t mask = t.size() - 1;
    std::size_t i = static_cast<std::size_t>(h) & mask;
    std::size_t perturb = static_cast<std::size_t>(h);
    while (true) {
      Slot *e = &t[i];
      if (!e->live())
        goto found;
      if (i + 9 <= mask) {
        for (int j = 0; j < 9; ++j) {
          ++e;
          if (!e->live())
            goto found;
        }
      }
      perturb >>= 5;
      i = (i * 5 + 1 + perturb) & mask;
      continue;
    found:
      e->key.emplace(std::move(key));
      e->hash = h;
      return;
    }
  }
  void resize(Int minused) {
    std::size_t n = 8;
    while (n <= static_cast<std::size_t>(minused))
      n <<= 1;
    std::vector<Slot> old(n);
    old.swap(table);
    for (auto &s : old)
      if (s.live())
        insertClean(table, std::move(*s.key), s.hash);
    fill = used;
  }
  bool discard(const T &key, Int h) {
    Slot *e = lookup(key, h);
    if (!e)
      return false;
    e->key.reset();
    e->hash = -1;
    --used;
    ++version;
    return true;
  }
  // set_merge: add every element of `o`, with CPython's pre-sizing and its
  // fast paths for an empty target.
  void merge(const SetImpl &o) {
    if (&o == this || o.used == 0)
      return;
    if (static_cast<std::size_t>(fill + o.used) * 5 >= mask() * 3)
      resize((used + o.used) * 2);
    if (fill == 0 && mask() == o.mask() && o.fill == o.used) {
      for (std::size_t i = 0; i < table.size(); ++i)
        if (o.table[i].live()) {
          table[i].key.emplace(*o.table[i].key);
          table[i].hash = o.table[i].hash;
        }
      fill = used = o.used;
      ++version;
      return;
    }
    if (fill == 0) {
      for (const auto &s : o.table)
        if (s.live())
          insertClean(table, T(*s.key), s.hash);
      fill = used = o.used;
      ++version;
      return;
    }
    for (const auto &s : o.table)
      if (s.live())
        add(*s.key, s.hash);
  }
};
} // namespace detail

template <class T> class Set {
  using Impl = detail::SetImpl<T>;

public:
  using value_type = T;
  Set() : p_(std::make_shared<Impl>()) {}
  Set(std::initializer_list<T> xs) : Set() {
    for (const auto &x : xs)
      add(x);
  }
  // A set display of more than two constants, `{1, 2, 3}`: CPython 3.11
  // compiles it to a frozenset constant (built by adding in order, then
  // rebuilt from its own iteration order when the compiler merges constants)
  // that SET_UPDATE merges into an empty set. The order can differ from
  // adding the items one by one, so the compiler emits this for such
  // displays and the brace constructor for all others.
  static Set constLiteral(std::initializer_list<T> xs) {
    return constLiteralOf(xs);
  }
  template <class It> static Set constLiteralOf(const It &xs) {
    Set first, rebuilt, r;
    for (const auto &x : xs)
      first.add(x);
    for (const auto &x : first)
      rebuilt.add(x);
    r.p_->merge(*rebuilt.p_);
    return r;
  }
  // set(iterable); from another Set this is CPython's set_merge.
  template <class It> static Set from(const It &it) {
    Set r;
    r.update(it);
    return r;
  }

  Int len() const { return p_->used; }
  bool empty() const { return p_->used == 0; }
  bool contains(const T &x) const { return p_->lookup(x, hash(x)) != nullptr; }
  void add(const T &x) const { p_->add(x, hash(x)); }
  void discard(const T &x) const { p_->discard(x, hash(x)); }
  void remove(const T &x) const {
    if (!p_->discard(x, hash(x))) {
      std::string m;
      reprTo(m, x);
      raiseKeyError(std::move(m));
    }
  }
  T pop() const {
    Impl &s = *p_;
    if (s.used == 0)
      raiseKeyError("'pop from an empty set'");
    std::size_t i = s.finger & s.mask();
    while (!s.table[i].live())
      i = (i + 1) & s.mask();
    T x = std::move(*s.table[i].key);
    s.table[i].key.reset();
    s.table[i].hash = -1;
    --s.used;
    ++s.version;
    s.finger = i + 1;
    return x;
  }
  void clear() const { *p_ = Impl(); }
  Set copy() const {
    Set r;
    r.p_->merge(*p_);
    return r;
  }
  template <class It> void update(const It &it) const {
    if constexpr (std::is_same_v<It, Set>)
      p_->merge(*it.p_);
    else
      for (auto &&x : it)
        add(T(x));
  }
  Set union_(const Set &o) const {
    Set r = copy();
    r.p_->merge(*o.p_);
    return r;
  }
  Set intersection(const Set &o) const {
    if (o.p_ == p_)
      return copy();
    const Impl *big = p_.get(), *small = o.p_.get();
    if (small->used > big->used)
      std::swap(big, small);
    Set r;
    for (const auto &s : small->table)
      if (s.live() && const_cast<Impl *>(big)->lookup(*s.key, s.hash))
        r.p_->add(*s.key, s.hash);
    return r;
  }
  Set difference(const Set &o) const {
    if ((p_->used >> 2) > o.p_->used) {
      Set r = copy();
      r.differenceUpdate(o);
      return r;
    }
    Set r;
    for (const auto &s : p_->table)
      if (s.live() && !o.p_->lookup(*s.key, s.hash))
        r.p_->add(*s.key, s.hash);
    return r;
  }
  Set symmetric_difference(const Set &o) const {
    Set r = o.copy();
    for (const auto &s : p_->table)
      if (s.live() && !r.p_->discard(*s.key, s.hash))
        r.p_->add(*s.key, s.hash);
    return r;
  }
  void differenceUpdate(const Set &o) const {
    if (o.p_ == p_) {
      clear();
      return;
    }
    for (const auto &s : o.p_->table)
      if (s.live())
        p_->discard(*s.key, s.hash);
    // CPython purges dummies once more than a quarter of the table is dead.
    if (static_cast<std::size_t>(p_->fill - p_->used) > p_->mask() / 4)
      p_->resize(p_->used > 50000 ? p_->used * 2 : p_->used * 4);
  }
  void difference_update(const Set &o) const { differenceUpdate(o); }
  void intersection_update(const Set &o) const { *p_ = *intersection(o).p_; }
  bool issubset(const Set &o) const {
    if (len() > o.len())
      return false;
    for (const auto &s : p_->table)
      if (s.live() && !o.p_->lookup(*s.key, s.hash))
        return false;
    return true;
  }
  bool issuperset(const Set &o) const { return o.issubset(*this); }
  bool isdisjoint(const Set &o) const { return intersection(o).empty(); }

  friend Set operator|(const Set &a, const Set &b) { return a.union_(b); }
  friend Set operator&(const Set &a, const Set &b) { return a.intersection(b); }
  friend Set operator-(const Set &a, const Set &b) { return a.difference(b); }
  friend Set operator^(const Set &a, const Set &b) {
    return a.symmetric_difference(b);
  }
  Set &operator|=(const Set &o) {
    p_->merge(*o.p_);
    return *this;
  }
  Set &operator-=(const Set &o) {
    differenceUpdate(o);
    return *this;
  }
  Set &operator&=(const Set &o) {
    intersection_update(o);
    return *this;
  }
  friend bool operator==(const Set &a, const Set &b) {
    return a.len() == b.len() && a.issubset(b);
  }
  friend bool operator<=(const Set &a, const Set &b) { return a.issubset(b); }
  friend bool operator<(const Set &a, const Set &b) {
    return a.len() < b.len() && a.issubset(b);
  }
  friend bool operator>=(const Set &a, const Set &b) { return b.issubset(a); }
  friend bool operator>(const Set &a, const Set &b) { return b < a; }
  bool is(const Set &o) const { return p_ == o.p_; }

  class iterator {
  public:
    iterator(std::shared_ptr<Impl> p) : p_(std::move(p)) {
      used_ = p_->used;
      skip();
    }
    const T &operator*() const { return *p_->table[i_].key; }
    iterator &operator++() {
      ++i_;
      if (p_->used != used_) {
        used_ = p_->used;
        raiseRuntimeError("Set changed size during iteration");
      }
      skip();
      return *this;
    }
    bool operator==(detail::End) const { return i_ >= p_->table.size(); }

  private:
    void skip() {
      while (i_ < p_->table.size() && !p_->table[i_].live())
        ++i_;
    }
    std::shared_ptr<Impl> p_;
    std::size_t i_ = 0;
    Int used_;
  };
  iterator begin() const { return iterator(p_); }
  detail::End end() const { return {}; }
  const Impl &impl() const { return *p_; }

private:
  std::shared_ptr<Impl> p_;
};

template <class T> void reprTo(std::string &out, const Set<T> &s) {
  if (s.empty()) {
    out += "set()";
    return;
  }
  out += '{';
  bool first = true;
  for (const auto &e : s.impl().table) {
    if (!e.live())
      continue;
    if (!first)
      out += ", ";
    first = false;
    reprTo(out, *e.key);
  }
  out += '}';
}

} // namespace aioc::py

// Structured bindings: `auto [k, v] = item;`
template <class... Ts>
struct std::tuple_size<aioc::py::Tuple<Ts...>>
    : std::integral_constant<std::size_t, sizeof...(Ts)> {};
template <std::size_t I, class... Ts>
struct std::tuple_element<I, aioc::py::Tuple<Ts...>> {
  using type = std::tuple_element_t<I, std::tuple<Ts...>>;
};
