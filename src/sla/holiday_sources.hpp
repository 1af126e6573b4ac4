// Loaders for holiday sources: the production-calendar JSON format
// ("ru-production-calendar/1", see config/defaults/calendars/) and iCalendar
// (.ics) files whose all-day VEVENTs are holidays. Pure: they take a file's
// contents and return its facts or an error naming the place at fault.
#pragma once

#include <string_view>

#include "core/error.hpp"
#include "sla/calendar.hpp"

namespace hd::sla {

// Parses the production-calendar JSON format: one object per year under
// "years" with "holidays", "working_weekends" and "short_days" (ISO dates).
// Every date must lie in its year; holidays must be weekdays and working
// weekends weekend days; when "working_days_total" is present it must match
// the dates. Errors: kInvalidArgument naming the year and date at fault.
Result<HolidayData> ParseProductionCalendar(std::string_view json_text);

// Parses an iCalendar file: every VEVENT with DTSTART;VALUE=DATE (and
// optionally DTEND;VALUE=DATE, exclusive) makes its days holidays. The years
// covered are those of its events, or the X-HELPDESK-YEARS:2025,2026 property
// of the VCALENDAR when present. Timed events, recurrence rules and malformed
// lines are errors naming the line (kInvalidArgument).
Result<HolidayData> ParseIcsHolidays(std::string_view ics_text);

// Parses "YYYY-MM-DD". kInvalidArgument naming `field` otherwise.
Result<std::chrono::sys_days> ParseIsoDate(std::string_view text, std::string_view field);

}  // namespace hd::sla
