#include "sla/calendar_loader.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <array>

#include "sla/holiday_sources.hpp"

namespace hd::sla {

namespace {

namespace json = boost::json;

constexpr std::array<const char*, 7> kDayKeys = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

Error Bad(std::string_view key, const std::string& message) {
  return Error::InvalidArgument("calendar definition: \"" + std::string(key) + "\" " + message,
                                std::string(key));
}

// "HH:MM" or "HH:MM:SS" as seconds since midnight; 24:00 allowed.
std::optional<std::chrono::seconds> ParseClock(std::string_view s) {
  auto two = [&](std::size_t at, int max) -> int {
    if (at + 2 > s.size() || s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9') {
      return -1;
    }
    const int v = (s[at] - '0') * 10 + (s[at + 1] - '0');
    return v > max ? -1 : v;
  };
  if (s.size() != 5 && s.size() != 8) return std::nullopt;
  const int h = two(0, 24);
  const int m = s[2] == ':' ? two(3, 59) : -1;
  const int sec = s.size() == 8 ? (s[5] == ':' ? two(6, 59) : -1) : 0;
  if (h < 0 || m < 0 || sec < 0 || (h == 24 && (m != 0 || sec != 0))) return std::nullopt;
  return std::chrono::seconds{h * 3600 + m * 60 + sec};
}

Result<std::vector<WorkingHours>> ParseHours(std::string_view key, const json::value& v) {
  if (!v.is_array()) return Bad(key, "must be a list such as [\"10:00-19:00\"]");
  std::vector<WorkingHours> out;
  for (const auto& item : v.get_array()) {
    const std::string_view text = item.is_string() ? std::string_view(item.get_string()) : "";
    const auto dash = text.find('-');
    const auto begin = ParseClock(text.substr(0, dash));
    const auto end =
        dash == std::string_view::npos ? std::nullopt : ParseClock(text.substr(dash + 1));
    if (!begin || !end) return Bad(key, "has \"" + std::string(text) + "\"; expected HH:MM-HH:MM");
    out.push_back(WorkingHours{*begin, *end});
  }
  return out;
}

Status ParseWeek(const json::value& v, CalendarSpec& spec) {
  if (!v.is_object()) return Bad("week", "must be an object with keys mon..sun");
  for (const auto& [key, hours] : v.get_object()) {
    std::size_t day = 0;
    while (day < kDayKeys.size() && key != kDayKeys[day]) ++day;
    if (day == kDayKeys.size()) return Bad("week." + std::string(key), "is not a day (mon..sun)");
    HD_ASSIGN_OR_RETURN(spec.week[day], ParseHours("week." + std::string(key), hours));
  }
  return Ok();
}

Status ParseYears(const json::value& v, CalendarSpec& spec) {
  if (!v.is_array() || v.get_array().size() != 2 || !v.get_array()[0].is_int64() ||
      !v.get_array()[1].is_int64()) {
    return Bad("years", "must be [first, last], e.g. [2023, 2027]");
  }
  spec.years = std::pair<int, int>{static_cast<int>(v.get_array()[0].get_int64()),
                                   static_cast<int>(v.get_array()[1].get_int64())};
  return Ok();
}

Status ParseSources(const json::value& v, CalendarSpec& spec) {
  if (!v.is_array()) return Bad("holiday_sources", "must be a list of file names");
  for (const auto& item : v.get_array()) {
    if (!item.is_string() || item.get_string().empty()) {
      return Bad("holiday_sources", "must be a list of file names");
    }
    spec.holiday_sources.emplace_back(item.get_string());
  }
  return Ok();
}

Status ParseKey(std::string_view key, const json::value& v, CalendarSpec& spec) {
  auto text = [&](std::string& out) -> Status {
    if (!v.is_string()) return Bad(key, "must be a string");
    out = std::string(v.get_string());
    return Ok();
  };
  if (key == "format") {
    if (!v.is_string() || v.get_string() != "helpdesk-calendar/1") {
      return Bad(key, "must be \"helpdesk-calendar/1\"");
    }
    return Ok();
  }
  if (key == "id") return text(spec.id);
  if (key == "title") return text(spec.title);
  if (key == "time_zone") return text(spec.time_zone);
  if (key == "week") return ParseWeek(v, spec);
  if (key == "transferred_day_hours") {
    HD_ASSIGN_OR_RETURN(spec.transferred_day_hours, ParseHours(key, v));
    return Ok();
  }
  if (key == "holiday_sources") return ParseSources(v, spec);
  if (key == "years") return ParseYears(v, spec);
  if (key == "shorten_pre_holidays") {
    if (!v.is_bool()) return Bad(key, "must be true or false");
    spec.shorten_pre_holidays = v.get_bool();
    return Ok();
  }
  return Bad(key, "is not a known key");
}

}  // namespace

Result<CalendarSpec> ParseCalendarSpec(std::string_view json_text) {
  boost::system::error_code ec;
  const json::value root = json::parse(json_text, ec);
  if (ec) return Error::InvalidArgument("calendar definition is not valid JSON: " + ec.message());
  if (!root.is_object()) return Error::InvalidArgument("calendar definition must be a JSON object");
  const auto& obj = root.get_object();
  if (!obj.contains("format")) return Bad("format", "is missing");
  CalendarSpec spec;
  for (const auto& [key, value] : obj) HD_RETURN_IF_ERROR(ParseKey(key, value, spec));
  if (spec.id.empty()) return Bad("id", "is missing");
  if (spec.time_zone.empty()) return Bad("time_zone", "is missing");
  return spec;
}

std::optional<std::string> JsonFormat(std::string_view json_text) {
  boost::system::error_code ec;
  const json::value root = json::parse(json_text, ec);
  if (ec || !root.is_object()) return std::nullopt;
  const auto* format = root.get_object().if_contains("format");
  if (format == nullptr || !format->is_string()) return std::nullopt;
  return std::string(format->get_string());
}

Result<Calendar> LoadCalendar(std::string_view definition_json, const SourceReader& read_source) {
  HD_ASSIGN_OR_RETURN(CalendarSpec spec, ParseCalendarSpec(definition_json));
  HolidayData data;
  for (const std::string& name : spec.holiday_sources) {
    auto text = read_source(name);
    if (!text.ok()) {
      Error e = std::move(text).error();
      e.message = "calendar " + spec.id + ", source " + name + ": " + e.message;
      return e;
    }
    const bool ics = name.size() > 4 && name.compare(name.size() - 4, 4, ".ics") == 0;
    auto parsed = ics ? ParseIcsHolidays(*text) : ParseProductionCalendar(*text);
    if (!parsed.ok()) {
      return Error::InvalidArgument("calendar " + spec.id + ", source " + name + ": " +
                                    parsed.error().message);
    }
    HD_RETURN_IF_ERROR(data.Merge(*parsed));
  }
  if (spec.years && !spec.holiday_sources.empty()) {
    for (int y = spec.years->first; y <= spec.years->second; ++y) {
      if (data.years.count(y) == 0) {
        return Error::InvalidArgument(
            "calendar " + spec.id + ": years " + std::to_string(spec.years->first) + "-" +
            std::to_string(spec.years->second) +
            " requested but the holiday sources have no data for " + std::to_string(y));
      }
    }
  }
  return Calendar::Build(std::move(spec), std::move(data));
}

}  // namespace hd::sla
