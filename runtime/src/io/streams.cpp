// asyncio streams: transport, StreamReader/Writer, open_connection,
// start_server.
#include "transport.h"

#include "resolve.h"

#include "aioc/io/blocking.h"
#include "aioc/sleep.h"
#include "aioc/task.h"
#include "spawn.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace aioc::io {

std::exception_ptr makeOSError(int err, const std::string &text) {
  switch (err) {
  case ECONNREFUSED:
    return std::make_exception_ptr(ConnectionRefusedError(err, text));
  case ECONNRESET:
    return std::make_exception_ptr(ConnectionResetError(err, text));
  case EPIPE:
  case ESHUTDOWN:
    return std::make_exception_ptr(BrokenPipeError(err, text));
  case ETIMEDOUT:
    return std::make_exception_ptr(TimeoutError(err, text));
  default:
    return std::make_exception_ptr(OSError(err, text));
  }
}

IncompleteReadError::IncompleteReadError(std::string p,
                                         std::optional<int64_t> e)
    : BaseException(std::to_string(p.size()) + " bytes read on a total of " +
                    (e ? std::to_string(*e) : std::string("undefined")) +
                    " expected bytes"),
      partial(std::move(p)), expected(e) {}

// ---- Transport
// ---------------------------------------------------------------

Transport::Transport(EventLoop &loop, int fd, Kind kind, int64_t limit)
    : loop_(loop), fd_(fd), kind_(kind), limit_(limit) {
  ignoreSigpipe();
  if (kind_ != PipeWrite)
    startReading();
}

Transport::~Transport() {
  if (fd_ >= 0) {
    if (reading_)
      loop_.removeReader(fd_);
    if (writing_)
      loop_.removeWriter(fd_);
    ::close(fd_);
  }
}

void Transport::startReading() {
  if (reading_ || fd_ < 0 || eof_)
    return;
  reading_ = true;
  paused_ = false;
  loop_.addReader(fd_, [this] { onReadable(); });
}

void Transport::pauseReading() {
  if (!reading_)
    return;
  reading_ = false;
  paused_ = true;
  loop_.removeReader(fd_);
}

void Transport::onReadable() {
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n > 0) {
      rbuf_.append(buf, static_cast<size_t>(n));
      // StreamReader's flow control: stop at 2*limit buffered.
      if (static_cast<int64_t>(rbuf_.size()) > 2 * limit_) {
        pauseReading();
        break;
      }
      if (static_cast<size_t>(n) < sizeof buf)
        break;
      continue;
    }
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
      break;
    // EOF or a fatal error: reading is over.
    if (n < 0)
      readErr_ = makeOSError(errno, std::strerror(errno));
    eof_ = true;
    reading_ = false;
    loop_.removeReader(fd_);
    break;
  }
  wakeReader();
}

void Transport::wakeReader() {
  if (readWaiter_ && !readWaiter_->done())
    readWaiter_->setResult();
}

std::string Transport::take(size_t n) {
  n = std::min(n, rbuf_.size());
  std::string out = rbuf_.substr(0, n);
  rbuf_.erase(0, n);
  if (paused_ && static_cast<int64_t>(rbuf_.size()) <= limit_)
    startReading();
  return out;
}

Future<void> Transport::waitForData(const char *who) {
  if (readWaiter_)
    throw RuntimeError(std::string(who) +
                       "() called while another coroutine is already "
                       "waiting for incoming data");
  if (paused_)
    startReading();
  Future<void> f(loop_);
  readWaiter_ = f;
  return f;
}

void Transport::write(const std::string &data) {
  if (kind_ == PipeRead)
    throw NotImplementedError("");
  if (eofPending_ || eofSent_)
    throw RuntimeError("Cannot call write() after write_eof()");
  if (data.empty() || closing_ || fd_ < 0 || writeErr_)
    return; // asyncio drops writes on a closing or lost connection
  size_t off = 0;
  if (writeBufferSize() == 0) {
    // Try at once; queue only what the kernel did not take.
    while (off < data.size()) {
      ssize_t n =
          kind_ == Socket
              ? ::send(fd_, data.data() + off, data.size() - off, MSG_NOSIGNAL)
              : ::write(fd_, data.data() + off, data.size() - off);
      if (n >= 0) {
        off += static_cast<size_t>(n);
        continue;
      }
      if (errno == EINTR)
        continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK)
        break;
      connectionLost(errno);
      return;
    }
    if (off == data.size())
      return;
    wbuf_.clear();
    wpos_ = 0;
  }
  wbuf_.append(data, off, std::string::npos);
  if (!writing_) {
    writing_ = true;
    loop_.addWriter(fd_, [this] { onWritable(); });
  }
}

