// httpx.AsyncClient against the fixture server (label "integration").
#include "aioc/io/http.h"
#include "aioc/run.h"
#include "aioc/sleep.h"
#include "server_fixture.h"

#include <gtest/gtest.h>

using namespace aioc;
using aioc::iotest::server;

namespace {

std::string ones() {
  std::string s;
  for (int i = 0; i < 1024; ++i)
    s += static_cast<char>((i * 7 + 13) % 251);
  return s;
}

Coro<int> getStats(httpx::AsyncClient c, std::string what) {
  auto r = co_await c.get(server().url("/stats"));
  std::string t = r.text();
  size_t p = t.find("\"" + what + "\": ");
  co_return std::atoi(t.c_str() + p + what.size() + 4);
}

Coro<int> fetchSize(httpx::AsyncClient c, std::string url) {
  auto r = co_await c.get(url);
  if (r.status_code() != 200 || r.content() != ones())
    co_return -1;
  co_return static_cast<int>(r.content().size());
}

Coro<void> thousand() {
  httpx::AsyncClient c;
  std::vector<Task<int>> tasks;
  for (int i = 0; i < 1000; ++i)
    tasks.push_back(createTask(fetchSize(c, server().url("/1k"))));
  int ok = 0;
  for (auto &t : tasks)
    ok += (co_await t) == 1024;
  EXPECT_EQ(ok, 1000);
  // httpx's pool limit of 100 connections holds.
  EXPECT_LE(c.connectionsOpened(), 100);
  EXPECT_GE(c.connectionsOpened(), 1);
  co_await c.aclose();
}

Coro<void> keepAlive() {
  httpx::AsyncClient c;
  int before = co_await getStats(c, "connections");
  for (int i = 0; i < 20; ++i) {
    auto r = co_await c.get(server().url("/hello"));
    EXPECT_EQ(r.status_code(), 200);
  }
  int after = co_await getStats(c, "connections");
  EXPECT_GE(before, 1);
  // All 22 requests rode the connection the first /stats opened.
  EXPECT_EQ(after, before);
  EXPECT_EQ(c.connectionsOpened(), 1);
  co_await c.aclose();
}

Coro<void> statusErrors() {
  httpx::AsyncClient c;
  auto r = co_await c.get(server().url("/status/404"));
  EXPECT_EQ(r.status_code(), 404);
  EXPECT_EQ(r.reason_phrase(), "Not Found");
  EXPECT_EQ(r.text(), "status 404\n");
  try {
    r.raise_for_status();
    ADD_FAILURE();
  } catch (const httpx::HTTPStatusError &e) {
    EXPECT_EQ(e.message(), "Client error '404 Not Found' for url '" +
                               server().url("/status/404") +
                               "'\nFor more information check: "
                               "https://httpstatuses.com/404");
  }
  auto r5 = co_await c.get(server().url("/status/500"));
  try {
    r5.raise_for_status();
    ADD_FAILURE();
  } catch (const httpx::HTTPError &e) {
    EXPECT_STREQ(e.typeName(), "HTTPStatusError");
    EXPECT_EQ(e.message(),
              "Server error '500 Internal Server Error' for url '" +
                  server().url("/status/500") +
                  "'\nFor more information check: "
                  "https://httpstatuses.com/500");
  }
  co_await c.aclose();
}

Coro<void> redirects() {
  httpx::ClientOptions o;
  o.followRedirects = true;
  httpx::AsyncClient c(o);
  auto r = co_await c.get(server().url("/redirect/3"));
  EXPECT_EQ(r.status_code(), 200);
  EXPECT_EQ(r.url(), server().url("/hello"));
  EXPECT_EQ(r.text(), "h\xc3\xa9llo w\xc3\xb6rld\n");
  httpx::RequestArgs noFollow;
  noFollow.followRedirects = false;
  auto r2 = co_await c.get(server().url("/redirect/2"), noFollow);
  EXPECT_EQ(r2.status_code(), 302);
  EXPECT_EQ(r2.headers().get("location"), "/redirect/1");
  try {
    r2.raise_for_status();
    ADD_FAILURE();
  } catch (const httpx::HTTPStatusError &e) {
    EXPECT_EQ(e.message(),
              "Redirect response '302 Found' for url '" +
                  server().url("/redirect/2") +
                  "'\nRedirect location: '/redirect/1'\nFor more "
                  "information check: https://httpstatuses.com/302");
  }
  co_await c.aclose();
}

Coro<void> neverAnswers() {
  httpx::ClientOptions o;
  o.timeout = 0.3;
  httpx::AsyncClient c(o);
  try {
    co_await c.get(server().url("/never"));
    ADD_FAILURE();
  } catch (const httpx::TimeoutException &e) {
    EXPECT_STREQ(e.typeName(), "ReadTimeout");
  }
  EXPECT_EQ(c.activeRequests(), 0u);
  co_await c.aclose();
}

// A request with a shorter timeout than one already in flight must time out
// on its own deadline, not when the longer one's check comes round.
Coro<void> shorterTimeoutFiresFirst() {
  httpx::ClientOptions o;
  o.timeout = 60;
  httpx::AsyncClient c(o);
  auto slow = createTask(
      [&]() -> Coro<void> { co_await c.get(server().url("/never")); }());
  co_await sleep(0.05); // the long request is in flight
  httpx::RequestArgs a;
  a.timeout = 0.3;
  try {
    co_await c.get(server().url("/never"), a);
    ADD_FAILURE();
  } catch (const httpx::TimeoutException &e) {
    EXPECT_STREQ(e.typeName(), "ReadTimeout");
  }
  EXPECT_FALSE(slow.done());
  slow.cancel();
  try {
    co_await slow;
  } catch (const CancelledError &) {
  }
  co_await c.aclose();
}

Coro<void> resetMidBody() {
  httpx::AsyncClient c;
  try {
    co_await c.get(server().url("/reset"));
    ADD_FAILURE();
  } catch (const httpx::TransportError &e) {
    // httpx raises ReadError for a reset; a clean close would be
    // RemoteProtocolError. Both are transport errors.
    EXPECT_TRUE(std::string(e.typeName()) == "ReadError" ||
                std::string(e.typeName()) == "RemoteProtocolError")
        << e.typeName();
  }
  co_await c.aclose();
}

Coro<void> bigAndChunked() {
  httpx::AsyncClient c;
  auto r = co_await c.get(server().url("/big"));
  EXPECT_EQ(r.content().size(), 10u * 1024 * 1024);
  bool pattern = true;
  for (size_t i = 0; i < r.content().size(); i += 4099)
    pattern &= static_cast<unsigned char>(r.content()[i]) == i % 251;
  EXPECT_TRUE(pattern);
  auto ch = co_await c.get(server().url("/chunked"));
  std::string want;
  for (int i = 0; i < 10; ++i)
    want += "chunk " + std::to_string(i) + "\n";
  EXPECT_EQ(ch.text(), want);
  EXPECT_FALSE(ch.headers().contains("content-length"));
  co_await c.aclose();
}

Coro<void> methodsAndArgs() {
  httpx::ClientOptions o;
  o.baseUrl = server().url("");
  o.headers = {{"X-Client", "yes"}};
  httpx::AsyncClient c(o);
  httpx::RequestArgs a;
  a.params = {{"a", "b c&"}, {"d", "\xc3\xa9"}};
  a.headers = {{"X-A", "1"}};
  auto r = co_await c.get("/echo", a);
  std::string t = r.text();
  EXPECT_NE(t.find(R"("path": "/echo?a=b+c%26&d=%C3%A9")"), std::string::npos)
      << t;
  EXPECT_NE(t.find(R"("x-a": "1")"), std::string::npos);
  EXPECT_NE(t.find(R"("x-client": "yes")"), std::string::npos);
  EXPECT_NE(t.find(R"("user-agent": "python-httpx/0.23.3")"),
            std::string::npos);
  httpx::RequestArgs j;
  j.json = R"({"k": [1, 2]})";
  auto p = co_await c.post("/echo", j);
  EXPECT_NE(p.text().find(R"("body": "{\"k\": [1, 2]}")"), std::string::npos);
  EXPECT_NE(p.text().find(R"("content-type": "application/json")"),
            std::string::npos);
  for (const char *m : {"PUT", "PATCH", "DELETE"}) {
    httpx::RequestArgs b;
    b.content = "raw";
    auto q = co_await c.request(m, "/echo", b);
    EXPECT_NE(q.text().find(std::string("\"method\": \"") + m + "\""),
              std::string::npos);
    EXPECT_NE(q.text().find(R"("body": "raw")"), std::string::npos);
  }
  // Easy handles are reused: HEAD then GET must not leak NOBODY or a body.
  auto h = co_await c.head("/hello");
  EXPECT_EQ(h.status_code(), 200);
  EXPECT_EQ(h.content(), "");
  auto g = co_await c.get("/echo");
  EXPECT_NE(g.text().find(R"("method": "GET")"), std::string::npos);
  EXPECT_NE(g.text().find(R"("body": "")"), std::string::npos);
  auto js = co_await c.get("/json");
  EXPECT_EQ(js.json(), R"({"name": "aioc", "n": 3, "ok": true})");
  co_await c.aclose();
}

} // namespace

TEST(Httpx, ThousandConcurrentGets) {
  ASSERT_GT(server().port(), 0);
  aioc::run(thousand());
}
TEST(Httpx, KeepAliveReusesOneConnection) { aioc::run(keepAlive()); }
TEST(Httpx, StatusErrorsRaiseForStatus) { aioc::run(statusErrors()); }
TEST(Httpx, Redirects) { aioc::run(redirects()); }
TEST(Httpx, NeverAnsweringServerTimesOut) { aioc::run(neverAnswers()); }
TEST(Httpx, ShorterRequestTimeoutFiresFirst) {
  aioc::run(shorterTimeoutFiresFirst());
}
TEST(Httpx, ResetMidBody) { aioc::run(resetMidBody()); }
TEST(Httpx, TenMegabytesAndChunked) { aioc::run(bigAndChunked()); }
TEST(Httpx, MethodsParamsHeadersJson) { aioc::run(methodsAndArgs()); }
