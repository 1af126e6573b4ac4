// Building the calendars of the SLA catalogue: a calendar definition with
// the holiday sources it names (shipped files) and those an administrator
// imported into the database. Internal to the SLA use cases (sla_levels.cpp,
// sla_calendars.cpp). Pure functions of their arguments; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/ports/sla_repositories.hpp"
#include "service/sla_levels.hpp"
#include "sla/calendar.hpp"

namespace hd::service {

using StoredSources = std::vector<core::ports::SlaRepo::CalendarSource>;

// True for an iCalendar file name ("holidays-2028.ics").
bool IsIcsName(const std::string& name);

// Parses a holiday source by its name: ".ics" as iCalendar, anything else as
// production-calendar JSON. kInvalidArgument prefixed with the name.
Result<sla::HolidayData> ParseHolidaySource(const std::string& name, const std::string& content);

// The calendar of `definition` (helpdesk-calendar/1 JSON): the shipped
// sources it names first, then the stored sources of its id, each adding
// only years not covered yet. Errors as sla::ParseCalendarSpec, the sources'
// parsers and sla::Calendar::Build.
Result<sla::Calendar> BuildCalendar(const std::string& definition, const SlaSources& sources,
                                    const StoredSources& stored);

}  // namespace hd::service
