// HTTP on libcurl: the httpx way on the loop (AsyncClient: one curl multi
// handle per client, driven by the loop's epoll through curl's socket and
// timer callbacks), and the requests way, blocking (requests.get/post).
#pragma once

#include "aioc/coro.h"
#include "aioc/exceptions.h"
#include "aioc/future.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace aioc::io {

using Pairs = std::vector<std::pair<std::string, std::string>>;

// Case-insensitive, order-keeping multi-map (httpx.Headers); names are
// stored lower-cased as httpx shows them for HTTP/1.1 responses.
//
// A response's headers arrive as raw "Name: value\r\n" lines and are split
// into pairs only when first looked at: most programs read only the body,
// and splitting every line into two strings was a tenth of W5's per-request
// CPU.
class Headers {
public:
  Headers() = default;
  Headers(Pairs items);
  // The header lines of a response head (after the status line), kept as
  // they came and parsed on first use.
  static Headers fromRaw(std::string lines);
  void add(std::string name, std::string value);
  void set(const std::string &name, std::string value); // replace all
  std::optional<std::string> get(const std::string &name) const;
  // headers[name]: KeyError when absent; several values are joined by ", ".
  std::string at(const std::string &name) const;
  bool contains(const std::string &name) const;
  const Pairs &items() const {
    parse();
    return items_;
  }
  void lowercaseNames();
  size_t size() const { return items().size(); }

private:
  void parse() const {
    if (rawPending_)
      parseRaw();
  }
  void parseRaw() const;
  mutable Pairs items_;
  mutable std::string raw_;
  mutable bool rawPending_ = false, lowerPending_ = false;
};

// One request, as both front ends describe it.
struct HttpRequest {
  std::string method = "GET";
  std::string url;
  Pairs params;
  Headers headers;
  // When set, sent instead of `headers`: a client's default set, shared by
  // its requests rather than copied into each.
  std::shared_ptr<const Headers> sharedHeaders;
  std::optional<std::string> body; // content= / data= / json= already encoded
  bool followRedirects = false;
  int maxRedirects = 20;
  double connectTimeout = 5.0; // seconds; <= 0 means none
  double readTimeout = 5.0;    // max silence between received bytes
  // httpx's http1= / http2=: HTTP/1.1 only by default; http2 adds HTTP/2
  // where TLS negotiates it (ALPN); HTTP/2 alone speaks it in cleartext too
  // (h2c with prior knowledge). HTTP/2 requests wait for a connection being
  // set up so that they multiplex over it rather than open their own.
  bool http1 = true;
  bool http2 = false;
  // TLS: verify= (false turns checking off) and a CA bundle path (verify=
  // given a path); empty means the system's bundle.
  bool verify = true;
  std::string caFile;
};

// What came back, before either library's decoding rules.
struct HttpResult {
  int status = 0;
  std::string reason;      // reason phrase from the status line
  std::string httpVersion; // "HTTP/1.1", "HTTP/2"
  Headers headers;
  std::string body;
  std::string url; // final URL (after redirects)
};

// application/x-www-form-urlencoded (quote_plus), and URLs with a query.
std::string urlencode(const Pairs &params);
std::string withQuery(const std::string &url, const Pairs &params);
// The standard reason phrase for a status code ("" when unknown).
const char *reasonPhrase(int status);

} // namespace aioc::io

