// py::Str (Python str) and py::Bytes. See py.h for the whole API.
#pragma once

#include <aioc/py/base.h>

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace aioc::py {

template <class T> class List;
template <class... Ts> class Tuple;
template <class T> class Optional;
class Bytes;

// A slice's optional bounds, `a[i:j:k]`. Absent parts are std::nullopt.
struct Slice {
  std::optional<Int> start, stop, step;
};
// PySlice_AdjustIndices: normalised start/step and the element count.
struct SliceRange {
  Int start, step, count;
};
SliceRange adjustSlice(const Slice &s, Int len);
// Index normalisation for a[i]: negative counts from the end; raises
// IndexError("<what> index out of range").
inline Int normIndex(Int i, Int len, const char *what) {
  if (i < 0)
    i += len;
  if (i < 0 || i >= len)
    raiseIndexError(std::string(what) + " index out of range");
  return i;
}

// Immutable UTF-8 text indexed by code point. Holds std::string (short strings
// stay inline thanks to SSO) plus its code-point count, computed once at
// construction so an all-ASCII string (count == byte size) takes the byte
// fast path everywhere. Value semantics; no mutable state, so thread-safe.
// Invalid UTF-8 never enters: Bytes::decode validates and the compiler only
// emits valid literals; bytes > 0x7F are counted as lead bytes.
class Str {
public:
  Str() = default;
  Str(const char *s) : Str(std::string(s)) {}
  Str(std::string_view s) : Str(std::string(s)) {}
  Str(std::string s) : s_(std::move(s)), cps_(countCodePoints(s_)) {}
  Str(const char *s, std::size_t n) : Str(std::string(s, n)) {}

  const std::string &bytes() const { return s_; }
  std::string_view view() const { return s_; }
  const char *c_str() const { return s_.c_str(); }
  Int len() const { return cps_; }
  bool isAscii() const { return cps_ == static_cast<Int>(s_.size()); }
  bool empty() const { return s_.empty(); }

  // s[i] and s[i:j:k], by code point.
  Str operator[](Int i) const;
  Str slice(const Slice &sl) const;

  // Operators.
  friend Str operator+(const Str &a, const Str &b) {
    return Str(a.s_ + b.s_, a.cps_ + b.cps_);
  }
  Str repeat(Int n) const;
  friend bool operator==(const Str &a, const Str &b) { return a.s_ == b.s_; }
  // UTF-8 byte order equals code-point order, which is Python's order.
  friend std::strong_ordering operator<=>(const Str &a, const Str &b) {
    return a.s_.compare(b.s_) <=> 0;
  }
  bool contains(const Str &sub) const {
    return s_.find(sub.s_) != std::string::npos;
  }

  // Methods, named as in Python. Positions are code-point indices.
  List<Str> split() const;
  List<Str> split(const Optional<Str> &sep, Int maxsplit = -1) const;
  List<Str> rsplit() const;
  List<Str> rsplit(const Optional<Str> &sep, Int maxsplit = -1) const;
  List<Str> splitlines(bool keepends = false) const;
  Str join(const List<Str> &items) const;
  // sep.join(any iterable of str): dict keys, sets, reversed(), ...
  template <class It> Str join(const It &items) const {
    std::string out;
    Int cps = 0;
    bool first = true;
    for (const Str &x : items) {
      if (!first) {
        out += s_;
        cps += cps_;
      }
      first = false;
      out += x.s_;
      cps += x.cps_;
    }
    return Str(std::move(out), cps);
  }
  Str strip() const;
  Str strip(const Str &chars) const;
  Str lstrip() const;
  Str lstrip(const Str &chars) const;
  Str rstrip() const;
  Str rstrip(const Str &chars) const;
  Str replace(const Str &old, const Str &repl, Int count = -1) const;
  bool startswith(const Str &p) const { return s_.starts_with(p.s_); }
  bool startswith(const Str &p, Int start, std::optional<Int> end = {}) const;
  bool endswith(const Str &p) const { return s_.ends_with(p.s_); }
  bool endswith(const Str &p, Int start, std::optional<Int> end = {}) const;
  Int find(const Str &sub, std::optional<Int> start = {},
           std::optional<Int> end = {}) const;
  Int rfind(const Str &sub, std::optional<Int> start = {},
            std::optional<Int> end = {}) const;
  Int index(const Str &sub, std::optional<Int> start = {},
            std::optional<Int> end = {}) const;
  Int rindex(const Str &sub, std::optional<Int> start = {},
             std::optional<Int> end = {}) const;
  Int count(const Str &sub, std::optional<Int> start = {},
            std::optional<Int> end = {}) const;
  Str upper() const;
  Str lower() const;
  Str casefold() const;
  Str swapcase() const;
  Str title() const;
  Str capitalize() const;
  bool isdigit() const;
  bool isdecimal() const;
  bool isnumeric() const;
  bool isalpha() const;
  bool isalnum() const;
  bool isspace() const;
  bool isupper() const;
  bool islower() const;
  bool istitle() const;
  bool isascii() const { return isAscii(); }
  bool isprintable() const;
  bool isidentifier() const;
  Str zfill(Int width) const;
  Str ljust(Int width, const Str &fill = Str(" ")) const;
  Str rjust(Int width, const Str &fill = Str(" ")) const;
  Str center(Int width, const Str &fill = Str(" ")) const;
  Tuple<Str, Str, Str> partition(const Str &sep) const;
  Tuple<Str, Str, Str> rpartition(const Str &sep) const;
  Str removeprefix(const Str &p) const;
  Str removesuffix(const Str &p) const;
  Str expandtabs(Int tabsize = 8) const;
  Bytes encode() const;

  // Iteration yields one-code-point strings.
  // The iterator shares the string's buffer: the Str must outlive the loop,
  // which range-for guarantees.
  class iterator {
  public:
    using value_type = Str;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    iterator(const char *p, const char *e) : p_(p), e_(e) {}
    Str operator*() const;
    iterator &operator++();
    void operator++(int) { ++*this; }
    bool operator==(detail::End) const { return p_ >= e_; }

  private:
    const char *p_ = nullptr, *e_ = nullptr;
  };
  iterator begin() const { return iterator(s_.data(), s_.data() + s_.size()); }
  detail::End end() const { return {}; }

  // Code point <-> byte offset; identity for ASCII.
  std::size_t byteOffset(Int cp) const;
  Int cpIndex(std::size_t byteOff) const;

  static Int countCodePoints(std::string_view s) {
    Int n = 0;
    for (unsigned char c : s)
      n += (c & 0xC0) != 0x80;
    return n;
  }
  // Trusted constructor for callers that already know the count.
  Str(std::string s, Int cps) : s_(std::move(s)), cps_(cps) {}

private:
  std::string s_;
  Int cps_ = 0;
};

Int hash(const Str &s);
// repr(str) with CPython's quote choice and escapes.
void reprTo(std::string &out, const Str &s);
inline void strTo(std::string &out, const Str &s) { out += s.bytes(); }
Int ord(const Str &s);
namespace detail {
// CPython's _PyUnicode_TransformDecimalAndSpaceToASCII, used by int() and
// float(): Unicode decimal digits become '0'..'9', Unicode spaces ' ', any
// other non-ASCII character '?'.
std::string decimalToAscii(std::string_view s);
} // namespace detail
Str chr(Int cp);

// Python bytes: immutable byte string. Indexing yields ints.
class Bytes {
public:
  Bytes() = default;
  explicit Bytes(std::string b) : b_(std::move(b)) {}
  const std::string &data() const { return b_; }
  Int len() const { return static_cast<Int>(b_.size()); }
  Int operator[](Int i) const {
    return static_cast<unsigned char>(b_[normIndex(i, len(), "index")]);
  }
  Bytes slice(const Slice &sl) const;
  // UTF-8 decode, strict: UnicodeDecodeError with CPython's message.
  Str decode() const;
  friend Bytes operator+(const Bytes &a, const Bytes &b) {
    return Bytes(a.b_ + b.b_);
  }
  friend bool operator==(const Bytes &a, const Bytes &b) = default;
  friend std::strong_ordering operator<=>(const Bytes &a, const Bytes &b) {
    return a.b_.compare(b.b_) <=> 0;
  }
  bool contains(const Bytes &sub) const {
    return b_.find(sub.b_) != std::string::npos;
  }

private:
  std::string b_;
};
Int hash(const Bytes &b);
void reprTo(std::string &out, const Bytes &b);
// str(b) is repr(b) in Python.
inline void strTo(std::string &out, const Bytes &b) { reprTo(out, b); }

} // namespace aioc::py

template <> struct std::hash<aioc::py::Str> {
  std::size_t operator()(const aioc::py::Str &s) const {
    return static_cast<std::size_t>(aioc::py::hash(s));
  }
};
