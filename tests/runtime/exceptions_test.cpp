// exceptions.cpp: str() formatting as CPython prints it, and the reports the
// runtime writes to stderr ("Task exception was never retrieved", "Task was
// destroyed but it is pending!"), checked against CPython 3.11's text.
#include "aioc/asyncio.h"

#include <gtest/gtest.h>

#include <cerrno>

namespace {

TEST(Exceptions, OSErrorFormatting) {
  // python3 -c "open('x')" -> FileNotFoundError: [Errno 2] No such file or
  // directory: 'x'
  try {
    aioc::throwOSError(ENOENT, "x", true);
  } catch (const aioc::FileNotFoundError &e) {
    EXPECT_EQ(e.tracebackLine(),
              "FileNotFoundError: [Errno 2] No such file or directory: 'x'");
    EXPECT_EQ(e.errnum, ENOENT);
  }
  EXPECT_THROW(aioc::throwOSError(EACCES, "f", true), aioc::PermissionError);
  EXPECT_THROW(aioc::throwOSError(ECONNREFUSED), aioc::ConnectionRefusedError);
  EXPECT_THROW(aioc::throwOSError(EPIPE), aioc::BrokenPipeError);
  EXPECT_THROW(aioc::throwOSError(ETIMEDOUT), aioc::TimeoutError);
  EXPECT_THROW(aioc::throwOSError(EISDIR, "d", true), aioc::IsADirectoryError);
  try {
    aioc::throwOSError(EBADF);
  } catch (const aioc::OSError &e) {
    EXPECT_STREQ(e.typeName(), "OSError");
    EXPECT_EQ(e.message(), "[Errno 9] Bad file descriptor");
  }
  // A filename with a quote is repr'd with double quotes, as Python does.
  aioc::OSError q(ENOENT, "", "it's", true);
  EXPECT_EQ(q.message(), "[Errno 2] No such file or directory: \"it's\"");
}

TEST(Exceptions, ExceptionGroupStr) {
  std::vector<std::exception_ptr> v{
      std::make_exception_ptr(aioc::ValueError("a")),
      std::make_exception_ptr(aioc::TypeError("b"))};
  try {
    aioc::throwExceptionGroup("msg", v);
  } catch (const aioc::ExceptionGroup &g) {
    EXPECT_EQ(g.message(), "msg (2 sub-exceptions)");
    EXPECT_EQ(g.exceptions().size(), 2u);
    EXPECT_EQ(aioc::tracebackLine(std::current_exception()),
              "ExceptionGroup: msg (2 sub-exceptions)");
  }
  // A BaseException member makes it a BaseExceptionGroup (not an Exception).
  try {
    aioc::throwExceptionGroup(
        "m", {std::make_exception_ptr(aioc::CancelledError())});
  } catch (const aioc::Exception &) {
    ADD_FAILURE() << "BaseExceptionGroup caught as Exception";
  } catch (const aioc::BaseExceptionGroup &g) {
    EXPECT_EQ(g.message(), "m (1 sub-exception)");
    EXPECT_STREQ(g.typeName(), "BaseExceptionGroup");
  }
}

TEST(Exceptions, TracebackLineAndRepr) {
  EXPECT_EQ(aioc::tracebackLine(std::make_exception_ptr(aioc::KeyError("'k'"))),
            "KeyError: 'k'");
  EXPECT_EQ(
      aioc::tracebackLine(std::make_exception_ptr(aioc::CancelledError())),
      "CancelledError");
  EXPECT_EQ(aioc::tracebackLine(std::make_exception_ptr(std::bad_alloc())),
            "MemoryError");
  EXPECT_EQ(aioc::exceptionRepr(std::make_exception_ptr(aioc::ValueError("x"))),
            "ValueError('x')");
}

// CPython 3.11:
//   async def boom(): raise ValueError("x")
//   async def main():
//       asyncio.create_task(boom()); await asyncio.sleep(0.01)
// prints on stderr (first two lines):
//   Task exception was never retrieved
//   future: <Task finished name='Task-2' coro=<boom() done, defined at ...>
//   exception=ValueError('x')>
TEST(Reports, TaskExceptionNeverRetrieved) {
  auto boom = []() -> aioc::Coro<void> {
    throw aioc::ValueError("x");
    co_return;
  };
  auto m = [](decltype(boom) *b) -> aioc::Coro<void> {
    aioc::createTask((*b)(), "t");
    co_await aioc::sleep(0.01);
  };
  testing::internal::CaptureStderr();
  aioc::run(m(&boom));
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(err, "Task exception was never retrieved\n"
                 "future: <Task finished name='t' exception=ValueError('x')>\n"
                 "Traceback (most recent call last):\n"
                 "ValueError: x\n");
}

// A retrieved exception is not reported.
TEST(Reports, RetrievedExceptionIsSilent) {
  auto m = []() -> aioc::Coro<void> {
    auto boom = []() -> aioc::Coro<void> {
      throw aioc::ValueError("x");
      co_return;
    };
    auto t = aioc::createTask(boom());
    co_await aioc::sleep(0);
    EXPECT_TRUE(t.exception() != nullptr);
  };
  testing::internal::CaptureStderr();
  aioc::run(m());
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
}

// A task created while asyncio.run shuts down is still pending when the
// loop closes. CPython: "Task was destroyed but it is pending!" then
// "task: <Task pending name='Task-N' coro=<...>>".
TEST(Reports, TaskDestroyedPending) {
  auto forever = []() -> aioc::Coro<void> { co_await aioc::sleep(100); };
  auto spawner = [](decltype(forever) *f) -> aioc::Coro<void> {
    try {
      co_await aioc::sleep(100);
    } catch (const aioc::CancelledError &) {
      aioc::createTask((*f)(), "late");
      throw;
    }
  };
  auto m = [](decltype(spawner) *s, decltype(forever) *f) -> aioc::Coro<void> {
    aioc::createTask((*s)(f));
    co_await aioc::sleep(0);
  };
  testing::internal::CaptureStderr();
  aioc::run(m(&spawner, &forever));
  EXPECT_EQ(testing::internal::GetCapturedStderr(),
            "Task was destroyed but it is pending!\n"
            "task: <Task pending name='late'>\n");
}

// Debug mode: a step that blocks the loop > 100 ms is reported with the
// location recorded by AIOC_AT.
TEST(Reports, DebugModeSlowStep) {
  auto m = []() -> aioc::Coro<void> {
    AIOC_AT("main", "slow.py", 4);
    auto t0 = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - t0 <
           std::chrono::milliseconds(120)) {
    }
    AIOC_AT("main", "slow.py", 6);
    co_await aioc::sleep(0);
  };
  testing::internal::CaptureStderr();
  aioc::run(m(), /*debug=*/true);
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("Executing <Task pending name='Task-"), std::string::npos)
      << err;
  // "took 0.1xx seconds" on an idle machine; any duration >= 0.1 is right.
  auto at = err.find("coro=<main() running at slow.py:6>> took ");
  ASSERT_NE(at, std::string::npos) << err;
  double secs = std::stod(err.substr(at + 41));
  EXPECT_GE(secs, 0.1) << err;
  EXPECT_NE(err.find(" seconds\n"), std::string::npos) << err;
}

} // namespace
