// json.dumps / json.loads for generated code, with CPython's defaults
// (separators ', ' and ': ', ensure_ascii, float repr, NaN/Infinity) and
// CPython's JSONDecodeError messages ("Expecting value: line 1 column 1
// (char 0)").
//
// json.loads returns the static type the script annotates (the compiler
// refuses targets JSON cannot produce, such as tuples or non-str keys). A
// document whose shape differs from that type raises TypeError naming the
// path ("json.loads: $['items'][2] is a str, expected int") where CPython
// would return a value of another type: aioc's documented difference.
// A JSON int where a float is expected is such a case too (CPython keeps the
// int, which prints differently).
#pragma once

#include <aioc/exceptions.h>
#include <aioc/py/builtins.h>
#include <aioc/py/repr.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace aioc::gen {

namespace py = aioc::py;

class JSONDecodeError : public aioc::ValueError {
public:
  explicit JSONDecodeError(std::string m) : BaseException(std::move(m)) {}
  const char *typeName() const override { return "JSONDecodeError"; }
  AIOC_QUALIFIER(JSONDecodeError, "json.decoder.")
};

namespace json {

// ------------------------------------------------------------------ dumps
inline void dumpStr(std::string &out, const std::string &s) {
  static const char *hex = "0123456789abcdef";
  auto u4 = [&](unsigned v) {
    out += "\\u";
    for (int sh = 12; sh >= 0; sh -= 4)
      out += hex[(v >> sh) & 0xf];
  };
  out += '"';
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20 || c == 0x7f)
          u4(c);
        else
          out += static_cast<char>(c);
      }
      continue;
    }
    // ensure_ascii: decode one UTF-8 sequence, write \uXXXX (a surrogate
    // pair above the BMP).
    int n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
    unsigned cp = c & (0x7f >> n);
    for (int k = 1; k < n && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    i += n;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      u4(0xd800 + (cp >> 10));
      u4(0xdc00 + (cp & 0x3ff));
    } else {
      u4(cp);
    }
  }
  out += '"';
}

inline void dump(std::string &out, py::Int v) { out += std::to_string(v); }
inline void dump(std::string &out, bool v) { out += v ? "true" : "false"; }
inline void dump(std::string &out, py::None) { out += "null"; }
inline void dump(std::string &out, py::Float v) {
  if (std::isnan(v))
    out += "NaN";
  else if (std::isinf(v))
    out += v > 0 ? "Infinity" : "-Infinity";
  else
    py::reprTo(out, v);
}
inline void dump(std::string &out, const py::Str &s) {
  dumpStr(out, s.bytes());
}
template <class T> void dump(std::string &out, const py::Optional<T> &o);
template <class T> void dump(std::string &out, const py::List<T> &l);
template <class K, class V>
void dump(std::string &out, const py::Dict<K, V> &d);
template <class... Ts> void dump(std::string &out, const py::Tuple<Ts...> &t);

template <class T> void dump(std::string &out, const py::Optional<T> &o) {
  if (o.isNone())
    out += "null";
  else
    dump(out, o.value());
}
template <class T> void dump(std::string &out, const py::List<T> &l) {
  out += '[';
  bool first = true;
  for (py::Int i = 0; i < l.len(); ++i) {
    if (!first)
      out += ", ";
    first = false;
    dump(out, static_cast<const T &>(l[i]));
  }
  out += ']';
}
template <class... Ts> void dump(std::string &out, const py::Tuple<Ts...> &t) {
  out += '[';
  bool first = true;
  std::apply(
      [&](const auto &...xs) {
        ((out += first ? "" : ", ", first = false, dump(out, xs)), ...);
      },
      t.v);
  out += ']';
}
// Keys: str as is; int, float, bool and None become strings, as in CPython.
inline void dumpKey(std::string &out, const py::Str &k) { dump(out, k); }
inline void dumpKey(std::string &out, py::Int k) {
  dumpStr(out, std::to_string(k));
}
inline void dumpKey(std::string &out, bool k) {
  dumpStr(out, k ? "true" : "false");
}
template <class K, class V>
void dump(std::string &out, const py::Dict<K, V> &d) {
  out += '{';
  bool first = true;
  for (const auto &kv : d.items()) {
    if (!first)
      out += ", ";
    first = false;
    dumpKey(out, std::get<0>(kv.v));
    out += ": ";
    dump(out, std::get<1>(kv.v));
  }
  out += '}';
}

