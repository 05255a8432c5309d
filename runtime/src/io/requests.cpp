// requests.get/post: a blocking libcurl transfer. The calling thread really
// waits (in curl_multi_poll), which is the mistake the linter flags inside
// coroutines and debug mode catches at run time.
#include "http_transfer.h"

#include "aioc/io/blocking.h"

#include <cmath>

namespace aioc::requests {

using namespace aioc::io;

Response::Response(HttpResult r)
    : r_(std::make_shared<HttpResult>(std::move(r))) {}

std::string Response::text() const {
  std::string ct = r_->headers.get("content-type").value_or("");
  std::string cs = charsetOf(ct);
  if (cs.empty() && ct.find("text") != std::string::npos)
    cs = "iso-8859-1";
  return decodeText(r_->body, cs);
}

void Response::raise_for_status() const {
  int s = r_->status;
  const char *kind = s >= 400 && s < 500   ? "Client Error"
                     : s >= 500 && s < 600 ? "Server Error"
                                           : nullptr;
  if (!kind)
    return;
  throw HTTPError(std::to_string(s) + " " + kind + ": " + r_->reason +
                  " for url: " + r_->url);
}

namespace {

[[noreturn]] void raiseFailure(const Transfer &t) {
  switch (t.failure()) {
  case Failure::Connect:
    throw ConnectionError(
        "Failed to establish a new connection: [Errno 111] Connection refused");
  case Failure::Resolve:
    throw ConnectionError("Failed to resolve host: [Errno -2] Name or "
                          "service not known");
  case Failure::ConnectTimeout:
    throw ConnectTimeout("Connection timed out");
  case Failure::ReadTimeout:
    throw ReadTimeout("Read timed out.");
  case Failure::ReadError:
  case Failure::WriteError:
    throw ConnectionError("Connection aborted: [Errno 104] Connection reset "
                          "by peer");
  case Failure::NoResponse:
    throw ConnectionError("Connection aborted: Remote end closed connection "
                          "without response");
  case Failure::Incomplete:
    throw ConnectionError(
        "Connection broken: IncompleteRead(" +
        std::to_string(t.bytesReceived()) + " bytes read, " +
        std::to_string(t.expectedLength() - t.bytesReceived()) +
        " more expected)");
  case Failure::TooManyRedirects:
    throw RequestException("Exceeded 30 redirects.");
  case Failure::UnsupportedProtocol:
  case Failure::InvalidURL:
    throw RequestException("Invalid URL " + reprStr(t.request().url));
  default:
    throw RequestException(t.curlMessage());
  }
}

} // namespace

Response request(const std::string &method, const std::string &url,
                 const Args &args) {
  HttpRequest req;
  req.method = method;
  req.url = url;
  req.params = args.params;
  req.followRedirects = args.allowRedirects;
  req.maxRedirects = 30;
  req.connectTimeout = args.timeout.value_or(0);
  req.readTimeout = args.timeout.value_or(0);
  Headers h({{"User-Agent", "python-requests/2.28.1"},
             {"Accept", "*/*"},
             {"Connection", "keep-alive"}});
  if (args.json) {
    req.body = *args.json;
    h.set("Content-Type", "application/json");
  } else if (args.form) {
    req.body = urlencode(*args.form);
    h.set("Content-Type", "application/x-www-form-urlencoded");
  } else if (args.data) {
    req.body = *args.data;
  }
  for (const auto &[k, v] : args.headers)
    h.set(k, v);
  req.headers = std::move(h);

  Transfer t;
  t.prepare(std::move(req), nullptr);
  CURLM *multi = curl_multi_init();
  curl_multi_add_handle(multi, t.easy());
  bool done = false;
  CURLcode code = CURLE_OK;
  while (!done) {
    int running = 0;
    curl_multi_perform(multi, &running);
    int left;
    while (CURLMsg *msg = curl_multi_info_read(multi, &left)) {
      if (msg->msg == CURLMSG_DONE) {
        done = true;
        code = msg->data.result;
      }
    }
    if (done)
      break;
    double deadline = t.readDeadline();
    double now = monotonicNow();
    if (now >= deadline) {
      t.failWith(Failure::ReadTimeout);
      break;
    }
    int ms = 1000;
    if (std::isfinite(deadline))
      ms = std::min(ms, static_cast<int>((deadline - now) * 1000) + 1);
    curl_multi_poll(multi, nullptr, 0, ms, nullptr);
  }
  curl_multi_remove_handle(multi, t.easy());
  curl_multi_cleanup(multi);
  t.complete(code);
  if (t.failure() != Failure::None)
    raiseFailure(t);
  return Response(std::move(t.result()));
}

Response get(const std::string &url, const Args &args) {
  return request("GET", url, args);
}
Response post(const std::string &url, const Args &args) {
  return request("POST", url, args);
}

} // namespace aioc::requests
