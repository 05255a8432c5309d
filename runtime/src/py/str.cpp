// py::Str and py::Bytes: code-point semantics over UTF-8, with the Unicode
// predicates and case mappings of CPython 3.11 (tables generated from its
// unicodedata by gen_unicode.py).
#include <aioc/py/py.h>

#include <algorithm>
#include <cstring>

namespace aioc::py {

namespace {

struct CpRange {
  char32_t lo, hi;
};
struct CaseEntry {
  char32_t cp;
  char32_t to[3];
};
#include "unicode_data.inc"

template <std::size_t N> bool inRanges(const CpRange (&t)[N], char32_t c) {
  auto it = std::upper_bound(
      t, t + N, c, [](char32_t v, const CpRange &r) { return v < r.lo; });
  return it != t && c <= (it - 1)->hi;
}
template <std::size_t N>
const CaseEntry *findCase(const CaseEntry (&t)[N], char32_t c) {
  auto it = std::lower_bound(
      t, t + N, c, [](const CaseEntry &e, char32_t v) { return e.cp < v; });
  return (it != t + N && it->cp == c) ? it : nullptr;
}

// Decodes one code point; lenient with invalid sequences (never produced by
// aioc), which decode byte by byte.
inline char32_t decode(const char *&p, const char *end) {
  auto c = static_cast<unsigned char>(*p);
  if (c < 0x80) {
    ++p;
    return c;
  }
  int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  char32_t cp = n == 3 ? c & 0x07 : n == 2 ? c & 0x0F : c & 0x1F;
  if (n == 0 || end - p <= n) {
    ++p;
    return c;
  }
  ++p;
  for (int i = 0; i < n; ++i, ++p)
    cp = (cp << 6) | (static_cast<unsigned char>(*p) & 0x3F);
  return cp;
}

inline void encodeCp(std::string &out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::u32string toCps(std::string_view s) {
  std::u32string r;
  r.reserve(s.size());
  const char *p = s.data(), *e = p + s.size();
  while (p < e)
    r += decode(p, e);
  return r;
}

bool isSpaceCp(char32_t c) {
  if (c < 0x80)
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
  return inRanges(kSpace, c);
}
bool isLowerCp(char32_t c) {
  return c < 0x80 ? (c >= 'a' && c <= 'z') : inRanges(kLower, c);
}
bool isUpperCp(char32_t c) {
  return c < 0x80 ? (c >= 'A' && c <= 'Z') : inRanges(kUpper, c);
}
bool isCasedCp(char32_t c) {
  return c < 0x80 ? isLowerCp(c) || isUpperCp(c) : inRanges(kCased, c);
}
bool isTitleCp(char32_t c) {
  return c >= 0x80 && isCasedCp(c) && !isLowerCp(c) && !isUpperCp(c);
}
bool isAlphaCp(char32_t c) {
  return c < 0x80 ? isLowerCp(c) || isUpperCp(c) : inRanges(kAlpha, c);
}
bool isDecimalCp(char32_t c) {
  return c < 0x80 ? (c >= '0' && c <= '9') : inRanges(kDecimal, c);
}
bool isDigitCp(char32_t c) {
  return c < 0x80 ? (c >= '0' && c <= '9') : inRanges(kDigit, c);
}
bool isNumericCp(char32_t c) {
  return c < 0x80 ? (c >= '0' && c <= '9') : inRanges(kNumeric, c);
}
bool isPrintableCp(char32_t c) {
  return c < 0x80 ? (c >= 0x20 && c < 0x7F) : !inRanges(kNonPrintable, c);
}

template <std::size_t N>
void mapCase(std::string &out, const CaseEntry (&t)[N], char32_t c) {
  if (const CaseEntry *e = findCase(t, c)) {
    for (char32_t m : e->to)
      if (m)
        encodeCp(out, m);
  } else {
    encodeCp(out, c);
  }
}
void toUpperCp(std::string &out, char32_t c) {
  if (c < 0x80)
    out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  else
    mapCase(out, kToUpper, c);
}
void toLowerCp(std::string &out, char32_t c) {
  if (c < 0x80)
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  else
    mapCase(out, kToLower, c);
}
void toTitleCp(std::string &out, char32_t c) {
  if (c < 0x80)
    out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  else
    mapCase(out, kToTitle, c);
}

// ADJUST_INDICES of CPython's stringlib.
void adjustIndices(Int len, std::optional<Int> s, std::optional<Int> e,
                   Int &start, Int &end) {
  start = s.value_or(0);
  end = e.value_or(len);
  if (end > len)
    end = len;
  else if (end < 0) {
    end += len;
    if (end < 0)
      end = 0;
  }
  if (start < 0) {
    start += len;
    if (start < 0)
      start = 0;
  }
}

bool isLineBreak(char32_t c) {
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x1C ||
         c == 0x1D || c == 0x1E || c == 0x85 || c == 0x2028 || c == 0x2029;
}

void checkFill(const Str &fill) {
  if (fill.len() != 1)
    raiseTypeError("The fill character must be exactly one character long");
}

} // namespace

// ------------------------------------------------------------ slicing --
SliceRange adjustSlice(const Slice &s, Int len) {
  Int step = s.step.value_or(1);
  if (step == 0)
    raiseValueError("slice step cannot be zero");
  if (step == INT64_MIN)
    step = -INT64_MAX;
  Int start, stop;
  if (!s.start)
    start = step < 0 ? len - 1 : 0;
  else {
    start = *s.start;
    if (start < 0) {
      start += len;
      if (start < 0)
        start = step < 0 ? -1 : 0;
    } else if (start >= len) {
      start = step < 0 ? len - 1 : len;
    }
  }
  if (!s.stop)
    stop = step < 0 ? -1 : len;
  else {
    stop = *s.stop;
    if (stop < 0) {
      stop += len;
      if (stop < 0)
        stop = step < 0 ? -1 : 0;
    } else if (stop >= len) {
      stop = step < 0 ? len - 1 : len;
    }
  }
  Int count = 0;
  if (step < 0) {
    if (stop < start)
      count = (start - stop - 1) / (-step) + 1;
  } else if (start < stop) {
    count = (stop - start - 1) / step + 1;
  }
  return {start, step, count};
}

// ------------------------------------------------------------- access --
std::size_t Str::byteOffset(Int cp) const {
  if (isAscii())
    return static_cast<std::size_t>(cp);
  const char *p = s_.data(), *e = p + s_.size();
  for (Int i = 0; i < cp && p < e; ++i)
    decode(p, e);
  return static_cast<std::size_t>(p - s_.data());
}
Int Str::cpIndex(std::size_t byteOff) const {
  if (isAscii())
    return static_cast<Int>(byteOff);
  return countCodePoints(std::string_view(s_).substr(0, byteOff));
}

Str Str::operator[](Int i) const {
  i = normIndex(i, cps_, "string");
  if (isAscii())
    return Str(std::string(1, s_[i]), 1);
  std::size_t b = byteOffset(i);
  const char *p = s_.data() + b;
  decode(p, s_.data() + s_.size());
  return Str(std::string(s_.data() + b, p), 1);
}

Str Str::slice(const Slice &sl) const {
  SliceRange r = adjustSlice(sl, cps_);
  if (r.count <= 0)
    return Str();
  if (isAscii()) {
    if (r.step == 1)
      return Str(s_.substr(r.start, r.count), r.count);
    std::string out;
    out.reserve(r.count);
    for (Int k = 0, i = r.start; k < r.count; ++k, i += r.step)
      out += s_[i];
    return Str(std::move(out), r.count);
  }
  if (r.step == 1) {
    std::size_t b = byteOffset(r.start);
    std::size_t e = b;
    const char *p = s_.data() + b, *end = s_.data() + s_.size();
    for (Int k = 0; k < r.count; ++k)
      decode(p, end);
    e = static_cast<std::size_t>(p - s_.data());
    return Str(s_.substr(b, e - b), r.count);
  }
  std::u32string cps = toCps(s_);
  std::string out;
  for (Int k = 0, i = r.start; k < r.count; ++k, i += r.step)
    encodeCp(out, cps[i]);
  return Str(std::move(out), r.count);
}

Str Str::repeat(Int n) const {
  if (n <= 0 || s_.empty())
    return Str();
  Int total = mul(static_cast<Int>(s_.size()), n);
  std::string out;
  out.reserve(total);
  for (Int i = 0; i < n; ++i)
    out += s_;
  return Str(std::move(out), cps_ * n);
}

Str Str::iterator::operator*() const {
  const char *q = p_;
  decode(q, e_);
  return Str(std::string(p_, q), 1);
}
Str::iterator &Str::iterator::operator++() {
  auto c = static_cast<unsigned char>(*p_);
  p_ += c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  return *this;
}

// ----------------------------------------------------------- splitting --
List<Str> Str::split() const { return split(Optional<Str>(), -1); }
List<Str> Str::rsplit() const { return rsplit(Optional<Str>(), -1); }

List<Str> Str::split(const Optional<Str> &sepOpt, Int maxsplit) const {
  List<Str> out;
  if (maxsplit < 0)
    maxsplit = INT64_MAX;
  const char *b = s_.data(), *e = b + s_.size();
  if (sepOpt.isNone()) {
    const char *p = b;
    while (true) {
      // skip whitespace
      const char *q = p;
      while (q < e) {
        const char *t = q;
        if (!isSpaceCp(decode(t, e)))
          break;
        q = t;
      }
      p = q;
      if (p >= e)
        break;
      if (maxsplit == 0) {
        // The rest, trailing whitespace included, as CPython does.
        out.append(Str(std::string(p, e)));
        break;
      }
      const char *w = p;
      while (w < e) {
        const char *t = w;
        if (isSpaceCp(decode(t, e)))
          break;
        w = t;
      }
      out.append(Str(std::string(p, w)));
      --maxsplit;
      p = w;
    }
    return out;
  }
  const std::string &sep = sepOpt.value().s_;
  if (sep.empty())
    raiseValueError("empty separator");
  std::size_t pos = 0;
  while (maxsplit-- > 0) {
    std::size_t f = s_.find(sep, pos);
    if (f == std::string::npos)
      break;
    out.append(Str(s_.substr(pos, f - pos)));
    pos = f + sep.size();
  }
  out.append(Str(s_.substr(pos)));
  return out;
}

List<Str> Str::rsplit(const Optional<Str> &sepOpt, Int maxsplit) const {
  if (maxsplit < 0)
    return split(sepOpt, -1);
  List<Str> out;
  std::vector<Str> rev;
  if (sepOpt.isNone()) {
    std::u32string cps = toCps(s_);
    Int i = static_cast<Int>(cps.size());
    while (true) {
      while (i > 0 && isSpaceCp(cps[i - 1]))
        --i;
      if (i == 0)
        break;
      if (maxsplit == 0) {
        // The rest, leading whitespace included, as CPython does.
        std::string piece;
        for (Int k = 0; k < i; ++k)
          encodeCp(piece, cps[k]);
        rev.emplace_back(std::move(piece));
        break;
      }
      Int j = i;
      while (j > 0 && !isSpaceCp(cps[j - 1]))
        --j;
      std::string piece;
      for (Int k = j; k < i; ++k)
        encodeCp(piece, cps[k]);
      rev.emplace_back(std::move(piece));
      --maxsplit;
      i = j;
    }
  } else {
    const std::string &sep = sepOpt.value().s_;
    if (sep.empty())
      raiseValueError("empty separator");
    std::size_t end = s_.size();
    while (maxsplit-- > 0 && end >= sep.size()) {
      std::size_t f = s_.rfind(sep, end - sep.size());
      if (f == std::string::npos)
        break;
      rev.emplace_back(s_.substr(f + sep.size(), end - f - sep.size()));
      end = f;
    }
    rev.emplace_back(s_.substr(0, end));
  }
  for (auto it = rev.rbegin(); it != rev.rend(); ++it)
    out.append(std::move(*it));
  return out;
}

List<Str> Str::splitlines(bool keepends) const {
  List<Str> out;
  const char *b = s_.data(), *e = b + s_.size(), *p = b, *lineStart = b;
  while (p < e) {
    const char *t = p;
    char32_t c = decode(t, e);
    if (isLineBreak(c)) {
      const char *eol = t;
      if (c == '\r' && eol < e && *eol == '\n')
        ++eol;
      out.append(Str(std::string(lineStart, keepends ? eol : p)));
      p = lineStart = eol;
    } else {
      p = t;
    }
  }
  if (lineStart < e)
    out.append(Str(std::string(lineStart, e)));
  return out;
}

Str Str::join(const List<Str> &items) const {
  const auto &v = items.vec();
  std::size_t total = 0;
  Int cps = 0;
  for (const auto &x : v) {
    total += x.s_.size() + s_.size();
    cps += x.cps_ + cps_;
  }
  std::string out;
  out.reserve(total);
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i)
      out += s_;
    out += v[i].s_;
  }
  if (!v.empty())
    cps -= cps_;
  return Str(std::move(out), cps);
}

