// requests.get/post (blocking libcurl) against the fixture server.
#include "aioc/io/http.h"
#include "server_fixture.h"

#include <gtest/gtest.h>

#include <chrono>

using namespace aioc;
using aioc::iotest::server;

TEST(Requests, GetText) {
  ASSERT_GT(server().port(), 0);
  auto r = requests::get(server().url("/hello"));
  EXPECT_EQ(r.status_code(), 200);
  EXPECT_EQ(r.text(), "h\xc3\xa9llo w\xc3\xb6rld\n");
  EXPECT_EQ(r.headers().get("content-type"), "text/plain; charset=utf-8");
  EXPECT_TRUE(r.ok());
}

TEST(Requests, PostJsonAndParams) {
  requests::Args a;
  a.json = R"({"k": 1})";
  a.params = {{"q", "a b"}};
  auto r = requests::post(server().url("/echo"), a);
  EXPECT_EQ(r.status_code(), 200);
  EXPECT_NE(r.text().find(R"("method": "POST")"), std::string::npos);
  EXPECT_NE(r.text().find(R"("body": "{\"k\": 1}")"), std::string::npos);
  EXPECT_NE(r.text().find(R"("path": "/echo?q=a+b")"), std::string::npos);
  EXPECT_NE(r.text().find(R"("content-type": "application/json")"),
            std::string::npos);
}

TEST(Requests, RaiseForStatus) {
  auto r = requests::get(server().url("/status/404"));
  EXPECT_EQ(r.status_code(), 404);
  EXPECT_FALSE(r.ok());
  try {
    r.raise_for_status();
    FAIL() << "no exception";
  } catch (const requests::HTTPError &e) {
    EXPECT_EQ(e.message(), "404 Client Error: Not Found for url: " +
                               server().url("/status/404"));
  }
}

TEST(Requests, FollowsRedirects) {
  auto r = requests::get(server().url("/redirect/3"));
  EXPECT_EQ(r.status_code(), 200);
  EXPECT_EQ(r.url(), server().url("/hello"));
}

TEST(Requests, ConnectionRefused) {
  EXPECT_THROW(requests::get("http://127.0.0.1:1/"), requests::ConnectionError);
}

TEST(Requests, ReadTimeoutReallyBlocks) {
  requests::Args a;
  a.timeout = 0.3;
  auto t0 = std::chrono::steady_clock::now();
  EXPECT_THROW(requests::get(server().url("/never"), a), requests::ReadTimeout);
  // It blocked the thread for the timeout (a lower bound, not a speed test).
  EXPECT_GE(std::chrono::steady_clock::now() - t0,
            std::chrono::milliseconds(290));
}
