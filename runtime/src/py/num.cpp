// Numbers: checked int helpers, float arithmetic, hashes, float repr, the
// format-spec mini-language and round(), all following CPython 3.11
// (Objects/floatobject.c, Python/pystrtod.c, Python/formatter_unicode.c).
#include <aioc/py/py.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>

namespace aioc::py {

// ------------------------------------------------------------- raising --
void raiseOverflow() {
  throw OverflowError("int too large: result does not fit in 64 bits");
}
void raiseZeroDivision(const char *msg) { throw ZeroDivisionError(msg); }
void raiseValueError(std::string msg) { throw ValueError(std::move(msg)); }
void raiseTypeError(std::string msg) { throw TypeError(std::move(msg)); }
void raiseIndexError(std::string msg) { throw IndexError(std::move(msg)); }
void raiseOverflowError(std::string msg) {
  throw OverflowError(std::move(msg));
}
void raiseKeyError(std::string reprOfKey) {
  throw KeyError(std::move(reprOfKey));
}
void raiseRuntimeError(std::string msg) { throw RuntimeError(std::move(msg)); }
void raiseBadObjectFormat(const char *typeName) {
  throw TypeError(std::string("unsupported format string passed to ") +
                  typeName + ".__format__");
}
namespace detail {
void raiseEmptyMinMax(bool isMax) {
  throw ValueError(isMax ? "max() arg is an empty sequence"
                         : "min() arg is an empty sequence");
}
} // namespace detail

// ----------------------------------------------------------------- int --
Int lshift(Int a, Int n) {
  if (n < 0)
    raiseValueError("negative shift count");
  if (a == 0)
    return 0;
  if (n >= 63)
    raiseOverflow();
  Int r = static_cast<Int>(static_cast<std::uint64_t>(a) << n);
  if ((r >> n) != a)
    raiseOverflow();
  return r;
}

Int powInt(Int a, Int b) {
  Int result = 1;
  while (b > 0) {
    if (b & 1)
      result = mul(result, a);
    b >>= 1;
    if (b)
      a = mul(a, a);
  }
  return result;
}

Float powIntNeg(Int a, Int b) {
  if (a == 0)
    raiseZeroDivision("0.0 cannot be raised to a negative power");
  return pow(static_cast<Float>(a), static_cast<Float>(b));
}

// --------------------------------------------------------------- float --
// float_divmod() in floatobject.c.
static void floatDivmod(Float vx, Float wx, Float &floordiv, Float &mod) {
  mod = std::fmod(vx, wx);
  Float div = (vx - mod) / wx;
  if (mod != 0.0) {
    if ((wx < 0) != (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, wx);
  }
  if (div != 0.0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5)
      floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, vx / wx);
  }
}

Float floordiv(Float a, Float b) {
  if (b == 0.0)
    raiseZeroDivision("float floor division by zero");
  Float d, m;
  floatDivmod(a, b, d, m);
  return d;
}
Float mod(Float a, Float b) {
  if (b == 0.0)
    raiseZeroDivision("float modulo");
  Float d, m;
  floatDivmod(a, b, d, m);
  return m;
}
Tuple<Float, Float> divmod(Float a, Float b) {
  if (b == 0.0)
    raiseZeroDivision("float divmod()");
  Float d, m;
  floatDivmod(a, b, d, m);
  return Tuple<Float, Float>(d, m);
}

Float pow(Float a, Float b) {
  if (b == 0.0)
    return 1.0;
  if (std::isnan(a))
    return a;
  if (std::isnan(b))
    return a == 1.0 ? 1.0 : b;
  if (a == 0.0 && b < 0.0 && std::isfinite(b))
    raiseZeroDivision("0.0 cannot be raised to a negative power");
  if (a < 0.0 && std::isfinite(a) && std::isfinite(b) && std::floor(b) != b)
    raiseValueError("negative number cannot be raised to a fractional power "
                    "(aioc has no complex type)");
  errno = 0;
  Float r = std::pow(a, b);
  if (std::isinf(r) && std::isfinite(a) && std::isfinite(b))
    raiseOverflowError("(34, 'Numerical result out of range')");
  return r;
}

