// Glue between the compiler's Python values (aioc/py) and the I/O runtime
// (aioc/io), for generated code only: str/bytes <-> std::string, dicts ->
// header/param pairs, asyncio.subprocess constants -> Redirect, and JSON
// (json.dumps spelling for `json=`, and `.json()` decoded into the static
// type the script annotated).
#pragma once

#include "aioc/io/io.h"

#include <aioc/gen/json.h>
#include <aioc/py/py.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace aioc::io::bind {

namespace py = aioc::py;

inline std::string raw(const py::Str &s) { return s.bytes(); }
inline std::string raw(const py::Bytes &b) { return b.data(); }
inline py::Str str(std::string s) { return py::Str(std::move(s)); }
inline py::Bytes bytes(std::string s) { return py::Bytes(std::move(s)); }

// params=/headers= values: str as is, numbers as str() would print them.
inline std::string text(const py::Str &s) { return s.bytes(); }
template <class T> std::string text(const T &v) {
  std::string out;
  py::strTo(out, v);
  return out;
}
template <class V> Pairs pairs(const py::Dict<py::Str, V> &d) {
  Pairs out;
  for (const auto &e : d.impl().entries)
    if (e.live)
      out.emplace_back(e.key.bytes(), text(e.value));
  return out;
}

inline std::vector<std::string> strings(const py::List<py::Str> &l) {
  std::vector<std::string> out;
  for (const auto &s : l)
    out.push_back(s.bytes());
  return out;
}
inline py::List<py::Str> strList(const std::vector<std::string> &v) {
  py::List<py::Str> out;
  for (const auto &s : v)
    out.append(py::Str(s));
  return out;
}
inline py::List<py::Bytes> bytesList(const std::vector<std::string> &v) {
  py::List<py::Bytes> out;
  for (const auto &s : v)
    out.append(py::Bytes(s));
  return out;
}

// asyncio.subprocess.PIPE / STDOUT / DEVNULL are -1 / -2 / -3 in CPython.
inline Redirect redirect(py::Int v) {
  switch (v) {
  case -1:
    return Redirect::Pipe;
  case -2:
    return Redirect::Stdout;
  case -3:
    return Redirect::DevNull;
  default:
    py::raiseValueError("file descriptors other than PIPE, STDOUT and "
                        "DEVNULL are not supported by aioc");
  }
}
inline Redirect redirect(py::None) { return Redirect::Inherit; }
inline Redirect redirect(const py::Optional<py::Int> &v) {
  return v.isNone() ? Redirect::Inherit : redirect(v.value());
}

inline std::optional<std::string> optRaw(const py::Optional<py::Str> &o) {
  if (o.isNone())
    return std::nullopt;
  return o.value().bytes();
}
inline std::optional<std::string> optRaw(const py::Optional<py::Bytes> &o) {
  if (o.isNone())
    return std::nullopt;
  return o.value().data();
}
template <class T> py::Optional<T> optOf(const std::optional<std::string> &o) {
  if (!o)
    return {};
  return T(*o);
}

// Process.communicate(): (stdout, stderr) as bytes | None.
inline py::Tuple<py::Optional<py::Bytes>, py::Optional<py::Bytes>>
outputPair(const Process::Output &o) {
  return {optOf<py::Bytes>(o.first), optOf<py::Bytes>(o.second)};
}
// The two-value results of Python calls that return pairs.
inline py::Tuple<py::Str, py::Int> addr(const std::pair<std::string, int> &a) {
  return {py::Str(a.first), py::Int(a.second)};
}

// Timeouts: None (or <= 0) waits forever.
inline double timeoutOf(py::Float d) { return d; }
inline double timeoutOf(const py::Optional<py::Float> &o) {
  return o.isNone() ? 0.0 : o.value();
}
inline std::optional<double> optTimeout(const py::Optional<py::Float> &o) {
  if (o.isNone())
    return std::nullopt;
  return o.value();
}
inline std::optional<double> optTimeout(py::Float d) { return d; }
inline py::Optional<py::Int> optInt(const std::optional<int> &o) {
  if (!o)
    return {};
  return py::Int(*o);
}
template <class T> std::vector<std::string> raws(const py::List<T> &l) {
  std::vector<std::string> out;
  for (const auto &x : l)
    out.push_back(raw(x));
  return out;
}

