// printf-style `str % args`, as CPython's PyUnicode_Format:
//   "%d items, %s, %.2f, %5s, %-4r, %x, %c, %%" % (a, b, c, ...)
// lowers to percentFormat(fmt, a, b, c, ...) (a non-tuple right operand is
// one argument). Flags `-+ 0#`, width, precision and the conversions
// d i u x X o e E f F g G s r a c; `%(name)s` and `*` widths raise
// TypeError/ValueError here (the compiler refuses them in literals).
#pragma once

#include "aioc/py/builtins.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace aioc::py {

namespace detail {

struct PctSpec {
  bool minus = false, plus = false, space = false, zero = false, alt = false;
  int width = -1, prec = -1;
  char conv = 's';
};

inline void pctPad(std::string &out, std::string_view body, std::size_t cps,
                   const PctSpec &s) {
  std::size_t w = s.width < 0 ? 0 : static_cast<std::size_t>(s.width);
  if (!s.minus && cps < w)
    out.append(w - cps, ' ');
  out += body;
  if (s.minus && cps < w)
    out.append(w - cps, ' ');
}

// %s / %r of an already converted string: precision cuts code points.
inline void pctText(std::string &out, const std::string &t, const PctSpec &s) {
  std::size_t end = t.size(), cps = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if ((static_cast<unsigned char>(t[i]) & 0xC0) == 0x80)
      continue;
    if (s.prec >= 0 && cps == static_cast<std::size_t>(s.prec)) {
      end = i;
      break;
    }
    ++cps;
  }
  pctPad(out, std::string_view(t).substr(0, end), cps, s);
}

inline void pctInt(std::string &out, Int v, const PctSpec &s) {
  if (s.conv == 'c') {
    if (v < 0 || v > 0x10FFFF)
      throw OverflowError("%c arg not in range(0x110000)");
    Str c = chr(v);
    pctPad(out, c.bytes(), 1, s);
    return;
  }
  std::uint64_t mag =
      v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  unsigned base = s.conv == 'x' || s.conv == 'X' ? 16 : s.conv == 'o' ? 8 : 10;
  const char *digitsOf =
      s.conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string digits;
  do {
    digits.insert(digits.begin(), digitsOf[mag % base]);
    mag /= base;
  } while (mag);
  if (s.prec >= 0 && digits.size() < static_cast<std::size_t>(s.prec))
    digits.insert(0, static_cast<std::size_t>(s.prec) - digits.size(), '0');
  std::string prefix = v < 0 ? "-" : s.plus ? "+" : s.space ? " " : "";
  if (s.alt && base == 16)
    prefix += s.conv == 'X' ? "0X" : "0x";
  else if (s.alt && base == 8)
    prefix += "0o";
  std::size_t len = prefix.size() + digits.size();
  std::size_t w = s.width < 0 ? 0 : static_cast<std::size_t>(s.width);
  if (s.zero && !s.minus && len < w)
    digits.insert(0, w - len, '0');
  pctPad(out, prefix + digits, prefix.size() + digits.size(), s);
}

inline void pctFloat(std::string &out, Float v, const PctSpec &s) {
  std::string spec;
  if (s.minus)
    spec += '<';
  if (s.plus)
    spec += '+';
  else if (s.space)
    spec += ' ';
  if (s.alt)
    spec += '#';
  if (s.zero && !s.minus)
    spec += '0';
  if (s.width >= 0)
    spec += std::to_string(s.width);
  spec += '.';
  spec += std::to_string(s.prec >= 0 ? s.prec : 6);
  spec += s.conv;
  formatTo(out, v, spec);
}

[[noreturn]] inline void pctTypeError(const PctSpec &s, const char *type) {
  std::string c(1, s.conv);
  if (s.conv == 'x' || s.conv == 'X' || s.conv == 'o')
    throw TypeError("%" + c + " format: an integer is required, not " + type);
  if (s.conv == 'c')
    throw TypeError("%c requires int or char");
  if (s.conv == 'd' || s.conv == 'i' || s.conv == 'u')
    throw TypeError("%" + c + " format: a real number is required, not " +
                    type);
  throw TypeError(std::string("must be real number, not ") + type);
}

inline bool pctNumeric(char c) { return c != 's' && c != 'r' && c != 'a'; }