// ------------------------------------------------------------------ loads
// The document as a tree first (CPython's errors come from the syntax
// alone), then converted to the annotated type.
struct Value {
  enum Kind { Null, Bool, Int, Float, Str, Array, Object } kind = Null;
  bool b = false;
  int64_t i = 0;
  double f = 0;
  std::string s;
  std::vector<Value> items;      // Array
  std::vector<std::string> keys; // Object, in first-seen order
  std::vector<Value> values;
};

class Parser {
public:
  explicit Parser(const std::string &t) : t_(t) {}
  Value document() {
    ws();
    Value v = value();
    ws();
    if (p_ != t_.size())
      fail("Extra data", p_);
    return v;
  }

private:
  const std::string &t_;
  size_t p_ = 0;

  [[noreturn]] void fail(const std::string &what, size_t at) {
    // CPython counts characters (code points), lines and columns from 1.
    size_t ch = 0, line = 1, lineStart = 0;
    for (size_t k = 0; k < at && k < t_.size(); ++k) {
      if ((static_cast<unsigned char>(t_[k]) & 0xc0) != 0x80) {
        if (t_[k] == '\n') {
          ++line;
          lineStart = ch + 1;
        }
        ++ch;
      }
    }
    throw JSONDecodeError(what + ": line " + std::to_string(line) + " column " +
                          std::to_string(ch - lineStart + 1) + " (char " +
                          std::to_string(ch) + ")");
  }
  void ws() {
    while (p_ < t_.size() && (t_[p_] == ' ' || t_[p_] == '\t' ||
                              t_[p_] == '\n' || t_[p_] == '\r'))
      ++p_;
  }
  bool lit(const char *w) {
    size_t n = std::char_traits<char>::length(w);
    if (t_.compare(p_, n, w) != 0)
      return false;
    p_ += n;
    return true;
  }
  Value value() {
    Value v;
    if (p_ >= t_.size())
      fail("Expecting value", p_);
    char c = t_[p_];
    if (c == '"') {
      v.kind = Value::Str;
      v.s = string();
    } else if (c == '{') {
      v.kind = Value::Object;
      object(v);
    } else if (c == '[') {
      v.kind = Value::Array;
      array(v);
    } else if (lit("null")) {
    } else if (lit("true")) {
      v.kind = Value::Bool;
      v.b = true;
    } else if (lit("false")) {
      v.kind = Value::Bool;
    } else if (lit("NaN")) {
      v.kind = Value::Float;
      v.f = NAN;
    } else if (lit("Infinity")) {
      v.kind = Value::Float;
      v.f = HUGE_VAL;
    } else if (lit("-Infinity")) {
      v.kind = Value::Float;
      v.f = -HUGE_VAL;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      number(v);
    } else {
      fail("Expecting value", p_);
    }
    return v;
  }
  void number(Value &v) {
    // CPython's NUMBER_RE: -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?
    size_t start = p_;
    if (t_[p_] == '-')
      ++p_;
    auto digit = [&] {
      return p_ < t_.size() && t_[p_] >= '0' && t_[p_] <= '9';
    };
    if (!digit())
      fail("Expecting value", start);
    if (t_[p_] == '0')
      ++p_;
    else
      while (digit())
        ++p_;
    bool isFloat = false;
    if (p_ + 1 < t_.size() && t_[p_] == '.' && t_[p_ + 1] >= '0' &&
        t_[p_ + 1] <= '9') {
      isFloat = true;
      ++p_;
      while (digit())
        ++p_;
    }
    if (p_ < t_.size() && (t_[p_] == 'e' || t_[p_] == 'E')) {
      size_t save = p_++;
      if (p_ < t_.size() && (t_[p_] == '+' || t_[p_] == '-'))
        ++p_;
      if (digit()) {
        isFloat = true;
        while (digit())
          ++p_;
      } else {
        p_ = save;
      }
    }
    std::string text = t_.substr(start, p_ - start);
    if (isFloat) {
      v.kind = Value::Float;
      v.f = std::strtod(text.c_str(), nullptr);
      return;
    }
    v.kind = Value::Int;
    errno = 0;
    long long x = std::strtoll(text.c_str(), nullptr, 10);
    if (errno == ERANGE)
      throw aioc::OverflowError("json.loads: integer " + text +
                                " does not fit in 64 bits (aioc's int)");
    v.i = x;
  }
  static void utf8(std::string &out, unsigned cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xc0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xe0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
      out += static_cast<char>(0x80 | (cp & 0x3f));
    } else {
      out += static_cast<char>(0xf0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
      out += static_cast<char>(0x80 | (cp & 0x3f));
    }
  }
  unsigned hex4(size_t at) {
    if (at + 4 > t_.size())
      fail("Invalid \\uXXXX escape", at - 1);
    unsigned v = 0;
    for (size_t k = at; k < at + 4; ++k) {
      char c = t_[k];
      v <<= 4;
      if (c >= '0' && c <= '9')
        v |= c - '0';
      else if (c >= 'a' && c <= 'f')
        v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F')
        v |= c - 'A' + 10;
      else
        fail("Invalid \\uXXXX escape", at - 1);
    }
    return v;
  }
  std::string string() {
    size_t start = p_++;
    std::string out;
    while (true) {
      if (p_ >= t_.size())
        fail("Unterminated string starting at", start);
      char c = t_[p_];
      if (c == '"') {
        ++p_;
        return out;
      }
      if (static_cast<unsigned char>(c) < 0x20)
        fail("Invalid control character at", p_);
      if (c != '\\') {
        out += c;
        ++p_;
        continue;
      }
      if (p_ + 1 >= t_.size())
        fail("Unterminated string starting at", start);
      char e = t_[p_ + 1];
      p_ += 2;
      switch (e) {
      case '"':
      case '\\':
      case '/':
        out += e;
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        unsigned cp = hex4(p_);
        p_ += 4;
        if (cp >= 0xd800 && cp < 0xdc00 && p_ + 6 <= t_.size() &&
            t_[p_] == '\\' && t_[p_ + 1] == 'u') {
          unsigned lo = hex4(p_ + 2);
          if (lo >= 0xdc00 && lo < 0xe000) {
            cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
            p_ += 6;
          }
        }
        utf8(out, cp);
        break;
      }
      default:
        fail("Invalid \\escape", p_ - 2);
      }
    }
  }
  void array(Value &v) {
    ++p_;
    ws();
    if (p_ < t_.size() && t_[p_] == ']') {
      ++p_;
      return;
    }
    while (true) {
      ws();
      v.items.push_back(value());
      ws();
      if (p_ < t_.size() && t_[p_] == ']') {
        ++p_;
        return;
      }
      if (p_ >= t_.size() || t_[p_] != ',')
        fail("Expecting ',' delimiter", p_);
      ++p_;
    }
  }
  void object(Value &v) {
    ++p_;
    ws();
    if (p_ < t_.size() && t_[p_] == '}') {
      ++p_;
      return;
    }
    while (true) {
      ws();
      if (p_ >= t_.size() || t_[p_] != '"')
        fail("Expecting property name enclosed in double quotes", p_);
      std::string k = string();
      ws();
      if (p_ >= t_.size() || t_[p_] != ':')
        fail("Expecting ':' delimiter", p_);
      ++p_;
      ws();
      Value x = value();
      // A repeated key keeps its first position and its last value.
      bool found = false;
      for (size_t i = 0; i < v.keys.size(); ++i)
        if (v.keys[i] == k) {
          v.values[i] = std::move(x);
          found = true;
          break;
        }
      if (!found) {
        v.keys.push_back(std::move(k));
        v.values.push_back(std::move(x));
      }
      ws();
      if (p_ < t_.size() && t_[p_] == '}') {
        ++p_;
        return;
      }
      if (p_ >= t_.size() || t_[p_] != ',')
        fail("Expecting ',' delimiter", p_);
      ++p_;
    }
  }
};

