// iCalendar holiday files (RFC 5545), the part the help desk needs: all-day
// VEVENTs, each a holiday of one or more days.
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "sla/holiday_sources.hpp"

namespace hd::sla {

namespace {

using std::chrono::sys_days;

struct Line {
  std::size_t number;  // 1-based, of the first physical line
  std::string text;
};

// Splits into logical lines: CRLF or LF endings, folded lines (starting with
// a space or tab) joined to the line before.
std::vector<Line> Unfold(std::string_view text) {
  std::vector<Line> lines;
  std::size_t number = 0;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    std::string_view raw = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    if (!raw.empty() && (raw.front() == ' ' || raw.front() == '\t') && !lines.empty()) {
      lines.back().text.append(raw.substr(1));
    } else if (!raw.empty()) {
      lines.push_back(Line{number, std::string(raw)});
    }
  }
  return lines;
}

Error At(const Line& line, const std::string& message) {
  return Error::InvalidArgument("ics line " + std::to_string(line.number) + ": " + message);
}

// Parses the value of an all-day DTSTART/DTEND: "YYYYMMDD".
Result<sys_days> ParseDateValue(const Line& line, std::string_view params, std::string_view value) {
  if (params.find("VALUE=DATE-TIME") != std::string_view::npos || value.size() != 8) {
    return At(line, "only all-day events (VALUE=DATE, YYYYMMDD) can be holidays");
  }
  const std::string iso = std::string(value.substr(0, 4)) + "-" + std::string(value.substr(4, 2)) +
                          "-" + std::string(value.substr(6, 2));
  auto d = ParseIsoDate(iso, "date");
  if (!d.ok()) return At(line, "\"" + std::string(value) + "\" is not a date");
  return *d;
}

Status ParseYears(const Line& line, std::string_view value, std::set<int>& years) {
  while (!value.empty()) {
    const auto comma = value.find(',');
    const std::string_view item = value.substr(0, comma);
    int y = 0;
    const auto [ptr, ec] = std::from_chars(item.data(), item.data() + item.size(), y);
    if (ec != std::errc{} || ptr != item.data() + item.size() || y < 1900 || y > 2399) {
      return At(line, "X-HELPDESK-YEARS must list years such as 2025,2026");
    }
    years.insert(y);
    value = comma == std::string_view::npos ? std::string_view{} : value.substr(comma + 1);
  }
  return Ok();
}

struct Event {
  std::optional<sys_days> start;
  std::optional<sys_days> end;
  std::size_t line = 0;
};

Status AddEvent(const Event& e, HolidayData& out, std::set<int>& event_years) {
  const Line where{e.line, ""};
  if (!e.start) return At(where, "VEVENT without DTSTART");
  const sys_days end = e.end.value_or(*e.start + std::chrono::days{1});
  if (end <= *e.start) return At(where, "DTEND is not after DTSTART");
  if (end - *e.start > std::chrono::days{366}) return At(where, "event longer than a year");
  for (sys_days d = *e.start; d < end; d += std::chrono::days{1}) {
    out.holidays.insert(d);
    event_years.insert(static_cast<int>(std::chrono::year_month_day{d}.year()));
  }
  return Ok();
}

}  // namespace

Result<HolidayData> ParseIcsHolidays(std::string_view ics_text) {
  const std::vector<Line> lines = Unfold(ics_text);
  if (lines.empty() || lines.front().text != "BEGIN:VCALENDAR") {
    return Error::InvalidArgument("ics: the file does not start with BEGIN:VCALENDAR");
  }
  HolidayData out;
  std::set<int> declared_years;
  std::set<int> event_years;
  std::optional<Event> event;
  for (const Line& line : lines) {
    const auto colon = line.text.find(':');
    if (colon == std::string::npos) return At(line, "property without ':'");
    const std::string_view head = std::string_view(line.text).substr(0, colon);
    const std::string_view value = std::string_view(line.text).substr(colon + 1);
    const auto semi = head.find(';');
    const std::string_view name = head.substr(0, semi);
    const std::string_view params = semi == std::string_view::npos ? "" : head.substr(semi);
    if (name == "BEGIN" && value == "VEVENT") {
      if (event) return At(line, "VEVENT inside VEVENT");
      event = Event{{}, {}, line.number};
    } else if (name == "END" && value == "VEVENT") {
      if (!event) return At(line, "END:VEVENT without BEGIN:VEVENT");
      HD_RETURN_IF_ERROR(AddEvent(*event, out, event_years));
      event.reset();
    } else if (event && (name == "DTSTART" || name == "DTEND")) {
      HD_ASSIGN_OR_RETURN(const sys_days d, ParseDateValue(line, params, value));
      (name == "DTSTART" ? event->start : event->end) = d;
    } else if (event && (name == "RRULE" || name == "RDATE")) {
      return At(line, "recurring events are not supported; list each holiday as its own VEVENT");
    } else if (!event && name == "X-HELPDESK-YEARS") {
      HD_RETURN_IF_ERROR(ParseYears(line, value, declared_years));
    }
  }
  if (event) return Error::InvalidArgument("ics: VEVENT not closed by END:VEVENT");
  if (lines.back().text != "END:VCALENDAR") {
    return Error::InvalidArgument("ics: the file does not end with END:VCALENDAR");
  }
  out.years = declared_years.empty() ? event_years : declared_years;
  if (out.years.empty()) return Error::InvalidArgument("ics: no holidays and no X-HELPDESK-YEARS");
  return out;
}

}  // namespace hd::sla
