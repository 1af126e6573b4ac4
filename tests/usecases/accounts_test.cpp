#include "env.hpp"

namespace hd::testing {
namespace {

using namespace std::chrono_literals;

class Accounts : public UseCaseTest {};

TEST_F(Accounts, RegisterLogsInAtOnce) {
  auto grant = s_->accounts.Register({"Anna@Example.COM ", "long-enough", "Anna"});
  ASSERT_TRUE(grant.ok()) << grant.error().message;
  EXPECT_EQ(grant->user.email, "anna@example.com");
  EXPECT_EQ(grant->user.role, core::Role::kCustomer);
  auto who = s_->accounts.AuthenticateSession(grant->session_token);
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->user.id, grant->user.id);
  EXPECT_TRUE(who->via_session);
  EXPECT_EQ(who->csrf_token, grant->csrf_token);
}

TEST_F(Accounts, RegisterNamesTheBadField) {
  EXPECT_EQ(s_->accounts.Register({"not-an-address", "long-enough", "A"}).error().field, "email");
  EXPECT_EQ(s_->accounts.Register({"a@example.com", "short", "A"}).error().field, "password");
  EXPECT_EQ(s_->accounts.Register({"a@example.com", "long-enough", "  "}).error().field, "name");
}

TEST_F(Accounts, RegisterRefusesATakenEmail) {
  ASSERT_TRUE(s_->accounts.Register({"a@example.com", "long-enough", "A"}).ok());
  auto again = s_->accounts.Register({"A@example.com", "other-password", "B"});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST_F(Accounts, LoginChecksThePassword) {
  ASSERT_TRUE(s_->accounts.Register({"a@example.com", "long-enough", "A"}).ok());
  EXPECT_TRUE(s_->accounts.Login("a@example.com", "long-enough", "127.0.0.1").ok());
  auto wrong = s_->accounts.Login("a@example.com", "wrong-password", "127.0.0.1");
  EXPECT_EQ(wrong.error().code, ErrorCode::kUnauthenticated);
  auto unknown = s_->accounts.Login("nobody@example.com", "long-enough", "127.0.0.1");
  EXPECT_EQ(unknown.error().message, wrong.error().message);  // no user enumeration
}

TEST_F(Accounts, LoginIsThrottledAfterRepeatedFailuresUntilTheWindowPasses) {
  ASSERT_TRUE(s_->accounts.Register({"a@example.com", "long-enough", "A"}).ok());
  for (int i = 0; i < options_.login_max_failures; ++i) {
    EXPECT_EQ(s_->accounts.Login("a@example.com", "guess", "10.0.0.1").error().code,
              ErrorCode::kUnauthenticated);
  }
  auto blocked = s_->accounts.Login("a@example.com", "long-enough", "10.0.0.2");
  EXPECT_EQ(blocked.error().code, ErrorCode::kRateLimited);
  clock_.Advance(options_.login_failure_window + 1s);
  EXPECT_TRUE(s_->accounts.Login("a@example.com", "long-enough", "10.0.0.2").ok());
}

TEST_F(Accounts, LogoutAndExpiryEndTheSession) {
  auto grant = s_->accounts.Register({"a@example.com", "long-enough", "A"});
  ASSERT_TRUE(s_->accounts.Logout(grant->session_token).ok());
  EXPECT_FALSE(s_->accounts.AuthenticateSession(grant->session_token).ok());
  auto second = s_->accounts.Login("a@example.com", "long-enough", "x");
  ASSERT_TRUE(second.ok());
  clock_.Advance(options_.session_ttl + 1s);
  EXPECT_EQ(s_->accounts.AuthenticateSession(second->session_token).error().code,
            ErrorCode::kUnauthenticated);
}

TEST_F(Accounts, LogoutEndsASessionThatWasJustUsed) {
  auto grant = s_->accounts.Register({"a@example.com", "long-enough", "A"});
  ASSERT_TRUE(s_->accounts.AuthenticateSession(grant->session_token).ok());  // now remembered
  ASSERT_TRUE(s_->accounts.Logout(grant->session_token).ok());
  EXPECT_EQ(s_->accounts.AuthenticateSession(grant->session_token).error().code,
            ErrorCode::kUnauthenticated);
}

TEST_F(Accounts, ARememberedSessionStillExpiresOnTime) {
  auto grant = s_->accounts.Register({"a@example.com", "long-enough", "A"});
  clock_.Advance(options_.session_ttl - 1s);
  ASSERT_TRUE(s_->accounts.AuthenticateSession(grant->session_token).ok());  // now remembered
  clock_.Advance(2s);
  EXPECT_EQ(s_->accounts.AuthenticateSession(grant->session_token).error().code,
            ErrorCode::kUnauthenticated);
}

TEST_F(Accounts, ApiTokensAuthenticateWithoutCsrf) {
  Make("bot@example.com", core::Role::kL1Operator);
  auto token = s_->accounts.CreateApiToken(std::nullopt, "bot@example.com", "integration");
  ASSERT_TRUE(token.ok());
  auto who = s_->accounts.AuthenticateBearer(*token);
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->user.email, "bot@example.com");
  EXPECT_FALSE(who->via_session);
  EXPECT_FALSE(s_->accounts.AuthenticateBearer(*token + "x").ok());
}

TEST_F(Accounts, OnlyAdministratorsAddUsers) {
  auto agent = Make("agent@example.com", core::Role::kL1Operator);
  auto refused =
      s_->accounts.AddUser(agent, {"x@example.com", "long-enough", core::Role::kDeveloper});
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  auto admin = Make("admin@example.com", core::Role::kAdministrator);
  EXPECT_TRUE(
      s_->accounts.AddUser(admin, {"x@example.com", "long-enough", core::Role::kDeveloper}).ok());
}

}  // namespace
}  // namespace hd::testing