// _Py_HashDouble (without 3.10's id()-based hash of NaN: NaN hashes to 0).
Int hash(Float v) {
  constexpr int kBits = 61;
  if (!std::isfinite(v))
    return std::isinf(v) ? (v > 0 ? 314159 : -314159) : 0;
  int e;
  Float m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  std::uint64_t x = 0;
  while (m != 0.0) {
    x = ((x << 28) & kHashModulus) | x >> (kBits - 28);
    m *= 268435456.0;
    e -= 28;
    auto y = static_cast<std::uint64_t>(m);
    m -= static_cast<Float>(y);
    x += y;
    if (x >= kHashModulus)
      x -= kHashModulus;
  }
  e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
  x = ((x << e) & kHashModulus) | x >> (kBits - e);
  x = x * static_cast<std::uint64_t>(static_cast<Int>(sign));
  if (x == static_cast<std::uint64_t>(-1))
    x = static_cast<std::uint64_t>(-2);
  return static_cast<Int>(x);
}

// ------------------------------------------------- float to decimal text --
namespace {

// The digit string and decimal-point position (value = 0.DIGITS * 10**decpt)
// that David Gay's dtoa returns in CPython, computed with std::to_chars,
// which is correctly rounded. Digits carry no trailing zeros; zero is "0".
struct Digits {
  std::string digits;
  int decpt = 1;
};

Digits fromScientific(const char *b, const char *e) {
  Digits d;
  const char *p = b;
  for (; p != e && *p != 'e'; ++p)
    if (*p != '.')
      d.digits += *p;
  int exp = 0;
  if (p != e)
    std::from_chars(p + 1 + (p[1] == '+'), e, exp);
  d.decpt = exp + 1;
  while (d.digits.size() > 1 && d.digits.back() == '0')
    d.digits.pop_back();
  if (d.digits == "0")
    d.decpt = 1;
  return d;
}

// mode 0: shortest round-trip.
Digits shortestDigits(Float v) {
  char buf[64];
  auto r =
      std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  return fromScientific(buf, r.ptr);
}
// mode 2: at most n significant digits.
Digits sigDigits(Float v, int n) {
  char buf[800];
  auto r = std::to_chars(buf, buf + sizeof buf, v,
                         std::chars_format::scientific, n - 1);
  return fromScientific(buf, r.ptr);
}
// mode 3: n digits after the point.
Digits fixedDigits(Float v, int n) {
  std::string buf(400 + n, '\0');
  auto r = std::to_chars(buf.data(), buf.data() + buf.size(), v,
                         std::chars_format::fixed, n);
  Digits d;
  int intDigits = 0;
  bool seenPoint = false;
  for (const char *p = buf.data(); p != r.ptr; ++p) {
    if (*p == '.') {
      seenPoint = true;
      continue;
    }
    if (!seenPoint)
      ++intDigits;
    d.digits += *p;
  }
  std::size_t lead = 0;
  while (lead < d.digits.size() && d.digits[lead] == '0')
    ++lead;
  d.digits.erase(0, lead);
  d.decpt = intDigits - static_cast<int>(lead);
  while (!d.digits.empty() && d.digits.back() == '0')
    d.digits.pop_back();
  if (d.digits.empty()) {
    d.digits = "0";
    d.decpt = 1;
  }
  return d;
}

// format_float_short() of pystrtod.c, for finite |v|: `code` is 'e', 'f',
// 'g' or 'r'; returns the text without sign.
std::string formatFloatShort(Float v, char code, int precision, bool addDot0,
                             bool alt, bool upper) {
  Digits d;
  switch (code) {
  case 'e':
    d = sigDigits(v, precision + 1);
    break;
  case 'f':
    d = fixedDigits(v, precision);
    break;
  case 'g':
    d = sigDigits(v, precision == 0 ? 1 : precision);
    if (precision == 0)
      precision = 1;
    break;
  default:
    d = shortestDigits(v);
  }
  int digitsLen = static_cast<int>(d.digits.size());
  int decpt = d.decpt;
  int vdigitsEnd = digitsLen;
  bool useExp = false;
  switch (code) {
  case 'e':
    useExp = true;
    vdigitsEnd = precision + 1;
    break;
  case 'f':
    vdigitsEnd = decpt + precision;
    break;
  case 'g':
    if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision))
      useExp = true;
    if (alt)
      vdigitsEnd = precision;
    break;
  default:
    if (decpt <= -4 || decpt > 16)
      useExp = true;
  }
  int exp = 0;
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  int vdigitsStart = decpt <= 0 ? decpt - 1 : 0;
  if (!useExp && addDot0)
    vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt + 1;
  else
    vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt;

  std::string out;
  if (decpt <= 0) {
    out.append(decpt - vdigitsStart, '0');
    out += '.';
    out.append(-decpt, '0');
  } else {
    out.append(-vdigitsStart, '0');
  }
  if (0 < decpt && decpt <= digitsLen) {
    out.append(d.digits, 0, decpt);
    out += '.';
    out.append(d.digits, decpt, std::string::npos);
  } else {
    out += d.digits;
  }
  if (digitsLen < decpt) {
    out.append(decpt - digitsLen, '0');
    out += '.';
    out.append(vdigitsEnd - decpt, '0');
  } else {
    out.append(vdigitsEnd - digitsLen, '0');
  }
  if (out.back() == '.' && !alt)
    out.pop_back();
  if (useExp) {
    out += upper ? 'E' : 'e';
    out += exp < 0 ? '-' : '+';
    int a = exp < 0 ? -exp : exp;
    if (a < 10)
      out += '0';
    out += std::to_string(a);
  }
  return out;
}

} // namespace