// ------------------------------------------------------------ stripping --
namespace {
template <class Pred>
Str stripImpl(const std::string &s, bool left, bool right, Pred pred) {
  const char *b = s.data(), *e = b + s.size();
  if (left)
    while (b < e) {
      const char *t = b;
      if (!pred(decode(t, e)))
        break;
      b = t;
    }
  if (right)
    while (e > b) {
      const char *t = e - 1;
      while (t > b && (static_cast<unsigned char>(*t) & 0xC0) == 0x80)
        --t;
      const char *tt = t;
      if (!pred(decode(tt, e)))
        break;
      e = t;
    }
  return Str(std::string(b, e));
}
auto charsPred(const Str &chars) {
  return [cps = toCps(chars.view())](char32_t c) {
    return cps.find(c) != std::u32string::npos;
  };
}
} // namespace

Str Str::strip() const { return stripImpl(s_, true, true, isSpaceCp); }
Str Str::lstrip() const { return stripImpl(s_, true, false, isSpaceCp); }
Str Str::rstrip() const { return stripImpl(s_, false, true, isSpaceCp); }
Str Str::strip(const Str &c) const {
  return stripImpl(s_, true, true, charsPred(c));
}
Str Str::lstrip(const Str &c) const {
  return stripImpl(s_, true, false, charsPred(c));
}
Str Str::rstrip(const Str &c) const {
  return stripImpl(s_, false, true, charsPred(c));
}

