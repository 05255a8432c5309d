// httpx.AsyncClient on one libcurl multi handle driven by the loop's epoll.
//
// curl tells us which fds to watch (CURLMOPT_SOCKETFUNCTION) and when to
// wake it (CURLMOPT_TIMERFUNCTION); the loop calls curl_multi_socket_action
// from its own reader/writer/timer callbacks, never from inside curl's
// callbacks. A finished transfer completes a Future, so the awaiting task
// resumes one loop iteration later, through the loop, as in asyncio.
#include "http_transfer.h"

#include "aioc/io/blocking.h"
#include "aioc/loop.h"

#include <cmath>
#include <limits>
#include <sys/socket.h>
#include <unistd.h>

namespace aioc::httpx {

using namespace aioc::io;

// ---- Response
// -----------------------------------------------------------------

Response::Response(HttpResult r)
    : r_(std::make_shared<HttpResult>(std::move(r))) {
  // httpx reports header names lower-cased (Headers.items()/keys()).
  r_->headers.lowercaseNames();
}

std::string Response::text() const {
  return decodeText(r_->body,
                    charsetOf(r_->headers.get("content-type").value_or("")));
}

void Response::raise_for_status() const {
  if (is_success())
    return;
  int s = r_->status;
  const char *kind = "Invalid status code";
  switch (s / 100) {
  case 1:
    kind = "Informational response";
    break;
  case 3:
    kind = "Redirect response";
    break;
  case 4:
    kind = "Client error";
    break;
  case 5:
    kind = "Server error";
    break;
  }
  std::string code = std::to_string(s);
  std::string msg = std::string(kind) + " '" + code + " " + r_->reason +
                    "' for url '" + r_->url + "'\n";
  auto location = r_->headers.get("location");
  if (s / 100 == 3 && location)
    msg += "Redirect location: '" + *location + "'\n";
  msg += "For more information check: https://httpstatuses.com/" + code;
  throw HTTPStatusError(msg);
}

// ---- the client
// ------------------------------------------------------------------

namespace {

std::exception_ptr failureToException(const Transfer &t) {
  const std::string &url = t.request().url;
  switch (t.failure()) {
  case Failure::Connect:
    return std::make_exception_ptr(
        ConnectError("All connection attempts failed"));
  case Failure::Resolve:
    return std::make_exception_ptr(
        ConnectError("[Errno -2] Name or service not known"));
  case Failure::ConnectTimeout:
    return std::make_exception_ptr(ConnectTimeout(""));
  case Failure::ReadTimeout:
    return std::make_exception_ptr(ReadTimeout(""));
  case Failure::ReadError:
    return std::make_exception_ptr(ReadError(""));
  case Failure::WriteError:
    return std::make_exception_ptr(WriteError(""));
  case Failure::Incomplete:
    return std::make_exception_ptr(RemoteProtocolError(
        "peer closed connection without sending complete message body: "
        "received " +
        std::to_string(t.bytesReceived()) + " bytes, expected " +
        std::to_string(t.expectedLength())));
  case Failure::NoResponse:
    return std::make_exception_ptr(
        RemoteProtocolError("Server disconnected without sending a response."));
  case Failure::Protocol:
    return std::make_exception_ptr(RemoteProtocolError(t.curlMessage()));
  case Failure::TooManyRedirects:
    return std::make_exception_ptr(
        TooManyRedirects("Exceeded maximum allowed redirects."));
  case Failure::TlsVerify: {
    // CPython's ssl wording; curl says "SSL certificate problem: <why>".
    std::string why = t.curlMessage();
    size_t colon = why.find(": ");
    if (colon != std::string::npos)
      why = why.substr(colon + 2);
    return std::make_exception_ptr(
        ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify "
                     "failed: " +
                     why + " (_ssl.c:992)"));
  }
  case Failure::Tls:
    return std::make_exception_ptr(ConnectError(t.curlMessage()));
  case Failure::UnsupportedProtocol:
  case Failure::InvalidURL: {
    size_t p = url.find("://");
    if (p == std::string::npos)
      return std::make_exception_ptr(UnsupportedProtocol(
          "Request URL is missing an 'http://' or 'https://' protocol."));
    return std::make_exception_ptr(
        UnsupportedProtocol("Request URL has an unsupported protocol '" +
                            url.substr(0, p + 3) + "'."));
  }
  default:
    return std::make_exception_ptr(TransportError(t.curlMessage()));
  }
}

} // namespace

