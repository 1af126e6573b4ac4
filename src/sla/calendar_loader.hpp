// Loading a calendar from its definition file ("helpdesk-calendar/1" JSON,
// see config/defaults/calendars/ru-business.json) and the holiday sources it
// names. Pure: file contents come in through the caller's SourceReader.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "sla/calendar.hpp"

namespace hd::sla {

// Parses a calendar definition. Unknown keys, malformed times ("HH:MM" or
// "HH:MM:SS", "24:00" allowed as an end) and a wrong "format" are
// kInvalidArgument naming the key.
Result<CalendarSpec> ParseCalendarSpec(std::string_view json_text);

// The "format" member of a JSON object ("helpdesk-calendar/1" for a calendar
// definition, "ru-production-calendar/1" for a holiday source); nullopt when
// the text is not a JSON object or has no string "format".
std::optional<std::string> JsonFormat(std::string_view json_text);

// Returns the contents of a holiday source named by a calendar definition
// (a file name such as "ru-production-calendar.json" or "de-berlin.ics").
using SourceReader = std::function<Result<std::string>(const std::string& name)>;

// Parses the definition, reads and parses each holiday source (".ics" as
// iCalendar, anything else as production-calendar JSON), and builds the
// calendar. Errors name the source at fault.
Result<Calendar> LoadCalendar(std::string_view definition_json, const SourceReader& read_source);

}  // namespace hd::sla