Str Str::replace(const Str &old, const Str &repl, Int count) const {
  if (count < 0)
    count = INT64_MAX;
  std::string out;
  if (old.s_.empty()) {
    // Insert `repl` before every code point and at the end, up to count.
    const char *p = s_.data(), *e = p + s_.size();
    while (count > 0) {
      out += repl.s_;
      --count;
      if (p >= e)
        return Str(std::move(out));
      const char *t = p;
      decode(t, e);
      out.append(p, t);
      p = t;
    }
    out.append(p, e);
    return Str(std::move(out));
  }
  std::size_t pos = 0;
  while (count-- > 0) {
    std::size_t f = s_.find(old.s_, pos);
    if (f == std::string::npos)
      break;
    out.append(s_, pos, f - pos);
    out += repl.s_;
    pos = f + old.s_.size();
  }
  out.append(s_, pos, std::string::npos);
  return Str(std::move(out));
}

// ------------------------------------------------------------- searching --
bool Str::startswith(const Str &p, Int start, std::optional<Int> end) const {
  Int s, e;
  adjustIndices(cps_, start, end, s, e);
  if (s > cps_ || e - s < p.cps_)
    return false;
  std::size_t bs = byteOffset(s);
  return std::string_view(s_).substr(bs).starts_with(p.s_);
}
bool Str::endswith(const Str &p, Int start, std::optional<Int> end) const {
  Int s, e;
  adjustIndices(cps_, start, end, s, e);
  if (s > cps_ || e - s < p.cps_)
    return false;
  std::size_t be = byteOffset(e);
  return std::string_view(s_).substr(0, be).ends_with(p.s_);
}

