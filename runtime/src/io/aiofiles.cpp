// aiofiles on the default executor: one pool job per call, like aiofiles'
// run_in_executor wrappers.
#include "aioc/io/aiofiles.h"

#include "aioc/executor.h"

#include <mutex>

namespace aioc::aiofiles {

// The file plus a lock: two tasks may await operations on one file object
// at once, and the pool runs them on different threads.
struct FileState {
  std::shared_ptr<io::File> file;
  std::mutex mu;
};

namespace {

using SP = std::shared_ptr<FileState>;

Coro<AsyncFile> openImpl(std::string path, std::string mode) {
  std::shared_ptr<io::File> f = co_await toThread(
      [](std::string p, std::string m) { return io::File::open(p, m); },
      std::move(path), std::move(mode));
  auto s = std::make_shared<FileState>();
  s->file = std::move(f);
  co_return AsyncFile(std::move(s));
}

Coro<std::string> readImpl(SP s, int64_t n) {
  co_return co_await toThread([s, n] {
    std::lock_guard<std::mutex> g(s->mu);
    return s->file->read(n);
  });
}

Coro<std::string> readlineImpl(SP s, int64_t n) {
  co_return co_await toThread([s, n] {
    std::lock_guard<std::mutex> g(s->mu);
    return s->file->readline(n);
  });
}

Coro<std::vector<std::string>> readlinesImpl(SP s) {
  co_return co_await toThread([s] {
    std::lock_guard<std::mutex> g(s->mu);
    return s->file->readlines();
  });
}

Coro<int64_t> writeImpl(SP s, std::string data) {
  co_return co_await toThread(
      [s](std::string d) {
        std::lock_guard<std::mutex> g(s->mu);
        return s->file->write(d);
      },
      std::move(data));
}

Coro<void> writelinesImpl(SP s, std::vector<std::string> lines) {
  co_await toThread(
      [s](std::vector<std::string> l) {
        std::lock_guard<std::mutex> g(s->mu);
        s->file->writelines(l);
      },
      std::move(lines));
}

Coro<void> flushImpl(SP s) {
  co_await toThread([s] {
    std::lock_guard<std::mutex> g(s->mu);
    s->file->flush();
  });
}

Coro<void> closeImpl(SP s) {
  co_await toThread([s] {
    std::lock_guard<std::mutex> g(s->mu);
    s->file->close();
  });
}

Coro<std::optional<std::string>> anextImpl(SP s) {
  co_return co_await toThread([s] {
    std::lock_guard<std::mutex> g(s->mu);
    return s->file->nextLine();
  });
}

} // namespace

Coro<AsyncFile> open(std::string path, std::string mode) {
  return openImpl(std::move(path), std::move(mode));
}
Coro<std::string> AsyncFile::read(int64_t n) { return readImpl(s_, n); }
Coro<std::string> AsyncFile::readline(int64_t n) { return readlineImpl(s_, n); }
Coro<std::vector<std::string>> AsyncFile::readlines() {
  return readlinesImpl(s_);
}
Coro<int64_t> AsyncFile::write(std::string data) {
  return writeImpl(s_, std::move(data));
}
Coro<void> AsyncFile::writelines(std::vector<std::string> lines) {
  return writelinesImpl(s_, std::move(lines));
}
Coro<void> AsyncFile::flush() { return flushImpl(s_); }
Coro<void> AsyncFile::close() { return closeImpl(s_); }
Coro<std::optional<std::string>> AsyncFile::anext() { return anextImpl(s_); }
bool AsyncFile::closed() const { return s_->file->closed(); }
const std::string &AsyncFile::name() const { return s_->file->name(); }
const std::string &AsyncFile::mode() const { return s_->file->mode(); }

} // namespace aioc::aiofiles