bool Transport::flush() {
  while (wpos_ < wbuf_.size()) {
    ssize_t n = kind_ == Socket
                    ? ::send(fd_, wbuf_.data() + wpos_, wbuf_.size() - wpos_,
                             MSG_NOSIGNAL)
                    : ::write(fd_, wbuf_.data() + wpos_, wbuf_.size() - wpos_);
    if (n >= 0) {
      wpos_ += static_cast<size_t>(n);
      continue;
    }
    if (errno == EINTR)
      continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK)
      break;
    connectionLost(errno);
    return false;
  }
  // Compact rather than grow without bound.
  if (wpos_ == wbuf_.size()) {
    wbuf_.clear();
    wpos_ = 0;
  } else if (wpos_ > (1 << 20)) {
    wbuf_.erase(0, wpos_);
    wpos_ = 0;
  }
  return true;
}

void Transport::onWritable() {
  if (!flush())
    return;
  if (writeBufferSize() <= kLowWater) {
    for (auto &f : drainWaiters_)
      if (!f.done())
        f.setResult();
    drainWaiters_.clear();
  }
  if (writeBufferSize() == 0) {
    writing_ = false;
    loop_.removeWriter(fd_);
    if (eofPending_)
      writeEof();
    if (closing_)
      closeNow();
  }
}

void Transport::connectionLost(int err) {
  writeErr_ = makeOSError(err, std::strerror(err));
  for (auto &f : drainWaiters_)
    if (!f.done())
      f.setException(writeErr_);
  drainWaiters_.clear();
  wbuf_.clear();
  wpos_ = 0;
  closing_ = true;
  closeNow();
}

std::optional<Future<void>> Transport::drainWaiter() {
  if (writeBufferSize() <= kHighWater || fd_ < 0)
    return std::nullopt;
  Future<void> f(loop_);
  drainWaiters_.push_back(f);
  return f;
}

void Transport::writeEof() {
  if (eofSent_ || closing_ || fd_ < 0)
    return;
  if (writeBufferSize() > 0) {
    eofPending_ = true;
    return;
  }
  eofPending_ = false;
  eofSent_ = true;
  if (kind_ == Socket) {
    ::shutdown(fd_, SHUT_WR);
  } else {
    closing_ = true;
    closeNow();
  }
}

void Transport::close() {
  if (closing_)
    return;
  closing_ = true;
  if (reading_) {
    reading_ = false;
    loop_.removeReader(fd_);
  }
  if (writeBufferSize() == 0)
    closeNow();
}

void Transport::closeNow() {
  if (fd_ < 0)
    return;
  if (reading_)
    loop_.removeReader(fd_);
  if (writing_)
    loop_.removeWriter(fd_);
  reading_ = writing_ = false;
  ::close(fd_);
  fd_ = -1;
  eof_ = true;
  wakeReader();
  for (auto &f : closeWaiters_)
    if (!f.done())
      f.setResult();
  closeWaiters_.clear();
}

Future<void> Transport::closedFuture() {
  Future<void> f(loop_);
  if (fd_ < 0)
    f.setResult();
  else
    closeWaiters_.push_back(f);
  return f;
}

// ---- StreamReader
// -------------------------------------------------------------

