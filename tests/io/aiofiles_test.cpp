// aiofiles on the executor: round trips, many files at once, line
// iteration, and Python's errors (label "unit").
#include "aioc/io/aiofiles.h"
#include "aioc/run.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <stdlib.h>

using namespace aioc;
namespace fs = std::filesystem;

namespace {

struct Dir {
  Dir() {
    char t[] = "/tmp/aioc-aiofiles-XXXXXX";
    path = mkdtemp(t);
  }
  ~Dir() { fs::remove_all(path); }
  std::string path;
};

Coro<void> roundTrip(std::string dir) {
  std::string p = dir + "/\xd0\xbf\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 "
                        "\xf0\x9f\x98\x80.txt"; // "привет 😀.txt"
  aiofiles::AsyncFile f = co_await aiofiles::open(p, "w");
  EXPECT_EQ(co_await f.write("\xc3\xa9t\xc3\xa9\n"), 4);
  co_await f.writelines({"two\n", "three\n"});
  co_await f.close();
  EXPECT_TRUE(f.closed());
  aiofiles::AsyncFile r = co_await aiofiles::open(p);
  EXPECT_EQ(co_await r.readline(), "\xc3\xa9t\xc3\xa9\n");
  EXPECT_EQ(co_await r.readlines(),
            (std::vector<std::string>{"two\n", "three\n"}));
  co_await r.close();
  aiofiles::AsyncFile it = co_await aiofiles::open(p);
  std::vector<std::string> lines;
  while (auto line = co_await it.anext())
    lines.push_back(*line);
  EXPECT_EQ(lines.size(), 3u);
  co_await it.close();
  aiofiles::AsyncFile b = co_await aiofiles::open(p, "rb");
  EXPECT_EQ((co_await b.read()).size(), 16u); // UTF-8 bytes
  co_await b.close();
}

Coro<bool> writeThenRead(std::string path, std::string data) {
  aiofiles::AsyncFile w = co_await aiofiles::open(path, "wb");
  co_await w.write(data);
  co_await w.close();
  aiofiles::AsyncFile r = co_await aiofiles::open(path, "rb");
  std::string back = co_await r.read();
  co_await r.close();
  co_return back == data;
}

Coro<void> many(std::string dir) {
  std::vector<Task<bool>> tasks;
  for (int i = 0; i < 200; ++i)
    tasks.push_back(
        createTask(writeThenRead(dir + "/f" + std::to_string(i),
                                 std::string(4096, char('a' + i % 26)))));
  int ok = 0;
  for (auto &t : tasks)
    ok += co_await t;
  EXPECT_EQ(ok, 200);
}

Coro<void> errors(std::string dir) {
  try {
    co_await aiofiles::open(dir + "/missing");
    ADD_FAILURE();
  } catch (const FileNotFoundError &e) {
    EXPECT_EQ(e.errnum, ENOENT);
    EXPECT_EQ(e.message(),
              "[Errno 2] No such file or directory: '" + dir + "/missing'");
  }
  try {
    co_await aiofiles::open(dir, "r");
    ADD_FAILURE();
  } catch (const IsADirectoryError &e) {
    EXPECT_EQ(e.filename, dir);
  }
  try {
    co_await aiofiles::open(dir + "/no/such/dir/file", "w");
    ADD_FAILURE();
  } catch (const FileNotFoundError &) {
  }
}

} // namespace

TEST(Aiofiles, RoundTripNonAsciiName) {
  Dir d;
  aioc::run(roundTrip(d.path));
}
TEST(Aiofiles, TwoHundredFilesConcurrently) {
  Dir d;
  aioc::run(many(d.path));
}
TEST(Aiofiles, PythonErrors) {
  Dir d;
  aioc::run(errors(d.path));
}
