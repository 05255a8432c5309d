// repr()/str() of scalars, and the generic repr/str entry points. Containers
// and user types add `reprTo`/`strTo` overloads found by ADL.
#pragma once

#include <aioc/py/str.h>

#include <charconv>

namespace aioc::py {

inline void reprTo(std::string &out, Int v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}
// CPython's float repr: shortest round-trip digits, '1.0', '1e+16', '1e-05'.
void reprTo(std::string &out, Float v);
inline void reprTo(std::string &out, bool v) { out += v ? "True" : "False"; }
inline void reprTo(std::string &out, None) { out += "None"; }

inline void strTo(std::string &out, Int v) { reprTo(out, v); }
inline void strTo(std::string &out, Float v) { reprTo(out, v); }
inline void strTo(std::string &out, bool v) { reprTo(out, v); }
inline void strTo(std::string &out, None) { out += "None"; }

// Containers print their elements with repr, so the default str() of any type
// without its own strTo is its repr.
template <class T>
inline auto strTo(std::string &out, const T &v) -> decltype(reprTo(out, v)) {
  reprTo(out, v);
}

template <class T> Str repr(const T &v) {
  std::string s;
  reprTo(s, v);
  return Str(std::move(s));
}
template <class T> Str str(const T &v) {
  std::string s;
  strTo(s, v);
  return Str(std::move(s));
}
inline Str str(const Str &s) { return s; }
inline Str str() { return Str(); }

} // namespace aioc::py