void reprTo(std::string &out, Float v) {
  if (std::isnan(v)) {
    out += "nan";
    return;
  }
  if (std::isinf(v)) {
    out += v > 0 ? "inf" : "-inf";
    return;
  }
  if (std::signbit(v))
    out += '-';
  out += formatFloatShort(std::fabs(v), 'r', 0, true, false, false);
}

// ----------------------------------------------------------- round() --
Int int_(Float v) {
  if (std::isnan(v))
    raiseValueError("cannot convert float NaN to integer");
  if (std::isinf(v))
    raiseOverflowError("cannot convert float infinity to integer");
  Float t = std::trunc(v);
  if (t >= 9223372036854775808.0 || t < -9223372036854775808.0)
    raiseOverflow();
  return static_cast<Int>(t);
}

Int round(Float v) {
  if (std::isnan(v))
    raiseValueError("cannot convert float NaN to integer");
  if (std::isinf(v))
    raiseOverflowError("cannot convert float infinity to integer");
  Float r = std::round(v);
  // Halfway cases go to the even neighbour (banker's rounding).
  if (std::fabs(v - std::trunc(v)) == 0.5)
    r = 2.0 * std::round(v / 2.0);
  return int_(r);
}

// double_round() of floatobject.c: the correctly rounded decimal string,
// converted back. Ties are decided on the exact binary value, half-even.
Float round(Float v, Int ndigits) {
  if (!std::isfinite(v) || v == 0.0)
    return v;
  if (ndigits > 323)
    return v;
  if (ndigits < -308)
    return std::copysign(0.0, v);
  Float av = std::fabs(v);
  std::string text;
  if (ndigits >= 0) {
    std::string buf(400 + ndigits, '\0');
    auto r = std::to_chars(buf.data(), buf.data() + buf.size(), av,
                           std::chars_format::fixed, static_cast<int>(ndigits));
    text.assign(buf.data(), r.ptr);
  } else {
    // Keep (decpt + ndigits) significant digits of the exact value.
    Digits exact = sigDigits(av, 770);
    int keep = exact.decpt + static_cast<int>(ndigits);
    if (keep < 0)
      return std::copysign(0.0, v);
    std::string digs = exact.digits;
    if (keep == 0) {
      // Compare with half a unit of 10**-ndigits; a tie rounds to 0 (even).
      bool above = digs[0] > '5' || (digs[0] == '5' && digs.size() > 1);
      text = above ? "1e" + std::to_string(-ndigits) : "0";
    } else {
      Digits kept = sigDigits(av, keep);
      text = kept.digits + "e" +
             std::to_string(kept.decpt - (int)kept.digits.size());
    }
  }
  Float r = 0.0;
  std::from_chars(text.data(), text.data() + text.size(), r);
  if (std::isinf(r))
    raiseOverflowError("rounded value too large to represent");
  return std::copysign(r, v);
}

Int round(Int v, Int ndigits) {
  if (ndigits >= 0)
    return v;
  if (ndigits < -18)
    return 0;
  Int pow10 = 1;
  for (Int i = 0; i < -ndigits; ++i)
    pow10 *= 10;
  // Python: v - (v mod p), then round half to even.
  Int r = mod(v, pow10);
  Int base = v - r;
  Int twice = r * 2;
  if (twice > pow10 || (twice == pow10 && (floordiv(base, pow10) & 1)))
    base = add(base, pow10);
  return base;
}

