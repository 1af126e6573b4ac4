// Credentials that live in the database so that instances stay stateless:
// browser sessions, API tokens and login-failure records. Only hashes of
// secrets are stored.
#pragma once

#include <optional>
#include <string>

#include "core/ids.hpp"
#include "core/time.hpp"

namespace hd::core {

struct Session {
  std::string token_hash;  // SHA-256 hex of the cookie value
  UserId user_id;
  std::string csrf_token;  // sent back in X-CSRF-Token on unsafe requests
  Timestamp created_at;
  Timestamp expires_at;
};

struct ApiToken {
  ApiTokenId id;
  std::string token_hash;  // SHA-256 hex of the bearer token
  UserId user_id;
  std::string name;
  Timestamp created_at;
};

// An Idempotency-Key already used by a user for ticket creation.
struct IdempotencyRecord {
  UserId user_id;
  std::string key;
  std::string request_hash;  // SHA-256 hex of the request body
  TicketId ticket_id;
  Timestamp created_at;
};

}  // namespace hd::core
