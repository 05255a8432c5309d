// The blocking calls: open() files, time.sleep, subprocess.run, with
// Python's results and errors.
#include "aioc/io/blocking.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

using namespace aioc;
using namespace aioc::io;
namespace fs = std::filesystem;

namespace {
// A fresh directory per test, removed afterwards.
class TempDir : public ::testing::Test {
protected:
  void SetUp() override {
    char tmpl[] = "/tmp/aioc-io-XXXXXX";
    dir = mkdtemp(tmpl);
  }
  void TearDown() override { fs::remove_all(dir); }
  std::string path(const std::string &name) const { return dir + "/" + name; }
  std::string dir;
};
using Files = TempDir;
} // namespace

TEST_F(Files, TextRoundTripNonAsciiName) {
  std::string p = path("h\xc3\xa9llo-\xe6\x97\xa5\xe6\x9c\xac.txt");
  {
    auto f = File::open(p, "w");
    EXPECT_EQ(f->write("caf\xc3\xa9\n"), 5); // code points, as Python
    EXPECT_EQ(f->write("line2\r\nline3\rline4"), 18);
    f->close();
    EXPECT_TRUE(f->closed());
  }
  auto f = File::open(p);
  EXPECT_EQ(f->readline(), "caf\xc3\xa9\n");
  EXPECT_EQ(f->read(3), "lin"); // three code points
  // Universal newlines: \r\n and \r read as \n.
  EXPECT_EQ(f->readlines(),
            (std::vector<std::string>{"e2\n", "line3\n", "line4"}));
  EXPECT_EQ(f->read(), "");
  f->close();
  EXPECT_THROW(f->read(), ValueError);
}

TEST_F(Files, BinaryRoundTrip) {
  std::string data;
  for (int i = 0; i < 200000; ++i)
    data += static_cast<char>(i * 31);
  auto w = File::open(path("b.bin"), "wb");
  EXPECT_EQ(w->write(data), static_cast<int64_t>(data.size()));
  w->close();
  auto r = File::open(path("b.bin"), "rb");
  EXPECT_EQ(r->read(10), data.substr(0, 10));
  EXPECT_EQ(r->read(), data.substr(10));
}

TEST_F(Files, AppendAndExclusive) {
  File::open(path("a.txt"), "w")->write("one\n");
  File::open(path("a.txt"), "a")->write("two\n");
  EXPECT_EQ(File::open(path("a.txt"))->read(), "one\ntwo\n");
  EXPECT_THROW(File::open(path("a.txt"), "x"), FileExistsError);
}

TEST_F(Files, IterationByLine) {
  File::open(path("l.txt"), "w")->write("a\nb\n\nc");
  auto f = File::open(path("l.txt"));
  std::vector<std::string> got;
  while (auto line = f->nextLine())
    got.push_back(*line);
  EXPECT_EQ(got, (std::vector<std::string>{"a\n", "b\n", "\n", "c"}));
}

TEST_F(Files, PythonErrors) {
  try {
    File::open(path("missing.txt"));
    FAIL();
  } catch (const FileNotFoundError &e) {
    EXPECT_EQ(e.errnum, ENOENT);
    EXPECT_EQ(e.filename, path("missing.txt"));
    EXPECT_EQ(e.message(), "[Errno 2] No such file or directory: '" +
                               path("missing.txt") + "'");
  }
  try {
    File::open(dir);
    FAIL();
  } catch (const IsADirectoryError &e) {
    EXPECT_EQ(e.message(), "[Errno 21] Is a directory: '" + dir + "'");
  }
  if (geteuid() != 0) { // root reads anything
    File::open(path("secret"), "w")->close();
    chmod(path("secret").c_str(), 0);
    EXPECT_THROW(File::open(path("secret")), PermissionError);
  }
  EXPECT_THROW(File::open(path("x"), "rw"), ValueError);
  EXPECT_THROW(File::open(path("x"), "q"), ValueError);
  auto w = File::open(path("w.txt"), "w");
  EXPECT_THROW(w->read(), UnsupportedOperation);
  File::open(path("bad.txt"), "wb")->write("ok\xff");
  try {
    File::open(path("bad.txt"))->read();
    FAIL();
  } catch (const UnicodeDecodeError &e) {
    EXPECT_EQ(e.message(), "'utf-8' codec can't decode byte 0xff in position "
                           "2: invalid start byte");
  }
}