namespace {

// Clears the transport's single read waiter however the await ends
// (result, error, or cancellation of the reading task).
struct WaiterGuard {
  Transport *t;
  ~WaiterGuard() { t->clearReadWaiter(); }
};

Coro<void> waitData(std::shared_ptr<Transport> t, const char *who) {
  Future<void> f = t->waitForData(who);
  WaiterGuard g{t.get()};
  co_await f;
}

void raiseIfError(Transport &t) {
  if (auto e = t.readError())
    std::rethrow_exception(e);
}

Coro<std::string> readImpl(std::shared_ptr<Transport> t, int64_t n) {
  raiseIfError(*t);
  if (n == 0)
    co_return std::string();
  if (n < 0) {
    // Read until EOF, as asyncio does, chunk by chunk.
    while (!t->eof()) {
      co_await waitData(t, "read");
      raiseIfError(*t);
    }
    co_return t->take(t->buffer().size());
  }
  if (t->buffer().empty() && !t->eof())
    co_await waitData(t, "read");
  raiseIfError(*t);
  co_return t->take(static_cast<size_t>(n));
}

Coro<std::string> readuntilImpl(std::shared_ptr<Transport> t, std::string sep) {
  if (sep.empty())
    throw ValueError("Separator should be at least one-byte string");
  raiseIfError(*t);
  size_t offset = 0;
  for (;;) {
    std::string &buf = t->buffer();
    size_t pos = buf.find(sep, offset);
    if (pos != std::string::npos) {
      size_t end = pos + sep.size();
      if (static_cast<int64_t>(pos) > t->limit())
        throw LimitOverrunError(
            "Separator is found, but chunk is longer than limit",
            static_cast<int64_t>(pos));
      co_return t->take(end);
    }
    if (buf.size() + 1 >= sep.size())
      offset = buf.size() + 1 - sep.size();
    if (static_cast<int64_t>(offset) > t->limit())
      throw LimitOverrunError(
          "Separator is not found, and chunk exceed the limit",
          static_cast<int64_t>(offset));
    if (t->eof()) {
      std::string partial = t->take(buf.size());
      throw IncompleteReadError(std::move(partial), std::nullopt);
    }
    co_await waitData(t, "readuntil");
    raiseIfError(*t);
  }
}

Coro<std::string> readlineImpl(std::shared_ptr<Transport> t) {
  // asyncio: the partial line at EOF; a too-long line is consumed and
  // reported as ValueError.
  std::exception_ptr err;
  try {
    co_return co_await readuntilImpl(t, "\n");
  } catch (const IncompleteReadError &e) {
    co_return e.partial;
  } catch (const LimitOverrunError &e) {
    std::string &buf = t->buffer();
    if (buf.compare(static_cast<size_t>(e.consumed), 1, "\n") == 0)
      t->take(static_cast<size_t>(e.consumed) + 1);
    else
      t->take(buf.size());
    err = std::make_exception_ptr(ValueError(e.message()));
  }
  std::rethrow_exception(err);
}

Coro<std::string> readexactlyImpl(std::shared_ptr<Transport> t, int64_t n) {
  if (n < 0)
    throw ValueError("readexactly size can not be less than zero");
  raiseIfError(*t);
  while (static_cast<int64_t>(t->buffer().size()) < n) {
    if (t->eof()) {
      std::string partial = t->take(t->buffer().size());
      throw IncompleteReadError(std::move(partial), n);
    }
    co_await waitData(t, "readexactly");
    raiseIfError(*t);
  }
  co_return t->take(static_cast<size_t>(n));
}

} // namespace

Coro<std::string> StreamReader::read(int64_t n) { return readImpl(t_, n); }
Coro<std::string> StreamReader::readline() { return readlineImpl(t_); }
Coro<std::string> StreamReader::readexactly(int64_t n) {
  return readexactlyImpl(t_, n);
}
Coro<std::string> StreamReader::readuntil(std::string sep) {
  return readuntilImpl(t_, std::move(sep));
}
bool StreamReader::at_eof() const { return t_->atEof(); }

// ---- StreamWriter
// -------------------------------------------------------------

void StreamWriter::write(const std::string &data) { t_->write(data); }
void StreamWriter::writelines(const std::vector<std::string> &lines) {
  for (const auto &l : lines)
    t_->write(l);
}
void StreamWriter::write_eof() { t_->writeEof(); }
void StreamWriter::close() { t_->close(); }
bool StreamWriter::is_closing() const { return t_->closing(); }
size_t StreamWriter::bufferSize() const { return t_->writeBufferSize(); }

namespace {
Coro<void> drainImpl(std::shared_ptr<Transport> t) {
  if (auto e = t->writeError())
    std::rethrow_exception(e);
  if (t->closing()) {
    // asyncio yields once so that connection_lost can run.
    co_await aioc::sleep(0);
  }
  if (auto f = t->drainWaiter())
    co_await *f;
}
Coro<void> waitClosedImpl(std::shared_ptr<Transport> t) {
  co_await t->closedFuture();
}

std::pair<std::string, int> addrOf(const sockaddr_storage &ss) {
  char host[INET6_ADDRSTRLEN] = {0};
  int port = 0;
  if (ss.ss_family == AF_INET) {
    auto *a = reinterpret_cast<const sockaddr_in *>(&ss);
    inet_ntop(AF_INET, &a->sin_addr, host, sizeof host);
    port = ntohs(a->sin_port);
  } else if (ss.ss_family == AF_INET6) {
    auto *a = reinterpret_cast<const sockaddr_in6 *>(&ss);
    inet_ntop(AF_INET6, &a->sin6_addr, host, sizeof host);
    port = ntohs(a->sin6_port);
  }
  return {host, port};
}
} // namespace

