// Level resolution at ticket creation for every row of the levels table,
// licence expiry and renewal, entitlements at intake, policy versions.
#include <gtest/gtest.h>

#include "sla_env.hpp"

namespace hd::testing {
namespace {

using core::FormatIso8601;

class SlaLevels : public SlaTest {
 protected:
  // A ticket opened by `who` on Wednesday 14 January 2026, 10:00 Moscow.
  core::Ticket OpenOnWednesday(const service::Actor& who) {
    clock_.Set(Msk(2026, 1, 14, 10));
    return Open(who);
  }
};

TEST_F(SlaLevels, CustomerWithoutLicenceIsNonCommercialFor24WorkingHours) {
  const core::Ticket t = OpenOnWednesday(Make("nobody@example.com"));
  EXPECT_EQ(t.support_level, "non_commercial");
  ASSERT_TRUE(t.sla);
  EXPECT_EQ(t.sla->level_reason, "no active licence and no partner status");
  // 24 working hours of 9 a day: Wed 9h, Thu 9h, Fri 6h -> Fri 16:00 MSK.
  EXPECT_EQ(FormatIso8601(*t.sla->first_response_due), "2026-01-16T13:00:00Z");
  EXPECT_EQ(t.sla->state, core::SlaState::kOk);
  EXPECT_EQ(t.sla->remaining_seconds, 24 * 3600);
}

TEST_F(SlaLevels, ActiveLicenceGivesTheClientLevelOfItsSupport) {
  struct Row {
    const char* support;
    const char* level;
    const char* due;
  };
  const Row rows[] = {{"standard", "client_standard", "2026-01-14T13:00:00Z"},
                      {"operative", "client_operative", "2026-01-14T11:00:00Z"},
                      {"vip", "client_vip", "2026-01-14T09:00:00Z"}};
  for (const Row& row : rows) {
    const std::string email = std::string(row.support) + "@example.com";
    const auto customer = Make(email);
    AddLicence(email, "Business", "2025-06-01", row.support);
    const core::Ticket t = OpenOnWednesday(customer);
    EXPECT_EQ(t.support_level, row.level);
    EXPECT_NE(t.sla->level_reason.find("active licence Business"), std::string::npos);
    EXPECT_NE(t.sla->level_reason.find("until 2026-05-31"), std::string::npos);
    EXPECT_EQ(FormatIso8601(*t.sla->first_response_due), row.due) << row.level;
  }
}

TEST_F(SlaLevels, EnterpriseEditionGivesEnterpriseLevel) {
  const auto customer = Make("corp@example.com");
  AddLicence("corp@example.com", "Web cluster", "2025-06-01");
  const core::Ticket t = OpenOnWednesday(customer);
  EXPECT_EQ(t.support_level, "enterprise");
  EXPECT_EQ(FormatIso8601(*t.sla->first_response_due), "2026-01-14T09:00:00Z");
}

TEST_F(SlaLevels, PartnerCompanyAndPartnerUserGetPartnerLevels) {
  ASSERT_TRUE(s_->people.AddCompany(std::nullopt, "Partner LLC", false).ok());
  const auto employee = Make("dev@partner.example", core::Role::kCustomer, "Partner LLC");
  ASSERT_TRUE(s_->licences.SetPartner(admin_, {"", "Partner LLC"}, "standard").ok());
  EXPECT_EQ(OpenOnWednesday(employee).support_level, "partner_standard");

  const auto freelancer = Make("solo@example.com");
  ASSERT_TRUE(s_->licences.SetPartner(admin_, {"solo@example.com", ""}, "operative").ok());
  const core::Ticket t = OpenOnWednesday(freelancer);
  EXPECT_EQ(t.support_level, "partner_operative");
  EXPECT_EQ(FormatIso8601(*t.sla->first_response_due), "2026-01-14T10:00:00Z");
}

TEST_F(SlaLevels, LicenceExpiresAfterTheLevelValidityAndFallsBackToNonCommercial) {
  const auto customer = Make("late@example.com");
  const auto added = AddLicence("late@example.com", "Business", "2025-01-10");
  EXPECT_EQ(core::FormatDate(*added.licence.expires), "2026-01-09");
  clock_.Set(Msk(2026, 1, 9, 12));
  EXPECT_EQ(Open(customer).support_level, "client_standard");
  clock_.Set(Msk(2026, 1, 12, 12));
  const core::Ticket t = Open(customer);
  EXPECT_EQ(t.support_level, "non_commercial");
  EXPECT_EQ(t.sla->level_reason, "licence Business expired on 2026-01-09");
}

TEST_F(SlaLevels, RenewalExtendsTheLicenceFromItsExpiryAndIsRecorded) {
  Make("loyal@example.com");
  const auto first = AddLicence("loyal@example.com", "Business", "2025-01-10");
  const auto renewal = AddLicence("loyal@example.com", "Business", "2026-01-05");
  EXPECT_TRUE(renewal.renewed);
  EXPECT_EQ(renewal.licence.id, first.licence.id);
  EXPECT_EQ(core::FormatDate(*renewal.licence.expires), "2027-01-09");
  EXPECT_EQ(renewal.coupon.origin, core::CouponOrigin::kRenewal);
  EXPECT_NE(renewal.coupon.code, first.coupon.code);
  ASSERT_TRUE(store_
                  ->Read([&](core::ports::Tx& tx) -> Status {
                    auto renewals = tx.Licences().ListRenewals(first.licence.id);
                    EXPECT_TRUE(renewals.ok());
                    EXPECT_EQ(renewals->size(), 1u);
                    return Ok();
                  })
                  .ok());
}

TEST_F(SlaLevels, LimitedLicenceIsNonCommercial) {
  const auto customer = Make("trial@example.com");
  service::LicenceInput in;
  in.holder.user_email = "trial@example.com";
  in.edition = "Start";
  in.activated = "2025-12-01";
  in.limited = true;
  ASSERT_TRUE(s_->licences.Add(admin_, in).ok());
  const core::Ticket t = OpenOnWednesday(customer);
  EXPECT_EQ(t.support_level, "non_commercial");
  EXPECT_EQ(t.sla->level_reason, "licence Start is limited");
}

TEST_F(SlaLevels, PhoneChannelOnNonCommercialIsRefusedNamingTheLevelThatIncludesIt) {
  Make("caller@example.com");
  auto in = Input();
  in.on_behalf_of = "caller@example.com";
  in.channel = "phone";
  clock_.Set(Msk(2026, 1, 14, 10));
  auto created = s_->tickets.Create(agent_, in);
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(created.error().field, "channel");
  EXPECT_EQ(created.error().reason, "entitlement-not-included");
  EXPECT_NE(created.error().message.find("Special request"), std::string::npos);
  in.channel = "web";
  EXPECT_TRUE(s_->tickets.Create(agent_, in).ok());
}

TEST_F(SlaLevels, LicencesAreManagedByAdministratorsOnly) {
  Make("someone@example.com");
  service::LicenceInput in{{"someone@example.com", ""}, "Business", "standard", "2025-01-01"};
  EXPECT_EQ(s_->licences.Add(agent_, in).error().code, ErrorCode::kForbidden);
  EXPECT_EQ(
      s_->licences.Add(admin_, {{"ghost@example.com", ""}, "Business", "standard", "2025-01-01"})
          .error()
          .field,
      "user");
  in.activated = "2025-02-30";
  EXPECT_EQ(s_->licences.Add(admin_, in).error().field, "activated");
}

TEST_F(SlaLevels, EditedLevelAppliesToNewTicketsAndToOpenOnesOnlyWhenReapplied) {
  const auto customer = Make("vip@example.com");
  AddLicence("vip@example.com", "Business", "2025-06-01", "vip");
  const core::Ticket before = OpenOnWednesday(customer);
  service::LevelPatch patch;
  patch.first_response = "3h";
  auto updated = s_->sla_levels.Update(admin_, "client_vip", patch);
  ASSERT_TRUE(updated.ok()) << updated.error().message;
  EXPECT_EQ(updated->version, 2);
  const core::Ticket after = OpenOnWednesday(customer);
  EXPECT_EQ(FormatIso8601(*after.sla->first_response_due), "2026-01-14T10:00:00Z");
  auto old = s_->tickets.Get(agent_, before.id);
  EXPECT_EQ(FormatIso8601(*old->sla->first_response_due), "2026-01-14T09:00:00Z");

  auto moved = s_->sla_levels.Reapply(admin_, "client_vip");
  ASSERT_TRUE(moved.ok()) << moved.error().message;
  EXPECT_EQ(*moved, 1);
  old = s_->tickets.Get(agent_, before.id);
  EXPECT_EQ(FormatIso8601(*old->sla->first_response_due), "2026-01-14T10:00:00Z");
  ASSERT_TRUE(store_
                  ->Read([&](core::ports::Tx& tx) -> Status {
                    auto audit = tx.Audit().List({.limit = 10});
                    EXPECT_TRUE(audit.ok());
                    EXPECT_EQ(audit->front().action, "level.reapply");
                    return Ok();
                  })
                  .ok());
}

}  // namespace
}  // namespace hd::testing
