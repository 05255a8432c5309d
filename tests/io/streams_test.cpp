// asyncio streams and subprocesses on the loop (label "unit": loopback and
// local programs only).
#include "aioc/io/streams.h"
#include "aioc/io/subprocess.h"
#include "aioc/run.h"
#include "aioc/sleep.h"

#include <gtest/gtest.h>

#include <dirent.h>
#include <sys/wait.h>

using namespace aioc;
using namespace aioc::io;

namespace {

int openFds() {
  int n = 0;
  DIR *d = opendir("/proc/self/fd");
  while (readdir(d))
    ++n;
  closedir(d);
  return n;
}

// Echo server handler: each line back in upper case; "bye" closes.
Coro<void> echoHandler(StreamReader r, StreamWriter w) {
  for (;;) {
    std::string line = co_await r.readline();
    if (line.empty())
      break;
    for (char &c : line)
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    w.write(line);
    co_await w.drain();
  }
  w.close();
  co_await w.wait_closed();
}

Coro<void> echo() {
  Server srv = co_await start_server(echoHandler, "127.0.0.1", 0);
  int port = srv.sockname().second;
  EXPECT_GT(port, 0);
  EXPECT_TRUE(srv.is_serving());
  auto [r, w] = co_await open_connection("127.0.0.1", port);
  EXPECT_EQ(w.peername(), (std::pair<std::string, int>{"127.0.0.1", port}));
  w.write("hello\nw\xc3\xb6rld\n");
  co_await w.drain();
  EXPECT_EQ(co_await r.readline(), "HELLO\n");
  EXPECT_EQ(co_await r.readexactly(3), "W\xc3\xb6");
  EXPECT_EQ(co_await r.readuntil("\n"), "RLD\n");
  w.write("abc");
  w.write_eof(); // the server sees EOF, echoes the partial line, closes
  EXPECT_EQ(co_await r.read(-1), "ABC");
  EXPECT_TRUE(r.at_eof());
  EXPECT_EQ(co_await r.read(100), "");
  w.close();
  co_await w.wait_closed();
  srv.close();
  co_await srv.wait_closed();
  EXPECT_FALSE(srv.is_serving());
}

// Moves 8 MiB each way: the writer's drain() and the reader's pause at
// 2*limit are exercised for real (the peer is not reading meanwhile).
Coro<void> bulkHandler(StreamReader r, StreamWriter w) {
  std::string data = co_await r.readexactly(8 << 20);
  w.write(data);
  co_await w.drain();
  w.close();
}

Coro<void> bulk() {
  Server srv = co_await start_server(bulkHandler, "127.0.0.1", 0);
  auto [r, w] = co_await open_connection("127.0.0.1", srv.sockname().second);
  std::string data;
  data.reserve(8 << 20);
  for (int i = 0; i < (8 << 20); ++i)
    data += static_cast<char>(i % 253);
  w.write(data);
  EXPECT_GT(w.bufferSize(), 64u * 1024); // the kernel did not take it all
  co_await w.drain();
  EXPECT_LE(w.bufferSize(), 64u * 1024);
  std::string back = co_await r.read(-1);
  EXPECT_EQ(back.size(), data.size());
  EXPECT_TRUE(back == data);
  w.close();
  srv.close();
}

Coro<void> refused(int port) {
  try {
    co_await open_connection("127.0.0.1", port);
    ADD_FAILURE();
  } catch (const ConnectionRefusedError &e) {
    EXPECT_EQ(e.message(), "[Errno 111] Connect call failed ('127.0.0.1', " +
                               std::to_string(port) + ")");
  }
}

Coro<void> shortHandler(StreamReader, StreamWriter w) {
  w.write("12345");
  w.close();
  co_return;
}

Coro<void> incomplete() {
  Server srv = co_await start_server(shortHandler, "127.0.0.1", 0);
  auto [r, w] = co_await open_connection("127.0.0.1", srv.sockname().second);
  try {
    co_await r.readexactly(10);
    ADD_FAILURE();
  } catch (const IncompleteReadError &e) {
    EXPECT_EQ(e.partial, "12345");
    EXPECT_EQ(e.message(), "5 bytes read on a total of 10 expected bytes");
  }
  w.close();
  srv.close();
}

int freePort() {
  // Bind and release: nothing listens there afterwards.
  return aioc::run([]() -> Coro<int> {
    Server s = co_await start_server(shortHandler, "127.0.0.1", 0);
    int p = s.sockname().second;
    s.close();
    co_return p;
  }());
}

// ---- subprocesses ----

Coro<void> pipeline() {
  SubprocessOptions o1;
  o1.stdoutTo = Redirect::Pipe;
  Process p1 =
      co_await create_subprocess_exec({"printf", "pear\\napple\\nfig\\n"}, o1);
  SubprocessOptions o2;
  o2.stdinTo = Redirect::Pipe;
  o2.stdoutTo = Redirect::Pipe;
  o2.stderrTo = Redirect::Pipe;
  Process p2 = co_await create_subprocess_exec({"sort"}, o2);
  std::string produced = co_await p1.stdout_().read(-1);
  auto [out, err] = co_await p2.communicate(produced);
  EXPECT_EQ(out, "apple\nfig\npear\n");
  EXPECT_EQ(err, "");
  EXPECT_EQ(co_await p1.wait(), 0);
  EXPECT_EQ(p2.returncode(), 0);
  // Reaped: no zombie is left behind.
  EXPECT_EQ(waitpid(p1.pid(), nullptr, WNOHANG), -1);
  EXPECT_EQ(waitpid(p2.pid(), nullptr, WNOHANG), -1);
}

Coro<void> shellAndSignals() {
  SubprocessOptions o;
  o.stdoutTo = Redirect::Pipe;
  o.stderrTo = Redirect::Stdout;
  Process p =
      co_await create_subprocess_shell("echo out; echo err >&2; exit 3", o);
  auto [out, err] = co_await p.communicate();
  EXPECT_EQ(out, "out\nerr\n");
  EXPECT_FALSE(err.has_value());
  EXPECT_EQ(p.returncode(), 3);

  Process s = co_await create_subprocess_exec({"sleep", "30"});
  EXPECT_FALSE(s.returncode().has_value());
  s.kill();
  EXPECT_EQ(co_await s.wait(), -9);
  EXPECT_THROW(s.kill(), ProcessLookupError);
  Process t = co_await create_subprocess_exec({"sleep", "30"});
  t.terminate();
  EXPECT_EQ(co_await t.wait(), -15);
  try {
    co_await create_subprocess_exec({"aioc-no-such-program"});
    ADD_FAILURE();
  } catch (const FileNotFoundError &e) {
    EXPECT_EQ(e.message(),
              "[Errno 2] No such file or directory: 'aioc-no-such-program'");
  }
}

Coro<int> countLines(int i) {
  SubprocessOptions o;
  o.stdinTo = Redirect::Pipe;
  o.stdoutTo = Redirect::Pipe;
  Process p = co_await create_subprocess_exec({"wc", "-l"}, o);
  std::string input;
  for (int k = 0; k < i; ++k)
    input += "x\n";
  auto [out, err] = co_await p.communicate(input);
  co_return std::atoi(out->c_str());
}

Coro<void> fanOut() {
  std::vector<Task<int>> tasks;
  for (int i = 0; i < 20; ++i)
    tasks.push_back(createTask(countLines(i * 1000)));
  for (int i = 0; i < 20; ++i)
    EXPECT_EQ(co_await tasks[i], i * 1000);
}

} // namespace

TEST(Streams, TcpEchoServerAndClient) {
  int before = openFds();
  aioc::run(echo());
  EXPECT_EQ(openFds(), before); // no fd leaks
}
TEST(Streams, BulkTransferWithBackpressure) { aioc::run(bulk()); }
TEST(Streams, ConnectionRefused) { aioc::run(refused(freePort())); }
TEST(Streams, IncompleteRead) { aioc::run(incomplete()); }

TEST(AsyncSubprocess, Pipeline) {
  int before = openFds();
  aioc::run(pipeline());
  EXPECT_EQ(openFds(), before);
}
TEST(AsyncSubprocess, ShellKillTerminate) {
  int before = openFds();
  aioc::run(shellAndSignals());
  EXPECT_EQ(openFds(), before);
}
TEST(AsyncSubprocess, FanOutTwentyChildren) {
  int before = openFds();
  aioc::run(fanOut());
  EXPECT_EQ(openFds(), before);
}
