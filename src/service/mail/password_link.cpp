#include "service/mail/password_link.hpp"

#include <sodium.h>

#include <charconv>
#include <cstdint>

#include "service/crypto.hpp"

namespace hd::service {

namespace {

std::string Signature(core::UserId user, std::int64_t expires_ms, std::string_view hash,
                      std::string_view secret) {
  const std::string data = "password\n" + std::to_string(user.value) + "\n" +
                           std::to_string(expires_ms) + "\n" + std::string(hash);
  return HmacSha256Hex(secret, data).substr(0, 32);
}

struct Parts {
  std::int64_t user = 0;
  std::int64_t expires_ms = 0;
  std::string_view signature;
};

std::optional<Parts> Split(std::string_view token) {
  const auto first = token.find('.');
  const auto second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  Parts p;
  auto [a, ea] = std::from_chars(token.data(), token.data() + first, p.user);
  auto [b, eb] = std::from_chars(token.data() + first + 1, token.data() + second, p.expires_ms);
  if (ea != std::errc{} || a != token.data() + first || eb != std::errc{} ||
      b != token.data() + second || p.user <= 0) {
    return std::nullopt;
  }
  p.signature = token.substr(second + 1);
  return p;
}

}  // namespace

std::string MakePasswordToken(const core::User& user, core::Timestamp expires,
                              std::string_view secret) {
  const std::int64_t ms = core::ToUnixMillis(expires);
  return std::to_string(user.id.value) + "." + std::to_string(ms) + "." +
         Signature(user.id, ms, user.password_hash, secret);
}

std::optional<core::UserId> PasswordTokenUser(std::string_view token) {
  const auto parts = Split(token);
  if (!parts) return std::nullopt;
  return core::UserId(parts->user);
}

bool CheckPasswordToken(std::string_view token, const core::User& user, core::Timestamp now,
                        std::string_view secret) {
  const auto parts = Split(token);
  if (!parts || parts->user != user.id.value || core::ToUnixMillis(now) > parts->expires_ms) {
    return false;
  }
  const std::string expected = Signature(user.id, parts->expires_ms, user.password_hash, secret);
  return parts->signature.size() == expected.size() &&
         sodium_memcmp(parts->signature.data(), expected.data(), expected.size()) == 0;
}

}  // namespace hd::service