Coro<void> StreamWriter::drain() { return drainImpl(t_); }
Coro<void> StreamWriter::wait_closed() { return waitClosedImpl(t_); }

std::pair<std::string, int> StreamWriter::peername() const {
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  if (t_->fd() < 0 ||
      getpeername(t_->fd(), reinterpret_cast<sockaddr *>(&ss), &len) != 0)
    return {"", 0};
  return addrOf(ss);
}
std::pair<std::string, int> StreamWriter::sockname() const {
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  if (t_->fd() < 0 ||
      getsockname(t_->fd(), reinterpret_cast<sockaddr *>(&ss), &len) != 0)
    return {"", 0};
  return addrOf(ss);
}

StreamReader readerForFd(int fd, int64_t limit) {
  if (fd < 0)
    return {};
  return StreamReader(std::make_shared<Transport>(getRunningLoop(), fd,
                                                  Transport::PipeRead, limit));
}
StreamWriter writerForFd(int fd) {
  if (fd < 0)
    return {};
  return StreamWriter(std::make_shared<Transport>(getRunningLoop(), fd,
                                                  Transport::PipeWrite, 0));
}

// ---- open_connection
// -------------------------------------------------------------

namespace {

std::string addrRepr(const sockaddr *sa) {
  char host[INET6_ADDRSTRLEN] = {0};
  if (sa->sa_family == AF_INET6) {
    auto *a = reinterpret_cast<const sockaddr_in6 *>(sa);
    inet_ntop(AF_INET6, &a->sin6_addr, host, sizeof host);
    return "('" + std::string(host) + "', " +
           std::to_string(ntohs(a->sin6_port)) + ", 0, 0)";
  }
  auto *a = reinterpret_cast<const sockaddr_in *>(sa);
  inet_ntop(AF_INET, &a->sin_addr, host, sizeof host);
  return "('" + std::string(host) + "', " + std::to_string(ntohs(a->sin_port)) +
         ")";
}

// A non-blocking connect(); the value is its errno (0 on success).
Coro<int> connectOne(EventLoop &loop, int fd, const sockaddr *sa,
                     socklen_t len) {
  if (::connect(fd, sa, len) == 0)
    co_return 0;
  if (errno != EINPROGRESS)
    co_return errno;
  Future<void> f(loop);
  loop.addWriter(fd, [f]() mutable {
    if (!f.done())
      f.setResult();
  });
  struct Unwatch {
    EventLoop &loop;
    int fd;
    ~Unwatch() { loop.removeWriter(fd); }
  } unwatch{loop, fd};
  co_await f;
  int err = 0;
  socklen_t elen = sizeof err;
  getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &elen);
  co_return err;
}

struct FdGuard {
  int fd;
  ~FdGuard() {
    if (fd >= 0)
      ::close(fd);
  }
};

} // namespace