// What the runtime returns -> the Python value the script sees.
template <class To> struct Conv {
  template <class X> static To from(X &&x) { return To(std::forward<X>(x)); }
};
template <> struct Conv<py::Str> {
  static py::Str from(std::string s) { return py::Str(std::move(s)); }
  static py::Str from(const std::optional<std::string> &s) {
    return py::Str(s.value_or(""));
  }
};
template <> struct Conv<py::Bytes> {
  static py::Bytes from(std::string s) { return py::Bytes(std::move(s)); }
  static py::Bytes from(const std::optional<std::string> &s) {
    return py::Bytes(s.value_or(""));
  }
};
template <class T> struct Conv<py::Optional<T>> {
  static py::Optional<T> from(const std::optional<std::string> &o) {
    if (!o)
      return {};
    return Conv<T>::from(*o);
  }
};
template <class T> struct Conv<py::List<T>> {
  static py::List<T> from(const std::vector<std::string> &v) {
    py::List<T> out;
    for (const auto &s : v)
      out.append(Conv<T>::from(s));
    return out;
  }
};
template <class A, class B> struct Conv<py::Tuple<A, B>> {
  static py::Tuple<A, B> from(const Process::Output &o) {
    return {Conv<A>::from(o.first), Conv<B>::from(o.second)};
  }
  static py::Tuple<A, B> from(StreamPair p) {
    return {std::move(p.reader), std::move(p.writer)};
  }
};
template <class To, class C> aioc::Coro<To> as(C c) {
  co_return Conv<To>::from(co_await std::move(c));
}

// ---- JSON ------------------------------------------------------------------
// json.dumps with its defaults: ", " and ": " separators, ensure_ascii.
inline void jsonStr(std::string &out, const std::string &s) {
  out += '"';
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    uint32_t cp = c;
    size_t n = 1;
    if (c >= 0xF0) {
      cp = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) |
           ((s[i + 2] & 0x3Fu) << 6) | (s[i + 3] & 0x3Fu);
      n = 4;
    } else if (c >= 0xE0) {
      cp = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
      n = 3;
    } else if (c >= 0xC0) {
      cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
      n = 2;
    }
    i += n;
    char buf[16];
    switch (cp) {
    case '"':
      out += "\\\"";
      continue;
    case '\\':
      out += "\\\\";
      continue;
    case '\n':
      out += "\\n";
      continue;
    case '\r':
      out += "\\r";
      continue;
    case '\t':
      out += "\\t";
      continue;
    case '\b':
      out += "\\b";
      continue;
    case '\f':
      out += "\\f";
      continue;
    default:
      break;
    }
    if (cp >= 0x20 && cp < 0x7F) {
      out += char(cp);
    } else if (cp >= 0x10000) {
      uint32_t v = cp - 0x10000;
      snprintf(buf, sizeof buf, "\\u%04x\\u%04x", 0xD800 + (v >> 10),
               0xDC00 + (v & 0x3FF));
      out += buf;
    } else {
      snprintf(buf, sizeof buf, "\\u%04x", cp);
      out += buf;
    }
  }
  out += '"';
}

