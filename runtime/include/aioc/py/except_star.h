// `try ... except* E` over ExceptionGroup, as CPython 3.11 runs it:
//
//   StarGroup sg(caught);
//   for each `except* E1, E2 as eg:` handler, in order:
//     if (auto m = sg.match<E1, E2>()) { eg = m; run the body;
//                                         on exception: sg.raised(e) }
//   sg.finish();   // rethrows what CPython's PREP_RERAISE_STAR would
//
// match() splits the still-unhandled part with BaseExceptionGroup.split's
// rules (structure and messages kept; the group object itself when all of
// it matches); a naked exception is wrapped in ExceptionGroup("", [e]) for
// matching and re-raised unchanged when nothing matches. finish() keeps
// re-raised parts (a bare `raise` of eg, or the unmatched rest) as one
// projection of the original group and puts exceptions raised anew in the
// handlers before it, all in ExceptionGroup("", [...]).
#pragma once

#include "aioc/exceptions.h"

#include <exception>
#include <functional>
#include <utility>
#include <vector>

namespace aioc::py {

namespace star {

inline const BaseExceptionGroup *asGroup(const std::exception_ptr &e) {
  try {
    std::rethrow_exception(e);
  } catch (const BaseExceptionGroup &g) {
    return &g;
  } catch (...) {
    return nullptr;
  }
}

// BaseExceptionGroup(msg, excs): ExceptionGroup when every member is an
// Exception (the runtime's throwExceptionGroup decides), as an exception_ptr.
inline std::exception_ptr makeGroup(const std::string &msg,
                                    std::vector<std::exception_ptr> excs) {
  try {
    throwExceptionGroup(msg, std::move(excs));
  } catch (...) {
    return std::current_exception();
  }
}

using Pred = std::function<bool(const std::exception_ptr &)>;

// BaseExceptionGroup.split(pred) -> (match, rest); null for an empty part.
inline std::pair<std::exception_ptr, std::exception_ptr>
split(const std::exception_ptr &e, const Pred &pred) {
  if (pred(e))
    return {e, nullptr};
  const BaseExceptionGroup *g = asGroup(e);
  if (!g)
    return {nullptr, e};
  std::vector<std::exception_ptr> m, r;
  for (auto &c : g->exceptions()) {
    auto [cm, cr] = split(c, pred);
    if (cm)
      m.push_back(cm);
    if (cr)
      r.push_back(cr);
  }
  if (m.empty())
    return {nullptr, e};
  if (r.empty() && m.size() == g->exceptions().size()) {
    bool same = true;
    for (size_t i = 0; i < m.size(); ++i)
      same = same && m[i] == g->exceptions()[i];
    if (same)
      return {e, nullptr};
  }
  return {makeGroup(g->groupMessage(), std::move(m)),
          r.empty() ? nullptr : makeGroup(g->groupMessage(), std::move(r))};
}

inline void leaves(const std::exception_ptr &e,
                   std::vector<std::exception_ptr> &out) {
  if (const BaseExceptionGroup *g = asGroup(e)) {
    for (auto &c : g->exceptions())
      leaves(c, out);
  } else {
    out.push_back(e);
  }
}

template <class... E> bool isAny(const std::exception_ptr &e) {
  try {
    std::rethrow_exception(e);
  } catch (const BaseException &x) {
    return (... || (dynamic_cast<const E *>(&x) != nullptr));
  } catch (...) {
    return false;
  }
}

} // namespace star

class StarGroup {
public:
  explicit StarGroup(std::exception_ptr caught)
      : orig_(caught), naked_(!star::asGroup(caught)) {
    // A naked exception is matched as ExceptionGroup("", [e]).
    rest_ = naked_ ? star::makeGroup("", {caught}) : caught;
    derived_.push_back(rest_);
  }

  // The part of the unhandled exceptions that are one of E..., or null.
  template <class... E> std::exception_ptr match() {
    if (!rest_)
      return nullptr;
    auto [m, r] = star::split(rest_, star::isAny<E...>);
    if (m) {
      ran_ = true;
      derived_.push_back(m);
      if (r)
        derived_.push_back(r);
      rest_ = r;
    }
    return m;
  }

  // An exception that left a handler body.
  void raised(std::exception_ptr e) { results_.push_back(std::move(e)); }

  void finish() {
    if (naked_) {
      // Only one handler can have run; its exception (or none) wins. With no
      // match the original exception propagates unchanged.
      if (!ran_)
        std::rethrow_exception(orig_);
      if (!results_.empty())
        std::rethrow_exception(results_.front());
      return;
    }
    std::vector<std::exception_ptr> fresh, kept;
    for (auto &e : results_) {
      bool derived = false;
      for (auto &d : derived_)
        derived = derived || d == e || e == orig_;
      (derived ? kept : fresh).push_back(e);
    }
    if (rest_)
      kept.push_back(rest_);
    std::exception_ptr keep;
    if (!kept.empty()) {
      std::vector<std::exception_ptr> ids;
      for (auto &k : kept)
        star::leaves(k, ids);
      keep = star::split(orig_, [&](const std::exception_ptr &x) {
               if (star::asGroup(x))
                 return false;
               for (auto &i : ids)
                 if (i == x)
                   return true;
               return false;
             }).first;
    }
    if (fresh.empty()) {
      if (keep)
        std::rethrow_exception(keep);
      return;
    }
    // New exceptions are always wrapped, even a single one (3.11).
    if (keep)
      fresh.push_back(keep);
    std::rethrow_exception(star::makeGroup("", std::move(fresh)));
  }

private:
  std::exception_ptr orig_;
  bool naked_;
  bool ran_ = false;
  std::exception_ptr rest_;                 // not yet matched by any handler
  std::vector<std::exception_ptr> derived_; // split products of orig_
  std::vector<std::exception_ptr> results_; // raised by handler bodies
};

} // namespace aioc::py
