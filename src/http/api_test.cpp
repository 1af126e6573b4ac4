#include "http/api.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <filesystem>
#include <fstream>

#include "http/test_fakes.hpp"

namespace hd::http {
namespace {

class ApiTest : public ::testing::Test {
 protected:
  Response Send(std::string method, std::string path, Headers headers = {}, std::string body = {}) {
    Request request;
    request.method = std::move(method);
    request.path = std::move(path);
    request.headers = std::move(headers);
    request.body = std::move(body);
    return api_.Handle(request);
  }
  static std::string Type(const Response& response) {
    return std::string(boost::json::parse(response.body).at("type").as_string());
  }

  testing::FakeServices fake_;
  Metrics metrics_;
  Api api_{fake_.services, ApiOptions{}, metrics_};
};

TEST_F(ApiTest, UnknownRouteIsProblem404) {
  Response response = Send("GET", "/api/v1/nothing");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.Header("Content-Type"), "application/problem+json");
  EXPECT_EQ(response.route, "unmatched");
}

TEST_F(ApiTest, WrongMethodIs405WithAllowBeforeAuthentication) {
  Response response = Send("DELETE", "/api/v1/tickets");
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.Header("Allow"), "POST, GET");
  EXPECT_EQ(response.route, "/api/v1/tickets");
}

TEST_F(ApiTest, MissingCredentialsAre401) {
  Response response = Send("GET", "/api/v1/tickets/1");
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(response.Header("WWW-Authenticate"), "Bearer");
  EXPECT_EQ(response.route, "/api/v1/tickets/{id}");
}

TEST_F(ApiTest, LockedDatabaseIs503WithRetryAfter) {
  Response response = Send("GET", "/api/v1/me", {{"Authorization", "Bearer abc"}});
  EXPECT_EQ(response.status, 503);
  EXPECT_TRUE(response.Header("Retry-After").has_value());
  EXPECT_EQ(Type(response), "urn:helpdesk:problem:unavailable");
}

TEST_F(ApiTest, MalformedLoginBodyIs400WithoutTouchingTheStore) {
  Response response =
      Send("POST", "/api/v1/auth/login", {{"Content-Type", "application/json"}}, "{\"email\":");
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(Type(response), "urn:helpdesk:problem:malformed-json");
}

TEST_F(ApiTest, LogoutWithoutSessionClearsTheCookie) {
  Response response = Send("POST", "/api/v1/auth/logout");
  EXPECT_EQ(response.status, 204);
  EXPECT_NE(response.Header("Set-Cookie")->find("Max-Age=0"), std::string_view::npos);
}

TEST_F(ApiTest, HealthAndReadiness) {
  EXPECT_EQ(Send("GET", "/healthz").status, 200);
  EXPECT_EQ(Send("GET", "/readyz").status, 200);
  fake_.store.ready = false;
  EXPECT_EQ(Send("GET", "/readyz").status, 503);
  fake_.store.ready = true;
  api_.SetDraining(true);
  Response draining = Send("GET", "/readyz");
  EXPECT_EQ(draining.status, 503);
  EXPECT_EQ(Type(draining), "urn:helpdesk:problem:draining");
  EXPECT_EQ(Send("GET", "/healthz").status, 200);
}

TEST_F(ApiTest, MetricsAreServedAsPrometheusText) {
  metrics_.RequestStarted();
  metrics_.RequestFinished("/healthz", "GET", 200, 0.002);
  Response response = Send("GET", "/metrics");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.Header("Content-Type")->rfind("text/plain", 0), 0u);
  EXPECT_NE(response.body.find("hd_http_requests_total{route=\"/healthz\",method=\"GET\","
                               "status=\"200\"} 1"),
            std::string::npos);
  EXPECT_NE(response.body.find("hd_http_request_duration_seconds_bucket{le=\"0.0025\"} 1"),
            std::string::npos);
  EXPECT_NE(response.body.find("hd_http_request_duration_seconds_bucket{le=\"0.001\"} 0"),
            std::string::npos);
}

TEST(ApiStatic, ServesWebRootButNeverOutsideIt) {
  const auto root = std::filesystem::temp_directory_path() / "hd_http_static_test" / "web";
  std::filesystem::create_directories(root / "assets");
  std::ofstream(root / "index.html") << "<h1>Help desk</h1>";
  std::ofstream(root / "assets" / "app.js") << "run()";
  std::ofstream(root.parent_path() / "secret.txt") << "secret";
  testing::FakeServices fake;
  Metrics metrics;
  Api api(fake.services, ApiOptions{.web_root = root}, metrics);
  auto get = [&](std::string path) {
    Request request;
    request.method = "GET";
    request.path = std::move(path);
    return api.Handle(request);
  };
  Response index = get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.body, "<h1>Help desk</h1>");
  EXPECT_EQ(index.Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(get("/assets/app.js").body, "run()");
  for (std::string path : {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt",
                           "/assets/%2E%2E/%2E%2E/secret.txt", "/assets", "/nope.js"}) {
    EXPECT_EQ(get(path).status, 404) << path;
  }
  std::filesystem::remove_all(root.parent_path());
}

}  // namespace
}  // namespace hd::http