inline void toJson(std::string &out, const py::Str &s) {
  jsonStr(out, s.bytes());
}
inline void toJson(std::string &out, bool b) { out += b ? "true" : "false"; }
inline void toJson(std::string &out, py::None) { out += "null"; }
template <class T>
requires std::is_same_v<T, py::Int>
void toJson(std::string &out, T v) { out += std::to_string(v); }
inline void toJson(std::string &out, py::Float v) {
  if (v != v)
    out += "NaN";
  else if (v == HUGE_VAL)
    out += "Infinity";
  else if (v == -HUGE_VAL)
    out += "-Infinity";
  else
    py::reprTo(out, v);
}
template <class T> void toJson(std::string &out, const py::Optional<T> &o) {
  if (o.isNone())
    out += "null";
  else
    toJson(out, o.value());
}
template <class T> void toJson(std::string &out, const py::List<T> &l) {
  out += '[';
  bool first = true;
  for (const auto &x : l) {
    if (!first)
      out += ", ";
    first = false;
    toJson(out, x);
  }
  out += ']';
}
template <class V>
void toJson(std::string &out, const py::Dict<py::Str, V> &d) {
  out += '{';
  bool first = true;
  for (const auto &e : d.impl().entries) {
    if (!e.live)
      continue;
    if (!first)
      out += ", ";
    first = false;
    jsonStr(out, e.key.bytes());
    out += ": ";
    toJson(out, e.value);
  }
  out += '}';
}
template <class... Ts>
void toJson(std::string &out, const py::Tuple<Ts...> &t) {
  out += '[';
  bool first = true;
  std::apply(
      [&](const auto &...x) {
        ((out += first ? "" : ", ", first = false, toJson(out, x)), ...);
      },
      t.v);
  out += ']';
}
template <class T> std::string dumps(const T &v) {
  std::string out;
  toJson(out, v);
  return out;
}

// json.JSONDecodeError: one class for json.loads and Response.json().
using JSONDecodeError = aioc::gen::JSONDecodeError;

// Decoding into a static type. Malformed text raises ValueError with
// json's message shape; a value of another JSON type than the annotation
// raises TypeError (CPython would store it untyped: SPEC §8, a documented
// runtime error).
class JsonReader {
public:
  explicit JsonReader(const std::string &s) : s_(s) {}

  template <class T> T value() {
    ws();
    if constexpr (std::is_same_v<T, bool>) {
      if (lit("true"))
        return true;
      if (lit("false"))
        return false;
      mismatch("bool");
    } else if constexpr (std::is_same_v<T, py::Int>) {
      return integer();
    } else if constexpr (std::is_same_v<T, py::Float>) {
      return number(true);
    } else if constexpr (std::is_same_v<T, py::Str>) {
      return py::Str(string());
    } else if constexpr (std::is_same_v<T, py::None>) {
      if (!lit("null"))
        mismatch("None");
      return py::none;
    } else {
      return compound(static_cast<T *>(nullptr));
    }
  }

  void end() {
    ws();
    if (i_ != s_.size())
      fail("Extra data");
  }

private:
  template <class E> py::List<E> compound(py::List<E> *) {
    py::List<E> out;
    expect('[', "list");
    ws();
    if (peek() == ']') {
      ++i_;
      return out;
    }
    for (;;) {
      out.append(value<E>());
      ws();
      if (peek() == ',') {
        ++i_;
        continue;
      }
      expect(']', "list");
      return out;
    }
  }
  template <class V> py::Dict<py::Str, V> compound(py::Dict<py::Str, V> *) {
    py::Dict<py::Str, V> out;
    expect('{', "dict");
    ws();
    if (peek() == '}') {
      ++i_;
      return out;
    }
    for (;;) {
      ws();
      py::Str k(string());
      ws();
      expect(':', "dict");
      out.setitem(k, value<V>());
      ws();
      if (peek() == ',') {
        ++i_;
        continue;
      }
      expect('}', "dict");
      return out;
    }
  }
  template <class T> py::Optional<T> compound(py::Optional<T> *) {
    ws();
    if (lit("null"))
      return {};
    return value<T>();
  }