// ---- httpx -----------------------------------------------------------------
namespace aioc::httpx {

using io::Headers;
using io::Pairs;

// httpx's exception tree. Classes with two parents in Python have one here:
// each keeps its primary base.
#define AIOC_HTTPX_EXC(NAME, BASE)                                             \
  class NAME : public BASE {                                                   \
  public:                                                                      \
    NAME() = default;                                                          \
    explicit NAME(std::string m) : BaseException(std::move(m)) {}              \
    const char *typeName() const override { return #NAME; }                    \
    AIOC_QUALIFIER(NAME, "httpx.")                                             \
  };
AIOC_HTTPX_EXC(HTTPError, Exception)
AIOC_HTTPX_EXC(RequestError, HTTPError)
AIOC_HTTPX_EXC(TransportError, RequestError)
AIOC_HTTPX_EXC(TimeoutException, TransportError)
AIOC_HTTPX_EXC(ConnectTimeout, TimeoutException)
AIOC_HTTPX_EXC(ReadTimeout, TimeoutException)
AIOC_HTTPX_EXC(WriteTimeout, TimeoutException)
AIOC_HTTPX_EXC(PoolTimeout, TimeoutException)
AIOC_HTTPX_EXC(NetworkError, TransportError)
AIOC_HTTPX_EXC(ConnectError, NetworkError)
AIOC_HTTPX_EXC(ReadError, NetworkError)
AIOC_HTTPX_EXC(WriteError, NetworkError)
AIOC_HTTPX_EXC(ProtocolError, TransportError)
AIOC_HTTPX_EXC(RemoteProtocolError, ProtocolError)
AIOC_HTTPX_EXC(UnsupportedProtocol, TransportError)
AIOC_HTTPX_EXC(TooManyRedirects, RequestError)
AIOC_HTTPX_EXC(HTTPStatusError, HTTPError)
AIOC_HTTPX_EXC(InvalidURL, Exception)
#undef AIOC_HTTPX_EXC

class Response {
public:
  Response() = default;
  explicit Response(io::HttpResult r);
  int status_code() const { return r_->status; }
  const std::string &reason_phrase() const { return r_->reason; }
  const std::string &http_version() const { return r_->httpVersion; }
  const std::string &content() const { return r_->body; }
  // Decoded per the Content-Type charset (UTF-8 by default, invalid bytes
  // replaced by U+FFFD as httpx does).
  std::string text() const;
  const Headers &headers() const { return r_->headers; }
  const std::string &url() const { return r_->url; }
  bool is_success() const { return r_->status >= 200 && r_->status < 300; }
  // HTTPStatusError with httpx's exact message unless 2xx.
  void raise_for_status() const;
  // The body as JSON text; the compiler's json.loads turns it into the
  // annotated target type.
  std::string json() const { return text(); }

  // Python identity (`is`, `==`, hash) for compiled scripts.
  const void *identity() const { return r_.get(); }

private:
  std::shared_ptr<io::HttpResult> r_;
};

struct ClientOptions {
  std::string baseUrl;
  Pairs headers;
  double timeout = 5.0; // httpx's default Timeout(5.0)
  bool followRedirects = false;
  int maxConnections = 100; // httpx's default Limits(max_connections=100)
  bool http1 = true;        // httpx.AsyncClient(http1=, http2=)
  bool http2 = false;
  bool verify = true; // verify=False
  std::string caFile; // verify="path/to/ca.pem"
};

// Per-call arguments (httpx's keyword arguments).
struct RequestArgs {
  Pairs params;
  Pairs headers;
  std::optional<std::string> content;
  std::optional<std::string> json; // already serialised (json.dumps)
  std::optional<Pairs> data;       // form fields
  std::optional<bool> followRedirects;
  std::optional<double> timeout;
};

class ClientImpl;

// httpx.AsyncClient. May be created anywhere; it binds to the running loop
// of its first request. Close it (aclose / leaving `async with`) before that
// loop goes away. Copies share the client, as Python references do.
class AsyncClient {
public:
  explicit AsyncClient(ClientOptions opts = {});
  ~AsyncClient();
  AsyncClient(const AsyncClient &) = default;
  AsyncClient &operator=(const AsyncClient &) = default;

  Coro<Response> request(std::string method, std::string url,
                         RequestArgs args = {});
  Coro<Response> get(std::string url, RequestArgs args = {});
  Coro<Response> post(std::string url, RequestArgs args = {});
  Coro<Response> put(std::string url, RequestArgs args = {});
  Coro<Response> patch(std::string url, RequestArgs args = {});
  Coro<Response> delete_(std::string url, RequestArgs args = {});
  Coro<Response> head(std::string url, RequestArgs args = {});

  // async with: __aenter__ returns the client, __aexit__ closes it.
  Coro<AsyncClient> aenter();
  Coro<void> aclose();
  bool isClosed() const;