// One in-flight request: the curl transfer plus the future its task awaits.
// Ref-counted: the client's active list and the awaiting coroutine hold it.
struct AsyncTransfer : RefCounted {
  explicit AsyncTransfer(EventLoop &loop) : done(loop) {}
  std::unique_ptr<Transfer> t;
  Future<void> done;
  bool active = false; // added to the multi handle
  size_t slot = 0;     // index in ClientImpl::active_ while active
};

class ClientImpl {
public:
  explicit ClientImpl(ClientOptions o) : opts_(std::move(o)) {
    multi_ = curl_multi_init();
    curl_multi_setopt(multi_, CURLMOPT_SOCKETFUNCTION, &ClientImpl::onSocket);
    curl_multi_setopt(multi_, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(multi_, CURLMOPT_TIMERFUNCTION, &ClientImpl::onTimer);
    curl_multi_setopt(multi_, CURLMOPT_TIMERDATA, this);
    // httpx's pool limit; requests beyond it queue inside curl.
    curl_multi_setopt(multi_, CURLMOPT_MAX_TOTAL_CONNECTIONS,
                      static_cast<long>(opts_.maxConnections));
    curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS,
                      static_cast<long>(opts_.maxConnections));
    // libcurl before 8.0 breaks a reused HTTP/2 prior-knowledge (h2c)
    // connection ("Error in the HTTP2 framing layer", curl issue #10634):
    // there a cleartext-HTTP/2 client gets one connection per request.
    h2cOneShot_ = opts_.http2 && !opts_.http1 &&
                  curl_version_info(CURLVERSION_NOW)->version_num < 0x080000;
    curl_multi_setopt(multi_, CURLMOPT_PIPELINING,
                      h2cOneShot_ ? CURLPIPE_NOTHING : CURLPIPE_MULTIPLEX);
    // httpx's default headers, in its order, then the client's: built once
    // and shared by every request that adds none of its own.
    Headers h({{"Accept", "*/*"},
               {"Connection", "keep-alive"},
               {"User-Agent", "python-httpx/0.23.3"}});
    for (const auto &[k, v] : opts_.headers)
      h.set(k, v);
    baseHeaders_ = std::make_shared<const Headers>(std::move(h));
  }
  ~ClientImpl() { close(); }

  bool closed() const { return multi_ == nullptr; }
  int64_t connections() const { return connections_; }
  int64_t idleWakeups() const { return idleWakeups_; }
  size_t active() const { return active_.size(); }
  const ClientOptions &options() const { return opts_; }
  const std::shared_ptr<const Headers> &baseHeaders() const {
    return baseHeaders_;
  }

