// aioc::py — Python values and builtins with CPython 3.11 semantics, for the
// C++ that aioc generates (and for hand-written C++). Umbrella header.
//
// TYPES (Python -> C++)
//   int -> py::Int (int64_t). Arithmetic goes through checked helpers:
//     add sub mul neg abs floordiv mod powInt lshift rshift (OverflowError on
//     64-bit overflow, SPEC §8; ZeroDivisionError with CPython's messages).
//     a / b -> truediv(Int, Int) -> Float; a ** b with b < 0 -> powIntNeg.
//     & | ^ ~ are plain C++ operators. Comparisons are plain C++.
//   float -> py::Float (double). truediv/floordiv/mod/pow(Float, Float);
//     + - * and comparisons are plain C++. int->float promotion is done by the
//     compiler with static_cast<Float>.
//   bool -> bool; None -> py::None (value py::none).
//   str -> py::Str: immutable UTF-8, value semantics, indexed by code point.
//     s[i] -> s[i]; s[a:b:c] -> s.slice({a, b, c}) (py::Slice, std::nullopt
//     for omitted parts); + ; s * n -> s.repeat(n); `x in s` -> s.contains(x);
//     == < <= > >= ; len(s) -> s.len(); methods keep Python's names
//     (split, rsplit, join, strip, replace, startswith, find, index, count,
//     upper, lower, title, capitalize, isdigit, zfill, ljust, center,
//     partition, splitlines, removeprefix, encode, ...). Optional arguments
//     are trailing C++ parameters (`s.split(None, 2)` -> s.split(none, 2)).
//     Iterating yields one-character Str.
//   bytes -> py::Bytes: len, b[i] (Int), slice, decode(), ==, +, repr b'..'.
//   list[T] -> py::List<T>, dict[K, V] -> py::Dict<K, V>, set[T] -> py::Set<T>:
//     REFERENCE semantics like Python (copies alias one object; is() is `is`).
//     List: l[i] (returns T&, negative indices, IndexError), setitem(i, v),
//       delitem(i), slice/setslice/delslice(py::Slice), append extend insert
//       pop remove index count sort(reverse) sort(key, reverse) reverse copy
//       clear, contains, + , repeat(n), += (extend), == < etc.
//       Literal: List<Int>{1, 2}; list(iterable): List<T>::from(it).
//     Dict: d[k] (KeyError(repr(k))), setitem(k, v), delitem, contains, get(k)
//       -> Optional<V>, get(k, dflt), setdefault, pop, popitem, keys(),
//       values(), items() (yields Tuple<K, V>), update, copy, clear, ==.
//       Iteration is insertion order; changing the size during iteration
//       raises RuntimeError as in CPython.
//     Set: add discard remove pop clear copy update union_ intersection
//       difference symmetric_difference issubset issuperset isdisjoint,
//       | & - ^ |= &= -=, == <= < >= >, contains. A display of more than
//       two constants (`{1, 2, 3}`) must be built with Set<T>::constLiteral
//       (CPython builds it through a frozenset constant and the order can
//       differ); other displays use Set<T>{...}. The table is CPython's, so
//       sets of ints (and floats, tuples of ints) iterate and print in
//       CPython's order. CPython randomizes str hashes: a set of str has no
//       defined order there, so tests must not depend on it.
//   tuple[A, B] -> py::Tuple<A, B>: value semantics, get<I>(t) or t.get<I>(),
//     structured bindings (`auto [a, b] = t;`), == < (lexicographic), hash,
//     usable as dict key / set element.
//   T | None -> py::Optional<T>: from none or a T; isNone(); value().
//
// REPR / STR / FORMAT
//   py::repr(x), py::str(x) -> Str. Extend for user types by declaring
//   `void reprTo(std::string &out, const UserT &)` (and optionally strTo) in
//   the type's namespace; containers find them by ADL. Float repr is CPython's
//   shortest round-trip form ('1.0', '1e+16', '1e-05', 'inf', '-0.0').
//   f-strings: append literal parts to a std::string and call
//   py::formatTo(out, value, "spec") for each field (the format-spec
//   mini-language of int/float/str/bool, exactly as CPython); `!r` is
//   formatTo(out, py::repr(x), spec), `!s` formatTo(out, py::str(x), spec).
//   py::format(value, spec) is the builtin format(); "...".format(a, b) is
//   py::strFormat(fmt, a, b) (positional fields, nested specs, CPython's
//   errors; no attribute/index lookups inside fields).
//
// BUILTINS (builtins.h)
//   print(args...) / printWith(PrintOptions{sep, end, File::Stderr, flush},
//   args...); stdout is block-buffered unless a tty, stderr line-buffered,
//   both flushed at exit. len(x); Range(stop) / Range(start, stop, step)
//   (iterable, len, contains, reversed); enumerate(it, start); zip(a, b, ...)
//   (yield Tuple<...>); reversed(x); sorted(it, reverse) / sorted(it, key,
//   reverse) (stable); min/max(it), minKey/maxKey(it, key),
//   minDefault/maxDefault(it, dflt), minArgs/maxArgs(a, b, ...); sum(it),
//   sum(it, start); any, all; truthy(x) is bool(x); abs; round(x),
//   round(x, n) (banker's / correctly rounded); int_(str[, base]),
//   int_(float), float_(str), bool_(x); ord, chr, hex, oct, bin, divmod.
//   Errors carry CPython's messages ("invalid literal for int() with base
//   10: 'x'", "max() arg is an empty sequence", ...).
//
// PROGRAM ENTRY
//   int main() { return aioc::py::runMain([] { module_body(); }); }
//   An uncaught exception prints "Traceback (most recent call last):" and
//   CPython's last line (chained causes first) to stderr and returns 1;
//   SystemExit(n) returns n; stdout is flushed before anything else.
#pragma once

#include <aioc/py/base.h>
#include <aioc/py/builtins.h>
#include <aioc/py/containers.h>
#include <aioc/py/repr.h>
#include <aioc/py/str.h>
