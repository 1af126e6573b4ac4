// Password links: the link in a new account's acknowledgement lets the
// person choose a password. A token names the user and an expiry and is
// signed (HMAC) under the server secret together with the user's current
// password hash, so it works once: after a password is set, the hash and so
// the expected signature change. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/ids.hpp"
#include "core/time.hpp"
#include "core/user.hpp"

namespace hd::service {

// "<user id>.<expiry ms>.<signature>".
std::string MakePasswordToken(const core::User& user, core::Timestamp expires,
                              std::string_view secret);

// The user id a token names (before it is checked).
std::optional<core::UserId> PasswordTokenUser(std::string_view token);

// True when `token` was made for `user` as it is now and has not expired.
bool CheckPasswordToken(std::string_view token, const core::User& user, core::Timestamp now,
                        std::string_view secret);

}  // namespace hd::service
