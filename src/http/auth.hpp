// Credentials on the wire: the `hd_session` cookie of browsers, the
// `Authorization: Bearer` token of integrations, and the CSRF rule that
// guards cookie-authenticated unsafe requests. Pure functions except
// Authenticate, which asks the Accounts use case (blocking: worker threads).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/time.hpp"
#include "http/message.hpp"
#include "service/accounts.hpp"

namespace hd::http {

inline constexpr std::string_view kSessionCookie = "hd_session";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

struct Credentials {
  enum class Kind { kNone, kSession, kBearer };
  Kind kind = Kind::kNone;
  std::string token;
};

// The value of cookie `name` in a Cookie header ("a=1; hd_session=xyz").
std::optional<std::string> CookieValue(std::string_view cookie_header, std::string_view name);

// A bearer token wins over a session cookie when a request carries both.
Credentials ExtractCredentials(const Request& request);

// Set-Cookie values: HttpOnly, SameSite=Lax, Path=/, Secure when `secure`.
std::string SessionCookie(std::string_view token, core::Timestamp expires_at, bool secure);
std::string ClearedSessionCookie(bool secure);

// RFC 9110 IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
std::string HttpDate(core::Timestamp t);

// The CSRF rule: a cookie-authenticated POST/PUT/PATCH/DELETE must carry
// X-CSRF-Token equal to the session's token. kForbidden with reason "csrf"
// otherwise; bearer-token requests and safe methods always pass.
Status CheckCsrf(const Request& request, const service::Principal& principal);

// Who sent `request`. kUnauthenticated when it carries no credentials or
// they are unknown or expired.
Result<service::Principal> Authenticate(service::Accounts& accounts, const Request& request);

}  // namespace hd::http
