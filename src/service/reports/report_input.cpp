#include "service/reports/report_input.hpp"

#include <chrono>
#include <cstdio>
#include <exception>

#include "service/access.hpp"
#include "service/validation.hpp"

namespace hd::service::reports_detail {

namespace {

constexpr std::string_view kDefaultZone = "Europe/Moscow";

// The instant local date `text` begins in `zone`.
Result<core::Timestamp> LocalDay(const std::string& text, const char* field,
                                 const date::time_zone* zone) {
  const auto day = core::ParseDate(text);
  if (!day) return Error::InvalidArgument(std::string(field) + " must be a date YYYY-MM-DD", field);
  const date::local_days local{day->time_since_epoch()};
  const auto begins = zone->to_sys(local, date::choose::earliest);
  return std::chrono::time_point_cast<std::chrono::milliseconds>(begins);
}

}  // namespace

const date::time_zone* ZoneOf(const Actor& actor) {
  try {
    return date::locate_zone(actor.time_zone.empty() ? std::string(kDefaultZone) : actor.time_zone);
  } catch (const std::exception&) {
    return date::locate_zone(std::string(kDefaultZone));
  }
}

Result<core::ports::ReportFilter> FilterOf(const ReportInput& in, const date::time_zone* zone) {
  core::ports::ReportFilter f;
  HD_ASSIGN_OR_RETURN(f.from, LocalDay(in.from, "from", zone));
  HD_ASSIGN_OR_RETURN(f.to, LocalDay(in.to, "to", zone));
  if (f.to <= f.from) return Error::InvalidArgument("to must be after from", "to");
  if (in.levels.size() > 50) return Error::InvalidArgument("at most 50 levels", "level");
  for (const std::string& level : in.levels) {
    HD_RETURN_IF_ERROR(CheckText(level, "level", 64, true));
  }
  f.levels = in.levels;
  HD_RETURN_IF_ERROR(CheckText(in.category, "category", 64, false));
  if (!in.category.empty()) f.category = in.category;
  if (in.group) f.group = core::GroupId(*in.group);
  if (in.company) f.company = core::CompanyId(*in.company);
  return f;
}

Status CheckReader(const Actor& actor) {
  if (!actor.staff() || ReadsByProcess(actor)) {
    return Error::Forbidden("reports are for the support staff who read every ticket");
  }
  return Ok();
}

Status CheckPeriod(const std::string& period) {
  if (period != "day" && period != "week" && period != "month") {
    return Error::InvalidArgument("period must be day, week or month", "period");
  }
  return Ok();
}

std::string PeriodOf(std::int64_t hour, const std::string& period, const date::time_zone* zone) {
  const std::chrono::sys_seconds at{std::chrono::hours(hour)};
  return PeriodOfDay(date::floor<date::days>(zone->to_local(at)), period);
}

std::string PeriodOfDay(date::local_days day, const std::string& period) {
  const date::year_month_day ymd{day};
  if (period == "month") {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()));
    return text;
  }
  date::local_days first = day;
  if (period == "week") {
    const date::weekday wd{day};
    first = day - (wd - date::Monday);
  }
  return core::FormatDate(std::chrono::sys_days(first.time_since_epoch()));
}

}  // namespace hd::service::reports_detail
