// HTTP pieces shared by httpx and requests: headers, URL encoding, charset
// decoding, and the libcurl easy transfer.
#include "http_transfer.h"

#include "spawn.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <ctime>
#include <limits>
#include <mutex>
#include <string_view>

namespace aioc::io {

double monotonicNow() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) +
         static_cast<double>(ts.tv_nsec) * 1e-9;
}

// ---- Headers
// -------------------------------------------------------------------

namespace {
bool iequals(const std::string &a, const std::string &b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}
std::string lower(std::string s) {
  for (char &c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
std::string trim(const std::string &s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos)
    return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}
} // namespace

Headers::Headers(Pairs items) : items_(std::move(items)) {}

Headers Headers::fromRaw(std::string lines) {
  Headers h;
  h.raw_ = std::move(lines);
  h.rawPending_ = true;
  return h;
}

void Headers::parseRaw() const {
  rawPending_ = false;
  const std::string &r = raw_;
  size_t pos = 0;
  while (pos < r.size()) {
    size_t eol = r.find('\n', pos);
    size_t end = eol == std::string::npos ? r.size() : eol;
    size_t next = eol == std::string::npos ? r.size() : eol + 1;
    while (end > pos && (r[end - 1] == '\r' || r[end - 1] == '\n'))
      --end;
    size_t colon = r.find(':', pos);
    if (colon != std::string::npos && colon > pos && colon < end) {
      size_t vb = colon + 1, ve = end;
      while (vb < ve && (r[vb] == ' ' || r[vb] == '\t'))
        ++vb;
      while (ve > vb && (r[ve - 1] == ' ' || r[ve - 1] == '\t'))
        --ve;
      items_.emplace_back(r.substr(pos, colon - pos), r.substr(vb, ve - vb));
    }
    pos = next;
  }
  raw_.clear();
  raw_.shrink_to_fit();
  if (lowerPending_) {
    lowerPending_ = false;
    for (auto &kv : items_)
      for (char &c : kv.first)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
}

void Headers::add(std::string name, std::string value) {
  parse();
  items_.emplace_back(std::move(name), std::move(value));
}

void Headers::set(const std::string &name, std::string value) {
  parse();
  items_.erase(
      std::remove_if(items_.begin(), items_.end(),
                     [&](auto &kv) { return iequals(kv.first, name); }),
      items_.end());
  items_.emplace_back(name, std::move(value));
}

std::optional<std::string> Headers::get(const std::string &name) const {
  parse();
  std::optional<std::string> out;
  for (const auto &[k, v] : items_) {
    if (!iequals(k, name))
      continue;
    if (out)
      *out += ", " + v;
    else
      out = v;
  }
  return out;
}

std::string Headers::at(const std::string &name) const {
  auto v = get(name);
  if (!v)
    throw KeyError(reprStr(name));
  return *v;
}

void Headers::lowercaseNames() {
  if (rawPending_) {
    lowerPending_ = true;
    return;
  }
  for (auto &kv : items_)
    for (char &c : kv.first)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool Headers::contains(const std::string &name) const {
  return get(name).has_value();
}

// ---- URLs
// ------------------------------------------------------------------------

namespace {
void quotePlus(std::string &out, const std::string &s) {
  static const char *hex = "0123456789ABCDEF";
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
}
} // namespace

std::string urlencode(const Pairs &params) {
  std::string out;
  for (const auto &[k, v] : params) {
    if (!out.empty())
      out += '&';
    quotePlus(out, k);
    out += '=';
    quotePlus(out, v);
  }
  return out;
}

std::string withQuery(const std::string &url, const Pairs &params) {
  if (params.empty())
    return url;
  size_t hash = url.find('#');
  std::string base = url.substr(0, hash);
  std::string frag = hash == std::string::npos ? "" : url.substr(hash);
  base += base.find('?') == std::string::npos ? '?' : '&';
  return base + urlencode(params) + frag;
}

std::string joinBaseUrl(const std::string &base, const std::string &url) {
  if (base.empty() || url.find("://") != std::string::npos)
    return url;
  // httpx: the base path gets a trailing slash, the relative URL loses its
  // leading one, and the two are concatenated.
  std::string b = base;
  if (b.back() != '/')
    b += '/';
  std::string rel = url;
  if (!rel.empty() && rel[0] == '/')
    rel.erase(0, 1);
  return b + rel;
}

const char *reasonPhrase(int s) {
  switch (s) {
  case 100:
    return "Continue";
  case 101:
    return "Switching Protocols";
  case 200:
    return "OK";
  case 201:
    return "Created";
  case 202:
    return "Accepted";
  case 204:
    return "No Content";
  case 206:
    return "Partial Content";
  case 301:
    return "Moved Permanently";
  case 302:
    return "Found";
  case 303:
    return "See Other";
  case 304:
    return "Not Modified";
  case 307:
    return "Temporary Redirect";
  case 308:
    return "Permanent Redirect";
  case 400:
    return "Bad Request";
  case 401:
    return "Unauthorized";
  case 403:
    return "Forbidden";
  case 404:
    return "Not Found";
  case 405:
    return "Method Not Allowed";
  case 408:
    return "Request Timeout";
  case 409:
    return "Conflict";
  case 410:
    return "Gone";
  case 418:
    return "I'm a Teapot";
  case 429:
    return "Too Many Requests";
  case 500:
    return "Internal Server Error";
  case 501:
    return "Not Implemented";
  case 502:
    return "Bad Gateway";
  case 503:
    return "Service Unavailable";
  case 504:
    return "Gateway Timeout";
  default:
    return "";
  }
}

// ---- text decoding
// ----------------------------------------------------------------

std::string charsetOf(const std::string &contentType) {
  std::string ct = lower(contentType);
  size_t p = ct.find("charset=");
  if (p == std::string::npos)
    return {};
  std::string cs = ct.substr(p + 8);
  size_t e = cs.find(';');
  if (e != std::string::npos)
    cs = cs.substr(0, e);
  cs = trim(cs);
  if (cs.size() >= 2 && (cs[0] == '"' || cs[0] == '\''))
    cs = cs.substr(1, cs.size() - 2);
  return cs;
}

std::string decodeText(const std::string &body, const std::string &charset) {
  std::string out;
  out.reserve(body.size());
  if (charset == "iso-8859-1" || charset == "latin-1" || charset == "latin1") {
    for (unsigned char c : body) {
      if (c < 0x80) {
        out += static_cast<char>(c);
      } else {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
      }
    }
    return out;
  }
  // UTF-8 with errors="replace": each maximal invalid subpart -> U+FFFD.
  const auto *p = reinterpret_cast<const unsigned char *>(body.data());
  size_t n = body.size(), i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    size_t len = c >= 0xC2 && c <= 0xDF   ? 2
                 : c >= 0xE0 && c <= 0xEF ? 3
                 : c >= 0xF0 && c <= 0xF4 ? 4
                                          : 0;
    size_t k = 1;
    if (len) {
      for (; k < len && i + k < n; ++k) {
        unsigned char cc = p[i + k], lo = 0x80, hi = 0xBF;
        if (k == 1) {
          if (c == 0xE0)
            lo = 0xA0;
          else if (c == 0xED)
            hi = 0x9F;
          else if (c == 0xF0)
            lo = 0x90;
          else if (c == 0xF4)
            hi = 0x8F;
        }
        if (cc < lo || cc > hi)
          break;
      }
    }
    if (len && k == len) {
      out.append(body, i, len);
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      i += std::max<size_t>(k, 1);
    }
  }
  return out;
}

// ---- Transfer
// --------------------------------------------------------------------

namespace {
void globalInit() {
  static std::once_flag once;
  std::call_once(once, [] {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    ignoreSigpipe();
  });
}
} // namespace

Transfer::Transfer() {
  globalInit();
  easy_ = curl_easy_init();
  if (!easy_)
    throw RuntimeError("curl_easy_init failed");
}

Transfer::~Transfer() {
  curl_easy_cleanup(easy_);
  curl_slist_free_all(headerList_);
}

void Transfer::prepare(HttpRequest req, void *owner) {
  req_ = std::move(req);
  owner_ = owner;
  result_ = HttpResult{};
  rawHead_.clear();
  failure_ = Failure::None;
  connected_ = false;
  lastActivity_ = monotonicNow();
  newConnections_ = 0;
  expected_ = -1;
  errbuf_[0] = 0;
  if (!req_.params.empty())
    req_.url = withQuery(req_.url, req_.params);

  CURL *e = easy_;
  // A reused handle keeps its options: set the fixed ones once and every
  // per-request one each time (curl_easy_reset and re-setting everything
  // was a measurable share of W5's per-request cost).
  if (!configured_) {
    configured_ = true;
    curl_easy_setopt(e, CURLOPT_PRIVATE, this);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, errbuf_);
    // Signals would interrupt the loop thread; timeouts are ours anyway.
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &Transfer::onHeader);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, this);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Transfer::onBody);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, this);
    curl_easy_setopt(e, CURLOPT_PREREQFUNCTION, &Transfer::onPrereq);
    curl_easy_setopt(e, CURLOPT_PREREQDATA, this);
    curl_easy_setopt(e, CURLOPT_TCP_NODELAY, 1L);
    // Decoded transparently, and advertised as httpx does.
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
  }
  curl_easy_setopt(e, CURLOPT_URL, req_.url.c_str());
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, req_.followRedirects ? 1L : 0L);
  curl_easy_setopt(e, CURLOPT_MAXREDIRS, static_cast<long>(req_.maxRedirects));
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
                   req_.connectTimeout > 0 ? static_cast<long>(std::ceil(
                                                 req_.connectTimeout * 1000))
                                           : 0L);
  long version = !req_.http2  ? CURL_HTTP_VERSION_1_1
                 : req_.http1 ? CURL_HTTP_VERSION_2TLS
                              : CURL_HTTP_VERSION_2_PRIOR_KNOWLEDGE;
  curl_easy_setopt(e, CURLOPT_HTTP_VERSION, version);
  curl_easy_setopt(e, CURLOPT_PIPEWAIT, req_.http2 ? 1L : 0L);
  curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, req_.verify ? 1L : 0L);
  curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, req_.verify ? 2L : 0L);
  if (!req_.caFile.empty()) {
    curl_easy_setopt(e, CURLOPT_CAINFO, req_.caFile.c_str());
    customCa_ = true;
  } else if (customCa_) {
    // Back to the built-in bundle (NULL would mean none at all).
    char *builtin = nullptr;
    curl_easy_getinfo(e, CURLINFO_CAINFO, &builtin);
    curl_easy_setopt(e, CURLOPT_CAINFO, builtin);
    customCa_ = false;
  }
  // Back to a plain GET first (clears POST and NOBODY from a previous use).
  curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
  const std::string &m = req_.method;
  if (m == "HEAD")
    curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
  if (req_.body) {
    curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(req_.body->size()));
    curl_easy_setopt(e, CURLOPT_POSTFIELDS, req_.body->data());
  }
  curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST,
                   m == "HEAD" || (m == "GET" && !req_.body) ||
                           (m == "POST" && req_.body)
                       ? nullptr
                       : m.c_str());
  // The header list is rebuilt only when the headers change.
  // curl adds a form content type to POSTFIELDS; callers set their own.
  const Headers &hdrs = req_.sharedHeaders ? *req_.sharedHeaders : req_.headers;
  bool dropType = req_.body && !hdrs.contains("content-type");
  bool same =
      dropType == droppedType_ && headerList_ &&
      (req_.sharedHeaders ? req_.sharedHeaders == sharedHeaders_
                          : !sharedHeaders_ && hdrs.items() == headerLines_);
  if (!same) {
    curl_slist_free_all(headerList_);
    // No "Expect: 100-continue" round trip for large bodies (httpx sends
    // none).
    headerList_ = curl_slist_append(nullptr, "Expect:");
    if (dropType)
      headerList_ = curl_slist_append(headerList_, "Content-Type:");
    for (const auto &[k, v] : hdrs.items()) {
      // "Name;" is curl's spelling of a header with an empty value.
      std::string line = v.empty() ? k + ";" : k + ": " + v;
      headerList_ = curl_slist_append(headerList_, line.c_str());
    }
    sharedHeaders_ = req_.sharedHeaders;
    if (sharedHeaders_)
      headerLines_.clear();
    else
      headerLines_ = hdrs.items();
    droppedType_ = dropType;
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, headerList_);
  }
}

