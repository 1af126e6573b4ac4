// The deadline text customers see: the due instant in the calendar's zone,
// with the zone's abbreviation for that instant.
#include "service/sla_clock_math.hpp"

#include <gtest/gtest.h>

#include "core/time.hpp"
#include "sla/calendar.hpp"

namespace hd::service {
namespace {

core::Timestamp At(std::string_view iso) { return core::ParseIso8601(iso, "at").value(); }

sla::Calendar CalendarIn(const std::string& zone) {
  sla::CalendarSpec spec;
  spec.id = "test";
  spec.time_zone = zone;
  return sla::Calendar::Build(spec, {}).value();
}

TEST(DeadlineText, ShowsTheDueInstantInTheCalendarsZone) {
  EXPECT_EQ(DeadlineText(CalendarIn("Europe/Moscow"), At("2026-01-16T07:00:00Z")),
            "we will answer by Fri 16 Jan, 10:00 MSK");
  EXPECT_EQ(DeadlineText(CalendarIn("UTC"), At("2026-01-17T21:30:59Z")),
            "we will answer by Sat 17 Jan, 21:30 UTC");
}

TEST(DeadlineText, CrossesMidnightAndTakesTheAbbreviationOfThatInstant) {
  // 22:30 UTC is the next day in Moscow.
  EXPECT_EQ(DeadlineText(CalendarIn("Europe/Moscow"), At("2026-12-31T22:30:00Z")),
            "we will answer by Fri 01 Jan, 01:30 MSK");
  // Summer and winter time in Berlin.
  EXPECT_EQ(DeadlineText(CalendarIn("Europe/Berlin"), At("2026-07-06T08:05:00Z")),
            "we will answer by Mon 06 Jul, 10:05 CEST");
  EXPECT_EQ(DeadlineText(CalendarIn("Europe/Berlin"), At("2026-11-30T08:05:00Z")),
            "we will answer by Mon 30 Nov, 09:05 CET");
}

}  // namespace
}  // namespace hd::service