  // Connections libcurl opened so far (for tests of keep-alive reuse).
  int64_t connectionsOpened() const;
  // Requests whose easy handle is still inside curl (0 after cancellation).
  size_t activeRequests() const;
  // Times a pooled idle connection woke the loop (the server closed it):
  // for tests, at most once per such connection.
  int64_t idleWakeups() const;

  // Python identity (`is`, `==`, hash) for compiled scripts.
  const void *identity() const { return impl_.get(); }

private:
  std::shared_ptr<ClientImpl> impl_;
};

} // namespace aioc::httpx

// ---- requests (blocking) -------------------------------------------------
namespace aioc::requests {

using io::Headers;
using io::Pairs;

// requests.exceptions: RequestException is an OSError (IOError) subclass.
class RequestException : public OSError {
public:
  explicit RequestException(std::string m) : BaseException(std::move(m)) {}
  const char *typeName() const override { return "RequestException"; }
  AIOC_QUALIFIER(RequestException, "requests.exceptions.")
};
class ConnectionError : public RequestException {
public:
  explicit ConnectionError(std::string m)
      : BaseException(std::move(m)), RequestException("") {}
  const char *typeName() const override { return "ConnectionError"; }
  AIOC_QUALIFIER(ConnectionError, "requests.exceptions.")
};
class HTTPError : public RequestException {
public:
  explicit HTTPError(std::string m)
      : BaseException(std::move(m)), RequestException("") {}
  const char *typeName() const override { return "HTTPError"; }
  AIOC_QUALIFIER(HTTPError, "requests.exceptions.")
};
class Timeout : public RequestException {
public:
  explicit Timeout(std::string m)
      : BaseException(std::move(m)), RequestException("") {}
  const char *typeName() const override { return "Timeout"; }
  AIOC_QUALIFIER(Timeout, "requests.exceptions.")
};
// ConnectTimeout is both ConnectionError and Timeout in requests; here it is
// a Timeout (what scripts catch it as in practice).
class ConnectTimeout : public Timeout {
public:
  explicit ConnectTimeout(std::string m)
      : BaseException(std::move(m)), Timeout("") {}
  const char *typeName() const override { return "ConnectTimeout"; }
  AIOC_QUALIFIER(ConnectTimeout, "requests.exceptions.")
};
class ReadTimeout : public Timeout {
public:
  explicit ReadTimeout(std::string m)
      : BaseException(std::move(m)), Timeout("") {}
  const char *typeName() const override { return "ReadTimeout"; }
  AIOC_QUALIFIER(ReadTimeout, "requests.exceptions.")
};

class Response {
public:
  Response() = default; // an unset local (compiled scripts declare first)
  explicit Response(io::HttpResult r);
  int status_code() const { return r_->status; }
  const std::string &reason() const { return r_->reason; }
  const std::string &content() const { return r_->body; }
  // requests' rule: the Content-Type charset, ISO-8859-1 for text/* without
  // one, UTF-8 otherwise.
  std::string text() const;
  const Headers &headers() const { return r_->headers; }
  const std::string &url() const { return r_->url; }
  bool ok() const { return r_->status < 400; }
  // "404 Client Error: Not Found for url: http://..."
  void raise_for_status() const;
  std::string json() const { return text(); }

  // Python identity (`is`, `==`, hash) for compiled scripts.
  const void *identity() const { return r_.get(); }

private:
  std::shared_ptr<io::HttpResult> r_;
};

struct Args {
  Pairs params;
  Pairs headers;
  std::optional<std::string> data; // raw body
  std::optional<Pairs> form;       // data=dict
  std::optional<std::string> json; // already serialised
  std::optional<double> timeout;   // None: wait forever, as requests
  bool allowRedirects = true;
};

// Really blocking: the calling thread waits in poll() until the response.
Response request(const std::string &method, const std::string &url,
                 const Args &args = {});
Response get(const std::string &url, const Args &args = {});
Response post(const std::string &url, const Args &args = {});

} // namespace aioc::requests
