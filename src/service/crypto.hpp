// Secrets: Argon2id password hashes, random tokens and SHA-256 digests, on
// libsodium. Thread-safe; sodium is initialised on first use.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace hd::service {

// An Argon2id hash in libsodium's encoded form ("$argon2id$v=19$…").
// kInternal when the memory limit cannot be allocated.
Result<std::string> HashPassword(std::string_view password, std::uint64_t ops_limit,
                                 std::size_t mem_limit);

// True when `password` matches `encoded`; false for any malformed hash.
bool VerifyPassword(std::string_view encoded, std::string_view password);

// `bytes` random bytes from the CSPRNG, as unpadded base64url text.
std::string RandomToken(std::size_t bytes = 32);

// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

// Lower-case hex HMAC-SHA-256 of `data` under `key` (any length).
std::string HmacSha256Hex(std::string_view key, std::string_view data);

}  // namespace hd::service
