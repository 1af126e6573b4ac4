#include "core/time.hpp"

#include <gtest/gtest.h>

#include "core/clock.hpp"

namespace hd::core {
namespace {

TEST(Iso8601, RoundTripsWholeSecondsAndMillis) {
  auto t = ParseIso8601("2025-12-30T18:30:00Z");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(FormatIso8601(*t), "2025-12-30T18:30:00Z");
  auto m = ParseIso8601("2024-02-29T23:59:59.250Z");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(FormatIso8601(*m), "2024-02-29T23:59:59.250Z");
}

TEST(Iso8601, PadsEveryFieldWithZeros) {
  EXPECT_EQ(FormatIso8601(Timestamp{}), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatIso8601(Timestamp{} + std::chrono::milliseconds(6)), "1970-01-01T00:00:00.006Z");
  auto t = ParseIso8601("2031-07-04T09:05:03.040Z");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(FormatIso8601(*t), "2031-07-04T09:05:03.040Z");
  EXPECT_EQ(FormatIso8601(*t - std::chrono::years(1000)).substr(0, 4), "1031");
}

TEST(Iso8601, AppliesOffsets) {
  auto t = ParseIso8601("2025-01-10T10:00:00+03:00");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(FormatIso8601(*t), "2025-01-10T07:00:00Z");
}

TEST(Iso8601, RejectsMalformedTextNamingTheField) {
  for (const char* bad :
       {"", "2025-13-01T00:00:00Z", "2025-02-30T00:00:00Z", "2025-01-01", "2025-01-01T10:00:00",
        "2025-01-01T25:00:00Z", "yesterday", "2025-01-01T10:00:00Zjunk"}) {
    auto r = ParseIso8601(bad, "start");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field, "start");
  }
}

TEST(FakeClock, MovesOnlyWhenTold) {
  FakeClock clock(FromUnixMillis(1000));
  EXPECT_EQ(ToUnixMillis(clock.Now()), 1000);
  clock.Advance(std::chrono::seconds(2));
  EXPECT_EQ(ToUnixMillis(clock.Now()), 3000);
}

}  // namespace
}  // namespace hd::core