Int Str::find(const Str &sub, std::optional<Int> start,
              std::optional<Int> end) const {
  Int s, e;
  adjustIndices(cps_, start, end, s, e);
  if (s > e || e - s < sub.cps_)
    return -1;
  std::size_t bs = byteOffset(s), be = byteOffset(e);
  std::size_t f = std::string_view(s_).substr(0, be).find(sub.s_, bs);
  return f == std::string::npos ? -1 : cpIndex(f);
}
Int Str::rfind(const Str &sub, std::optional<Int> start,
               std::optional<Int> end) const {
  Int s, e;
  adjustIndices(cps_, start, end, s, e);
  if (s > e || e - s < sub.cps_)
    return -1;
  std::size_t bs = byteOffset(s), be = byteOffset(e);
  std::size_t f = std::string_view(s_).substr(0, be).rfind(sub.s_);
  return (f == std::string::npos || f < bs) ? -1 : cpIndex(f);
}
Int Str::index(const Str &sub, std::optional<Int> start,
               std::optional<Int> end) const {
  Int r = find(sub, start, end);
  if (r < 0)
    raiseValueError("substring not found");
  return r;
}
Int Str::rindex(const Str &sub, std::optional<Int> start,
                std::optional<Int> end) const {
  Int r = rfind(sub, start, end);
  if (r < 0)
    raiseValueError("substring not found");
  return r;
}
Int Str::count(const Str &sub, std::optional<Int> start,
               std::optional<Int> end) const {
  Int s, e;
  adjustIndices(cps_, start, end, s, e);
  if (s > e || e - s < sub.cps_)
    return 0;
  if (sub.s_.empty())
    return e - s + 1;
  std::size_t bs = byteOffset(s), be = byteOffset(e);
  std::string_view hay = std::string_view(s_).substr(0, be);
  Int n = 0;
  for (std::size_t f = hay.find(sub.s_, bs); f != std::string::npos;
       f = hay.find(sub.s_, f + sub.s_.size()))
    ++n;
  return n;
}

