// Python's exception hierarchy as C++ classes. Thrown by value, caught by
// reference, so `catch (aioc::Exception &)` is `except Exception:`. Generated
// code derives user exception classes from these and overrides typeName().
//
// message() is exactly what Python's str(e) prints; the traceback's last line
// is `typeName(): message()` (or just the type name when the message is
// empty), as CPython prints it.
#pragma once

#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace aioc {

class BaseException : public std::exception {
public:
  BaseException() = default;
  explicit BaseException(std::string message) : message_(std::move(message)) {}
  ~BaseException() override = default;

  virtual const char *typeName() const { return "BaseException"; }
  // The module CPython's traceback names a library class with ("httpx."),
  // or nullptr for builtins and the script's own classes.
  virtual const char *qualifier() const { return nullptr; }
  const std::string &message() const { return message_; }
  const char *what() const noexcept override { return message_.c_str(); }

  // `raise X from Y` and implicit chaining; printed by the top-level handler.
  std::exception_ptr cause;
  std::exception_ptr context;
  bool suppressContext = false;

  // CPython's last traceback line: "ValueError: bad input" / "KeyError: 'k'".
  std::string tracebackLine() const {
    return message_.empty() ? std::string(typeName())
                            : std::string(typeName()) + ": " + message_;
  }

protected:
  std::string message_;
};

// Exception and BaseExceptionGroup derive virtually so that ExceptionGroup can
// be both, exactly as in Python.
class Exception : public virtual BaseException {
public:
  Exception() = default;
  explicit Exception(std::string m) : BaseException(std::move(m)) {}
  const char *typeName() const override { return "Exception"; }
};

// For library exception classes: the qualifier applies to NAME itself, not
// to a script class deriving from it (CPython prints those unqualified).
#define AIOC_QUALIFIER(NAME, MODULE)                                           \
  const char *qualifier() const override {                                     \
    return std::string_view(typeName()) == #NAME ? MODULE : nullptr;           \
  }

