// Contract: the SLA policy's shared state (its version and the calendar
// definitions administrators store) and nested savepoints of a transaction.
#include "store_contract.hpp"

namespace hd::storage::testing {
namespace {

using core::ports::Tx;
using Definition = core::ports::SlaRepo::CalendarDefinition;

const core::Timestamp kAt = core::FromUnixMillis(1'767'261'600'000);

TEST_P(SlaRepoContract, PolicyVersionStartsAtZeroAndCountsBumps) {
  auto version = [&] {
    return Must(ReadValue<std::int64_t>([](Tx& tx) { return tx.Sla().PolicyVersion(); }));
  };
  EXPECT_EQ(version(), 0);
  ASSERT_TRUE(store().Write([](Tx& tx) { return tx.Sla().BumpPolicyVersion(); }).ok());
  EXPECT_EQ(version(), 1);
  ASSERT_TRUE(store()
                  .Write([](Tx& tx) -> Status {
                    HD_RETURN_IF_ERROR(tx.Sla().BumpPolicyVersion());
                    return tx.Sla().BumpPolicyVersion();
                  })
                  .ok());
  EXPECT_EQ(version(), 3);
}

TEST_P(SlaRepoContract, OnlyAnUnusedCouponIsRevokedAndARevokedOneIsNotRedeemed) {
  const core::User customer = AddUser("coupons@example.com");
  const core::Ticket ticket = AddTicket(customer);
  auto issue = [&](const std::string& code) {
    core::Coupon c;
    c.code = code;
    c.user_id = customer.id;
    c.origin = core::CouponOrigin::kAdmin;
    c.issued_at = kAt;
    c.expires_at = kAt + std::chrono::hours(24 * 365);
    return Must(WriteValue<core::Coupon>([&](Tx& tx) { return tx.Coupons().Insert(c); }));
  };
  auto revoke = [&](core::CouponId id) {
    return Must(WriteValue<bool>(
        [&](Tx& tx) { return tx.Coupons().Revoke(id, kAt, "Issued by mistake"); }));
  };
  auto redeem = [&](core::CouponId id) {
    return Must(WriteValue<bool>([&](Tx& tx) { return tx.Coupons().Redeem(id, ticket.id, kAt); }));
  };
  const core::Coupon unused = issue("SR-AAAA-AAAA-AAAA");
  EXPECT_TRUE(revoke(unused.id));
  EXPECT_FALSE(revoke(unused.id));  // once
  EXPECT_FALSE(redeem(unused.id));
  const auto stored = Must(ReadValue<std::optional<core::Coupon>>(
      [&](Tx& tx) { return tx.Coupons().FindByCode("SR-AAAA-AAAA-AAAA"); }));
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->revoked_at, kAt);
  EXPECT_EQ(stored->revoke_reason, "Issued by mistake");
  EXPECT_FALSE(stored->used_at.has_value());
  const core::Coupon used = issue("SR-BBBB-BBBB-BBBB");
  EXPECT_TRUE(redeem(used.id));
  EXPECT_FALSE(revoke(used.id));
}

TEST_P(SlaRepoContract, CalendarDefinitionIsReplacedById) {
  auto put = [&](const std::string& id, const std::string& content) {
    ASSERT_TRUE(store()
                    .Write([&](Tx& tx) {
                      return tx.Sla().PutCalendarDefinition(Definition{id, content, kAt});
                    })
                    .ok());
  };
  put("de-berlin", "first");
  put("at-vienna", "vienna");
  put("de-berlin", "second");
  auto all = Must(ReadValue<std::vector<Definition>>(
      [](Tx& tx) { return tx.Sla().ListCalendarDefinitions(); }));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].calendar_id, "at-vienna");
  EXPECT_EQ(all[1].calendar_id, "de-berlin");
  EXPECT_EQ(all[1].content, "second");
  EXPECT_EQ(all[1].updated_at, kAt);
}

TEST_P(StoreTransactionContract, IsolatedFailureUndoesOnlyItsOwnChanges) {
  Status isolated_status;
  Status s = store().Write([&](Tx& tx) -> Status {
    HD_RETURN_IF_ERROR(tx.Users().Insert([] {
      core::User u;
      u.email = u.name = "kept@example.com";
      u.password_hash = "h";
      return u;
    }()));
    isolated_status = tx.Isolated([](Tx& inner) -> Status {
      core::User u;
      u.email = u.name = "undone@example.com";
      u.password_hash = "h";
      HD_RETURN_IF_ERROR(inner.Users().Insert(u));
      return Error::InvalidArgument("this one fails");
    });
    return tx.Isolated([](Tx& inner) -> Status {
      core::User u;
      u.email = u.name = "after@example.com";
      u.password_hash = "h";
      HD_RETURN_IF_ERROR(inner.Users().Insert(u));
      return Ok();
    });
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  ASSERT_FALSE(isolated_status.ok());
  EXPECT_EQ(isolated_status.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(CountUsers(), 2);
}

}  // namespace
}  // namespace hd::storage::testing
