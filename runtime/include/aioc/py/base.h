// Scalars of the Python subset: int (checked int64_t), float (double), bool,
// None; Python's arithmetic rules and hashes. See py.h for the whole API.
#pragma once

#include <aioc/exceptions.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

namespace aioc::py {

using Int = std::int64_t;
using Float = double;

// Python's None. All Nones are equal; `x is None` is lowered by the compiler.
struct None {
  friend constexpr bool operator==(None, None) { return true; }
  friend constexpr bool operator<(None, None) { return false; }
};
inline constexpr None none{};

namespace detail {
// The end sentinel of every py:: iterator (range-for accepts distinct types).
struct End {};
} // namespace detail

// Out-of-line raisers keep the inline fast paths small.
[[noreturn]] void raiseOverflow();
[[noreturn]] void raiseZeroDivision(const char *msg);
[[noreturn]] void raiseValueError(std::string msg);
[[noreturn]] void raiseTypeError(std::string msg);
[[noreturn]] void raiseIndexError(std::string msg);
[[noreturn]] void raiseOverflowError(std::string msg);

// ---- int: every operation is checked (SPEC §8: 64-bit ints raise
// OverflowError where CPython would grow a big int). ----
inline Int add(Int a, Int b) {
  Int r;
  if (__builtin_add_overflow(a, b, &r))
    raiseOverflow();
  return r;
}
inline Int sub(Int a, Int b) {
  Int r;
  if (__builtin_sub_overflow(a, b, &r))
    raiseOverflow();
  return r;
}
inline Int mul(Int a, Int b) {
  Int r;
  if (__builtin_mul_overflow(a, b, &r))
    raiseOverflow();
  return r;
}
inline Int neg(Int a) {
  if (a == INT64_MIN)
    raiseOverflow();
  return -a;
}
inline Int abs(Int a) { return a < 0 ? neg(a) : a; }
// Floor division and modulo round toward negative infinity, as in Python.
inline Int floordiv(Int a, Int b) {
  if (b == 0)
    raiseZeroDivision("integer division or modulo by zero");
  if (b == -1)
    return neg(a);
  Int q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0)))
    --q;
  return q;
}
inline Int mod(Int a, Int b) {
  if (b == 0)
    raiseZeroDivision("integer modulo by zero");
  if (b == -1)
    return 0;
  Int r = a % b;
  if (r != 0 && ((r < 0) != (b < 0)))
    r += b;
  return r;
}
// int / int is a float in Python. Exact below 2**53; above that the result
// may differ from CPython's correctly rounded quotient in the last bit.
inline Float truediv(Int a, Int b) {
  if (b == 0)
    raiseZeroDivision("division by zero");
  return static_cast<Float>(a) / static_cast<Float>(b);
}
Int lshift(Int a, Int n);
inline Int rshift(Int a, Int n) {
  if (n < 0)
    raiseValueError("negative shift count");
  return n >= 64 ? (a < 0 ? -1 : 0) : (a >> n);
}
// a ** b for b >= 0; a negative exponent yields a float (powIntFloat).
Int powInt(Int a, Int b);
Float powIntNeg(Int a, Int b);

// ---- float ----
inline Float truediv(Float a, Float b) {
  if (b == 0.0)
    raiseZeroDivision("float division by zero");
  return a / b;
}
Float floordiv(Float a, Float b);
Float mod(Float a, Float b);
// Python's float ** float. A negative base with a fractional exponent gives a
// complex number in CPython; aioc raises ValueError instead (no complex type).
Float pow(Float a, Float b);

// Python's hash(): int and float hashes equal CPython's (so sets of numbers
// iterate in CPython's order); str hashes are randomized in CPython anyway.
inline constexpr std::uint64_t kHashModulus = (std::uint64_t(1) << 61) - 1;
inline Int hash(Int v) {
  std::uint64_t m = v < 0 ? 0 - std::uint64_t(v) : std::uint64_t(v);
  Int h = static_cast<Int>(m % kHashModulus);
  if (v < 0)
    h = -h;
  return h == -1 ? -2 : h;
}
inline Int hash(bool v) { return v ? 1 : 0; }
Int hash(Float v);
inline Int hash(None) { return 0x6b2a3c5d; }

// Python's ordering helpers used by sort/min/max and container comparison.
template <class T> inline bool lt(const T &a, const T &b) { return a < b; }
template <class T> inline bool eq(const T &a, const T &b) { return a == b; }

} // namespace aioc::py