#define AIOC_EXCEPTION(NAME, BASE)                                             \
  class NAME : public BASE {                                                   \
  public:                                                                      \
    NAME() = default;                                                          \
    explicit NAME(std::string m) : BaseException(std::move(m)) {}              \
    const char *typeName() const override { return #NAME; }                    \
  };

// BaseException subclasses
AIOC_EXCEPTION(KeyboardInterrupt, BaseException)
AIOC_EXCEPTION(GeneratorExit, BaseException)

// asyncio.CancelledError is a BaseException since 3.8.
class CancelledError : public BaseException {
public:
  CancelledError() = default;
  explicit CancelledError(std::string m) : BaseException(std::move(m)) {}
  const char *typeName() const override { return "CancelledError"; }
};

// sys.exit(n): caught by the program's entry point, never printed.
class SystemExit : public BaseException {
public:
  explicit SystemExit(int code = 0) : code(code) {}
  const char *typeName() const override { return "SystemExit"; }
  int code;
};

AIOC_EXCEPTION(ArithmeticError, Exception)
AIOC_EXCEPTION(ZeroDivisionError, ArithmeticError)
AIOC_EXCEPTION(OverflowError, ArithmeticError)
AIOC_EXCEPTION(AssertionError, Exception)
AIOC_EXCEPTION(AttributeError, Exception)
AIOC_EXCEPTION(LookupError, Exception)
AIOC_EXCEPTION(IndexError, LookupError)
AIOC_EXCEPTION(KeyError, LookupError)
AIOC_EXCEPTION(NameError, Exception)
AIOC_EXCEPTION(RuntimeError, Exception)
AIOC_EXCEPTION(NotImplementedError, RuntimeError)
AIOC_EXCEPTION(RecursionError, RuntimeError)
AIOC_EXCEPTION(StopIteration, Exception)
AIOC_EXCEPTION(StopAsyncIteration, Exception)
AIOC_EXCEPTION(TypeError, Exception)
AIOC_EXCEPTION(ValueError, Exception)
AIOC_EXCEPTION(UnicodeError, ValueError)
AIOC_EXCEPTION(UnicodeDecodeError, UnicodeError)
AIOC_EXCEPTION(UnicodeEncodeError, UnicodeError)

// OSError carries errno and filename; str() is "[Errno 2] No such file or
// directory: 'x.txt'" when both are given, as in CPython.
class OSError : public Exception {
public:
  OSError() = default;
  explicit OSError(std::string m) : BaseException(std::move(m)) {}
  OSError(int err, std::string strerror, std::string filename = {},
          bool hasFilename = false);
  const char *typeName() const override { return "OSError"; }
  int errnum = 0;
  std::string strerror;
  std::string filename;
  bool hasFilename = false;
};

#define AIOC_OSERROR(NAME, BASE)                                               \
  class NAME : public BASE {                                                   \
  public:                                                                      \
    NAME() = default;                                                          \
    explicit NAME(std::string m) : BaseException(std::move(m)) {}              \
    NAME(int err, std::string se, std::string fn = {}, bool hasFn = false)     \
        : BaseException() {                                                    \
      OSError tmp(err, std::move(se), std::move(fn), hasFn);                   \
      message_ = tmp.message();                                                \
      errnum = tmp.errnum;                                                     \
      strerror = tmp.strerror;                                                 \
      filename = tmp.filename;                                                 \
      hasFilename = tmp.hasFilename;                                           \
    }                                                                          \
    const char *typeName() const override { return #NAME; }                    \
  };

AIOC_OSERROR(FileNotFoundError, OSError)
AIOC_OSERROR(FileExistsError, OSError)
AIOC_OSERROR(PermissionError, OSError)
AIOC_OSERROR(IsADirectoryError, OSError)
AIOC_OSERROR(NotADirectoryError, OSError)
AIOC_OSERROR(ConnectionError, OSError)
AIOC_OSERROR(ConnectionRefusedError, ConnectionError)
AIOC_OSERROR(ConnectionResetError, ConnectionError)
AIOC_OSERROR(BrokenPipeError, ConnectionError)
// asyncio.TimeoutError is the builtin TimeoutError since 3.11.
AIOC_OSERROR(TimeoutError, OSError)
AIOC_OSERROR(ConnectionAbortedError, ConnectionError)
AIOC_OSERROR(BlockingIOError, OSError)
AIOC_OSERROR(ChildProcessError, OSError)
AIOC_OSERROR(InterruptedError, OSError)
AIOC_OSERROR(ProcessLookupError, OSError)

// Raise the OSError subclass CPython picks for this errno.
[[noreturn]] void throwOSError(int err, const std::string &filename = {},
                               bool hasFilename = false);

// asyncio's own exceptions.
AIOC_EXCEPTION(InvalidStateError, Exception)
AIOC_EXCEPTION(QueueEmpty, Exception)
AIOC_EXCEPTION(QueueFull, Exception)
AIOC_EXCEPTION(BrokenBarrierError, RuntimeError)

// BaseExceptionGroup / ExceptionGroup: str() is "msg (2 sub-exceptions)".
class BaseExceptionGroup : public virtual BaseException {
public:
  BaseExceptionGroup(std::string msg, std::vector<std::exception_ptr> excs);
  const char *typeName() const override { return "BaseExceptionGroup"; }
  const std::string &groupMessage() const { return groupMessage_; }
  const std::vector<std::exception_ptr> &exceptions() const {
    return exceptions_;
  }

protected:
  std::string groupMessage_;
  std::vector<std::exception_ptr> exceptions_;
};

class ExceptionGroup : public BaseExceptionGroup, public Exception {
public:
  ExceptionGroup(std::string msg, std::vector<std::exception_ptr> excs)
      : BaseException(), BaseExceptionGroup(std::move(msg), std::move(excs)) {}
  const char *typeName() const override { return "ExceptionGroup"; }
};

// Builds ExceptionGroup when every member is an Exception, else
// BaseExceptionGroup (Python's BaseExceptionGroup.__new__ rule), and throws it.
[[noreturn]] void throwExceptionGroup(std::string msg,
                                      std::vector<std::exception_ptr> excs);

#undef AIOC_EXCEPTION
#undef AIOC_OSERROR

// The traceback line for any exception_ptr (non-aioc exceptions included).
std::string tracebackLine(const std::exception_ptr &e);

// Python's repr() of an exception: "ValueError('x')", "CancelledError()".
std::string exceptionRepr(const std::exception_ptr &e);

// Python's repr() of a str (quote choice and escapes as CPython).
std::string pyStrRepr(const std::string &s);

// True when `e` holds an aioc::CancelledError.
bool isCancelledError(const std::exception_ptr &e);

} // namespace aioc
