// HTTP/2 against a private nginx (label "integration"; skipped when nginx
// or openssl is missing):
//  - httpx.AsyncClient(http2=True) over TLS negotiates h2 by ALPN; many
//    concurrent requests multiplex over one connection;
//  - the default client (http2=False, as httpx) stays on HTTP/1.1;
//  - AsyncClient(http1=False, http2=True) speaks h2c with prior knowledge
//    to a cleartext HTTP/2-only listener.
#include "aioc/io/http.h"
#include "aioc/run.h"
#include "aioc/task.h"
#include "nginx_fixture.h"

#include <curl/curl.h>
#include <gtest/gtest.h>

using namespace aioc;
using aioc::iotest::nginx;

namespace {

std::string oneK() {
  std::string s;
  for (int i = 0; i < 1024; ++i)
    s += static_cast<char>((i * 7 + 13) % 251);
  return s;
}

httpx::AsyncClient client(bool http1, bool http2) {
  httpx::ClientOptions o;
  o.http1 = http1;
  o.http2 = http2;
  o.caFile = nginx().caFile();
  return httpx::AsyncClient(o);
}

Coro<int> fetchOk(httpx::AsyncClient c, std::string url) {
  httpx::Response r = co_await c.get(url);
  co_return r.status_code() == 200 && r.http_version() == "HTTP/2" &&
      r.content() == oneK();
}

Coro<void> tlsSequential() {
  httpx::AsyncClient c = client(true, true);
  httpx::Response r = co_await c.get(nginx().tlsUrl("/1k"));
  EXPECT_EQ(r.status_code(), 200);
  EXPECT_EQ(r.http_version(), "HTTP/2");
  EXPECT_EQ(r.reason_phrase(), "OK");
  EXPECT_EQ(r.content(), oneK());
  EXPECT_EQ(r.headers().get("content-length"), "1024");
  httpx::Response missing = co_await c.get(nginx().tlsUrl("/nope"));
  EXPECT_EQ(missing.status_code(), 404);
  EXPECT_EQ(missing.http_version(), "HTTP/2");
  for (int i = 0; i < 5; ++i)
    EXPECT_TRUE(co_await fetchOk(c, nginx().tlsUrl("/1k")));
  EXPECT_EQ(c.connectionsOpened(), 1);
  co_await c.aclose();
}

Coro<void> tlsMultiplexed() {
  httpx::AsyncClient c = client(true, true);
  std::vector<Task<int>> tasks;
  // Fewer than nginx's 128 concurrent streams per connection.
  for (int i = 0; i < 100; ++i)
    tasks.push_back(createTask(fetchOk(c, nginx().tlsUrl("/1k"))));
  int ok = 0;
  for (auto &t : tasks)
    ok += co_await t;
  EXPECT_EQ(ok, 100);
  // All 100 were started together and rode one connection.
  EXPECT_EQ(c.connectionsOpened(), 1);
  co_await c.aclose();
}

Coro<void> defaultIsHttp11() {
  httpx::AsyncClient c = client(true, false);
  httpx::Response r = co_await c.get(nginx().tlsUrl("/1k"));
  EXPECT_EQ(r.status_code(), 200);
  EXPECT_EQ(r.http_version(), "HTTP/1.1");
  co_await c.aclose();
}

Coro<void> untrustedCertificate() {
  httpx::AsyncClient c; // the system's CAs do not know our certificate
  try {
    co_await c.get(nginx().tlsUrl("/1k"));
    ADD_FAILURE() << "no exception";
  } catch (const httpx::ConnectError &e) {
    // CPython 3.11's ssl wording for the same failure.
    EXPECT_EQ(e.message(), "[SSL: CERTIFICATE_VERIFY_FAILED] certificate "
                           "verify failed: self-signed certificate "
                           "(_ssl.c:992)");
  }
  co_await c.aclose();
}

Coro<void> priorKnowledge() {
  httpx::AsyncClient c = client(false, true);
  for (int i = 0; i < 3; ++i)
    EXPECT_TRUE(co_await fetchOk(c, nginx().url("/1k")));
  std::vector<Task<int>> tasks;
  for (int i = 0; i < 20; ++i)
    tasks.push_back(createTask(fetchOk(c, nginx().url("/1k"))));
  int ok = 0;
  for (auto &t : tasks)
    ok += co_await t;
  EXPECT_EQ(ok, 20);
  // libcurl before 8.0 cannot reuse an h2c connection (curl #10634): the
  // client then opens one per request instead of failing.
  if (curl_version_info(CURLVERSION_NOW)->version_num < 0x080000)
    EXPECT_EQ(c.connectionsOpened(), 23);
  else
    EXPECT_EQ(c.connectionsOpened(), 1);
  co_await c.aclose();
}

#define NEEDS_NGINX()                                                          \
  if (!nginx().ready())                                                        \
  GTEST_SKIP() << "needs nginx with HTTP/2 and TLS: " << nginx().why()

} // namespace

TEST(HttpxHttp2, TlsAlpnNegotiatesHttp2AndReusesTheConnection) {
  NEEDS_NGINX();
  aioc::run(tlsSequential());
}

TEST(HttpxHttp2, ManyRequestsMultiplexOverOneConnection) {
  NEEDS_NGINX();
  aioc::run(tlsMultiplexed());
}

TEST(HttpxHttp2, DefaultClientStaysOnHttp11) {
  NEEDS_NGINX();
  aioc::run(defaultIsHttp11());
}

TEST(HttpxHttp2, UntrustedCertificateIsAConnectError) {
  NEEDS_NGINX();
  aioc::run(untrustedCertificate());
}

TEST(HttpxHttp2, CleartextPriorKnowledge) {
  NEEDS_NGINX();
  aioc::run(priorKnowledge());
}