TEST(Sleep, BlocksAndRejectsNegative) {
  auto t0 = std::chrono::steady_clock::now();
  io::sleep(0.05);
  EXPECT_GE(std::chrono::steady_clock::now() - t0,
            std::chrono::milliseconds(50));
  try {
    io::sleep(-1);
    FAIL();
  } catch (const ValueError &e) {
    EXPECT_EQ(e.message(), "sleep length must be non-negative");
  }
}

TEST(Subprocess, RunCaptureAndInput) {
  RunOptions o;
  o.captureOutput = true;
  o.input = "b\na\nc\n";
  auto cp = run({"sort"}, o);
  EXPECT_EQ(cp.returncode, 0);
  EXPECT_EQ(cp.stdoutData, "a\nb\nc\n");
  EXPECT_EQ(cp.stderrData, "");
}

TEST(Subprocess, ShellAndReturncode) {
  RunOptions o;
  o.shell = true;
  o.captureOutput = true;
  auto cp = run({"echo out; echo err >&2; exit 3"}, o);
  EXPECT_EQ(cp.returncode, 3);
  EXPECT_EQ(cp.stdoutData, "out\n");
  EXPECT_EQ(cp.stderrData, "err\n");
  try {
    cp.checkReturncode();
    FAIL();
  } catch (const CalledProcessError &e) {
    EXPECT_EQ(e.message(),
              "Command 'echo out; echo err >&2; exit 3' returned non-zero "
              "exit status 3.");
  }
}

TEST(Subprocess, CheckOutputAndErrors) {
  EXPECT_EQ(checkOutput({"printf", "%s-%s", "a", "b"}), "a-b");
  try {
    checkOutput({"false"});
    FAIL();
  } catch (const CalledProcessError &e) {
    EXPECT_EQ(e.returncode, 1);
    EXPECT_EQ(e.message(),
              "Command '['false']' returned non-zero exit status 1.");
  }
  try {
    run({"aioc-no-such-program"});
    FAIL();
  } catch (const FileNotFoundError &e) {
    EXPECT_EQ(e.message(), "[Errno 2] No such file or directory: "
                           "'aioc-no-such-program'");
  }
  RunOptions o;
  o.timeout = 0.2;
  try {
    run({"sleep", "5"}, o);
    FAIL();
  } catch (const TimeoutExpired &e) {
    EXPECT_EQ(e.message(),
              "Command '['sleep', '5']' timed out after 0.2 seconds");
  }
  RunOptions k;
  k.shell = true;
  auto cp = run({"kill -9 $$"}, k);
  EXPECT_EQ(cp.returncode, -9);
  try {
    cp.checkReturncode();
    FAIL();
  } catch (const CalledProcessError &e) {
    EXPECT_EQ(e.message(),
              "Command 'kill -9 $$' died with <Signals.SIGKILL: 9>.");
  }
}

TEST(Subprocess, LargeOutputNoDeadlock) {
  RunOptions o;
  o.stdoutTo = Redirect::Pipe;
  o.input = std::string(1 << 20, 'x'); // more than a pipe buffer both ways
  auto cp = run({"cat"}, o);
  EXPECT_EQ(cp.stdoutData->size(), 1u << 20);
}

TEST(Repr, FloatsAndStrings) {
  EXPECT_EQ(reprFloat(0.2), "0.2");
  EXPECT_EQ(reprFloat(1), "1.0");
  EXPECT_EQ(reprFloat(1e16), "1e+16");
  EXPECT_EQ(reprFloat(1e-5), "1e-05");
  EXPECT_EQ(reprFloat(123.5), "123.5");
  EXPECT_EQ(reprFloat(0.0001), "0.0001");
  EXPECT_EQ(reprStr("it's"), "\"it's\"");
  EXPECT_EQ(reprStr("a\nb"), "'a\\nb'");
}

TEST_F(Files, InputReadsLinesThenEOFError) {
  File::open(path("stdin.txt"), "w")->write("first line\nlast");
  ASSERT_TRUE(std::freopen(path("stdin.txt").c_str(), "r", stdin));
  EXPECT_EQ(io::input("prompt> "), "first line");
  EXPECT_EQ(io::input(), "last");
  try {
    io::input();
    FAIL();
  } catch (const EOFError &e) {
    EXPECT_EQ(e.message(), "EOF when reading a line");
  }
}