int Transfer::onPrereq(void *self, char *, char *, int, int) {
  auto *t = static_cast<Transfer *>(self);
  t->connected_ = true;
  t->lastActivity_ = monotonicNow();
  return CURL_PREREQFUNC_OK;
}

size_t Transfer::onHeader(char *p, size_t size, size_t n, void *self) {
  auto *t = static_cast<Transfer *>(self);
  size_t len = size * n;
  t->lastActivity_ = monotonicNow();
  if (len >= 5 && std::memcmp(p, "HTTP/", 5) == 0) {
    // A new response head (redirect hop, 100 Continue): start over. Only
    // the status line is parsed now; the header lines wait in rawHead_.
    HttpResult &r = t->result_;
    t->rawHead_.clear();
    size_t end = len;
    while (end > 0 && (p[end - 1] == '\n' || p[end - 1] == '\r'))
      --end;
    std::string_view line(p, end);
    size_t sp1 = line.find(' ');
    r.httpVersion.assign(line.substr(0, sp1));
    r.status = 0;
    r.reason.clear();
    if (sp1 != std::string_view::npos) {
      for (size_t i = sp1 + 1;
           i < line.size() && line[i] >= '0' && line[i] <= '9'; ++i)
        r.status = r.status * 10 + (line[i] - '0');
      size_t sp2 = line.find(' ', sp1 + 1);
      if (sp2 != std::string_view::npos)
        r.reason.assign(line.substr(sp2 + 1));
    }
    return len;
  }
  t->rawHead_.append(p, len);
  return len;
}

