#include <gtest/gtest.h>

#include "sla/calendar_loader.hpp"
#include "sla/duration.hpp"
#include "sla/holiday_sources.hpp"
#include "sla/test_calendars.hpp"

namespace hd::sla {
namespace {

using namespace std::chrono_literals;
using std::chrono::sys_days;

sys_days D(const char* iso) { return *ParseIsoDate(iso, "test"); }

// Expects `r` to fail with kInvalidArgument and a message containing `part`.
template <class T>
void ExpectError(const Result<T>& r, const std::string& part) {
  ASSERT_FALSE(r.ok()) << "expected an error containing: " << part;
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << r.error().message;
  EXPECT_NE(r.error().message.find(part), std::string::npos) << r.error().message;
}

std::string Year2030(const std::string& body) {
  return R"({"format": "ru-production-calendar/1", "years": {"2030": {)" + body + "}}}";
}

TEST(ProductionCalendar, LoadsTheShippedRussianCalendar) {
  auto text = test_support::ReadFile(
      test_support::SourcePath("config/defaults/calendars/ru-production-calendar.json"));
  ASSERT_TRUE(text.ok());
  auto data = ParseProductionCalendar(*text);
  ASSERT_TRUE(data.ok()) << data.error().message;
  EXPECT_EQ(data->years, (std::set<int>{2023, 2024, 2025, 2026, 2027}));
  EXPECT_EQ(data->holidays.count(D("2025-06-13")), 1u);  // moved from Sat 8 Mar
  EXPECT_EQ(data->holidays.count(D("2025-03-10")), 0u);
  EXPECT_EQ(data->working_weekends.count(D("2025-11-01")), 1u);
  EXPECT_EQ(data->short_days.count(D("2025-03-07")), 1u);
}

TEST(ProductionCalendar, RejectsBadFilesWithClearErrors) {
  ExpectError(ParseProductionCalendar("{"), "not valid JSON");
  ExpectError(ParseProductionCalendar(R"({"format": "other/1", "years": {}})"), "\"format\"");
  ExpectError(ParseProductionCalendar(R"({"format": "ru-production-calendar/1"})"), "\"years\"");
  ExpectError(ParseProductionCalendar(Year2030(R"("holidays": ["2030-02-30"])")),
              "\"2030-02-30\" is not a date");
  ExpectError(ParseProductionCalendar(Year2030(R"("holidays": ["2031-01-01"])")),
              "2031-01-01 is not in 2030");
  ExpectError(ParseProductionCalendar(Year2030(R"("holidays": ["2030-01-05"])")),
              "a weekend day is listed");
  ExpectError(ParseProductionCalendar(Year2030(R"("working_weekends": ["2030-01-07"])")),
              "a weekday is listed");
  ExpectError(ParseProductionCalendar(Year2030(R"("holidays": [], "working_days_total": 200)")),
              "year 2030: the dates give 261 working days but working_days_total is 200");
}

constexpr const char* kIcs =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
    "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20301225\r\nDTEND;VALUE=DATE:20301227\r\n"
    "SUMMARY:Christmas\r\n  and Boxing Day\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20300101\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";

TEST(IcsHolidays, AllDayEventsBecomeHolidaysWithExclusiveEnd) {
  auto data = ParseIcsHolidays(kIcs);
  ASSERT_TRUE(data.ok()) << data.error().message;
  EXPECT_EQ(data->holidays,
            (std::set<sys_days>{D("2030-01-01"), D("2030-12-25"), D("2030-12-26")}));
  EXPECT_EQ(data->years, std::set<int>{2030});
}

TEST(IcsHolidays, RejectsTimedRecurringAndTruncatedFilesNamingTheLine) {
  const std::string head = "BEGIN:VCALENDAR\nBEGIN:VEVENT\n";
  ExpectError(ParseIcsHolidays(head + "DTSTART:20300101T090000Z\nEND:VEVENT\nEND:VCALENDAR\n"),
              "ics line 3: only all-day events");
  ExpectError(ParseIcsHolidays(head + "DTSTART;VALUE=DATE:20300101\nRRULE:FREQ=YEARLY\n"
                                      "END:VEVENT\nEND:VCALENDAR\n"),
              "ics line 4: recurring events are not supported");
  ExpectError(ParseIcsHolidays(head + "DTSTART;VALUE=DATE:20300101\n"), "not closed");
  ExpectError(ParseIcsHolidays("hello"), "BEGIN:VCALENDAR");
  ExpectError(ParseIcsHolidays(head + "DTSTART;VALUE=DATE:20300105\nDTEND;VALUE=DATE:20300101\n"
                                      "END:VEVENT\nEND:VCALENDAR\n"),
              "DTEND is not after DTSTART");
}

constexpr const char* kSpecHead = R"({"format": "helpdesk-calendar/1", "id": "x", )";

Result<Calendar> Load(const std::string& rest) {
  return LoadCalendar(std::string(kSpecHead) + rest, test_support::ReadCalendarFile);
}

TEST(CalendarLoader, JsonFormatTellsDefinitionsFromHolidaySources) {
  EXPECT_EQ(JsonFormat(R"({"format": "helpdesk-calendar/1", "id": "x"})"), "helpdesk-calendar/1");
  EXPECT_EQ(JsonFormat(R"({"years": {}, "format": "ru-production-calendar/1"})"),
            "ru-production-calendar/1");
  EXPECT_EQ(JsonFormat(R"({"format": 1})"), std::nullopt);
  EXPECT_EQ(JsonFormat("[1, 2]"), std::nullopt);
  EXPECT_EQ(JsonFormat("BEGIN:VCALENDAR"), std::nullopt);
}

TEST(CalendarLoader, RejectsBadDefinitionsWithClearErrors) {
  ExpectError(Load(R"("time_zone": "UTC", "colour": "red"})"), "\"colour\" is not a known key");
  ExpectError(Load(R"("time_zone": "Mars/Olympus"})"), "unknown time zone \"Mars/Olympus\"");
  ExpectError(Load(R"("time_zone": "UTC", "week": {"mon": ["09:00-25:00"]}})"),
              "\"week.mon\" has \"09:00-25:00\"");
  ExpectError(Load(R"("time_zone": "UTC", "week": {"funday": []}})"), "is not a day");
  ExpectError(Load(R"("time_zone": "UTC", "week": {"tue": ["09:00-13:00", "12:00-18:00"]}})"),
              "calendar x tue: working hours overlap");
  ExpectError(Load(R"("time_zone": "UTC", "holiday_sources": ["ru-production-calendar.json"],
                      "years": [2023, 2028]})"),
              "have no data for 2028");
  auto missing = Load(R"("time_zone": "UTC", "holiday_sources": ["missing.json"]})");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_NE(missing.error().message.find("source missing.json: cannot read"), std::string::npos);
  ExpectError(LoadCalendar(R"({"id": "x"})", test_support::ReadCalendarFile), "\"format\"");
}

TEST(CalendarLoader, LoadsTheShippedDefinitions) {
  const Calendar& ru = test_support::NamedCalendar("ru-business");
  EXPECT_EQ(ru.spec().time_zone, "Europe/Moscow");
  EXPECT_EQ(ru.year_range(), (std::pair<int, int>{2023, 2027}));
  EXPECT_EQ(ru.HoursOn(D("2025-11-01")), (std::vector<WorkingHours>{{10h, 19h}}));
  EXPECT_EQ(ru.KindOf(D("2025-06-13")), DayKind::kHoliday);
  const Calendar& all = test_support::NamedCalendar("24x7");
  EXPECT_EQ(all.KindOf(D("2025-01-01")), DayKind::kWorking);
}

TEST(Duration, ParsesOperatorForms) {
  EXPECT_EQ(*ParseDuration("6h"), 6h);
  EXPECT_EQ(*ParseDuration("90m"), 90min);
  EXPECT_EQ(*ParseDuration("3600s"), 3600s);
  EXPECT_EQ(*ParseDuration("1h30m"), 90min);
  EXPECT_EQ(*ParseDuration("1h0m5s"), 3605s);
  for (const char* bad :
       {"", "6", "h", "1d", "30m1h", "1h1h", "-1h", "1.5h", "9999999999999999h"}) {
    EXPECT_FALSE(ParseDuration(bad).ok()) << bad;
  }
  EXPECT_EQ(FormatDuration(5400s), "1h30m");
  EXPECT_EQ(FormatDuration(0s), "0s");
  EXPECT_EQ(FormatDuration(3601s), "1h1s");
}

}  // namespace
}  // namespace hd::sla