inline void pctValue(std::string &out, const PctSpec &s, Int v) {
  if (!pctNumeric(s.conv))
    return pctText(out, s.conv == 's' ? str(v).bytes() : repr(v).bytes(), s);
  if (s.conv == 'd' || s.conv == 'i' || s.conv == 'u' || s.conv == 'x' ||
      s.conv == 'X' || s.conv == 'o' || s.conv == 'c')
    return pctInt(out, v, s);
  pctFloat(out, static_cast<Float>(v), s);
}
inline void pctValue(std::string &out, const PctSpec &s, bool v) {
  if (!pctNumeric(s.conv))
    return pctText(out, v ? "True" : "False", s);
  pctValue(out, s, static_cast<Int>(v));
}
inline void pctValue(std::string &out, const PctSpec &s, Float v) {
  if (!pctNumeric(s.conv))
    return pctText(out, s.conv == 's' ? str(v).bytes() : repr(v).bytes(), s);
  if (s.conv == 'd' || s.conv == 'i' || s.conv == 'u')
    return pctInt(out, int_(v), s);
  if (s.conv == 'x' || s.conv == 'X' || s.conv == 'o' || s.conv == 'c')
    pctTypeError(s, "float");
  pctFloat(out, v, s);
}
inline void pctValue(std::string &out, const PctSpec &s, const Str &v) {
  if (s.conv == 'c' && v.len() == 1)
    return pctPad(out, v.bytes(), 1, s);
  if (pctNumeric(s.conv))
    pctTypeError(s, "str");
  pctText(out, s.conv == 's' ? v.bytes() : repr(v).bytes(), s);
}
template <class T>
void pctValue(std::string &out, const PctSpec &s, const T &v) {
  if (pctNumeric(s.conv))
    pctTypeError(s, pyTypeName(v));
  pctText(out, s.conv == 's' ? str(v).bytes() : repr(v).bytes(), s);
}

using PctFn = void (*)(const void *arg, std::string &out, const PctSpec &s);
template <class T>
void pctField(const void *arg, std::string &out, const PctSpec &s) {
  pctValue(out, s, *static_cast<const T *>(arg));
}

inline Str percentImpl(std::string_view f, const void *const *args,
                       const PctFn *fns, std::size_t n) {
  std::string out;
  std::size_t next = 0;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f[i] != '%') {
      out += f[i];
      continue;
    }
    std::size_t start = i;
    if (++i >= f.size())
      throw ValueError("incomplete format");
    if (f[i] == '(')
      throw TypeError("format requires a mapping");
    PctSpec s;
    for (;; ++i) {
      if (i >= f.size())
        throw ValueError("incomplete format");
      char c = f[i];
      if (c == '-')
        s.minus = true;
      else if (c == '+')
        s.plus = true;
      else if (c == ' ')
        s.space = true;
      else if (c == '0')
        s.zero = true;
      else if (c == '#')
        s.alt = true;
      else
        break;
    }
    if (f[i] == '*')
      throw ValueError("`*` widths are not supported by aioc");
    while (i < f.size() && f[i] >= '0' && f[i] <= '9')
      s.width = (s.width < 0 ? 0 : s.width * 10) + (f[i++] - '0');
    if (i < f.size() && f[i] == '.') {
      s.prec = 0;
      ++i;
      while (i < f.size() && f[i] >= '0' && f[i] <= '9')
        s.prec = s.prec * 10 + (f[i++] - '0');
    }
    while (i < f.size() && (f[i] == 'h' || f[i] == 'l' || f[i] == 'L'))
      ++i;
    if (i >= f.size())
      throw ValueError("incomplete format");
    char c = f[i];
    if (c == '%') {
      out += '%';
      continue;
    }
    static constexpr std::string_view kConvs = "diuxXoeEfFgGsrac";
    if (kConvs.find(c) == std::string_view::npos) {
      char buf[96];
      unsigned char uc = static_cast<unsigned char>(c);
      if (uc >= 0x20 && uc < 0x7f)
        snprintf(buf, sizeof buf,
                 "unsupported format character '%c' (0x%x) at index %zu", c, uc,
                 i);
      else
        snprintf(buf, sizeof buf,
                 "unsupported format character (0x%x) at index %zu", uc, i);
      (void)start;
      throw ValueError(buf);
    }
    s.conv = c == 'a' ? 'r' : c;
    if (next >= n)
      throw TypeError("not enough arguments for format string");
    fns[next](args[next], out, s);
    ++next;
  }
  if (next < n)
    throw TypeError("not all arguments converted during string formatting");
  return Str(std::move(out));
}

} // namespace detail

template <class... A> Str percentFormat(const Str &fmt, const A &...args) {
  const void *ptrs[sizeof...(A) + 1] = {static_cast<const void *>(&args)...};
  detail::PctFn fns[sizeof...(A) + 1] = {&detail::pctField<A>...};
  return detail::percentImpl(fmt.view(), ptrs, fns, sizeof...(A));
}

} // namespace aioc::py