// ------------------------------------------------------------------ case --
Str Str::upper() const {
  std::string out;
  out.reserve(s_.size());
  const char *p = s_.data(), *e = p + s_.size();
  while (p < e)
    toUpperCp(out, decode(p, e));
  return Str(std::move(out));
}

namespace {
bool isCaseIgnorableCp(char32_t c) { return inRanges(kCaseIgnorable, c); }

// Lowercases cps[i]; a capital sigma becomes final sigma in CPython's
// Final_Sigma context (cased letter before it, none after it, skipping
// case-ignorable characters).
void lowerAt(std::string &out, const std::u32string &cps, std::size_t i) {
  if (cps[i] != 0x3A3) {
    toLowerCp(out, cps[i]);
    return;
  }
  std::size_t j = i;
  char32_t c = 0;
  bool found = false;
  while (j > 0) {
    c = cps[--j];
    if (!isCaseIgnorableCp(c)) {
      found = true;
      break;
    }
  }
  bool finalSigma = found && isCasedCp(c);
  if (finalSigma) {
    for (j = i + 1; j < cps.size(); ++j)
      if (!isCaseIgnorableCp(cps[j]))
        break;
    finalSigma = j == cps.size() || !isCasedCp(cps[j]);
  }
  encodeCp(out, finalSigma ? 0x3C2 : 0x3C3);
}
} // namespace

