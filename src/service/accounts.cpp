#include "service/accounts.hpp"

#include <algorithm>
#include <mutex>
#include <semaphore>

#include "service/auth_cache.hpp"
#include "service/crypto.hpp"
#include "service/mail/password_link.hpp"
#include "service/validation.hpp"

namespace hd::service {

using core::ports::Tx;

namespace {
constexpr std::size_t kMinPasswordChars = 8;
constexpr std::size_t kMaxPasswordBytes = 1024;

Status CheckPassword(std::string_view password) {
  if (password.size() < kMinPasswordChars) {
    return Error::InvalidArgument("password must have at least 8 characters", "password");
  }
  if (password.size() > kMaxPasswordBytes) {
    return Error::InvalidArgument("password is longer than 1024 bytes", "password");
  }
  return Ok();
}

Status RequireAdmin(const std::optional<Actor>& actor) {
  if (actor && actor->role != core::Role::kAdministrator) {
    return Error::Forbidden("only administrators may do this");
  }
  return Ok();
}
}  // namespace

class Accounts::Impl {
 public:
  Impl(core::ports::Store& store, const core::Clock& clock, Options options)
      : store_(store),
        clock_(clock),
        options_(options),
        credentials_(options.auth_cache_ttl, options.auth_cache_entries),
        hashing_(std::clamp<std::ptrdiff_t>(options.password_hash_concurrency, 1, 256)),
        new_hashing_(std::clamp<std::ptrdiff_t>(options.password_hash_concurrency / 2, 1, 128)) {}

  // Hashes a new password (sign-up, password link, administrator) in the
  // slots of new passwords, never in those of log-ins.
  Result<std::string> Hash(std::string_view password) {
    new_hashing_.acquire();
    auto hash = HashPassword(password, options_.password_ops_limit, options_.password_mem_limit);
    new_hashing_.release();
    return hash;
  }

  bool Verify(std::string_view encoded, std::string_view password) {
    hashing_.acquire();
    const bool ok = VerifyPassword(encoded, password);
    hashing_.release();
    return ok;
  }

  // A hash to verify against when the e-mail is unknown, so that a wrong
  // e-mail costs as much time as a wrong password.
  const std::string& DecoyHash() {
    std::call_once(decoy_once_, [&] {
      auto hash = Hash(RandomToken());
      decoy_ = hash.ok() ? *hash : std::string();
    });
    return decoy_;
  }

  Result<SessionGrant> OpenSession(const core::User& user) {
    SessionGrant grant{user, RandomToken(), RandomToken(), clock_.Now() + options_.session_ttl};
    core::Session session{Sha256Hex(grant.session_token), user.id, grant.csrf_token, clock_.Now(),
                          grant.expires_at};
    HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) { return tx.Auth().InsertSession(session); }));
    return grant;
  }

  // kRateLimited, with the seconds until an attempt is let through again,
  // when any of `keys` has `limit` attempts recorded within `window`.
  Status CheckThrottle(std::initializer_list<std::string_view> keys, int limit,
                       std::chrono::seconds window, std::string_view what) {
    const auto now = clock_.Now();
    const auto since = now - window;
    std::optional<core::Timestamp> lifts;  // when every throttled key is let through
    HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
      for (std::string_view key : keys) {
        HD_ASSIGN_OR_RETURN(auto nth,
                            tx.Auth().NthLatestLoginFailure(std::string(key), since, limit));
        if (nth && (!lifts || *nth + window > *lifts)) lifts = *nth + window;
      }
      return Ok();
    }));
    if (!lifts) return Ok();
    Error error = Error::RateLimited("too many " + std::string(what) + "; try again later");
    const auto wait = std::chrono::ceil<std::chrono::seconds>(*lifts - now);
    error.retry_after_seconds = std::max<std::int64_t>(wait.count(), 1);
    return error;
  }

  Status RecordFailure(const std::string& email_key, const std::string& client_key) {
    const auto now = clock_.Now();
    return store_.Write([&](Tx& tx) -> Status {
      HD_RETURN_IF_ERROR(tx.Auth().RecordLoginFailure(email_key, now));
      return tx.Auth().RecordLoginFailure(client_key, now);
    });
  }

  core::ports::Store& store_;
  const core::Clock& clock_;
  Options options_;
  AuthCache credentials_;

 private:
  std::counting_semaphore<256> hashing_;      // log-ins
  std::counting_semaphore<128> new_hashing_;  // new passwords
  std::once_flag decoy_once_;
  std::string decoy_;
};

Accounts::Accounts(core::ports::Store& store, const core::Clock& clock, Options options)
    : impl_(std::make_unique<Impl>(store, clock, options)) {}

