#include "http/auth.hpp"

#include <array>
#include <chrono>
#include <cstdio>

namespace hd::http {

namespace {

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Compares secrets in time independent of where they differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff = static_cast<unsigned char>(diff | (a[i] ^ b[i]));
  }
  return diff == 0;
}

std::string CookieAttributes(bool secure) {
  std::string attributes = "; Path=/; HttpOnly; SameSite=Lax";
  if (secure) attributes += "; Secure";
  return attributes;
}

}  // namespace

std::optional<std::string> CookieValue(std::string_view cookie_header, std::string_view name) {
  while (!cookie_header.empty()) {
    std::size_t end = cookie_header.find(';');
    std::string_view pair = TrimSpaces(cookie_header.substr(0, end));
    cookie_header =
        end == std::string_view::npos ? std::string_view() : cookie_header.substr(end + 1);
    std::size_t eq = pair.find('=');
    if (eq == std::string_view::npos || TrimSpaces(pair.substr(0, eq)) != name) continue;
    std::string_view value = TrimSpaces(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
  }
  return std::nullopt;
}

Credentials ExtractCredentials(const Request& request) {
  if (auto authorization = request.Header("Authorization")) {
    std::string_view value = TrimSpaces(*authorization);
    if (value.size() > 7 && EqualsIgnoreCase(value.substr(0, 7), "Bearer ")) {
      return {Credentials::Kind::kBearer, std::string(TrimSpaces(value.substr(7)))};
    }
  }
  if (auto cookie = request.Header("Cookie")) {
    if (auto token = CookieValue(*cookie, kSessionCookie); token && !token->empty()) {
      return {Credentials::Kind::kSession, std::move(*token)};
    }
  }
  return {};
}

std::string HttpDate(core::Timestamp t) {
  static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto days = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{days};
  const std::chrono::hh_mm_ss hms{std::chrono::floor<std::chrono::seconds>(t - days)};
  const std::chrono::weekday weekday{days};
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%s, %02u %s %04d %02d:%02d:%02d GMT",
                kDays[weekday.c_encoding()], static_cast<unsigned>(ymd.day()),
                kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buffer;
}

std::string SessionCookie(std::string_view token, core::Timestamp expires_at, bool secure) {
  return std::string(kSessionCookie) + "=" + std::string(token) + CookieAttributes(secure) +
         "; Expires=" + HttpDate(expires_at);
}

std::string ClearedSessionCookie(bool secure) {
  return std::string(kSessionCookie) + "=" + CookieAttributes(secure) +
         "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT";
}

Status CheckCsrf(const Request& request, const service::Principal& principal) {
  if (!principal.via_session || !IsUnsafeMethod(request.method)) return Ok();
  auto sent = request.Header(kCsrfHeader);
  if (!sent || principal.csrf_token.empty() || !ConstantTimeEquals(*sent, principal.csrf_token)) {
    return Error::Forbidden("missing or wrong X-CSRF-Token header").WithReason("csrf");
  }
  return Ok();
}

Result<service::Principal> Authenticate(service::Accounts& accounts, const Request& request) {
  Credentials credentials = ExtractCredentials(request);
  switch (credentials.kind) {
    case Credentials::Kind::kBearer:
      return accounts.AuthenticateBearer(credentials.token);
    case Credentials::Kind::kSession:
      return accounts.AuthenticateSession(credentials.token);
    case Credentials::Kind::kNone:
      break;
  }
  return Error::Unauthenticated("log in or send Authorization: Bearer <token>");
}

}  // namespace hd::http