Str Str::lower() const {
  std::string out;
  out.reserve(s_.size());
  if (isAscii()) {
    for (char c : s_)
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return Str(std::move(out), cps_);
  }
  std::u32string cps = toCps(s_);
  for (std::size_t i = 0; i < cps.size(); ++i)
    lowerAt(out, cps, i);
  return Str(std::move(out));
}
Str Str::casefold() const {
  if (isAscii())
    return lower();
  std::string out;
  const char *p = s_.data(), *e = p + s_.size();
  while (p < e) {
    char32_t c = decode(p, e);
    if (c < 0x80) // the table holds non-ASCII code points only
      toLowerCp(out, c);
    else
      mapCase(out, kCaseFold, c);
  }
  return Str(std::move(out));
}
Str Str::swapcase() const {
  std::string out;
  std::u32string cps = toCps(s_);
  for (std::size_t i = 0; i < cps.size(); ++i) {
    char32_t c = cps[i];
    if (isUpperCp(c))
      lowerAt(out, cps, i);
    else if (isLowerCp(c))
      toUpperCp(out, c);
    else
      encodeCp(out, c);
  }
  return Str(std::move(out));
}
Str Str::title() const {
  std::string out;
  bool prevCased = false;
  std::u32string cps = toCps(s_);
  for (std::size_t i = 0; i < cps.size(); ++i) {
    char32_t c = cps[i];
    if (prevCased)
      lowerAt(out, cps, i);
    else
      toTitleCp(out, c);
    prevCased = isCasedCp(c);
  }
  return Str(std::move(out));
}
Str Str::capitalize() const {
  std::string out;
  std::u32string cps = toCps(s_);
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (i == 0)
      toTitleCp(out, cps[i]);
    else
      lowerAt(out, cps, i);
  }
  return Str(std::move(out));
}

// ------------------------------------------------------------ predicates --
namespace {
template <class Pred> bool allOf(const std::string &s, Pred pred) {
  if (s.empty())
    return false;
  const char *p = s.data(), *e = p + s.size();
  while (p < e)
    if (!pred(decode(p, e)))
      return false;
  return true;
}
} // namespace
bool Str::isdigit() const { return allOf(s_, isDigitCp); }
bool Str::isdecimal() const { return allOf(s_, isDecimalCp); }
bool Str::isnumeric() const { return allOf(s_, isNumericCp); }
bool Str::isalpha() const { return allOf(s_, isAlphaCp); }
bool Str::isalnum() const {
  return allOf(s_, [](char32_t c) {
    return isAlphaCp(c) || isDecimalCp(c) || isDigitCp(c) || isNumericCp(c);
  });
}
bool Str::isspace() const { return allOf(s_, isSpaceCp); }
bool Str::isprintable() const { return s_.empty() || allOf(s_, isPrintableCp); }
bool Str::isupper() const {
  bool cased = false;
  const char *p = s_.data(), *e = p + s_.size();
  while (p < e) {
    char32_t c = decode(p, e);
    if (isLowerCp(c) || isTitleCp(c))
      return false;
    if (isUpperCp(c))
      cased = true;
  }
  return cased;
}
bool Str::islower() const {
  bool cased = false;
  const char *p = s_.data(), *e = p + s_.size();
  while (p < e) {
    char32_t c = decode(p, e);
    if (isUpperCp(c) || isTitleCp(c))
      return false;
    if (isLowerCp(c))
      cased = true;
  }
  return cased;
}
bool Str::istitle() const {
  bool cased = false, prevCased = false;
  const char *p = s_.data(), *e = p + s_.size();
  while (p < e) {
    char32_t c = decode(p, e);
    if (isUpperCp(c) || isTitleCp(c)) {
      if (prevCased)
        return false;
      prevCased = cased = true;
    } else if (isLowerCp(c)) {
      if (!prevCased)
        return false;
      prevCased = cased = true;
    } else {
      prevCased = false;
    }
  }
  return cased;
}
// XID_Start (or '_') then XID_Continue, as CPython's str.isidentifier().
bool Str::isidentifier() const {
  if (s_.empty())
    return false;
  const char *p = s_.data(), *e = p + s_.size();
  if (!inRanges(kXidStart, decode(p, e)))
    return false;
  while (p < e)
    if (!inRanges(kXidContinue, decode(p, e)))
      return false;
  return true;
}

