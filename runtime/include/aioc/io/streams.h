// asyncio streams on the loop's epoll: StreamReader / StreamWriter over a
// non-blocking fd (TCP socket or pipe), open_connection and start_server.
// Semantics follow CPython 3.11's asyncio/streams.py: the reader buffers up
// to 2*limit bytes before it stops reading (backpressure on the peer), the
// writer's drain() waits while more than 64 KiB is queued.
//
// Reader and writer are cheap handles onto one shared transport, as in
// Python; close the writer (and await wait_closed) before the loop ends.
#pragma once

#include "aioc/coro.h"
#include "aioc/exceptions.h"
#include "aioc/future.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace aioc::io {

// asyncio.IncompleteReadError (an EOFError): "N bytes read on a total of M
// expected bytes" ("undefined" when no size was expected).
class IncompleteReadError : public Exception {
public:
  IncompleteReadError(std::string partial, std::optional<int64_t> expected);
  const char *typeName() const override { return "IncompleteReadError"; }
  std::string partial;
  std::optional<int64_t> expected;
};
class LimitOverrunError : public Exception {
public:
  LimitOverrunError(std::string m, int64_t consumed)
      : BaseException(std::move(m)), consumed(consumed) {}
  const char *typeName() const override { return "LimitOverrunError"; }
  int64_t consumed;
};

// socket.gaierror: an OSError whose errno is getaddrinfo's EAI_* code and
// whose text is CPython's ("[Errno -2] Name or service not known").
class gaierror : public OSError {
public:
  explicit gaierror(int code);
  const char *typeName() const override { return "gaierror"; }
};

class Transport;

class StreamReader {
public:
  StreamReader() = default;
  explicit StreamReader(std::shared_ptr<Transport> t) : t_(std::move(t)) {}
  // read(-1) reads to EOF; read(n) returns what is there (at most n) once
  // anything is; b"" at EOF.
  Coro<std::string> read(int64_t n = -1);
  Coro<std::string> readline();
  Coro<std::string> readexactly(int64_t n);
  Coro<std::string> readuntil(std::string separator = "\n");
  bool at_eof() const;
  explicit operator bool() const { return bool(t_); }

  // Python identity (`is`, `==`, hash) for compiled scripts.
  const void *identity() const { return t_.get(); }

private:
  std::shared_ptr<Transport> t_;
};

class StreamWriter {
public:
  StreamWriter() = default;
  explicit StreamWriter(std::shared_ptr<Transport> t) : t_(std::move(t)) {}
  void write(const std::string &data);
  void writelines(const std::vector<std::string> &lines);
  // Waits while the write buffer is above the high-water mark; raises the
  // connection's error (e.g. ConnectionResetError) if it failed.
  Coro<void> drain();
  void write_eof();
  bool can_write_eof() const { return true; }
  void close();
  bool is_closing() const;
  Coro<void> wait_closed();
  // get_extra_info('peername') / ('sockname'): ("host", port).
  std::pair<std::string, int> peername() const;
  std::pair<std::string, int> sockname() const;
  size_t bufferSize() const; // transport.get_write_buffer_size()
  explicit operator bool() const { return bool(t_); }

  // Python identity (`is`, `==`, hash) for compiled scripts.
  const void *identity() const { return t_.get(); }

private:
  std::shared_ptr<Transport> t_;
};

struct StreamPair {
  StreamReader reader;
  StreamWriter writer;
};

// asyncio.open_connection(host, port): ConnectionRefusedError etc. as
// asyncio words them ("[Errno 111] Connect call failed ('127.0.0.1', 1)").
// A host name is resolved on the loop's thread pool (the loop keeps
// running other tasks meanwhile); an unknown one raises gaierror.
Coro<StreamPair> open_connection(std::string host, int port,
                                 int64_t limit = 64 * 1024);

using ClientConnected = std::function<Coro<void>(StreamReader, StreamWriter)>;

class ServerImpl;
// asyncio.Server from start_server: serving as soon as it is created.
class Server {
public:
  Server() = default;
  explicit Server(std::shared_ptr<ServerImpl> s) : s_(std::move(s)) {}
  void close();
  Coro<void> wait_closed();
  bool is_serving() const;
  Coro<void> serve_forever(); // until cancelled or closed
  // sockets[0].getsockname(): the bound address (port 0 picks a free one).
  std::pair<std::string, int> sockname() const;
  Coro<Server> aenter();
  Coro<void> aexit(); // close + wait_closed

  // Python identity (`is`, `==`, hash) for compiled scripts.
  const void *identity() const { return s_.get(); }

private:
  std::shared_ptr<ServerImpl> s_;
};

// asyncio.start_server(cb, host, port): each connection runs cb(reader,
// writer) in a new task.
Coro<Server> start_server(ClientConnected cb, std::string host, int port,
                          int64_t limit = 64 * 1024, int backlog = 100);

// loop.getaddrinfo(host, port, type=SOCK_STREAM): (host, port) of each
// address, in getaddrinfo's order; names resolved off the loop as above.
Coro<std::vector<std::pair<std::string, int>>> getaddrinfo(std::string host,
                                                           int port);

// Wraps fds we own (pipes of a child process) as streams. -1 gives an empty
// handle.
StreamReader readerForFd(int fd, int64_t limit = 64 * 1024);
StreamWriter writerForFd(int fd);

} // namespace aioc::io