Accounts::~Accounts() = default;

Result<SessionGrant> Accounts::Register(const RegisterInput& input) {
  HD_ASSIGN_OR_RETURN(std::string email, NormalizeEmail(input.email));
  HD_RETURN_IF_ERROR(CheckPassword(input.password));
  const std::string name = Trim(input.name);
  HD_RETURN_IF_ERROR(CheckText(name, "name", 200, true));
  if (!input.client_key.empty()) {
    // Every sign-up counts against its address, before the costly hash.
    const std::string key = "signup:" + input.client_key;
    HD_RETURN_IF_ERROR(impl_->CheckThrottle({key}, impl_->options_.signup_max_per_address,
                                            impl_->options_.signup_window, "sign-ups"));
    const auto now = impl_->clock_.Now();
    HD_RETURN_IF_ERROR(
        impl_->store_.Write([&](Tx& tx) { return tx.Auth().RecordLoginFailure(key, now); }));
  }
  HD_ASSIGN_OR_RETURN(std::string hash, impl_->Hash(input.password));
  core::User user{{},           email, name,  core::Role::kCustomer,
                  std::nullopt, hash,  false, impl_->clock_.Now()};
  if (core::IsKnownLanguage(input.language)) user.language = input.language;
  HD_RETURN_IF_ERROR(impl_->store_.Write([&](Tx& tx) -> Status {
    auto inserted = tx.Users().Insert(user);
    if (!inserted.ok()) {
      if (inserted.error().code == ErrorCode::kConflict) {
        return Error::Conflict("this e-mail is registered already; log in instead", "email-taken");
      }
      return std::move(inserted).error();
    }
    user = std::move(inserted).value();
    return Ok();
  }));
  return impl_->OpenSession(user);
}

Result<SessionGrant> Accounts::SetPasswordWithToken(std::string_view token,
                                                    std::string_view password) {
  const auto invalid = [] {
    return Error::Unauthenticated("this password link is not valid (used or expired)");
  };
  const auto user_id = PasswordTokenUser(token);
  if (!user_id) return invalid();
  HD_RETURN_IF_ERROR(CheckPassword(password));
  HD_ASSIGN_OR_RETURN(std::string hash, impl_->Hash(password));
  std::optional<core::User> user;
  const auto now = impl_->clock_.Now();
  HD_RETURN_IF_ERROR(impl_->store_.Write([&](Tx& tx) -> Status {
    auto found = tx.Users().Get(*user_id);
    if (!found.ok()) return invalid();
    HD_ASSIGN_OR_RETURN(std::string secret, tx.Mail().ServerSecret("mail_reply"));
    if (found->disabled || !CheckPasswordToken(token, *found, now, secret)) return invalid();
    found->password_hash = hash;
    HD_RETURN_IF_ERROR(tx.Users().Update(*found));
    user = std::move(*found);
    return Ok();
  }));
  return impl_->OpenSession(*user);
}

Result<SessionGrant> Accounts::Login(std::string_view email, std::string_view password,
                                     std::string_view client_key) {
  const auto wrong = [] { return Error::Unauthenticated("wrong e-mail or password"); };
  auto normalized = NormalizeEmail(email);
  if (!normalized.ok()) return wrong();
  const std::string email_key = "email:" + *normalized;
  const std::string addr_key = "addr:" + std::string(client_key);
  HD_RETURN_IF_ERROR(impl_->CheckThrottle({email_key, addr_key}, impl_->options_.login_max_failures,
                                          impl_->options_.login_failure_window,
                                          "failed log-in attempts"));
  std::optional<core::User> user;
  HD_RETURN_IF_ERROR(impl_->store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(user, tx.Users().FindByEmail(*normalized));
    return Ok();
  }));
  const bool ok = user ? impl_->Verify(user->password_hash, password)
                       : (impl_->Verify(impl_->DecoyHash(), password), false);
  if (!ok || user->disabled) {
    HD_RETURN_IF_ERROR(impl_->RecordFailure(email_key, addr_key));
    return wrong();
  }
  HD_RETURN_IF_ERROR(
      impl_->store_.Write([&](Tx& tx) { return tx.Auth().ClearLoginFailures(email_key); }));
  return impl_->OpenSession(*user);
}

Status Accounts::Logout(std::string_view session_token) {
  const std::string hash = Sha256Hex(session_token);
  impl_->credentials_.Erase(hash);
  return impl_->store_.Write([&](Tx& tx) { return tx.Auth().DeleteSession(hash); });
}