  Ref<AsyncTransfer> start(HttpRequest req) {
    if (closed())
      throw RuntimeError(
          "Cannot send a request, as the client has been closed.");
    // Bound to the loop of the first request: Python code often creates
    // the client before (or outside) the coroutine that uses it.
    if (!loop_)
      loop_ = &getRunningLoop();
    Ref<AsyncTransfer> at(new AsyncTransfer(*loop_));
    if (!spare_.empty()) {
      at->t = std::move(spare_.back());
      spare_.pop_back();
    } else {
      at->t = std::make_unique<Transfer>();
      CURL *e = at->t->easy();
      curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION,
                       &ClientImpl::onOpenSocket);
      curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, this);
      curl_easy_setopt(e, CURLOPT_CLOSESOCKETFUNCTION,
                       &ClientImpl::onCloseSocket);
      curl_easy_setopt(e, CURLOPT_CLOSESOCKETDATA, this);
    }
    at->t->prepare(std::move(req), at.get());
    if (h2cOneShot_) {
      curl_easy_setopt(at->t->easy(), CURLOPT_PIPEWAIT, 0L);
      curl_easy_setopt(at->t->easy(), CURLOPT_FORBID_REUSE, 1L);
    }
    CURLMcode rc = curl_multi_add_handle(multi_, at->t->easy());
    if (rc != CURLM_OK)
      throw RuntimeError(std::string("curl_multi_add_handle: ") +
                         curl_multi_strerror(rc));
    at->active = true;
    at->retain(); // the multi's reference, dropped in finish()
    at->slot = active_.size();
    active_.push_back(at.get());
    armReadTimer(at.get());
    return at;
  }

  // Cancelled or abandoned: take it out of curl now (curl closes the
  // connection if a response was half read) and never complete it.
  void abort(AsyncTransfer *at) {
    if (!at->active)
      return;
    finish(at, nullptr, true);
  }

  void close() {
    if (!multi_)
      return;
    // Leaving `async with` with requests still in flight: they fail.
    std::vector<AsyncTransfer *> pending(active_);
    for (AsyncTransfer *at : pending)
      finish(at,
             std::make_exception_ptr(RuntimeError(
                 "Cannot send a request, as the client has been closed.")),
             false);
    if (timer_) {
      timer_->cancel();
      timer_.reset();
    }
    if (sweep_) {
      sweep_->cancel();
      sweep_.reset();
    }
    // Closes the cached connections, through onCloseSocket.
    curl_multi_cleanup(multi_);
    multi_ = nullptr;
    if (loopLive())
      for (size_t fd = 0; fd < fds_.size(); ++fd)
        unregister(static_cast<int>(fd));
    fds_.clear();
    spare_.clear();
  }