Coro<StreamPair> open_connection(std::string host, int port, int64_t limit) {
  EventLoop &loop = getRunningLoop();
  std::vector<ResolvedAddr> resolved =
      co_await resolve(std::move(host), port, AF_UNSPEC, SOCK_STREAM, 0);
  std::vector<std::tuple<int, int, int, sockaddr_storage, socklen_t>> addrs;
  for (const ResolvedAddr &a : resolved)
    addrs.emplace_back(a.family, a.type, a.proto, a.addr, a.len);
  std::vector<std::pair<int, std::string>> errors;
  for (auto &[fam, type, proto, ss, len] : addrs) {
    FdGuard g{::socket(fam, type | SOCK_NONBLOCK | SOCK_CLOEXEC, proto)};
    if (g.fd < 0) {
      errors.emplace_back(errno, std::strerror(errno));
      continue;
    }
    int one = 1;
    setsockopt(g.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    int err = co_await connectOne(loop, g.fd,
                                  reinterpret_cast<const sockaddr *>(&ss), len);
    if (err == 0) {
      auto t =
          std::make_shared<Transport>(loop, g.fd, Transport::Socket, limit);
      g.fd = -1;
      co_return StreamPair{StreamReader(t), StreamWriter(t)};
    }
    errors.emplace_back(err, "Connect call failed " +
                                 addrRepr(reinterpret_cast<sockaddr *>(&ss)));
  }
  if (errors.size() == 1)
    std::rethrow_exception(makeOSError(errors[0].first, errors[0].second));
  std::string msg = "Multiple exceptions: ";
  for (size_t i = 0; i < errors.size(); ++i) {
    if (i)
      msg += ", ";
    msg +=
        "[Errno " + std::to_string(errors[i].first) + "] " + errors[i].second;
  }
  throw OSError(msg);
}

// ---- start_server
// ---------------------------------------------------------------

class ServerImpl {
public:
  ServerImpl(EventLoop &loop, int fd, ClientConnected cb, int64_t limit)
      : loop_(loop), fd_(fd), cb_(std::move(cb)), limit_(limit) {
    loop_.addReader(fd_, [this] { onAccept(); });
  }
  ~ServerImpl() { close(); }

  void onAccept() {
    for (int i = 0; i < 64; ++i) {
      int c = ::accept4(fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (c < 0)
        return; // EAGAIN, or an error on one pending connection
      int one = 1;
      setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      auto t = std::make_shared<Transport>(loop_, c, Transport::Socket, limit_);
      // The handler runs as its own task, as asyncio's StreamReaderProtocol
      // does; the loop keeps it alive.
      createTask(cb_(StreamReader(t), StreamWriter(t)));
    }
  }

  void close() {
    if (fd_ < 0)
      return;
    loop_.removeReader(fd_);
    ::close(fd_);
    fd_ = -1;
    if (forever_ && !forever_->done())
      forever_->cancel();
  }
  bool serving() const { return fd_ >= 0; }
  std::pair<std::string, int> sockname() const { return name_; }

  EventLoop &loop_;
  int fd_;
  ClientConnected cb_;
  int64_t limit_;
  std::pair<std::string, int> name_;
  std::optional<Future<void>> forever_;
};

Coro<Server> start_server(ClientConnected cb, std::string host, int port,
                          int64_t limit, int backlog) {
  EventLoop &loop = getRunningLoop();
  std::vector<ResolvedAddr> resolved = co_await resolve(
      std::move(host), port, AF_UNSPEC, SOCK_STREAM, AI_PASSIVE);
  const ResolvedAddr &res = resolved.front();
  FdGuard g{
      ::socket(res.family, res.type | SOCK_NONBLOCK | SOCK_CLOEXEC, res.proto)};
  if (g.fd < 0)
    throwOSError(errno);
  int one = 1;
  setsockopt(g.fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (::bind(g.fd, reinterpret_cast<const sockaddr *>(&res.addr), res.len) !=
      0) {
    int err = errno;
    std::string where = addrRepr(reinterpret_cast<const sockaddr *>(&res.addr));
    // asyncio's wording for a busy port.
    std::rethrow_exception(
        makeOSError(err, "error while attempting to bind on address " + where +
                             ": " + std::strerror(err)));
  }
  if (::listen(g.fd, backlog) != 0)
    throwOSError(errno);
  auto impl = std::make_shared<ServerImpl>(loop, g.fd, std::move(cb), limit);
  g.fd = -1;
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  getsockname(impl->fd_, reinterpret_cast<sockaddr *>(&ss), &len);
  impl->name_ = addrOf(ss);
  co_return Server(impl);
}

void Server::close() { s_->close(); }
bool Server::is_serving() const { return s_->serving(); }
std::pair<std::string, int> Server::sockname() const { return s_->sockname(); }

namespace {
Coro<void> noop() { co_return; }
Coro<void> serveForever(std::shared_ptr<ServerImpl> s) {
  if (s->forever_)
    throw RuntimeError("server is already being awaited on serve_forever()");
  if (!s->serving())
    throw RuntimeError("server is closed");
  Future<void> f(s->loop_);
  s->forever_ = f;
  struct Closer {
    std::shared_ptr<ServerImpl> s;
    ~Closer() {
      s->close();
      s->forever_.reset();
    }
  } closer{s};
  co_await f;
}
Coro<Server> enterServer(Server s) { co_return s; }
Coro<void> exitServer(std::shared_ptr<ServerImpl> s) {
  s->close();
  co_return;
}
} // namespace

// 3.11's wait_closed returns at once once the server is closed.
Coro<void> Server::wait_closed() { return noop(); }
Coro<void> Server::serve_forever() { return serveForever(s_); }
Coro<Server> Server::aenter() { return enterServer(*this); }
Coro<void> Server::aexit() { return exitServer(s_); }

} // namespace aioc::io
