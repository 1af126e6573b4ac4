#include "service/auth_cache.hpp"

#include <gtest/gtest.h>

namespace hd::service {
namespace {

using namespace std::chrono_literals;

const core::Timestamp kStart = core::FromUnixMillis(1'700'000'000'000);

CachedCredential For(const std::string& email) {
  CachedCredential c;
  c.user.email = email;
  return c;
}

TEST(AuthCache, RemembersACredentialForItsTimeToLive) {
  AuthCache cache(5s, 10);
  cache.Put("h1", For("a@example.com"), kStart);
  ASSERT_TRUE(cache.Find("h1", kStart + 4999ms).has_value());
  EXPECT_EQ(cache.Find("h1", kStart + 4999ms)->user.email, "a@example.com");
  EXPECT_FALSE(cache.Find("h1", kStart + 5s).has_value());
  EXPECT_FALSE(cache.Find("h2", kStart).has_value());
}

TEST(AuthCache, ErasedCredentialIsForgottenAtOnce) {
  AuthCache cache(5s, 10);
  cache.Put("h1", For("a@example.com"), kStart);
  cache.Erase("h1");
  EXPECT_FALSE(cache.Find("h1", kStart).has_value());
}

TEST(AuthCache, ForgettingAUserDropsEachOfTheirCredentialsOnly) {
  AuthCache cache(5s, 10);
  CachedCredential session = For("a@example.com"), token = For("a@example.com");
  CachedCredential other = For("b@example.com");
  session.user.id = token.user.id = core::UserId{7};
  other.user.id = core::UserId{8};
  cache.Put("session", session, kStart);
  cache.Put("token", token, kStart);
  cache.Put("other", other, kStart);
  cache.EraseUser(core::UserId{7});
  EXPECT_FALSE(cache.Find("session", kStart).has_value());
  EXPECT_FALSE(cache.Find("token", kStart).has_value());
  EXPECT_TRUE(cache.Find("other", kStart).has_value());
}

TEST(AuthCache, ZeroTimeToLiveRemembersNothing) {
  AuthCache cache(0s, 10);
  cache.Put("h1", For("a@example.com"), kStart);
  EXPECT_FALSE(cache.Find("h1", kStart).has_value());
}

TEST(AuthCache, StaysWithinItsCapacity) {
  AuthCache cache(5s, 2);
  cache.Put("h1", For("a@example.com"), kStart);
  cache.Put("h2", For("b@example.com"), kStart);
  cache.Put("h3", For("c@example.com"), kStart);  // full of live entries: starts over
  EXPECT_FALSE(cache.Find("h1", kStart).has_value());
  EXPECT_FALSE(cache.Find("h2", kStart).has_value());
  EXPECT_TRUE(cache.Find("h3", kStart).has_value());
  cache.Put("h4", For("d@example.com"), kStart + 10s);
  cache.Put("h5", For("e@example.com"), kStart + 10s);  // full again: only expired h3 goes
  EXPECT_TRUE(cache.Find("h4", kStart + 10s).has_value());
  EXPECT_TRUE(cache.Find("h5", kStart + 10s).has_value());
}

}  // namespace
}  // namespace hd::service
