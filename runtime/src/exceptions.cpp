#include "aioc/exceptions.h"
#include "aioc/py/str.h"

#include <cerrno>
#include <cstring>
#include <new>
#include <typeinfo>

namespace aioc {

// One implementation of repr(str) for the whole runtime: py::Str's, which
// follows CPython's quote choice and escapes (including non-printable
// Unicode).
std::string pyStrRepr(const std::string &s) {
  std::string out;
  py::reprTo(out, py::Str(s));
  return out;
}

OSError::OSError(int err, std::string se, std::string fn, bool hasFn)
    : BaseException(), errnum(err), strerror(std::move(se)),
      filename(std::move(fn)), hasFilename(hasFn || !filename.empty()) {
  if (strerror.empty() && err != 0)
    strerror = ::strerror(err);
  message_ = "[Errno " + std::to_string(err) + "] " + strerror;
  if (hasFilename)
    message_ += ": " + pyStrRepr(filename);
}

void throwOSError(int err, const std::string &fn, bool hasFn) {
  std::string se = ::strerror(err);
  switch (err) {
  case ENOENT:
    throw FileNotFoundError(err, se, fn, hasFn);
  case EEXIST:
    throw FileExistsError(err, se, fn, hasFn);
  case EACCES:
  case EPERM:
    throw PermissionError(err, se, fn, hasFn);
  case EISDIR:
    throw IsADirectoryError(err, se, fn, hasFn);
  case ENOTDIR:
    throw NotADirectoryError(err, se, fn, hasFn);
  case ECONNREFUSED:
    throw ConnectionRefusedError(err, se, fn, hasFn);
  case ECONNRESET:
    throw ConnectionResetError(err, se, fn, hasFn);
  case ECONNABORTED:
    throw ConnectionAbortedError(err, se, fn, hasFn);
  case EPIPE:
  case ESHUTDOWN:
    throw BrokenPipeError(err, se, fn, hasFn);
  case ETIMEDOUT:
    throw TimeoutError(err, se, fn, hasFn);
  case EAGAIN:
  case EALREADY:
  case EINPROGRESS:
    throw BlockingIOError(err, se, fn, hasFn);
  case ECHILD:
    throw ChildProcessError(err, se, fn, hasFn);
  case EINTR:
    throw InterruptedError(err, se, fn, hasFn);
  case ESRCH:
    throw ProcessLookupError(err, se, fn, hasFn);
  default:
    throw OSError(err, se, fn, hasFn);
  }
}

static std::string formatGroupMessage(const std::string &msg, size_t n) {
  return msg + " (" + std::to_string(n) + " sub-exception" +
         (n == 1 ? "" : "s") + ")";
}

BaseExceptionGroup::BaseExceptionGroup(std::string msg,
                                       std::vector<std::exception_ptr> excs)
    : groupMessage_(std::move(msg)), exceptions_(std::move(excs)) {
  message_ = formatGroupMessage(groupMessage_, exceptions_.size());
}

void throwExceptionGroup(std::string msg,
                         std::vector<std::exception_ptr> excs) {
  if (excs.empty())
    throw ValueError("second argument (exceptions) must be a non-empty "
                     "sequence");
  bool allExceptions = true;
  for (auto &e : excs) {
    try {
      std::rethrow_exception(e);
    } catch (const Exception &) {
    } catch (const BaseException &) {
      allExceptions = false;
    } catch (...) {
      // Foreign C++ exceptions count as Exception (they map to RuntimeError).
    }
  }
  if (allExceptions)
    throw ExceptionGroup(std::move(msg), std::move(excs));
  // BaseExceptionGroup alone is abstract-free but needs BaseException built.
  struct Base final : BaseExceptionGroup {
    Base(std::string m, std::vector<std::exception_ptr> x)
        : BaseException(), BaseExceptionGroup(std::move(m), std::move(x)) {}
  };
  throw Base(std::move(msg), std::move(excs));
}

std::string tracebackLine(const std::exception_ptr &e) {
  if (!e)
    return "";
  try {
    std::rethrow_exception(e);
  } catch (const BaseException &b) {
    return b.tracebackLine();
  } catch (const std::bad_alloc &) {
    return "MemoryError";
  } catch (const std::exception &x) {
    return std::string("RuntimeError: ") + x.what();
  } catch (...) {
    return "RuntimeError: unknown C++ exception";
  }
}

std::string exceptionRepr(const std::exception_ptr &e) {
  if (!e)
    return "None";
  try {
    std::rethrow_exception(e);
  } catch (const BaseExceptionGroup &g) {
    return std::string(g.typeName()) + "(" + pyStrRepr(g.groupMessage()) +
           ", [...])";
  } catch (const BaseException &b) {
    if (b.message().empty())
      return std::string(b.typeName()) + "()";
    return std::string(b.typeName()) + "(" + pyStrRepr(b.message()) + ")";
  } catch (const std::bad_alloc &) {
    return "MemoryError()";
  } catch (const std::exception &x) {
    return "RuntimeError(" + pyStrRepr(x.what()) + ")";
  } catch (...) {
    return "RuntimeError()";
  }
}

bool isCancelledError(const std::exception_ptr &e) {
  if (!e)
    return false;
  try {
    std::rethrow_exception(e);
  } catch (const CancelledError &) {
    return true;
  } catch (...) {
    return false;
  }
}

} // namespace aioc