private:
  friend class AsyncClient;

  // Per socket: what curl wants watched and what the loop watches. A
  // connection socket curl stops watching when its transfer ends (the
  // connection goes back to the pool) stays registered for reading,
  // "parked", so that reusing the connection for the next request costs no
  // epoll_ctl: that DEL + ADD pair was two syscalls per request. A parked
  // socket that becomes readable (the server closed it) is unregistered
  // then, and curl's close of a socket unregisters it first
  // (onCloseSocket). Only sockets curl opened through onOpenSocket are
  // parked: others (the threaded resolver's socketpair) are closed without
  // telling us, so they are unregistered as soon as curl lets go of them.
  struct FdState {
    uint8_t want = 0;  // CURL_POLL_IN / CURL_POLL_OUT bits
    uint8_t reg = 0;   // the same bits, as registered with the loop
    bool conn = false; // opened by onOpenSocket, closed by onCloseSocket
  };

  // The loop is touched only while it runs on this thread: a client that
  // outlives asyncio.run (a module-level client never closed) is destroyed
  // after its loop, whose watches are gone with it by then.
  bool loopLive() const { return loop_ && EventLoop::current() == loop_; }

  FdState &fdState(int fd) {
    if (static_cast<size_t>(fd) >= fds_.size())
      fds_.resize(static_cast<size_t>(fd) + 1);
    return fds_[static_cast<size_t>(fd)];
  }

  static int onSocket(CURL *, curl_socket_t fd, int what, void *self, void *) {
    static_cast<ClientImpl *>(self)->watch(fd, what);
    return 0;
  }

  void watch(int fd, int what) {
    FdState &s = fdState(fd);
    s.want = what == CURL_POLL_REMOVE ? 0 : static_cast<uint8_t>(what);
    if ((s.want & CURL_POLL_IN) && !(s.reg & CURL_POLL_IN)) {
      loop_->addReader(fd, [this, fd] { onReadable(fd); });
      s.reg |= CURL_POLL_IN;
    } else if (!(s.want & CURL_POLL_IN) && (s.reg & CURL_POLL_IN) && !s.conn) {
      loop_->removeReader(fd);
      s.reg &= ~CURL_POLL_IN;
    }
    // A writable socket is ready all the time: never park a writer.
    if ((s.want & CURL_POLL_OUT) && !(s.reg & CURL_POLL_OUT)) {
      loop_->addWriter(fd, [this, fd] { action(fd, CURL_CSELECT_OUT); });
      s.reg |= CURL_POLL_OUT;
    } else if (!(s.want & CURL_POLL_OUT) && (s.reg & CURL_POLL_OUT)) {
      loop_->removeWriter(fd);
      s.reg &= ~CURL_POLL_OUT;
    }
  }

  void onReadable(int fd) {
    if (!(fds_[static_cast<size_t>(fd)].want & CURL_POLL_IN)) {
      ++idleWakeups_;
      // Parked and readable: the idle connection got closed or sent
      // something unasked. curl finds out when it next checks the
      // connection; stop watching until then.
      loop_->removeReader(fd);
      fds_[static_cast<size_t>(fd)].reg &= ~CURL_POLL_IN;
      return;
    }
    action(fd, CURL_CSELECT_IN);
  }

  void unregister(int fd) {
    if (static_cast<size_t>(fd) >= fds_.size())
      return;
    FdState &s = fds_[static_cast<size_t>(fd)];
    if (s.reg & CURL_POLL_IN)
      loop_->removeReader(fd);
    if (s.reg & CURL_POLL_OUT)
      loop_->removeWriter(fd);
    s = FdState{};
  }

  // curl opens a connection socket (close-on-exec, so child processes
  // never inherit it).
  static curl_socket_t onOpenSocket(void *self, curlsocktype,
                                    curl_sockaddr *a) {
    auto *c = static_cast<ClientImpl *>(self);
    int fd = ::socket(a->family, a->socktype | SOCK_CLOEXEC, a->protocol);
    if (fd < 0)
      return CURL_SOCKET_BAD;
    c->fdState(fd).conn = true;
    return fd;
  }

  // curl closes one of its sockets: drop the loop's watch while the fd is
  // still open (a later socket may get the same number).
  static int onCloseSocket(void *self, curl_socket_t fd) {
    auto *c = static_cast<ClientImpl *>(self);
    if (c->loopLive())
      c->unregister(fd);
    else if (static_cast<size_t>(fd) < c->fds_.size())
      c->fds_[static_cast<size_t>(fd)] = FdState{};
    return ::close(fd);
  }

  // curl's timer wish: one loop timer; socket_action runs from the loop.
  static int onTimer(CURLM *, long ms, void *self) {
    auto *c = static_cast<ClientImpl *>(self);
    if (!c->loop_)
      return 0; // no request was ever started
    if (ms >= 0 && c->timer_ && !c->timer_->cancelled()) {
      // curl re-asks for the same wake-up (timeout 0 on every
      // add_handle): keep the armed timer instead of replacing it.
      double target = c->loop_->time() + static_cast<double>(ms) / 1000.0;
      if (std::abs(c->timer_->when() - target) < 0.0005)
        return 0;
    }
    if (c->timer_) {
      c->timer_->cancel();
      c->timer_.reset();
    }
    if (ms >= 0)
      c->timer_ = c->loop_->callLater(static_cast<double>(ms) / 1000.0, [c] {
        c->timer_.reset();
        c->action(CURL_SOCKET_TIMEOUT, 0);
      });
    return 0;
  }

  void action(curl_socket_t fd, int ev) {
    if (!multi_)
      return;
    int running = 0;
    curl_multi_socket_action(multi_, fd, ev, &running);
    int left;
    while (multi_) {
      CURLMsg *m = curl_multi_info_read(multi_, &left);
      if (!m)
        break;
      if (m->msg != CURLMSG_DONE)
        continue;
      AsyncTransfer *at = ownerOf(m->easy_handle);
      if (!at || !at->active)
        continue;
      CURLcode code = m->data.result;
      at->t->complete(code);
      finish(at, nullptr, false);
    }
  }

  // The Transfer is the easy handle's CURLOPT_PRIVATE; its owner is ours.
  static AsyncTransfer *ownerOf(CURL *e) {
    char *p = nullptr;
    curl_easy_getinfo(e, CURLINFO_PRIVATE, &p);
    return p ? static_cast<AsyncTransfer *>(
                   reinterpret_cast<Transfer *>(p)->owner())
             : nullptr;
  }

  // Our read timeout: one sweep timer per client rather than a loop timer
  // per request (which cost a heap push and a cancel each). It runs at the
  // earliest deadline and fails the transfers that have been silent for
  // longer than their timeout.
  void armReadTimer(AsyncTransfer *at) {
    double rt = at->t->request().readTimeout;
    if (rt <= 0)
      return;
    // A request with a shorter timeout than the pending sweep's moves the
    // sweep earlier; otherwise it would fire only at the later deadline.
    double due = monotonicNow() + rt;
    if (sweep_ && due >= sweepAt_)
      return;
    if (sweep_)
      sweep_->cancel();
    scheduleSweep(rt, due);
  }

  void scheduleSweep(double delay, double due) {
    sweepAt_ = due;
    sweep_ = loop_->callLater(delay, [this] { sweepReadTimeouts(); });
  }

  void sweepReadTimeouts() {
    sweep_.reset();
    double now = monotonicNow();
    double next = std::numeric_limits<double>::infinity();
    std::vector<AsyncTransfer *> expired;
    for (AsyncTransfer *at : active_) {
      double rt = at->t->request().readTimeout;
      if (rt <= 0)
        continue;
      double d = at->t->readDeadline();
      if (d <= now)
        expired.push_back(at);
      else
        next = std::min(next, std::isfinite(d) ? d : now + rt);
    }
    for (AsyncTransfer *at : expired) {
      at->t->failWith(Failure::ReadTimeout);
      finish(at, nullptr, false);
    }
    if (std::isfinite(next)) {
      double delay = std::max(next - now, 0.001);
      scheduleSweep(delay, now + delay);
    }
  }

  // Remove from curl; complete the future unless `silent` (cancelled).
  void finish(AsyncTransfer *at, std::exception_ptr forced, bool silent) {
    if (!at->active)
      return;
    at->active = false;
    AsyncTransfer *last = active_.back();
    last->slot = at->slot;
    active_[at->slot] = last;
    active_.pop_back();
    curl_multi_remove_handle(multi_, at->t->easy());
    if (at->t->failure() == Failure::None && !forced && !silent)
      connections_ += at->t->newConnections();
    if (!silent && !at->done.done()) {
      if (forced)
        at->done.setException(forced);
      else if (at->t->failure() != Failure::None)
        at->done.setException(failureToException(*at->t));
      else
        at->done.setResult();
    }
    at->release(); // the multi's reference
  }