// ------------------------------------------------------ format specs --
namespace {

struct Spec {
  std::string fill = " "; // one code point, UTF-8
  char align = 0;         // '<' '>' '^' '=' or 0
  char sign = 0;          // '+' '-' ' ' or 0
  bool z = false;
  bool alt = false;
  Int width = -1;
  char grouping = 0; // ',' '_' or 0
  Int precision = -1;
  char type = 0;
};

bool isAlign(char c) { return c == '<' || c == '>' || c == '^' || c == '='; }

std::size_t utf8Len(unsigned char c) {
  return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

// parse_internal_render_format_spec()
Spec parseSpec(std::string_view s, char defaultType, char defaultAlign,
               const char *typeName) {
  Spec f;
  std::size_t pos = 0, n = s.size();
  bool fillSpecified = false, alignSpecified = false;
  std::size_t fl = n ? utf8Len(static_cast<unsigned char>(s[0])) : 0;
  if (n > fl && isAlign(s[fl])) {
    f.fill = std::string(s.substr(0, fl));
    f.align = s[fl];
    fillSpecified = alignSpecified = true;
    pos = fl + 1;
  } else if (n >= 1 && isAlign(s[0])) {
    f.align = s[0];
    alignSpecified = true;
    pos = 1;
  }
  if (pos < n && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' '))
    f.sign = s[pos++];
  if (pos < n && s[pos] == 'z') {
    f.z = true;
    ++pos;
  }
  if (pos < n && s[pos] == '#') {
    f.alt = true;
    ++pos;
  }
  if (pos < n && s[pos] == '0' && !fillSpecified) {
    f.fill = "0";
    if (!alignSpecified && defaultAlign == '>')
      f.align = '=';
    ++pos;
  }
  auto readNumber = [&](Int &out) {
    std::size_t start = pos;
    Int v = 0;
    while (pos < n && s[pos] >= '0' && s[pos] <= '9') {
      if (v > (INT64_MAX - 9) / 10)
        raiseValueError("Too many decimal digits in format string");
      v = v * 10 + (s[pos++] - '0');
    }
    if (pos != start)
      out = v;
    return pos != start;
  };
  readNumber(f.width);
  if (pos < n && s[pos] == ',') {
    f.grouping = ',';
    ++pos;
  }
  if (pos < n && s[pos] == '_') {
    if (f.grouping)
      raiseValueError("Cannot specify both ',' and '_'.");
    f.grouping = '_';
    ++pos;
  }
  if (pos < n && s[pos] == ',') {
    if (f.grouping == '_')
      raiseValueError("Cannot specify both ',' and '_'.");
    raiseValueError("Cannot specify ',' with ','.");
  }
  if (pos < n && s[pos] == '.') {
    ++pos;
    if (!readNumber(f.precision))
      raiseValueError("Format specifier missing precision");
  }
  if (n - pos > 1)
    raiseValueError("Invalid format specifier '" + std::string(s) +
                    "' for object of type '" + typeName + "'");
  f.type = pos < n ? s[pos] : defaultType;
  if (f.grouping) {
    char t = f.type;
    bool ok =
        t == 'd' || t == 'e' || t == 'f' || t == 'g' || t == 'E' || t == 'G' ||
        t == '%' || t == 'F' || t == 0 ||
        (f.grouping == '_' && (t == 'b' || t == 'o' || t == 'x' || t == 'X'));
    if (!ok) {
      std::string m = "Cannot specify '";
      m += f.grouping;
      m += "' with '";
      m += t;
      m += "'.";
      raiseValueError(m);
    }
  }
  return f;
}

[[noreturn]] void unknownCode(char type, const char *typeName) {
  std::string m = "Unknown format code '";
  m += type;
  m += "' for object of type '";
  m += typeName;
  m += "'";
  raiseValueError(m);
}

void pad(std::string &out, const std::string &fill, Int count) {
  for (Int i = 0; i < count; ++i)
    out += fill;
}

// Insert separators into the integer digit string, zero-filling up to
// minWidth the way _PyUnicode_InsertThousandsGrouping does.
std::string group(std::string_view digits, char sep, int every, Int minWidth) {
  std::string rev;
  int inGroup = 0;
  auto put = [&](char c) {
    if (inGroup == every) {
      rev += sep;
      inGroup = 0;
    }
    rev += c;
    ++inGroup;
  };
  for (auto it = digits.rbegin(); it != digits.rend(); ++it)
    put(*it);
  while (static_cast<Int>(rev.size()) < minWidth)
    put('0');
  return std::string(rev.rbegin(), rev.rend());
}

// Lays out sign/prefix, number body and padding per align ('=' pads
// between the sign/prefix and the digits).
void emitNumber(std::string &out, const Spec &f, std::string_view signPrefix,
                std::string body, std::string_view suffix) {
  Int len = static_cast<Int>(signPrefix.size() + body.size() + suffix.size());
  Int padding = f.width > len ? f.width - len : 0;
  char align = f.align ? f.align : '>';
  if (align == '>')
    pad(out, f.fill, padding);
  else if (align == '^')
    pad(out, f.fill, padding / 2);
  out += signPrefix;
  if (align == '=')
    pad(out, f.fill, padding);
  out += body;
  out += suffix;
  if (align == '<')
    pad(out, f.fill, padding);
  else if (align == '^')
    pad(out, f.fill, padding - padding / 2);
}

// The integer part of `body` (up to the first non-digit) gets grouped; with
// '0' fill and '=' alignment the padding zeros are grouped too.
std::string applyGrouping(const Spec &f, std::string body, int every,
                          std::size_t fixedLen) {
  std::size_t intEnd = 0;
  if (every == 4)
    intEnd = body.size(); // b/o/x/X: the body is all digits
  else
    while (intEnd < body.size() && body[intEnd] >= '0' && body[intEnd] <= '9')
      ++intEnd;
  std::string_view intPart(body.data(), intEnd);
  Int minWidth = 0;
  if (f.align == '=' && f.fill == "0" && f.width > 0)
    minWidth = f.width - static_cast<Int>(fixedLen + body.size() - intEnd);
  if (f.grouping)
    return group(intPart, f.grouping, every, minWidth) + body.substr(intEnd);
  return body;
}

void formatFloatSpec(std::string &out, Float v, const Spec &specIn,
                     const char *typeName) {
  Spec f = specIn;
  char type = f.type;
  bool percent = false;
  bool addDot0 = false;
  int precision = static_cast<int>(f.precision);
  char code = type;
  switch (type) {
  case 0:
    addDot0 = true;
    code = precision < 0 ? 'r' : 'g';
    break;
  case 'n':
    code = 'g';
    break;
  case '%':
    code = 'f';
    percent = true;
    v *= 100;
    break;
  case 'e':
  case 'f':
  case 'g':
    break;
  case 'E':
  case 'F':
  case 'G':
    code = static_cast<char>(type - 'A' + 'a');
    break;
  default:
    unknownCode(type, typeName);
  }
  if (precision < 0)
    precision = code == 'r' ? 0 : 6;
  bool upper = type == 'E' || type == 'F' || type == 'G';
  bool neg = std::signbit(v) && !std::isnan(v);
  std::string body;
  if (std::isnan(v))
    body = upper ? "NAN" : "nan";
  else if (std::isinf(v))
    body = upper ? "INF" : "inf";
  else
    body =
        formatFloatShort(std::fabs(v), code, precision, addDot0, f.alt, upper);
  if (neg && f.z && std::isfinite(v)) {
    bool allZero = true;
    for (char c : body)
      if (c >= '1' && c <= '9')
        allZero = false;
      else if (c == 'e' || c == 'E')
        break;
    if (allZero)
      neg = false;
  }
  std::string signStr;
  if (neg)
    signStr = "-";
  else if (f.sign == '+' || f.sign == ' ')
    signStr = std::string(1, f.sign);
  std::string suffix = percent ? "%" : "";
  if (std::isfinite(v))
    body = applyGrouping(f, std::move(body), 3, signStr.size() + suffix.size());
  emitNumber(out, f, signStr, std::move(body), suffix);
}

} // namespace

