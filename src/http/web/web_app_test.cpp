#include "http/web/web_app.hpp"

#include <gtest/gtest.h>

#include <array>

#include "http/api.hpp"
#include "http/security_headers.hpp"
#include "http/test_fakes.hpp"

namespace hd::http {
namespace {

constexpr std::array kFiles = {
    WebFile{"/index.html", "<!doctype html><title>Help desk</title>", "GZ-INDEX", "BR-INDEX",
            "\"a1b2\""},
    WebFile{"/assets/main-3f2a1c.js", "console.log(1)", "GZ-JS", "", "\"c3d4\""},
    WebFile{"/robots.txt", "User-agent: *", "", "", "\"e5f6\""},
};

Request Get(std::string path, Headers headers = {}) {
  Request request;
  request.method = "GET";
  request.path = std::move(path);
  request.headers = std::move(headers);
  return request;
}

TEST(WebApp, RootIsIndexRevalidatedOnEveryLoad) {
  const WebApp app(kFiles);
  const auto index = app.Serve(Get("/"));
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->body, "<!doctype html><title>Help desk</title>");
  EXPECT_EQ(index->Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(index->Header("Cache-Control"), "no-cache");
  EXPECT_EQ(index->Header("ETag"), "\"a1b2\"");
  EXPECT_EQ(index->Header("Vary"), "Accept-Encoding");
  EXPECT_FALSE(index->Header("Content-Encoding"));
}

TEST(WebApp, HashedAssetsAreCachedForAYear) {
  const WebApp app(kFiles);
  const auto js = app.Serve(Get("/assets/main-3f2a1c.js"));
  ASSERT_TRUE(js);
  EXPECT_EQ(js->Header("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(js->Header("Content-Type"), "text/javascript; charset=utf-8");
}

TEST(WebApp, SendsTheBestPrecompressedVariantTheClientAccepts) {
  const WebApp app(kFiles);
  const auto br = app.Serve(Get("/", {{"Accept-Encoding", "gzip, deflate, br"}}));
  EXPECT_EQ(br->body, "BR-INDEX");
  EXPECT_EQ(br->Header("Content-Encoding"), "br");
  EXPECT_EQ(br->Header("ETag"), "\"a1b2-br\"");
  const auto gz = app.Serve(Get("/", {{"Accept-Encoding", "gzip, br;q=0"}}));
  EXPECT_EQ(gz->body, "GZ-INDEX");
  EXPECT_EQ(gz->Header("Content-Encoding"), "gzip");
  EXPECT_EQ(gz->Header("ETag"), "\"a1b2-gzip\"");
  // No brotli variant of this file: gzip even for a client preferring br.
  const auto js = app.Serve(Get("/assets/main-3f2a1c.js", {{"Accept-Encoding", "br, gzip"}}));
  EXPECT_EQ(js->body, "GZ-JS");
  const auto plain = app.Serve(Get("/", {{"Accept-Encoding", "identity"}}));
  EXPECT_EQ(plain->body, "<!doctype html><title>Help desk</title>");
  // A file with no variant has no reason to vary.
  EXPECT_FALSE(app.Serve(Get("/robots.txt", {{"Accept-Encoding", "br"}}))->Header("Vary"));
}

TEST(WebApp, AMatchingValidatorGets304WithoutABody) {
  const WebApp app(kFiles);
  const auto same = app.Serve(Get("/", {{"If-None-Match", "\"zzz\", W/\"a1b2\""}}));
  EXPECT_EQ(same->status, 304);
  EXPECT_TRUE(same->body.empty());
  EXPECT_EQ(same->Header("ETag"), "\"a1b2\"");
  // The validator of the brotli variant does not match the plain one.
  EXPECT_EQ(app.Serve(Get("/", {{"If-None-Match", "\"a1b2-br\""}}))->status, 200);
  EXPECT_EQ(
      app.Serve(Get("/", {{"If-None-Match", "\"a1b2-br\""}, {"Accept-Encoding", "br"}}))->status,
      304);
}

TEST(WebApp, A304OfThePageKeepsThePagePolicy) {
  // Browsers take a 304's headers into the cached page: the API's sandbox
  // policy there would block the page's scripts and styles on reload.
  const WebApp app(kFiles);
  const auto page = app.Serve(Get("/", {{"If-None-Match", "\"a1b2\""}}));
  ASSERT_EQ(page->status, 304);
  EXPECT_EQ(page->Header("Content-Security-Policy"), kPagePolicy);
  const auto script = app.Serve(Get("/assets/main-3f2a1c.js"));
  EXPECT_EQ(script->Header("Content-Security-Policy"), kResourcePolicy);
}

TEST(WebApp, UnknownPathsAreNotServed) {
  const WebApp app(kFiles);
  for (std::string path : {"/index.htm", "/assets/", "/assets/main.js", "/../index.html"}) {
    EXPECT_FALSE(app.Serve(Get(path))) << path;
  }
}

TEST(AcceptEncoding, ReadsCodingsQValuesAndTheWildcard) {
  const auto read = [](std::string_view header) {
    const AcceptedCodings c = ParseAcceptEncoding(header);
    return std::pair{c.brotli, c.gzip};
  };
  EXPECT_EQ(read(""), std::pair(false, false));
  EXPECT_EQ(read("gzip, deflate, br, zstd"), std::pair(true, true));
  EXPECT_EQ(read("BR;q=1.0,GZIP;q=0.5"), std::pair(true, true));
  EXPECT_EQ(read("br;q=0, gzip;q=0.000"), std::pair(false, false));
  EXPECT_EQ(read("br; q=0.001"), std::pair(true, false));
  EXPECT_EQ(read("*"), std::pair(true, true));
  EXPECT_EQ(read("*, gzip;q=0"), std::pair(true, false));
  EXPECT_EQ(read("x-gzip"), std::pair(false, true));
  EXPECT_EQ(read("identity;q=1, *;q=0"), std::pair(false, false));
}

TEST(ApiWebApp, ServesTheAppOutsideTheApiOnly) {
  testing::FakeServices fake;
  Metrics metrics;
  Api api(fake.services, ApiOptions{.web_app = kFiles}, metrics);
  const Response index = api.Handle(Get("/"));
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.route, "web");
  EXPECT_EQ(api.Handle(Get("/api/v1/index.html")).status, 404);
  Request post = Get("/");
  post.method = "POST";
  EXPECT_EQ(api.Handle(post).status, 404);
  Request head = Get("/assets/main-3f2a1c.js");
  head.method = "HEAD";
  EXPECT_EQ(api.Handle(head).status, 200);
}

}  // namespace
}  // namespace hd::http