public:
  // The awaiting coroutine is done with it: hand the easy handle back.
  void recycle(AsyncTransfer *at) {
    if (at->active || !at->t || closed())
      return;
    if (spare_.size() < 256)
      spare_.push_back(std::move(at->t));
  }

private:
  EventLoop *loop_ = nullptr;
  ClientOptions opts_;
  std::shared_ptr<const Headers> baseHeaders_;
  CURLM *multi_ = nullptr;
  HandleRef timer_, sweep_;
  double sweepAt_ = 0; // monotonic time the pending sweep_ runs at
  std::vector<FdState> fds_;
  std::vector<AsyncTransfer *> active_;
  std::vector<std::unique_ptr<Transfer>> spare_;
  int64_t connections_ = 0, idleWakeups_ = 0;
  bool h2cOneShot_ = false;
};

// ---- AsyncClient
// ---------------------------------------------------------------

AsyncClient::AsyncClient(ClientOptions opts)
    : impl_(std::make_shared<ClientImpl>(std::move(opts))) {}

AsyncClient::~AsyncClient() = default;

bool AsyncClient::isClosed() const { return impl_->closed(); }
int64_t AsyncClient::connectionsOpened() const { return impl_->connections(); }
size_t AsyncClient::activeRequests() const { return impl_->active(); }
int64_t AsyncClient::idleWakeups() const { return impl_->idleWakeups(); }

