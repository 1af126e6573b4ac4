// Accounts: registration, log in/out, sessions, API tokens and user
// administration. Thread-safe; every method blocks on the store, so call it
// from a worker thread. Password hashing (Argon2id) happens outside the
// store's write transaction and is bounded by Options::password_hash_concurrency.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "core/user.hpp"
#include "service/actor.hpp"
#include "service/options.hpp"

namespace hd::service {

struct RegisterInput {
  std::string email;
  std::string password;
  std::string name;
  // Where the sign-up comes from (the client's address): sign-ups are
  // throttled per address. Empty: not throttled (the console, tests).
  std::string client_key;
  // The language the person's browser asks for ("ru", "en"; "" = none the
  // product speaks): kept as theirs, so mail and replies follow it.
  std::string language;
};

// A freshly opened browser session. `session_token` goes into the HttpOnly
// cookie; `csrf_token` must come back in X-CSRF-Token on unsafe requests.
struct SessionGrant {
  core::User user;
  std::string session_token;
  std::string csrf_token;
  core::Timestamp expires_at;
};

// Who is calling, as established from a cookie or a bearer token.
struct Principal {
  core::User user;
  bool via_session = false;  // cookie session: unsafe requests need the CSRF token
  std::string csrf_token;    // the session's CSRF token (empty for bearer tokens)
};

struct AddUserInput {
  std::string email;
  std::string password;
  core::Role role = core::Role::kCustomer;
  std::string name;
  std::string company;  // company name; created when missing; empty for none
};

class Accounts {
 public:
  Accounts(core::ports::Store& store, const core::Clock& clock, Options options);
  ~Accounts();
  Accounts(const Accounts&) = delete;
  Accounts& operator=(const Accounts&) = delete;

  // Creates a customer account and logs it in at once (no e-mail
  // confirmation). kInvalidArgument naming the field for a bad e-mail, a
  // password shorter than 8 characters or a missing name; kConflict when the
  // e-mail is registered already.
  Result<SessionGrant> Register(const RegisterInput& input);

  // kUnauthenticated for a wrong e-mail or password (the same message for
  // both); kRateLimited once `client_key` or the e-mail has failed too often
  // within the window.
  Result<SessionGrant> Login(std::string_view email, std::string_view password,
                             std::string_view client_key);

  // Sets the password of the user a password link names (a new account
  // made from an e-mail; service/mail/password_link.hpp) and logs them in.
  // kUnauthenticated for a link that is unknown, used or expired;
  // kInvalidArgument naming "password" for a short one.
  Result<SessionGrant> SetPasswordWithToken(std::string_view token, std::string_view password);

  // Ends the session; unknown tokens are not an error.
  Status Logout(std::string_view session_token);

  // kUnauthenticated for an unknown, expired or disabled-user session.
  Result<Principal> AuthenticateSession(std::string_view session_token);
  Result<Principal> AuthenticateBearer(std::string_view token);
  // Forgets what this instance cached of `user`'s credentials, so their
  // next request sees a change to their profile at once.
  void ForgetCachedUser(core::UserId user);

  // Creates a user of any role (administrators and the CLI). kForbidden unless
  // `actor` is an administrator (nullopt = the operator at the console).
  Result<core::User> AddUser(const std::optional<Actor>& actor, const AddUserInput& input);

  // Issues a bearer token for the user with this e-mail and returns it; only
  // its hash is stored. kNotFound for an unknown e-mail.
  Result<std::string> CreateApiToken(const std::optional<Actor>& actor, std::string_view email,
                                     std::string_view name);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hd::service