void formatTo(std::string &out, Float v, std::string_view spec) {
  if (spec.empty()) {
    reprTo(out, v);
    return;
  }
  Spec f = parseSpec(spec, 0, '>', "float");
  formatFloatSpec(out, v, f, "float");
}

static void formatIntSpec(std::string &out, Int v, std::string_view spec,
                          const char *typeName) {
  Spec f = parseSpec(spec, 'd', '>', typeName);
  char t = f.type;
  switch (t) {
  case 'e':
  case 'E':
  case 'f':
  case 'F':
  case 'g':
  case 'G':
  case '%':
    formatFloatSpec(out, static_cast<Float>(v), f, typeName);
    return;
  case 'b':
  case 'o':
  case 'x':
  case 'X':
  case 'd':
  case 'n':
  case 'c':
    break;
  default:
    unknownCode(t, typeName);
  }
  if (f.precision >= 0)
    raiseValueError("Precision not allowed in integer format specifier");
  if (f.z)
    raiseValueError(
        "Negative zero coercion (z) not allowed in integer format specifier");
  if (t == 'c') {
    if (f.sign)
      raiseValueError("Sign not allowed with integer format specifier 'c'");
    if (f.alt)
      raiseValueError(
          "Alternate form (#) not allowed with integer format specifier 'c'");
    if (v < 0 || v > 0x10FFFF)
      raiseOverflowError("%c arg not in range(0x110000)");
    std::string body = chr(v).bytes();
    Spec g = f;
    Int len = 1;
    Int padding = g.width > len ? g.width - len : 0;
    char align = g.align ? g.align : '>';
    if (align == '>' || align == '=')
      pad(out, g.fill, padding);
    else if (align == '^')
      pad(out, g.fill, padding / 2);
    out += body;
    if (align == '<')
      pad(out, g.fill, padding);
    else if (align == '^')
      pad(out, g.fill, padding - padding / 2);
    return;
  }
  std::uint64_t mag =
      v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  int base = t == 'b' ? 2 : t == 'o' ? 8 : (t == 'x' || t == 'X') ? 16 : 10;
  char buf[72];
  auto r = std::to_chars(buf, buf + sizeof buf, mag, base);
  std::string body(buf, r.ptr);
  if (t == 'X')
    for (char &c : body)
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string prefix;
  if (v < 0)
    prefix = "-";
  else if (f.sign == '+' || f.sign == ' ')
    prefix = std::string(1, f.sign);
  if (f.alt && base != 10) {
    prefix += '0';
    prefix += t == 'b' ? 'b' : t == 'o' ? 'o' : t == 'x' ? 'x' : 'X';
  }
  body = applyGrouping(f, std::move(body), base == 10 ? 3 : 4, prefix.size());
  emitNumber(out, f, prefix, std::move(body), "");
}