Result<Principal> Accounts::AuthenticateSession(std::string_view session_token) {
  const auto denied = [] { return Error::Unauthenticated("log in first"); };
  if (session_token.empty()) return denied();
  const std::string hash = Sha256Hex(session_token);
  const auto now = impl_->clock_.Now();
  if (auto cached = impl_->credentials_.Find(hash, now); cached && cached->via_session) {
    if (cached->session_expires <= now) return denied();
    return Principal{std::move(cached->user), true, std::move(cached->csrf_token)};
  }
  std::optional<core::Session> session;
  std::optional<core::User> user;
  HD_RETURN_IF_ERROR(impl_->store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(session, tx.Auth().FindSession(hash));
    if (!session) return Ok();
    HD_ASSIGN_OR_RETURN(user, tx.Users().Get(session->user_id));
    return Ok();
  }));
  if (!session || !user || user->disabled || session->expires_at <= now) return denied();
  impl_->credentials_.Put(
      hash, CachedCredential{*user, true, session->csrf_token, session->expires_at}, now);
  return Principal{std::move(*user), true, session->csrf_token};
}

void Accounts::ForgetCachedUser(core::UserId user) { impl_->credentials_.EraseUser(user); }

Result<Principal> Accounts::AuthenticateBearer(std::string_view token) {
  const auto denied = [] { return Error::Unauthenticated("unknown or revoked API token"); };
  if (token.empty()) return denied();
  const std::string hash = Sha256Hex(token);
  const auto now = impl_->clock_.Now();
  if (auto cached = impl_->credentials_.Find(hash, now); cached && !cached->via_session) {
    return Principal{std::move(cached->user), false, {}};
  }
  std::optional<core::User> user;
  HD_RETURN_IF_ERROR(impl_->store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(auto api_token, tx.Auth().FindApiToken(hash));
    if (!api_token) return Ok();
    HD_ASSIGN_OR_RETURN(user, tx.Users().Get(api_token->user_id));
    return Ok();
  }));
  if (!user || user->disabled) return denied();
  impl_->credentials_.Put(hash, CachedCredential{*user, false, {}, {}}, now);
  return Principal{std::move(*user), false, {}};
}

Result<core::User> Accounts::AddUser(const std::optional<Actor>& actor, const AddUserInput& input) {
  HD_RETURN_IF_ERROR(RequireAdmin(actor));
  HD_ASSIGN_OR_RETURN(std::string email, NormalizeEmail(input.email));
  HD_RETURN_IF_ERROR(CheckPassword(input.password));
  std::string name = Trim(input.name);
  if (name.empty()) name = email.substr(0, email.find('@'));
  HD_RETURN_IF_ERROR(CheckText(name, "name", 200, true));
  const std::string company = Trim(input.company);
  HD_RETURN_IF_ERROR(CheckText(company, "company", 200, false));
  HD_ASSIGN_OR_RETURN(std::string hash, impl_->Hash(input.password));
  const auto now = impl_->clock_.Now();
  core::User user{{}, email, name, input.role, std::nullopt, hash, false, now};
  HD_RETURN_IF_ERROR(impl_->store_.Write([&](Tx& tx) -> Status {
    if (!company.empty()) {
      HD_ASSIGN_OR_RETURN(auto found, tx.Companies().FindByName(company));
      if (!found) {
        HD_ASSIGN_OR_RETURN(found, tx.Companies().Insert(core::Company{{}, company, false, now}));
      }
      user.company_id = found->id;
    }
    HD_ASSIGN_OR_RETURN(user, tx.Users().Insert(user));
    return Ok();
  }));
  return user;
}

Result<std::string> Accounts::CreateApiToken(const std::optional<Actor>& actor,
                                             std::string_view email, std::string_view name) {
  HD_RETURN_IF_ERROR(RequireAdmin(actor));
  HD_ASSIGN_OR_RETURN(std::string normalized, NormalizeEmail(email, "user"));
  const std::string token = "hd_" + RandomToken();
  HD_RETURN_IF_ERROR(impl_->store_.Write([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(auto user, tx.Users().FindByEmail(normalized));
    if (!user) return Error::NotFound("no user has the e-mail " + normalized);
    const auto now = impl_->clock_.Now();
    core::ApiToken record{{}, Sha256Hex(token), user->id, std::string(name), now};
    HD_RETURN_IF_ERROR(tx.Auth().InsertApiToken(std::move(record)));
    return tx.Audit().Record({0, actor ? std::optional(actor->id) : std::nullopt, "token.create",
                              "user:" + std::to_string(user->id.value), std::string(name), now});
  }));
  return token;
}

}  // namespace hd::service