  char peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' ||
                              s_[i_] == '\n' || s_[i_] == '\r'))
      ++i_;
  }
  bool lit(const char *w) {
    size_t n = strlen(w);
    if (s_.compare(i_, n, w) == 0) {
      i_ += n;
      return true;
    }
    return false;
  }
  [[noreturn]] void fail(const char *what) {
    // json.JSONDecodeError's message: "Expecting value: line 1 column 1
    // (char 0)".
    size_t line = 1, col = 1;
    for (size_t k = 0; k < i_ && k < s_.size(); ++k) {
      if (s_[k] == '\n') {
        ++line;
        col = 1;
      } else {
        ++col;
      }
    }
    throw JSONDecodeError(std::string(what) + ": line " + std::to_string(line) +
                          " column " + std::to_string(col) + " (char " +
                          std::to_string(i_) + ")");
  }
  [[noreturn]] void mismatch(const char *want) {
    // Not even the start of a JSON value: json's own error.
    char c = peek();
    if (i_ >= s_.size() || !(c == '"' || c == '{' || c == '[' || c == '-' ||
                             (c >= '0' && c <= '9') || c == 't' || c == 'f' ||
                             c == 'n' || c == 'N' || c == 'I'))
      fail("Expecting value");
    py::raiseTypeError(std::string("JSON value at char ") + std::to_string(i_) +
                       " is not the annotated type `" + want + "`");
  }
  void expect(char c, const char *want) {
    ws();
    if (peek() != c) {
      if (c == '[' || c == '{')
        mismatch(want);
      fail(c == ':' ? "Expecting ':' delimiter" : "Expecting ',' delimiter");
    }
    ++i_;
  }
  py::Int integer() {
    const char *b = s_.c_str() + i_;
    char *e = nullptr;
    long long v = strtoll(b, &e, 10);
    if (e == b || *e == '.' || *e == 'e' || *e == 'E')
      mismatch("int");
    i_ += e - b;
    return v;
  }
  double number(bool) {
    const char *b = s_.c_str() + i_;
    char *e = nullptr;
    double v = strtod(b, &e);
    if (e == b)
      mismatch("float");
    i_ += e - b;
    return v;
  }
  void utf8(std::string &out, uint32_t cp) {
    if (cp < 0x80) {
      out += char(cp);
    } else if (cp < 0x800) {
      out += char(0xC0 | (cp >> 6));
      out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += char(0xE0 | (cp >> 12));
      out += char(0x80 | ((cp >> 6) & 0x3F));
      out += char(0x80 | (cp & 0x3F));
    } else {
      out += char(0xF0 | (cp >> 18));
      out += char(0x80 | ((cp >> 12) & 0x3F));
      out += char(0x80 | ((cp >> 6) & 0x3F));
      out += char(0x80 | (cp & 0x3F));
    }
  }
  uint32_t hex4() {
    if (i_ + 4 > s_.size())
      fail("Invalid \\uXXXX escape");
    uint32_t v =
        static_cast<uint32_t>(strtoul(s_.substr(i_, 4).c_str(), nullptr, 16));
    i_ += 4;
    return v;
  }
  std::string string() {
    if (peek() != '"')
      mismatch("str");
    ++i_;
    std::string out;
    while (i_ < s_.size() && s_[i_] != '"') {
      char c = s_[i_++];
      if (c != '\\') {
        out += c;
        continue;
      }
      char x = peek();
      ++i_;
      switch (x) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'u': {
        uint32_t cp = hex4();
        if (cp >= 0xD800 && cp < 0xDC00 && lit("\\u")) {
          uint32_t lo = hex4();
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        }
        utf8(out, cp);
        break;
      }
      default:
        out += x;
      }
    }
    if (peek() != '"')
      fail("Unterminated string starting at");
    ++i_;
    return out;
  }

  const std::string &s_;
  size_t i_ = 0;
};

template <class T> T loads(const std::string &s) {
  JsonReader r(s);
  T v = r.value<T>();
  r.end();
  return v;
}

inline CompletedProcess textMode(CompletedProcess p, bool text) {
  p.text = text;
  return p;
}

// repr()/str() of the I/O objects, found by ADL: CPython's text where it is
// deterministic, its `<... object at 0x...>` form where CPython prints an
// address (or file descriptors) too.
inline void objectAt(std::string &out, const char *cls, const void *p) {
  char buf[64];
  snprintf(buf, sizeof buf, " object at %p>", p);
  out += '<';
  out += cls;
  out += buf;
}

} // namespace aioc::io::bind

