// Contract: sessions, API tokens, login failures and idempotency keys.
#include "store_contract.hpp"

namespace hd::storage::testing {
namespace {

using core::ports::Tx;

const core::Timestamp kT = core::FromUnixMillis(1'767'225'600'000);

TEST_P(AuthRepoContract, SessionIsFoundUntilDeleted) {
  const core::User ann = AddUser("ann@example.com");
  const core::Session s{"hash-1", ann.id, "csrf-1", kT, kT + std::chrono::hours(24)};
  ASSERT_TRUE(store().Write([&](Tx& tx) { return tx.Auth().InsertSession(s); }).ok());
  auto found = Must(ReadValue<std::optional<core::Session>>(
      [](Tx& tx) { return tx.Auth().FindSession("hash-1"); }));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->user_id, ann.id);
  EXPECT_EQ(found->csrf_token, "csrf-1");
  EXPECT_EQ(found->created_at, s.created_at);
  EXPECT_EQ(found->expires_at, s.expires_at);
  ASSERT_TRUE(store().Write([](Tx& tx) { return tx.Auth().DeleteSession("hash-1"); }).ok());
  found = Must(ReadValue<std::optional<core::Session>>(
      [](Tx& tx) { return tx.Auth().FindSession("hash-1"); }));
  EXPECT_FALSE(found.has_value());
}

TEST_P(AuthRepoContract, DuplicateSessionTokenIsConflict) {
  const core::User ann = AddUser("ann@example.com");
  const core::Session s{"same", ann.id, "csrf", kT, kT};
  ASSERT_TRUE(store().Write([&](Tx& tx) { return tx.Auth().InsertSession(s); }).ok());
  Status again = store().Write([&](Tx& tx) { return tx.Auth().InsertSession(s); });
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST_P(AuthRepoContract, ApiTokenIsFoundByHash) {
  const core::User ann = AddUser("ann@example.com");
  const core::ApiToken t = Must(WriteValue<core::ApiToken>([&](Tx& tx) {
    return tx.Auth().InsertApiToken(core::ApiToken{{}, "token-hash", ann.id, "ci", kT});
  }));
  EXPECT_TRUE(t.id.valid());
  auto found = Must(ReadValue<std::optional<core::ApiToken>>(
      [](Tx& tx) { return tx.Auth().FindApiToken("token-hash"); }));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, t.id);
  EXPECT_EQ(found->user_id, ann.id);
  EXPECT_EQ(found->name, "ci");
  auto missing = Must(ReadValue<std::optional<core::ApiToken>>(
      [](Tx& tx) { return tx.Auth().FindApiToken("other"); }));
  EXPECT_FALSE(missing.has_value());
}

TEST_P(AuthRepoContract, LoginFailuresAreCountedSinceAnInstantPerKeyAndCleared) {
  for (int minute : {0, 5, 10}) {
    ASSERT_TRUE(store()
                    .Write([&](Tx& tx) {
                      return tx.Auth().RecordLoginFailure("ann@example.com",
                                                          kT + std::chrono::minutes(minute));
                    })
                    .ok());
  }
  ASSERT_TRUE(store().Write([](Tx& tx) { return tx.Auth().RecordLoginFailure("bob", kT); }).ok());
  auto count = [&](const std::string& key, int since_minute) {
    return Must(ReadValue<std::int64_t>([&](Tx& tx) {
      return tx.Auth().CountLoginFailures(key, kT + std::chrono::minutes(since_minute));
    }));
  };
  EXPECT_EQ(count("ann@example.com", 0), 3);
  EXPECT_EQ(count("ann@example.com", 5), 2);
  EXPECT_EQ(count("ann@example.com", 11), 0);
  auto nth = [&](int n) {
    return Must(ReadValue<std::optional<core::Timestamp>>(
        [&](Tx& tx) { return tx.Auth().NthLatestLoginFailure("ann@example.com", kT, n); }));
  };
  EXPECT_EQ(nth(1), kT + std::chrono::minutes(10));
  EXPECT_EQ(nth(3), kT);
  EXPECT_EQ(nth(4), std::nullopt);
  ASSERT_TRUE(
      store().Write([](Tx& tx) { return tx.Auth().ClearLoginFailures("ann@example.com"); }).ok());
  EXPECT_EQ(count("ann@example.com", 0), 0);
  EXPECT_EQ(count("bob", 0), 1);
}

TEST_P(AuthRepoContract, IdempotencyKeyIsPerUserAndRecordedOnce) {
  const core::User ann = AddUser("ann@example.com");
  const core::User bob = AddUser("bob@example.com");
  const core::Ticket t = AddTicket(ann);
  const core::IdempotencyRecord rec{ann.id, "key-1", "body-hash", t.id, kT};
  ASSERT_TRUE(store().Write([&](Tx& tx) { return tx.Idempotency().Insert(rec); }).ok());
  auto found = Must(ReadValue<std::optional<core::IdempotencyRecord>>(
      [&](Tx& tx) { return tx.Idempotency().Find(ann.id, "key-1"); }));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->ticket_id, t.id);
  EXPECT_EQ(found->request_hash, "body-hash");
  EXPECT_EQ(found->created_at, kT);
  auto other_user = Must(ReadValue<std::optional<core::IdempotencyRecord>>(
      [&](Tx& tx) { return tx.Idempotency().Find(bob.id, "key-1"); }));
  EXPECT_FALSE(other_user.has_value());
  core::IdempotencyRecord again = rec;
  again.request_hash = "different";
  Status s = store().Write([&](Tx& tx) { return tx.Idempotency().Insert(again); });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kConflict);
  const core::IdempotencyRecord bobs{bob.id, "key-1", "x", t.id, kT};
  EXPECT_TRUE(store().Write([&](Tx& tx) { return tx.Idempotency().Insert(bobs); }).ok());
}

}  // namespace
}  // namespace hd::storage::testing
