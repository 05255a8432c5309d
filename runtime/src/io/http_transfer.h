// Private: one libcurl easy transfer, shared by the blocking (requests) and
// the loop-driven (httpx) front ends. It owns the easy handle's options and
// buffers, parses the response head, and classifies failures; the drivers
// decide when to run it and turn failures into their library's exceptions.
#pragma once

#include "aioc/io/http.h"

#include <curl/curl.h>

namespace aioc::io {

// CLOCK_MONOTONIC seconds (the same clock as loop.time()).
double monotonicNow();

enum class Failure {
  None,
  Connect, // refused, unreachable
  Resolve, // DNS
  ConnectTimeout,
  ReadTimeout, // our own inactivity timer
  ReadError,   // reset while receiving
  WriteError,  // reset while sending
  Incomplete,  // closed before the promised body length
  NoResponse,  // closed before any response
  Protocol,    // garbage from the server
  TooManyRedirects,
  TlsVerify, // the server's certificate did not verify
  Tls,       // another TLS handshake failure
  UnsupportedProtocol,
  InvalidURL,
  Other,
};

class Transfer {
public:
  Transfer();
  ~Transfer();
  Transfer(const Transfer &) = delete;
  Transfer &operator=(const Transfer &) = delete;

  // Resets the easy handle (reusing it keeps its DNS cache and buffers)
  // and sets every option for `req`.
  void prepare(HttpRequest req, void *owner);
  CURL *easy() const { return easy_; }
  void *owner() const { return owner_; }

  // After curl reports the transfer done: fill result() or set failure().
  void complete(CURLcode code);
  // Abandoned by us (our read timeout fired): records the failure.
  void failWith(Failure f) { failure_ = f; }

  Failure failure() const { return failure_; }
  // curl's own text for the failure (libcurl's error buffer).
  std::string curlMessage() const { return errbuf_; }
  HttpResult &result() { return result_; }
  const HttpRequest &request() const { return req_; }
  long newConnections() const { return newConnections_; }
  int64_t bytesReceived() const {
    return static_cast<int64_t>(result_.body.size());
  }
  int64_t expectedLength() const { return expected_; }

  // When our read timeout expires (infinity while still connecting, which
  // curl's own connect timeout covers).
  double readDeadline() const;

private:
  static size_t onHeader(char *p, size_t size, size_t n, void *self);
  static size_t onBody(char *p, size_t size, size_t n, void *self);
  static int onPrereq(void *self, char *, char *, int, int);

  CURL *easy_;
  void *owner_ = nullptr;
  curl_slist *headerList_ = nullptr;
  Pairs headerLines_; // what headerList_ was built from
  std::shared_ptr<const Headers> sharedHeaders_; // or this shared set
  bool configured_ = false, droppedType_ = false, customCa_ = false;
  HttpRequest req_;
  HttpResult result_;
  std::string rawHead_; // header lines of the latest response head
  Failure failure_ = Failure::None;
  bool connected_ = false;
  double lastActivity_ = 0;
  long newConnections_ = 0;
  int64_t expected_ = -1;
  char errbuf_[CURL_ERROR_SIZE];
};

// Decode a body to UTF-8 text by charset name; invalid UTF-8 becomes U+FFFD.
std::string decodeText(const std::string &body, const std::string &charset);
// The charset= parameter of a Content-Type value ("" if none), lower-cased.
std::string charsetOf(const std::string &contentType);
// Resolve `url` against httpx's base_url rules.
std::string joinBaseUrl(const std::string &base, const std::string &url);

} // namespace aioc::io
