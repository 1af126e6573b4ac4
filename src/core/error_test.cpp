#include "core/error.hpp"

#include <gtest/gtest.h>

namespace hd {
namespace {

Result<int> Half(int n) {
  if (n % 2 != 0) return Error::InvalidArgument("n must be even", "n");
  return n / 2;
}

Result<int> Quarter(int n) {
  HD_ASSIGN_OR_RETURN(int half, Half(n));
  HD_ASSIGN_OR_RETURN(int quarter, Half(half));
  return quarter;
}

Status CheckEven(int n) {
  HD_RETURN_IF_ERROR(Half(n));
  return Ok();
}

TEST(Result, CarriesValueOrError) {
  auto ok = Half(4);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 2);
  auto bad = Half(3);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad.error().field, "n");
}

TEST(Result, MacrosPropagateTheFirstError) {
  EXPECT_EQ(*Quarter(8), 2);
  auto bad = Quarter(6);  // 6/2 = 3 is odd
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "n must be even");
  EXPECT_TRUE(CheckEven(2).ok());
  EXPECT_FALSE(CheckEven(1).ok());
}

TEST(Error, WithReasonKeepsCodeAndMessage) {
  Error e = Error::Conflict("coupon already used").WithReason("coupon-used");
  EXPECT_EQ(e.code, ErrorCode::kConflict);
  EXPECT_EQ(e.reason, "coupon-used");
  EXPECT_EQ(ToString(e.code), "conflict");
}

TEST(Error, WithFieldNamesTheInputAtFaultAndKeepsTheReason) {
  Error e = Error::Conflict("there is a group l2", "slug-taken").WithField("slug");
  EXPECT_EQ(e.code, ErrorCode::kConflict);
  EXPECT_EQ(e.reason, "slug-taken");
  EXPECT_EQ(e.field, "slug");
}

}  // namespace
}  // namespace hd
