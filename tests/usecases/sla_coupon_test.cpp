// The coupon life cycle: issued on activation, renewal and by an
// administrator; redeemed once for a special request; the distinct errors;
// the concurrent-redemption race.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "sla_env.hpp"

namespace hd::testing {
namespace {

using core::FormatIso8601;

class SlaCoupons : public SlaTest {
 protected:
  void SetUp() override {
    SlaTest::SetUp();
    clock_.Set(Msk(2026, 1, 17, 23, 30));  // a Saturday night: only 24/7 runs
    customer_ = Make("buyer@example.com");
    licence_ = AddLicence("buyer@example.com", "Business", "2025-06-01");
  }

  std::vector<core::ports::Notification> Outbox() {
    std::vector<core::ports::Notification> out;
    EXPECT_TRUE(store_
                    ->Read([&](core::ports::Tx& tx) -> Status {
                      HD_ASSIGN_OR_RETURN(out, tx.Notifications().ListUnsent(100));
                      return Ok();
                    })
                    .ok());
    return out;
  }

  service::Actor customer_;
  service::LicenceOutcome licence_;
};

TEST_F(SlaCoupons, ActivationIssuesACouponExpiringAYearAfterActivationAndQueuesAMail) {
  EXPECT_EQ(licence_.coupon.origin, core::CouponOrigin::kActivation);
  EXPECT_EQ(licence_.coupon.code.rfind("SR-", 0), 0u);
  EXPECT_EQ(licence_.coupon.code.size(), 17u);
  EXPECT_EQ(FormatIso8601(licence_.coupon.expires_at), "2026-06-01T00:00:00Z");
  const auto outbox = Outbox();
  ASSERT_EQ(outbox.size(), 1u);
  EXPECT_EQ(outbox[0].kind, "coupon_issued");
  EXPECT_EQ(outbox[0].user_id, customer_.id);
  EXPECT_NE(outbox[0].body.find(licence_.coupon.code), std::string::npos);
}

TEST_F(SlaCoupons, CouponMakesTheTicketASpecialRequestDueInOneCalendarHour) {
  auto created = OpenWith(customer_, licence_.coupon.code);
  ASSERT_TRUE(created.ok()) << created.error().message;
  const core::Ticket& t = created->ticket;
  EXPECT_EQ(t.support_level, "special");
  EXPECT_EQ(t.sla->level_reason, "special request with coupon " + licence_.coupon.code);
  EXPECT_EQ(FormatIso8601(*t.sla->first_response_due), "2026-01-17T21:30:00Z");
  EXPECT_EQ(t.sla->remaining_seconds, 3600);
  EXPECT_EQ(t.sla->customer_text, "we will answer by Sat 17 Jan, 21:30 UTC");
}

TEST_F(SlaCoupons, UsedCouponIsRefusedAndTheTicketStaysCreatableWithoutIt) {
  ASSERT_TRUE(OpenWith(customer_, licence_.coupon.code).ok());
  auto again = OpenWith(customer_, licence_.coupon.code);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(again.error().field, "coupon");
  EXPECT_EQ(again.error().reason, "coupon-used");
  auto plain = OpenWith(customer_, "");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->ticket.support_level, "client_standard");
}

TEST_F(SlaCoupons, WrongForeignAndExpiredCouponsGetDistinctReasons) {
  EXPECT_EQ(OpenWith(customer_, "SR-NOPE-NOPE-NOPE").error().reason, "coupon-unknown");
  const auto stranger = Make("stranger@example.com");
  auto foreign = OpenWith(stranger, licence_.coupon.code);
  EXPECT_EQ(foreign.error().reason, "coupon-not-yours");
  EXPECT_EQ(foreign.error().field, "coupon");
  clock_.Set(Msk(2026, 6, 1, 12));
  auto expired = OpenWith(customer_, licence_.coupon.code);
  EXPECT_EQ(expired.error().reason, "coupon-expired");
  EXPECT_EQ(expired.error().field, "coupon");
}

TEST_F(SlaCoupons, CodeIsAcceptedInLowerCaseWithSpaces) {
  std::string typed;
  for (char c : licence_.coupon.code) typed += static_cast<char>(std::tolower(c));
  auto created = OpenWith(customer_, " " + typed + " ");
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_EQ(created->ticket.support_level, "special");
}

TEST_F(SlaCoupons, AdministratorIssuesCouponsAndTheActIsAudited) {
  auto coupon = s_->licences.IssueCoupon(admin_, {"buyer@example.com", ""});
  ASSERT_TRUE(coupon.ok()) << coupon.error().message;
  EXPECT_EQ(coupon->origin, core::CouponOrigin::kAdmin);
  EXPECT_EQ(coupon->issued_by, admin_.id);
  EXPECT_EQ(s_->licences.IssueCoupon(agent_, {"buyer@example.com", ""}).error().code,
            ErrorCode::kForbidden);
  EXPECT_EQ(s_->licences.IssueCoupon(customer_, {"buyer@example.com", ""}).error().code,
            ErrorCode::kForbidden);
  ASSERT_TRUE(store_
                  ->Read([&](core::ports::Tx& tx) -> Status {
                    auto audit = tx.Audit().List({.limit = 10});
                    EXPECT_EQ(audit->front().action, "coupon.issue");
                    EXPECT_EQ(audit->front().actor_id, admin_.id);
                    EXPECT_NE(audit->front().detail.find(coupon->code), std::string::npos);
                    return Ok();
                  })
                  .ok());
  auto mine = s_->licences.MyCoupons(customer_);
  EXPECT_EQ(mine->size(), 2u);
}

TEST_F(SlaCoupons, OfConcurrentRedemptionsExactlyOneSucceeds) {
  constexpr int kThreads = 8;
  std::atomic<int> won{0};
  std::atomic<int> used{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      auto created = OpenWith(customer_, licence_.coupon.code);
      if (created.ok()) {
        ++won;
      } else if (created.error().reason == "coupon-used") {
        ++used;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(won.load(), 1);
  EXPECT_EQ(used.load(), kThreads - 1);
  ASSERT_TRUE(store_
                  ->Read([&](core::ports::Tx& tx) -> Status {
                    auto coupon = tx.Coupons().FindByCode(licence_.coupon.code);
                    EXPECT_TRUE((*coupon)->used_at.has_value());
                    auto count = tx.Tickets().Count();
                    EXPECT_EQ(*count, 1);  // the losers stored nothing
                    return Ok();
                  })
                  .ok());
}

}  // namespace
}  // namespace hd::testing
