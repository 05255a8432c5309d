// The one header every aioc-generated program includes: the runtime's public
// headers plus the few lowering helpers generated code needs (exception
// values, object identity, argv). It lives among the runtime's public headers
// so that generated code includes nothing else; the driver precompiles it.
#pragma once

#include <aioc/asyncio.h>
#include <aioc/py/builtins.h>
#include <aioc/py/except_star.h>
#include <aioc/py/generator.h>
#include <aioc/py/percent.h>
#include <aioc/py/repr.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <thread>

namespace aioc::gen {

namespace py = aioc::py;
using py::formatTo;
using py::reprTo;
using py::strTo;

// Root of every user class: instances live in shared_ptr (Python's reference
// semantics) and can hand out `self`.
struct Object : std::enable_shared_from_this<Object> {
  virtual ~Object() = default;
  virtual const char *typeName_() const = 0;
};

inline void objectRepr(std::string &out, const Object *o) {
  char buf[64];
  snprintf(buf, sizeof buf, " object at %p>", static_cast<const void *>(o));
  out += "<__main__.";
  out += o->typeName_();
  out += buf;
}

// A Python exception object held as a value (`except E as e`, `e = E()`):
// the exception_ptr keeps it alive, `p` views it as the static type.
template <class E> struct ExcRef {
  std::exception_ptr ep;
  E *p = nullptr;
  ExcRef() = default;
  ExcRef(std::exception_ptr ep, E *p) : ep(std::move(ep)), p(p) {}
  // A subclass's exception where its base is expected (mixed lists).
  template <class F, class = std::enable_if_t<std::is_convertible_v<F *, E *>>>
  ExcRef(const ExcRef<F> &o) : ep(o.ep), p(o.p) {}
  E *operator->() const { return p; }
  friend bool operator==(const ExcRef &a, const ExcRef &b) {
    return a.p == b.p;
  }
};
template <class E> void strTo(std::string &out, const ExcRef<E> &e) {
  out += e.p->message();
}
void reprExcPtr(std::string &out, const std::exception_ptr &ep);
template <class E> void reprTo(std::string &out, const ExcRef<E> &e) {
  reprExcPtr(out, e.ep);
}
// repr() of any exception: KeyError's message is already repr(key); a group
// shows its message and members (the list form ExceptionGroup(msg, [..])
// and TaskGroup pass).
inline void reprExcPtr(std::string &out, const std::exception_ptr &ep) {
  try {
    std::rethrow_exception(ep);
  } catch (const aioc::BaseExceptionGroup &g) {
    out += g.typeName();
    out += '(';
    reprTo(out, py::Str(g.groupMessage()));
    out += ", [";
    for (size_t i = 0; i < g.exceptions().size(); ++i) {
      if (i)
        out += ", ";
      reprExcPtr(out, g.exceptions()[i]);
    }
    out += "])";
  } catch (const aioc::KeyError &k) {
    out += k.typeName();
    out += '(';
    out += k.message();
    out += ')';
  } catch (const aioc::BaseException &b) {
    out += b.typeName();
    out += '(';
    if (!b.message().empty())
      reprTo(out, py::Str(b.message()));
    out += ')';
  } catch (...) {
    out += aioc::exceptionRepr(ep);
  }
}
template <class E> ExcRef<E> makeExc(E e) {
  std::exception_ptr ep = std::make_exception_ptr(std::move(e));
  try {
    std::rethrow_exception(ep);
  } catch (E &x) {
    return ExcRef<E>{ep, &x};
  }
}
// The exception passed to __aexit__/__exit__ (None when the body finished).
inline py::Optional<ExcRef<aioc::BaseException>>
excArg(const std::exception_ptr &ep) {
  if (!ep)
    return {};
  try {
    std::rethrow_exception(ep);
  } catch (aioc::BaseException &x) {
    return ExcRef<aioc::BaseException>{ep, &x};
  } catch (...) {
    return {};
  }
}

// asyncio.sleep(d) used as a value (create_task(asyncio.sleep(1))).
inline aioc::Coro<void> sleepCoro(double d) { co_await aioc::sleep(d); }

// `a, b = xs` on a list: CPython's messages.
inline void unpackCheck(py::Int have, py::Int want) {
  if (have > want)
    throw aioc::ValueError("too many values to unpack (expected " +
                           std::to_string(want) + ")");
  if (have < want)
    throw aioc::ValueError("not enough values to unpack (expected " +
                           std::to_string(want) + ", got " +
                           std::to_string(have) + ")");
}

template <class... A, class... B>
py::Tuple<A..., B...> tupleCat(const py::Tuple<A...> &a,
                               const py::Tuple<B...> &b) {
  return std::apply(
      [&](const A &...xs) {
        return std::apply(
            [&](const B &...ys) { return py::Tuple<A..., B...>(xs..., ys...); },
            b.v);
      },
      a.v);
}
template <class X, class... A>
bool tupleContains(const py::Tuple<A...> &t, const X &x) {
  return std::apply([&](const A &...xs) { return ((xs == x) || ...); }, t.v);
}
template <class T, class... A>
T tupleIndex(const py::Tuple<T, A...> &t, py::Int i) {
  constexpr py::Int n = 1 + sizeof...(A);
  i = py::normIndex(i, n, "tuple");
  T out{};
  py::Int k = 0;
  std::apply(
      [&](const auto &...xs) { ((k++ == i ? (void)(out = xs) : void()), ...); },
      t.v);
  return out;
}

// type(x).__name__
inline py::Str typeName(py::Int) { return "int"; }
inline py::Str typeName(py::Float) { return "float"; }
inline py::Str typeName(bool) { return "bool"; }
inline py::Str typeName(const py::Str &) { return "str"; }
inline py::Str typeName(const py::Bytes &) { return "bytes"; }
inline py::Str typeName(py::None) { return "NoneType"; }
template <class T> py::Str typeName(const py::List<T> &) { return "list"; }
template <class T> py::Str typeName(const py::Set<T> &) { return "set"; }
template <class K, class V> py::Str typeName(const py::Dict<K, V> &) {
  return "dict";
}
template <class... T> py::Str typeName(const py::Tuple<T...> &) {
  return "tuple";
}
template <class T> py::Str typeName(const std::shared_ptr<T> &o) {
  return o->typeName_();
}
template <class E> py::Str typeName(const ExcRef<E> &e) {
  return e.p->typeName();
}

inline py::Float monotonicSeconds() {
  return std::chrono::duration<double>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}
inline py::Float wallSeconds() {
  return std::chrono::duration<double>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}
inline py::Optional<py::Str> envGet(const py::Str &k) {
  const char *v = std::getenv(k.c_str());
  if (!v)
    return {};
  return py::Str(v);
}
inline py::Str envGet(const py::Str &k, const py::Str &d) {
  const char *v = std::getenv(k.c_str());
  return v ? py::Str(v) : d;
}

// await asyncio.gather(...) gives a Python list (None for void results).
template <class T, class X> void appendResult(py::List<T> &l, X &&x) {
  l.append(std::forward<X>(x));
}
template <class T> void appendResult(py::List<T> &l, aioc::Unit) {
  l.append(py::none);
}
template <class T, class Tup> py::List<T> toPyList(Tup &&t) {
  py::List<T> l;
  if constexpr (requires {
                  t.size();
                  t.begin();
                }) {
    for (auto &x : t)
      appendResult(l, std::move(x));
  } else {
    std::apply([&](auto &...xs) { (appendResult(l, std::move(xs)), ...); }, t);
  }
  return l;
}
// gather(*xs): coroutines are moved out of the list (awaited once, as in
// Python), tasks are shared.
template <class T> std::vector<T> listToVector(py::List<T> &l) {
  std::vector<T> v;
  for (auto &x : l.vec()) {
    if constexpr (std::is_copy_constructible_v<T>)
      v.push_back(x);
    else
      v.push_back(std::move(x));
  }
  return v;
}
template <class T> std::vector<T> listToVector(py::List<T> &&l) {
  return listToVector(l);
}

inline std::optional<double> optDouble(const py::Optional<py::Float> &o) {
  if (o.isNone())
    return std::nullopt;
  return o.value();
}
inline std::optional<double> optDouble(py::Float d) { return d; }

// time.sleep: really blocks the thread (and the loop), as in CPython.
inline void blockingSleep(double d) {
  if (d > 0)
    std::this_thread::sleep_for(std::chrono::duration<double>(d));
}

// random: a Mersenne Twister, not CPython's stream (SPEC §8 allows it).
inline std::mt19937_64 &rng() {
  static std::mt19937_64 g(std::random_device{}());
  return g;
}
inline void randomSeed(py::Int s) { rng().seed(static_cast<uint64_t>(s)); }
inline py::Float randomFloat() {
  return std::uniform_real_distribution<double>(0.0, 1.0)(rng());
}
inline py::Int randomInt(py::Int a, py::Int b) {
  if (a > b)
    throw aioc::ValueError("empty range for randrange() (" + std::to_string(a) +
                           ", " + std::to_string(b + 1) + ", " +
                           std::to_string(b + 1 - a) + ")");
  return std::uniform_int_distribution<py::Int>(a, b)(rng());
}

// ExceptionGroup.exceptions
template <class E>
py::List<ExcRef<aioc::Exception>> excGroupMembers(const ExcRef<E> &g) {
  py::List<ExcRef<aioc::Exception>> l;
  auto *bg = dynamic_cast<aioc::BaseExceptionGroup *>(g.p);
  if (!bg)
    return l;
  for (auto &ep : bg->exceptions()) {
    try {
      std::rethrow_exception(ep);
    } catch (aioc::Exception &x) {
      l.append(ExcRef<aioc::Exception>{ep, &x});
    } catch (...) {
    }
  }
  return l;
}

// ExceptionGroup(msg, [e1, e2]): the members as exception_ptrs.
template <class E>
std::vector<std::exception_ptr> excPtrs(const py::List<ExcRef<E>> &l) {
  std::vector<std::exception_ptr> v;
  for (py::Int i = 0, n = l.len(); i < n; ++i)
    v.push_back(l[i].ep);
  if (v.empty())
    throw aioc::ValueError(
        "second argument (exceptions) must be a non-empty sequence");
  return v;
}

// `except* E as eg`: the matched group as a value.
inline ExcRef<aioc::ExceptionGroup> groupRef(const std::exception_ptr &ep) {
  try {
    std::rethrow_exception(ep);
  } catch (aioc::ExceptionGroup &g) {
    return ExcRef<aioc::ExceptionGroup>{ep, &g};
  } catch (...) {
    return {};
  }
}

inline py::List<py::Str> argvList(int argc, char **argv) {
  py::List<py::Str> l;
  for (int i = 0; i < argc; ++i)
    l.append(py::Str(argv[i]));
  return l;
}

} // namespace aioc::gen

#include <aioc/gen/asyncio_support.h>
#include <aioc/gen/json.h>
