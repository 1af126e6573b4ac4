#include "http/auth.hpp"

#include <gtest/gtest.h>

namespace hd::http {
namespace {

service::Principal SessionPrincipal() {
  service::Principal principal;
  principal.via_session = true;
  principal.csrf_token = "csrf-123";
  return principal;
}

Request Make(std::string method, Headers headers = {}) {
  Request request;
  request.method = std::move(method);
  request.path = "/api/v1/tickets";
  request.headers = std::move(headers);
  return request;
}

TEST(Csrf, CookieUnsafeRequestNeedsMatchingToken) {
  const auto principal = SessionPrincipal();
  for (std::string method : {"POST", "PATCH", "PUT", "DELETE"}) {
    Status missing = CheckCsrf(Make(method), principal);
    ASSERT_FALSE(missing.ok()) << method;
    EXPECT_EQ(missing.error().code, ErrorCode::kForbidden);
    EXPECT_EQ(missing.error().reason, "csrf");
    EXPECT_FALSE(CheckCsrf(Make(method, {{"X-CSRF-Token", "csrf-124"}}), principal).ok());
    EXPECT_TRUE(CheckCsrf(Make(method, {{"x-csrf-token", "csrf-123"}}), principal).ok());
  }
}

TEST(Csrf, SafeMethodsAndBearerTokensNeedNone) {
  EXPECT_TRUE(CheckCsrf(Make("GET"), SessionPrincipal()).ok());
  EXPECT_TRUE(CheckCsrf(Make("HEAD"), SessionPrincipal()).ok());
  service::Principal bearer;
  bearer.via_session = false;
  EXPECT_TRUE(CheckCsrf(Make("POST"), bearer).ok());
}

TEST(Csrf, SessionWithoutTokenRefusesEveryValue) {
  service::Principal principal = SessionPrincipal();
  principal.csrf_token.clear();
  EXPECT_FALSE(CheckCsrf(Make("POST", {{"X-CSRF-Token", ""}}), principal).ok());
}

TEST(Credentials, BearerWinsOverCookie) {
  Request request =
      Make("GET", {{"Cookie", "theme=dark; hd_session=s1"}, {"Authorization", "Bearer tok-9"}});
  Credentials credentials = ExtractCredentials(request);
  EXPECT_EQ(credentials.kind, Credentials::Kind::kBearer);
  EXPECT_EQ(credentials.token, "tok-9");
}

TEST(Credentials, ReadsSessionCookieAmongOthers) {
  Credentials credentials = ExtractCredentials(Make("GET", {{"Cookie", "a=1;hd_session=s1; b=2"}}));
  EXPECT_EQ(credentials.kind, Credentials::Kind::kSession);
  EXPECT_EQ(credentials.token, "s1");
  EXPECT_EQ(ExtractCredentials(Make("GET", {{"Cookie", "hd_sessionx=1"}})).kind,
            Credentials::Kind::kNone);
  EXPECT_EQ(ExtractCredentials(Make("GET", {{"Authorization", "Basic abc"}})).kind,
            Credentials::Kind::kNone);
}

TEST(SessionCookie, IsHttpOnlyLaxAndSecureOnRequest) {
  const auto expires = core::FromUnixMillis(784111777000);  // 1994-11-06 08:49:37 UTC
  std::string cookie = SessionCookie("tok", expires, false);
  EXPECT_EQ(
      cookie,
      "hd_session=tok; Path=/; HttpOnly; SameSite=Lax; Expires=Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_NE(SessionCookie("tok", expires, true).find("; Secure"), std::string::npos);
  std::string cleared = ClearedSessionCookie(false);
  EXPECT_EQ(cleared.rfind("hd_session=;", 0), 0u);
  EXPECT_NE(cleared.find("Max-Age=0"), std::string::npos);
}

}  // namespace
}  // namespace hd::http