size_t Transfer::onBody(char *p, size_t size, size_t n, void *self) {
  auto *t = static_cast<Transfer *>(self);
  size_t len = size * n;
  t->lastActivity_ = monotonicNow();
  std::string &b = t->result_.body;
  if (b.empty()) {
    curl_off_t cl = -1;
    curl_easy_getinfo(t->easy_, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &cl);
    if (cl > 0 && cl < (1LL << 31))
      b.reserve(static_cast<size_t>(cl));
  }
  b.append(p, len);
  return len;
}

double Transfer::readDeadline() const {
  if (!connected_ || req_.readTimeout <= 0)
    return std::numeric_limits<double>::infinity();
  return lastActivity_ + req_.readTimeout;
}

void Transfer::complete(CURLcode code) {
  curl_easy_getinfo(easy_, CURLINFO_NUM_CONNECTS, &newConnections_);
  curl_off_t cl = -1;
  curl_easy_getinfo(easy_, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &cl);
  expected_ = cl;
  // A copy, not a move: rawHead_ keeps its capacity for the next request.
  result_.headers = Headers::fromRaw(rawHead_);
  rawHead_.clear();
  if (failure_ != Failure::None)
    return;
  switch (code) {
  case CURLE_OK: {
    char *eff = nullptr;
    curl_easy_getinfo(easy_, CURLINFO_EFFECTIVE_URL, &eff);
    result_.url = eff ? eff : req_.url;
    if (result_.reason.empty())
      result_.reason = reasonPhrase(result_.status);
    return;
  }
  case CURLE_COULDNT_CONNECT:
    failure_ = Failure::Connect;
    return;
  case CURLE_COULDNT_RESOLVE_HOST:
  case CURLE_COULDNT_RESOLVE_PROXY:
    failure_ = Failure::Resolve;
    return;
  case CURLE_OPERATION_TIMEDOUT:
    failure_ = connected_ ? Failure::ReadTimeout : Failure::ConnectTimeout;
    return;
  case CURLE_RECV_ERROR:
    failure_ = Failure::ReadError;
    return;
  case CURLE_SEND_ERROR:
    failure_ = Failure::WriteError;
    return;
  case CURLE_PARTIAL_FILE:
    failure_ = Failure::Incomplete;
    return;
  case CURLE_GOT_NOTHING:
    failure_ = Failure::NoResponse;
    return;
  case CURLE_WEIRD_SERVER_REPLY:
  case CURLE_HTTP2:
  case CURLE_HTTP2_STREAM:
  case CURLE_BAD_CONTENT_ENCODING:
    failure_ = Failure::Protocol;
    return;
  case CURLE_TOO_MANY_REDIRECTS:
    failure_ = Failure::TooManyRedirects;
    return;
  case CURLE_PEER_FAILED_VERIFICATION:
    failure_ = Failure::TlsVerify;
    return;
  case CURLE_SSL_CONNECT_ERROR:
  case CURLE_SSL_CERTPROBLEM:
  case CURLE_SSL_CIPHER:
  case CURLE_SSL_CACERT_BADFILE:
  case CURLE_SSL_ISSUER_ERROR:
    failure_ = Failure::Tls;
    if (!errbuf_[0])
      std::snprintf(errbuf_, sizeof errbuf_, "%s", curl_easy_strerror(code));
    return;
  case CURLE_UNSUPPORTED_PROTOCOL:
    failure_ = Failure::UnsupportedProtocol;
    return;
  case CURLE_URL_MALFORMAT:
    failure_ = Failure::InvalidURL;
    return;
  default:
    failure_ = Failure::Other;
    if (!errbuf_[0])
      std::snprintf(errbuf_, sizeof errbuf_, "%s", curl_easy_strerror(code));
    return;
  }
}

} // namespace aioc::io