namespace {

// Cancellation (Task.cancel, TaskGroup abort, timeout()) resumes the frame
// with CancelledError; this guard then takes the easy handle out of curl
// before the frame goes on, so nothing is left running or leaked.
struct TransferGuard {
  std::shared_ptr<ClientImpl> client;
  Ref<AsyncTransfer> at;
  ~TransferGuard() {
    client->abort(at.get());
    client->recycle(at.get());
  }
};

HttpRequest buildRequest(const ClientImpl &c, std::string method,
                         std::string url, RequestArgs &args) {
  const ClientOptions &o = c.options();
  HttpRequest r;
  r.method = std::move(method);
  for (char &ch : r.method)
    ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  r.url = o.baseUrl.empty() ? std::move(url) : joinBaseUrl(o.baseUrl, url);
  r.params = std::move(args.params);
  r.followRedirects = args.followRedirects.value_or(o.followRedirects);
  double t = args.timeout.value_or(o.timeout);
  r.connectTimeout = t;
  r.readTimeout = t;
  r.http1 = o.http1;
  r.http2 = o.http2;
  r.verify = o.verify;
  r.caFile = o.caFile;
  if (args.json) {
    r.body = std::move(*args.json);
  } else if (args.data) {
    r.body = urlencode(*args.data);
  } else if (args.content) {
    r.body = std::move(*args.content);
  }
  if (!args.json && !args.data && args.headers.empty()) {
    r.sharedHeaders = c.baseHeaders(); // the common case: nothing to add
    return r;
  }
  // httpx's default headers, in its order, then the client's and the call's.
  Headers h = *c.baseHeaders();
  if (args.json)
    h.set("Content-Type", "application/json");
  else if (args.data)
    h.set("Content-Type", "application/x-www-form-urlencoded");
  for (const auto &[k, v] : args.headers)
    h.set(k, v);
  r.headers = std::move(h);
  return r;
}

Coro<Response> run(std::shared_ptr<ClientImpl> client, std::string method,
                   std::string url, RequestArgs args) {
  TransferGuard g{client, client->start(buildRequest(*client, std::move(method),
                                                     std::move(url), args))};
  co_await g.at->done;
  co_return Response(std::move(g.at->t->result()));
}

} // namespace

Coro<Response> AsyncClient::request(std::string method, std::string url,
                                    RequestArgs args) {
  return run(impl_, std::move(method), std::move(url), std::move(args));
}
Coro<Response> AsyncClient::get(std::string url, RequestArgs args) {
  return request("GET", std::move(url), std::move(args));
}
Coro<Response> AsyncClient::post(std::string url, RequestArgs args) {
  return request("POST", std::move(url), std::move(args));
}
Coro<Response> AsyncClient::put(std::string url, RequestArgs args) {
  return request("PUT", std::move(url), std::move(args));
}
Coro<Response> AsyncClient::patch(std::string url, RequestArgs args) {
  return request("PATCH", std::move(url), std::move(args));
}
Coro<Response> AsyncClient::delete_(std::string url, RequestArgs args) {
  return request("DELETE", std::move(url), std::move(args));
}
Coro<Response> AsyncClient::head(std::string url, RequestArgs args) {
  return request("HEAD", std::move(url), std::move(args));
}

namespace {
Coro<AsyncClient> enterClient(AsyncClient c) { co_return c; }
Coro<void> closeClient(std::shared_ptr<ClientImpl> impl) {
  impl->close();
  co_return;
}
} // namespace

Coro<AsyncClient> AsyncClient::aenter() { return enterClient(*this); }
Coro<void> AsyncClient::aclose() { return closeClient(impl_); }

} // namespace aioc::httpx