void formatTo(std::string &out, Int v, std::string_view spec) {
  if (spec.empty()) {
    reprTo(out, v);
    return;
  }
  formatIntSpec(out, v, spec, "int");
}

void formatTo(std::string &out, bool v, std::string_view spec) {
  if (spec.empty()) {
    reprTo(out, v);
    return;
  }
  formatIntSpec(out, v ? 1 : 0, spec, "bool");
}

void formatTo(std::string &out, const Str &v, std::string_view spec) {
  if (spec.empty()) {
    out += v.bytes();
    return;
  }
  Spec f = parseSpec(spec, 's', '<', "str");
  if (f.type != 's')
    unknownCode(f.type, "str");
  if (f.sign)
    raiseValueError("Sign not allowed in string format specifier");
  if (f.alt)
    raiseValueError(
        "Alternate form (#) not allowed in string format specifier");
  if (f.z)
    raiseValueError("Negative zero coercion (z) not allowed in format "
                    "specifier");
  if (f.align == '=')
    raiseValueError("'=' alignment not allowed in string format specifier");
  if (f.grouping) {
    std::string m = "Cannot specify '";
    m += f.grouping;
    m += "' with 's'.";
    raiseValueError(m);
  }
  std::string_view text = v.view();
  Int len = v.len();
  if (f.precision >= 0 && f.precision < len) {
    text = text.substr(0, v.byteOffset(f.precision));
    len = f.precision;
  }
  Int padding = f.width > len ? f.width - len : 0;
  char align = f.align ? f.align : '<';
  if (align == '>')
    pad(out, f.fill, padding);
  else if (align == '^')
    pad(out, f.fill, padding / 2);
  out += text;
  if (align == '<')
    pad(out, f.fill, padding);
  else if (align == '^')
    pad(out, f.fill, padding - padding / 2);
}

} // namespace aioc::py
