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
// `json=` bodies and `Response.json()` share json.dumps/json.loads' codec
// (aioc/gen/json.h), so both print and fail exactly as those do.
using JSONDecodeError = aioc::gen::JSONDecodeError;
template <class T> std::string dumps(const T &v) {
  return aioc::gen::jsonDumps(v).bytes();
}
template <class T> T loads(const std::string &s) {
  return aioc::gen::jsonLoads<T>(py::Str(s));
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