namespace aioc::httpx {
inline void reprTo(std::string &out, const Response &r) {
  out += "<Response [" + std::to_string(r.status_code()) + " " +
         r.reason_phrase() + "]>";
}
inline void strTo(std::string &out, const Response &r) { reprTo(out, r); }
inline void reprTo(std::string &out, const AsyncClient &c) {
  io::bind::objectAt(out, "httpx.AsyncClient", &c);
}
inline void strTo(std::string &out, const AsyncClient &c) { reprTo(out, c); }
} // namespace aioc::httpx

namespace aioc::requests {
inline void reprTo(std::string &out, const Response &r) {
  out += "<Response [" + std::to_string(r.status_code()) + "]>";
}
inline void strTo(std::string &out, const Response &r) { reprTo(out, r); }
} // namespace aioc::requests

namespace aioc::aiofiles {
inline void reprTo(std::string &out, const AsyncFile &f) {
  io::bind::objectAt(out,
                     f.mode().find('b') == std::string::npos
                         ? "aiofiles.threadpool.text.AsyncTextIOWrapper"
                         : "aiofiles.threadpool.binary.AsyncBufferedIOBase",
                     &f);
}
inline void strTo(std::string &out, const AsyncFile &f) { reprTo(out, f); }
} // namespace aioc::aiofiles

namespace aioc::io {
// httpx.Headers: a dict when every name is unique, else a list of pairs.
inline void reprTo(std::string &out, const Headers &h) {
  bool unique = true;
  for (size_t i = 0; i < h.items().size() && unique; ++i)
    for (size_t j = 0; j < i; ++j)
      if (h.items()[i].first == h.items()[j].first)
        unique = false;
  out += unique ? "Headers({" : "Headers([";
  bool first = true;
  for (const auto &[k, v] : h.items()) {
    if (!first)
      out += ", ";
    first = false;
    out += unique ? "" : "(";
    out += reprStr(k);
    out += unique ? ": " : ", ";
    out += reprStr(v);
    out += unique ? "" : ")";
  }
  out += unique ? "})" : "])";
}
inline void strTo(std::string &out, const Headers &h) { reprTo(out, h); }
// <_io.TextIOWrapper name='x' mode='r' encoding='UTF-8'>
inline void reprTo(std::string &out, const std::shared_ptr<File> &f) {
  if (!f->binary()) {
    out += "<_io.TextIOWrapper name=" + reprStr(f->name()) +
           " mode=" + reprStr(f->mode()) + " encoding='UTF-8'>";
    return;
  }
  const std::string &m = f->mode();
  const char *cls = m.find('+') != std::string::npos   ? "BufferedRandom"
                    : m.find('r') != std::string::npos ? "BufferedReader"
                                                       : "BufferedWriter";
  out += std::string("<_io.") + cls + " name=" + reprStr(f->name()) + ">";
}
inline void strTo(std::string &out, const std::shared_ptr<File> &f) {
  reprTo(out, f);
}
inline void reprTo(std::string &out, const Process &p) {
  out += "<Process " + std::to_string(p.pid()) + ">";
}
inline void strTo(std::string &out, const Process &p) { reprTo(out, p); }
inline void reprTo(std::string &out, const StreamReader &r) {
  bind::objectAt(out, "asyncio.StreamReader", &r);
}
inline void strTo(std::string &out, const StreamReader &r) { reprTo(out, r); }
inline void reprTo(std::string &out, const StreamWriter &w) {
  bind::objectAt(out, "asyncio.StreamWriter", &w);
}
inline void strTo(std::string &out, const StreamWriter &w) { reprTo(out, w); }
inline void reprTo(std::string &out, const Server &s) {
  bind::objectAt(out, "asyncio.Server", &s);
}
inline void strTo(std::string &out, const Server &s) { reprTo(out, s); }
// CompletedProcess(args=['echo', 'x'], returncode=0, stdout='x\n')
inline void reprTo(std::string &out, const CompletedProcess &p) {
  out += "CompletedProcess(args=";
  out +=
      p.shell && p.args.size() == 1 ? reprStr(p.args[0]) : reprStrList(p.args);
  out += ", returncode=" + std::to_string(p.returncode);
  auto data = [&](const char *name, const std::optional<std::string> &d) {
    if (!d)
      return;
    out += std::string(", ") + name + "=";
    if (p.text)
      out += reprStr(*d);
    else
      aioc::py::reprTo(out, aioc::py::Bytes(*d));
  };
  data("stdout", p.stdoutData);
  data("stderr", p.stderrData);
  out += ')';
}
inline void strTo(std::string &out, const CompletedProcess &p) {
  reprTo(out, p);
}
} // namespace aioc::io

