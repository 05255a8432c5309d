// aiofiles: Python's file objects (aioc/io/blocking.h) with every operation
// run off the loop on the runtime's default thread pool (asyncio.to_thread),
// as aiofiles itself does. Errors are the blocking ones: FileNotFoundError,
// PermissionError, IsADirectoryError with errno and filename.
//
// `async with aiofiles.open(p, m) as f:` is `f = co_await open(p, m)` and
// `co_await f.close()` on the way out; `async for line in f` is a loop over
// `co_await f.anext()` until nullopt.
#pragma once

#include "aioc/coro.h"
#include "aioc/io/blocking.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace aioc::aiofiles {

struct FileState;

class AsyncFile {
public:
  AsyncFile() = default;
  explicit AsyncFile(std::shared_ptr<FileState> s) : s_(std::move(s)) {}

  Coro<std::string> read(int64_t size = -1);
  Coro<std::string> readline(int64_t size = -1);
  Coro<std::vector<std::string>> readlines();
  Coro<int64_t> write(std::string data);
  Coro<void> writelines(std::vector<std::string> lines);
  Coro<void> flush();
  Coro<void> close();
  // __anext__: the next line, nullopt at EOF (StopAsyncIteration).
  Coro<std::optional<std::string>> anext();
  bool closed() const;
  const std::string &name() const;
  const std::string &mode() const;

  // Python identity (`is`, `==`, hash) for compiled scripts.
  const void *identity() const { return s_.get(); }

private:
  std::shared_ptr<FileState> s_;
};

Coro<AsyncFile> open(std::string path, std::string mode = "r");

} // namespace aioc::aiofiles
