#include "sla/holiday_sources.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <charconv>
#include <string>

namespace hd::sla {

namespace {

using std::chrono::sys_days;
using std::chrono::year_month_day;

int YearOf(sys_days d) { return static_cast<int>(year_month_day{d}.year()); }
bool IsWeekend(sys_days d) { return std::chrono::weekday{d}.iso_encoding() >= 6; }

Result<int> ParseInt(std::string_view text, std::string_view what) {
  int value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || ptr != text.data() + text.size()) {
    return Error::InvalidArgument(std::string(what) + " \"" + std::string(text) +
                                  "\" is not a number");
  }
  return value;
}

// Reads the array `key` of year object `y` into `out`, checking each date.
Status ReadDates(const boost::json::object& y, std::string_view key, int year,
                 std::set<sys_days>& out) {
  const auto* v = y.if_contains(key);
  if (v == nullptr) return Ok();
  const std::string where = "year " + std::to_string(year) + " " + std::string(key);
  if (!v->is_array()) return Error::InvalidArgument(where + " must be an array of dates");
  for (const auto& item : v->get_array()) {
    if (!item.is_string()) return Error::InvalidArgument(where + " must be an array of dates");
    HD_ASSIGN_OR_RETURN(const sys_days d, ParseIsoDate(item.get_string(), where));
    if (YearOf(d) != year) {
      return Error::InvalidArgument(where + ": " + std::string(item.get_string()) + " is not in " +
                                    std::to_string(year));
    }
    out.insert(d);
  }
  return Ok();
}

// The published yearly count of working days must match the dates.
Status CheckTotal(const boost::json::object& y, int year, const HolidayData& d) {
  const auto* v = y.if_contains("working_days_total");
  if (v == nullptr || !v->is_int64()) return Ok();
  std::int64_t count = 0;
  const sys_days first{std::chrono::year{year} / 1 / 1};
  const sys_days last{std::chrono::year{year} / 12 / 31};
  for (sys_days day = first; day <= last; day += std::chrono::days{1}) {
    const bool off =
        IsWeekend(day) ? d.working_weekends.count(day) == 0 : d.holidays.count(day) != 0;
    if (!off) ++count;
  }
  if (count != v->get_int64()) {
    return Error::InvalidArgument(
        "year " + std::to_string(year) + ": the dates give " + std::to_string(count) +
        " working days but working_days_total is " + std::to_string(v->get_int64()));
  }
  return Ok();
}

Status ReadYear(std::string_view key, const boost::json::value& value, HolidayData& out) {
  HD_ASSIGN_OR_RETURN(const int year, ParseInt(key, "year"));
  if (!value.is_object()) {
    return Error::InvalidArgument("year " + std::string(key) + " must be an object");
  }
  const auto& y = value.get_object();
  HolidayData d;
  HD_RETURN_IF_ERROR(ReadDates(y, "holidays", year, d.holidays));
  HD_RETURN_IF_ERROR(ReadDates(y, "working_weekends", year, d.working_weekends));
  HD_RETURN_IF_ERROR(ReadDates(y, "short_days", year, d.short_days));
  for (sys_days h : d.holidays) {
    if (IsWeekend(h)) {
      return Error::InvalidArgument("year " + std::string(key) +
                                    " holidays: a weekend day is listed; "
                                    "put weekend holidays under weekend_holidays");
    }
  }
  for (sys_days w : d.working_weekends) {
    if (!IsWeekend(w)) {
      return Error::InvalidArgument("year " + std::string(key) +
                                    " working_weekends: a weekday is listed");
    }
  }
  HD_RETURN_IF_ERROR(CheckTotal(y, year, d));
  d.years.insert(year);
  return out.Merge(d);
}

}  // namespace

Result<sys_days> ParseIsoDate(std::string_view text, std::string_view field) {
  auto bad = [&] {
    return Error::InvalidArgument(
        std::string(field) + ": \"" + std::string(text) + "\" is not a date YYYY-MM-DD",
        std::string(field));
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  auto y = ParseInt(text.substr(0, 4), field);
  auto m = ParseInt(text.substr(5, 2), field);
  auto d = ParseInt(text.substr(8, 2), field);
  if (!y.ok() || !m.ok() || !d.ok() || *m < 1 || *d < 1) return bad();
  const year_month_day ymd{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*m)},
                           std::chrono::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return bad();
  return sys_days{ymd};
}

Result<HolidayData> ParseProductionCalendar(std::string_view json_text) {
  boost::system::error_code ec;
  const boost::json::value root = boost::json::parse(json_text, ec);
  if (ec) return Error::InvalidArgument("production calendar is not valid JSON: " + ec.message());
  if (!root.is_object()) return Error::InvalidArgument("production calendar must be a JSON object");
  const auto& obj = root.get_object();
  const auto* format = obj.if_contains("format");
  if (format == nullptr || !format->is_string() ||
      format->get_string() != "ru-production-calendar/1") {
    return Error::InvalidArgument(
        "production calendar: \"format\" must be \"ru-production-calendar/1\"", "format");
  }
  const auto* years = obj.if_contains("years");
  if (years == nullptr || !years->is_object() || years->get_object().empty()) {
    return Error::InvalidArgument("production calendar: \"years\" must be a non-empty object",
                                  "years");
  }
  HolidayData out;
  for (const auto& [key, value] : years->get_object()) {
    HD_RETURN_IF_ERROR(ReadYear(key, value, out));
  }
  return out;
}

}  // namespace hd::sla