// Python objects without __eq__/__lt__: `==` and hash are identity, ordering
// raises CPython's TypeError.
#define AIOC_IO_IDENTITY(NS, TYPE, PYNAME, ID)                                 \
  namespace NS {                                                               \
  inline bool operator==(const TYPE &a, const TYPE &b) {                       \
    return ID(a) == ID(b);                                                     \
  }                                                                            \
  inline aioc::py::Int hash(const TYPE &a) {                                   \
    return static_cast<aioc::py::Int>(                                         \
        reinterpret_cast<std::uintptr_t>(ID(a)) >> 4);                         \
  }                                                                            \
  inline bool operator<(const TYPE &, const TYPE &) {                          \
    aioc::py::raiseTypeError("'<' not supported between instances of '" PYNAME \
                             "' and '" PYNAME "'");                            \
  }                                                                            \
  inline bool operator>(const TYPE &, const TYPE &) {                          \
    aioc::py::raiseTypeError("'>' not supported between instances of '" PYNAME \
                             "' and '" PYNAME "'");                            \
  }                                                                            \
  }
#define AIOC_IO_ID(x) (x).identity()
#define AIOC_IO_PTR(x) static_cast<const void *>((x).get())
#define AIOC_IO_ADDR(x) static_cast<const void *>(&(x))
AIOC_IO_IDENTITY(aioc::httpx, Response, "Response", AIOC_IO_ID)
AIOC_IO_IDENTITY(aioc::httpx, AsyncClient, "AsyncClient", AIOC_IO_ID)
AIOC_IO_IDENTITY(aioc::requests, Response, "Response", AIOC_IO_ID)
AIOC_IO_IDENTITY(aioc::aiofiles, AsyncFile, "AsyncTextIOWrapper", AIOC_IO_ID)
AIOC_IO_IDENTITY(aioc::io, Process, "Process", AIOC_IO_ID)
AIOC_IO_IDENTITY(aioc::io, StreamReader, "StreamReader", AIOC_IO_ID)
AIOC_IO_IDENTITY(aioc::io, StreamWriter, "StreamWriter", AIOC_IO_ID)
AIOC_IO_IDENTITY(aioc::io, Server, "Server", AIOC_IO_ID)
AIOC_IO_IDENTITY(aioc::io, std::shared_ptr<File>, "TextIOWrapper", AIOC_IO_PTR)
AIOC_IO_IDENTITY(aioc::io, CompletedProcess, "CompletedProcess", AIOC_IO_ADDR)
#undef AIOC_IO_IDENTITY

// httpx.Headers compares by its items; it is unhashable and unordered.
namespace aioc::io {
inline bool operator==(const Headers &a, const Headers &b) {
  return a.items() == b.items();
}
inline aioc::py::Int hash(const Headers &) {
  aioc::py::raiseTypeError("unhashable type: 'Headers'");
}
inline bool operator<(const Headers &, const Headers &) {
  aioc::py::raiseTypeError(
      "'<' not supported between instances of 'Headers' and 'Headers'");
}
} // namespace aioc::io
#undef AIOC_IO_ID
#undef AIOC_IO_PTR
#undef AIOC_IO_ADDR