// ------------------------------------------------------------- padding --
Str Str::zfill(Int width) const {
  if (cps_ >= width)
    return *this;
  Int fill = width - cps_;
  std::string out;
  std::size_t start = 0;
  if (!s_.empty() && (s_[0] == '+' || s_[0] == '-')) {
    out += s_[0];
    start = 1;
  }
  out.append(fill, '0');
  out.append(s_, start, std::string::npos);
  return Str(std::move(out), width);
}
Str Str::ljust(Int width, const Str &fill) const {
  checkFill(fill);
  if (cps_ >= width)
    return *this;
  std::string out = s_;
  for (Int i = cps_; i < width; ++i)
    out += fill.s_;
  return Str(std::move(out), width);
}
Str Str::rjust(Int width, const Str &fill) const {
  checkFill(fill);
  if (cps_ >= width)
    return *this;
  std::string out;
  for (Int i = cps_; i < width; ++i)
    out += fill.s_;
  out += s_;
  return Str(std::move(out), width);
}
Str Str::center(Int width, const Str &fill) const {
  checkFill(fill);
  if (cps_ >= width)
    return *this;
  Int marg = width - cps_;
  Int left = marg / 2 + (marg & width & 1); // CPython's pad() rule
  std::string out;
  for (Int i = 0; i < left; ++i)
    out += fill.s_;
  out += s_;
  for (Int i = 0; i < marg - left; ++i)
    out += fill.s_;
  return Str(std::move(out), width);
}

Tuple<Str, Str, Str> Str::partition(const Str &sep) const {
  if (sep.s_.empty())
    raiseValueError("empty separator");
  std::size_t f = s_.find(sep.s_);
  if (f == std::string::npos)
    return Tuple<Str, Str, Str>(*this, Str(), Str());
  return Tuple<Str, Str, Str>(Str(s_.substr(0, f)), sep,
                              Str(s_.substr(f + sep.s_.size())));
}
Tuple<Str, Str, Str> Str::rpartition(const Str &sep) const {
  if (sep.s_.empty())
    raiseValueError("empty separator");
  std::size_t f = s_.rfind(sep.s_);
  if (f == std::string::npos)
    return Tuple<Str, Str, Str>(Str(), Str(), *this);
  return Tuple<Str, Str, Str>(Str(s_.substr(0, f)), sep,
                              Str(s_.substr(f + sep.s_.size())));
}
Str Str::removeprefix(const Str &p) const {
  return s_.starts_with(p.s_) ? Str(s_.substr(p.s_.size()), cps_ - p.cps_)
                              : *this;
}
Str Str::removesuffix(const Str &p) const {
  return (!p.s_.empty() && s_.ends_with(p.s_))
             ? Str(s_.substr(0, s_.size() - p.s_.size()), cps_ - p.cps_)
             : *this;
}
Str Str::expandtabs(Int tabsize) const {
  std::string out;
  Int col = 0;
  const char *p = s_.data(), *e = p + s_.size();
  while (p < e) {
    const char *t = p;
    char32_t c = decode(t, e);
    if (c == '\t') {
      if (tabsize > 0) {
        Int n = tabsize - col % tabsize;
        out.append(n, ' ');
        col += n;
      }
    } else {
      out.append(p, t);
      ++col;
      if (c == '\n' || c == '\r')
        col = 0;
    }
    p = t;
  }
  return Str(std::move(out));
}
Bytes Str::encode() const { return Bytes(s_); }

// ------------------------------------------------------- hash, repr, ord --
Int hash(const Str &s) {
  auto h = static_cast<Int>(std::hash<std::string_view>()(s.view()));
  return h == -1 ? -2 : h;
}

namespace {
const char kHex[] = "0123456789abcdef";
void hexEscape(std::string &out, char32_t c, int digits, char tag) {
  out += '\\';
  out += tag;
  for (int i = digits - 1; i >= 0; --i)
    out += kHex[(c >> (4 * i)) & 0xF];
}
} // namespace

void reprTo(std::string &out, const Str &s) {
  const std::string &b = s.bytes();
  bool hasSingle = b.find('\'') != std::string::npos;
  bool hasDouble = b.find('"') != std::string::npos;
  char quote = (hasSingle && !hasDouble) ? '"' : '\'';
  out += quote;
  const char *p = b.data(), *e = p + b.size();
  while (p < e) {
    const char *start = p;
    char32_t c = decode(p, e);
    if (c == static_cast<char32_t>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      hexEscape(out, c, 2, 'x');
    } else if (c < 0x7F) {
      out += static_cast<char>(c);
    } else if (isPrintableCp(c)) {
      out.append(start, p);
    } else if (c <= 0xFF) {
      hexEscape(out, c, 2, 'x');
    } else if (c <= 0xFFFF) {
      hexEscape(out, c, 4, 'u');
    } else {
      hexEscape(out, c, 8, 'U');
    }
  }
  out += quote;
}

