#include "core/licence.hpp"

#include <gtest/gtest.h>

#include "core/coupon.hpp"
#include "core/sla_clock.hpp"

namespace hd::core {
namespace {

using namespace std::chrono;

TEST(LicenceDate, RoundTripsIsoDates) {
  const sys_days leap = sys_days(year(2028) / February / day(29));
  EXPECT_EQ(FormatDate(leap), "2028-02-29");
  EXPECT_EQ(ParseDate("2028-02-29"), leap);
}

TEST(LicenceDate, RejectsImpossibleAndMalformedDates) {
  EXPECT_FALSE(ParseDate("2027-02-29"));
  EXPECT_FALSE(ParseDate("2027-13-01"));
  EXPECT_FALSE(ParseDate("2027-1-01"));
  EXPECT_FALSE(ParseDate("2027-01-0x"));
}

TEST(LicenceEnums, StableIdsRoundTrip) {
  EXPECT_EQ(ParseSupportKind(ToString(SupportKind::kVip)), SupportKind::kVip);
  EXPECT_EQ(ParsePartnerLevel("operative"), PartnerLevel::kOperative);
  EXPECT_EQ(ParseCouponOrigin("renewal"), CouponOrigin::kRenewal);
  EXPECT_EQ(ParseSlaTarget(ToString(SlaTarget::kNextResponse)), SlaTarget::kNextResponse);
  EXPECT_EQ(ToString(SlaState::kBreached), "breached");
  EXPECT_FALSE(ParseSupportKind("gold"));
}

}  // namespace
}  // namespace hd::core