inline const char *kindName(const Value &v) {
  switch (v.kind) {
  case Value::Null:
    return "null";
  case Value::Bool:
    return "bool";
  case Value::Int:
    return "int";
  case Value::Float:
    return "float";
  case Value::Str:
    return "str";
  case Value::Array:
    return "list";
  default:
    return "dict";
  }
}
[[noreturn]] inline void mismatch(const Value &v, const std::string &path,
                                  const char *want) {
  throw aioc::TypeError("json.loads: " + path + " is a " + kindName(v) +
                        ", expected " + want +
                        " (aioc returns the annotated type)");
}

template <class T> struct Tag {};
inline py::Int conv(const Value &v, const std::string &path, Tag<py::Int>) {
  if (v.kind != Value::Int)
    mismatch(v, path, "int");
  return v.i;
}
inline py::Float conv(const Value &v, const std::string &path, Tag<py::Float>) {
  if (v.kind != Value::Float)
    mismatch(v, path, "float");
  return v.f;
}
inline bool conv(const Value &v, const std::string &path, Tag<bool>) {
  if (v.kind != Value::Bool)
    mismatch(v, path, "bool");
  return v.b;
}
inline py::Str conv(const Value &v, const std::string &path, Tag<py::Str>) {
  if (v.kind != Value::Str)
    mismatch(v, path, "str");
  return py::Str(v.s);
}
inline py::None conv(const Value &v, const std::string &path, Tag<py::None>) {
  if (v.kind != Value::Null)
    mismatch(v, path, "None");
  return py::none;
}
template <class T>
py::Optional<T> conv(const Value &v, const std::string &path,
                     Tag<py::Optional<T>>) {
  if (v.kind == Value::Null)
    return {};
  return conv(v, path, Tag<T>{});
}
template <class T>
py::List<T> conv(const Value &v, const std::string &path, Tag<py::List<T>>) {
  if (v.kind != Value::Array)
    mismatch(v, path, "list");
  py::List<T> l;
  for (size_t k = 0; k < v.items.size(); ++k)
    l.append(conv(v.items[k], path + "[" + std::to_string(k) + "]", Tag<T>{}));
  return l;
}
template <class V>
py::Dict<py::Str, V> conv(const Value &v, const std::string &path,
                          Tag<py::Dict<py::Str, V>>) {
  if (v.kind != Value::Object)
    mismatch(v, path, "dict");
  py::Dict<py::Str, V> d;
  for (size_t i = 0; i < v.keys.size(); ++i) {
    std::string sub;
    py::reprTo(sub, py::Str(v.keys[i]));
    d.setitem(py::Str(v.keys[i]),
              conv(v.values[i], path + "[" + sub + "]", Tag<V>{}));
  }
  return d;
}

} // namespace json

template <class T> py::Str jsonDumps(const T &v) {
  std::string out;
  json::dump(out, v);
  return py::Str(std::move(out));
}
template <class T> T jsonLoads(const py::Str &text) {
  std::string t = text.bytes();
  json::Value v = json::Parser(t).document();
  return json::conv(v, "$", json::Tag<T>{});
}

} // namespace aioc::gen