Int ord(const Str &s) {
  if (s.len() != 1)
    raiseTypeError("ord() expected a character, but string of length " +
                   std::to_string(s.len()) + " found");
  const char *p = s.bytes().data();
  return decode(p, p + s.bytes().size());
}

namespace detail {
std::string decimalToAscii(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const char *p = s.data(), *e = p + s.size();
  while (p < e) {
    char32_t c = decode(p, e);
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (isSpaceCp(c)) {
      out += ' ';
    } else if (inRanges(kDecimal, c)) {
      // Every Nd block is made of runs of ten starting at a zero digit.
      auto it = std::upper_bound(
          std::begin(kDecimal), std::end(kDecimal), c,
          [](char32_t v, const CpRange &r) { return v < r.lo; });
      out += static_cast<char>('0' + (c - (it - 1)->lo) % 10);
    } else {
      out += '?';
    }
  }
  return out;
}
} // namespace detail

Str chr(Int cp) {
  if (cp < 0 || cp > 0x10FFFF)
    raiseValueError("chr() arg not in range(0x110000)");
  std::string out;
  encodeCp(out, static_cast<char32_t>(cp));
  return Str(std::move(out), 1);
}

// --------------------------------------------------------------- bytes --
Bytes Bytes::slice(const Slice &sl) const {
  SliceRange r = adjustSlice(sl, len());
  std::string out;
  for (Int k = 0, i = r.start; k < r.count; ++k, i += r.step)
    out += b_[i];
  return Bytes(std::move(out));
}

// Strict UTF-8 validation with CPython's UnicodeDecodeError text.
Str Bytes::decode() const {
  const auto *s = reinterpret_cast<const unsigned char *>(b_.data());
  std::size_t n = b_.size(), i = 0;
  Int cps = 0;
  // CPython names the byte when one is at fault, else the range.
  auto fail = [&](std::size_t start, std::size_t end, const char *why) {
    std::string m = "'utf-8' codec can't decode ";
    if (end > start + 1) {
      m += "bytes in position " + std::to_string(start) + "-" +
           std::to_string(end - 1);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "0x%02x", s[start]);
      m += "byte ";
      m += buf;
      m += " in position " + std::to_string(start);
    }
    m += ": ";
    m += why;
    throw UnicodeDecodeError(m);
  };
  while (i < n) {
    unsigned char c = s[i];
    std::size_t len = 1;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c < 0x80)
      len = 1;
    else if (c >= 0xC2 && c <= 0xDF)
      len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0)
        lo = 0xA0;
      if (c == 0xED)
        hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0)
        lo = 0x90;
      if (c == 0xF4)
        hi = 0x8F;
    } else {
      fail(i, i + 1, "invalid start byte");
    }
    for (std::size_t k = 1; k < len; ++k) {
      if (i + k >= n)
        fail(i, n, "unexpected end of data");
      unsigned char cc = s[i + k];
      if (cc < (k == 1 ? lo : 0x80) || cc > (k == 1 ? hi : 0xBF))
        fail(i, i + 1, "invalid continuation byte");
    }
    i += len;
    ++cps;
  }
  return Str(b_, cps);
}

Int hash(const Bytes &b) {
  auto h = static_cast<Int>(std::hash<std::string_view>()(b.data()));
  return h == -1 ? -2 : h;
}

void reprTo(std::string &out, const Bytes &b) {
  const std::string &d = b.data();
  bool hasSingle = d.find('\'') != std::string::npos;
  bool hasDouble = d.find('"') != std::string::npos;
  char quote = (hasSingle && !hasDouble) ? '"' : '\'';
  out += 'b';
  out += quote;
  for (unsigned char c : d) {
    if (c == quote || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7F) {
      hexEscape(out, c, 2, 'x');
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
}

} // namespace aioc::py
