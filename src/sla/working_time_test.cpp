#include "sla/working_time.hpp"

#include <gtest/gtest.h>

#include "sla/test_calendars.hpp"
#include "sla/timeline.hpp"

namespace hd::sla {
namespace {

using namespace std::chrono_literals;
using test_support::NamedCalendar;
using test_support::T;

const Calendar& Ru() { return NamedCalendar("ru-business"); }

TEST(WorkingTime, DueAtClosingTimeIsThatEveningNotNextMorning) {
  auto due = DueAt(Ru(), T("2025-03-17T10:00:00Z"), 6h);  // Mon 13:00 MSK
  ASSERT_TRUE(due.ok()) << due.error().message;
  EXPECT_EQ(*due, T("2025-03-17T16:00:00Z"));  // 19:00 MSK
}

TEST(WorkingTime, ZeroDurationIsDueAtStartEvenOutsideHours) {
  auto due = DueAt(Ru(), T("2025-03-15T12:00:00Z"), 0s);  // Saturday
  ASSERT_TRUE(due.ok());
  EXPECT_EQ(*due, T("2025-03-15T12:00:00Z"));
}

TEST(WorkingTime, SkipsNewYearHolidays) {
  auto due = DueAt(Ru(), T("2025-12-30T15:30:00Z"), 6h);
  ASSERT_TRUE(due.ok());
  EXPECT_EQ(*due, T("2026-01-12T12:30:00Z"));
  auto back = WorkingSeconds(Ru(), T("2025-12-30T15:30:00Z"), *due);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, 6h);
}

TEST(WorkingTime, YearWithoutDataIsAnExplicitError) {
  auto due = DueAt(Ru(), T("2027-12-30T07:00:00Z"), 40h);
  ASSERT_FALSE(due.ok());
  EXPECT_EQ(due.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(due.error().message, "calendar ru-business has no data for 2028");
  auto before = WorkingSeconds(Ru(), T("2022-06-01T07:00:00Z"), T("2023-06-01T07:00:00Z"));
  ASSERT_FALSE(before.ok());
  EXPECT_EQ(before.error().message, "calendar ru-business has no data for 2022");
}

TEST(WorkingTime, PausesMayBeUnsortedAndOverlapping) {
  const std::vector<Interval> pauses = {{T("2025-03-17T12:00:00Z"), T("2025-03-18T09:00:00Z")},
                                        {T("2025-03-17T09:00:00Z"), T("2025-03-17T13:00:00Z")}};
  auto due = DueAt(Ru(), T("2025-03-17T07:00:00Z"), 6h, pauses);
  ASSERT_TRUE(due.ok());
  EXPECT_EQ(*due, T("2025-03-18T13:00:00Z"));
  auto worked = WorkingSeconds(Ru(), T("2025-03-17T07:00:00Z"), *due, pauses);
  ASSERT_TRUE(worked.ok());
  EXPECT_EQ(*worked, 6h);
}

TEST(WorkingTime, RejectsNegativeDurationsAndBackwardIntervals) {
  EXPECT_EQ(DueAt(Ru(), T("2025-03-17T07:00:00Z"), -1s).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(WorkingSeconds(Ru(), T("2025-03-17T07:00:00Z"), T("2025-03-17T06:00:00Z")).error().code,
            ErrorCode::kInvalidArgument);
  const std::vector<Interval> backward = {{T("2025-03-17T09:00:00Z"), T("2025-03-17T08:00:00Z")}};
  EXPECT_EQ(DueAt(Ru(), T("2025-03-17T07:00:00Z"), 1h, backward).error().code,
            ErrorCode::kInvalidArgument);
}

TEST(WorkingTime, AroundTheClockCalendarNeedsNoYearsAndCountsNights) {
  const Calendar& c = NamedCalendar("24x7");
  auto due = DueAt(c, T("2099-12-31T23:30:00Z"), 1h);
  ASSERT_TRUE(due.ok());
  EXPECT_EQ(*due, T("2100-01-01T00:30:00Z"));
  EXPECT_EQ(c.index().size(), 1u);
}

TEST(WorkingTime, ShortenedPreHolidayDayEndsAnHourEarlierWhenSwitchedOn) {
  // Fri 2025-03-07 is a pre-holiday day: 10:00-18:00 MSK instead of 19:00.
  auto shortened = DueAt(NamedCalendar("ru-business-short"), T("2025-03-07T14:00:00Z"), 2h);
  ASSERT_TRUE(shortened.ok());
  EXPECT_EQ(*shortened, T("2025-03-10T08:00:00Z"));
  auto normal = DueAt(Ru(), T("2025-03-07T14:00:00Z"), 2h);
  ASSERT_TRUE(normal.ok());
  EXPECT_EQ(*normal, T("2025-03-07T16:00:00Z"));
}

TEST(Timeline, ShowsRunningPausedOutsideHoursWeekendAndHoliday) {
  // Fri 2025-12-26 18:00 MSK to Mon 2026-01-12 11:00 MSK, paused on Monday
  // 2025-12-29 12:00-13:00 MSK.
  const std::vector<Interval> pauses = {{T("2025-12-29T09:00:00Z"), T("2025-12-29T10:00:00Z")}};
  auto segments = ClockSegments(Ru(), T("2025-12-26T15:00:00Z"), T("2026-01-12T08:00:00Z"), pauses);
  ASSERT_TRUE(segments.ok());
  const std::vector<Segment> expected = {
      {{T("2025-12-26T15:00:00Z"), T("2025-12-26T16:00:00Z")}, SegmentKind::kRunning},
      {{T("2025-12-26T16:00:00Z"), T("2025-12-26T21:00:00Z")}, SegmentKind::kOutsideHours},
      {{T("2025-12-26T21:00:00Z"), T("2025-12-28T21:00:00Z")}, SegmentKind::kWeekend},
      {{T("2025-12-28T21:00:00Z"), T("2025-12-29T07:00:00Z")}, SegmentKind::kOutsideHours},
      {{T("2025-12-29T07:00:00Z"), T("2025-12-29T09:00:00Z")}, SegmentKind::kRunning},
      {{T("2025-12-29T09:00:00Z"), T("2025-12-29T10:00:00Z")}, SegmentKind::kPaused},
      {{T("2025-12-29T10:00:00Z"), T("2025-12-29T16:00:00Z")}, SegmentKind::kRunning},
      {{T("2025-12-29T16:00:00Z"), T("2025-12-30T07:00:00Z")}, SegmentKind::kOutsideHours},
      {{T("2025-12-30T07:00:00Z"), T("2025-12-30T16:00:00Z")}, SegmentKind::kRunning},
      {{T("2025-12-30T16:00:00Z"), T("2025-12-30T21:00:00Z")}, SegmentKind::kOutsideHours},
      {{T("2025-12-30T21:00:00Z"), T("2026-01-02T21:00:00Z")}, SegmentKind::kHoliday},
      {{T("2026-01-02T21:00:00Z"), T("2026-01-04T21:00:00Z")}, SegmentKind::kWeekend},
      {{T("2026-01-04T21:00:00Z"), T("2026-01-09T21:00:00Z")}, SegmentKind::kHoliday},
      {{T("2026-01-09T21:00:00Z"), T("2026-01-11T21:00:00Z")}, SegmentKind::kWeekend},
      {{T("2026-01-11T21:00:00Z"), T("2026-01-12T07:00:00Z")}, SegmentKind::kOutsideHours},
      {{T("2026-01-12T07:00:00Z"), T("2026-01-12T08:00:00Z")}, SegmentKind::kRunning},
  };
  EXPECT_EQ(*segments, expected);
}

}  // namespace
}  // namespace hd::sla
