#include "sla/calendar.hpp"

#include <date/tz.h>

#include <algorithm>
#include <stdexcept>

namespace hd::sla {

namespace {

using std::chrono::sys_days;
using std::chrono::year_month_day;

constexpr std::chrono::seconds kDay{86400};

int YearOf(sys_days d) { return static_cast<int>(year_month_day{d}.year()); }

sys_days FirstDayOf(int year) {
  return sys_days{std::chrono::year{year} / std::chrono::January / 1};
}

// ISO weekday index: 0 = Monday ... 6 = Sunday.
unsigned IsoIndex(sys_days d) { return std::chrono::weekday{d}.iso_encoding() - 1; }

Status ValidateHours(const std::vector<WorkingHours>& hours, const std::string& where,
                     const std::string& field) {
  for (std::size_t i = 0; i < hours.size(); ++i) {
    const auto& h = hours[i];
    if (h.begin.count() < 0 || h.end > kDay || h.begin >= h.end) {
      return Error::InvalidArgument(
          where + ": working hours must satisfy 00:00 <= begin < end <= 24:00", field);
    }
    if (i > 0 && h.begin < hours[i - 1].end) {
      return Error::InvalidArgument(where + ": working hours overlap or are out of order", field);
    }
  }
  return Ok();
}

// Removes `cut` seconds from the end of a day's hours.
std::vector<WorkingHours> Shorten(std::vector<WorkingHours> hours, std::chrono::seconds cut) {
  while (cut.count() > 0 && !hours.empty()) {
    auto& last = hours.back();
    const auto length = last.end - last.begin;
    if (length > cut) {
      last.end -= cut;
      break;
    }
    cut -= length;
    hours.pop_back();
  }
  return hours;
}

Status ValidateSpec(const CalendarSpec& spec) {
  if (spec.id.empty()) return Error::InvalidArgument("calendar id is empty", "id");
  static constexpr const char* kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  for (std::size_t d = 0; d < 7; ++d) {
    HD_RETURN_IF_ERROR(ValidateHours(spec.week[d], "calendar " + spec.id + " " + kDays[d],
                                     std::string("week.") + kDays[d]));
  }
  HD_RETURN_IF_ERROR(ValidateHours(spec.transferred_day_hours,
                                   "calendar " + spec.id + " transferred_day_hours",
                                   "transferred_day_hours"));
  if (spec.short_day_reduction.count() < 0) {
    return Error::InvalidArgument("calendar " + spec.id + ": short_day_reduction is negative");
  }
  return Ok();
}

}  // namespace

Status HolidayData::Merge(const HolidayData& other) {
  for (int y : other.years) {
    if (years.count(y) != 0) {
      return Error::InvalidArgument("holiday data for " + std::to_string(y) +
                                    " is given by more than one source");
    }
  }
  years.insert(other.years.begin(), other.years.end());
  holidays.insert(other.holidays.begin(), other.holidays.end());
  working_weekends.insert(other.working_weekends.begin(), other.working_weekends.end());
  short_days.insert(other.short_days.begin(), other.short_days.end());
  return Ok();
}

Result<Calendar> Calendar::Build(CalendarSpec spec, HolidayData data) {
  HD_RETURN_IF_ERROR(ValidateSpec(spec));
  Calendar cal;
  try {
    cal.zone_ = date::locate_zone(spec.time_zone);
  } catch (const std::runtime_error&) {
    return Error::InvalidArgument(
        "calendar " + spec.id + ": unknown time zone \"" + spec.time_zone + "\"", "time_zone");
  }
  std::pair<int, int> years{CalendarSpec::kDefaultFirstYear, CalendarSpec::kDefaultLastYear};
  if (spec.years) {
    years = *spec.years;
  } else if (!data.years.empty()) {
    years = {*data.years.begin(), *data.years.rbegin()};
  }
  if (years.first > years.second || years.first < 1900 || years.second > 2399) {
    return Error::InvalidArgument("calendar " + spec.id + ": year range is invalid", "years");
  }
  cal.spec_ = std::move(spec);
  cal.data_ = std::move(data);
  // A calendar with holiday sources covers only the years those sources
  // describe; a gap is left uncovered and reported at use.
  const bool needs_data = !cal.spec_.holiday_sources.empty();
  int run_start = years.first;
  for (int y = years.first; y <= years.second + 1; ++y) {
    const bool have = y <= years.second && (!needs_data || cal.data_.years.count(y) != 0);
    if (have) continue;
    if (run_start < y) HD_RETURN_IF_ERROR(cal.Index(run_start, y - 1));
    run_start = y + 1;
  }
  if (cal.coverage_.empty()) {
    return Error::InvalidArgument("calendar " + cal.spec_.id +
                                  ": its holiday data covers none of " +
                                  std::to_string(years.first) + "-" + std::to_string(years.second));
  }
  cal.index_.Finish();
  return cal;
}

Status Calendar::Index(int first_year, int last_year) {
  const Instant from = StartOfLocalDate(FirstDayOf(first_year));
  const Instant to = StartOfLocalDate(FirstDayOf(last_year + 1));
  coverage_.push_back(Coverage{first_year, last_year, from, to});
  std::int64_t last_end =
      index_.size() == 0 ? from.time_since_epoch().count() : index_.end(index_.size() - 1);
  for (sys_days d = FirstDayOf(first_year); d < FirstDayOf(last_year + 1);
       d += std::chrono::days{1}) {
    const date::local_seconds midnight{d.time_since_epoch()};
    for (const auto& h : HoursOn(d)) {
      const auto b = zone_->to_sys(midnight + h.begin, date::choose::earliest).time_since_epoch();
      const auto e = zone_->to_sys(midnight + h.end, date::choose::earliest).time_since_epoch();
      const std::int64_t begin = std::max(b.count(), last_end);
      index_.Append(begin, std::max(begin, e.count()));
      last_end = std::max(last_end, e.count());
    }
  }
  return Ok();
}

std::pair<int, int> Calendar::year_range() const {
  return {coverage_.front().first_year, coverage_.back().last_year};
}

Error Calendar::MissingYear(int year) const {
  return Error::Unavailable("calendar " + spec_.id + " has no data for " + std::to_string(year))
      .WithReason("calendar-year-not-loaded");
}

Status Calendar::CheckCovered(Instant from, Instant to) const {
  // Coverage runs are few (usually one): a linear scan is cheapest.
  for (const auto& run : coverage_) {
    if (from < run.from || from >= run.to) continue;
    if (to > run.to) return MissingYear(run.last_year + 1);
    return Ok();
  }
  return MissingYear(YearOf(LocalDate(from)));
}

DayKind Calendar::KindOf(sys_days local_date) const {
  if (data_.holidays.count(local_date) != 0) return DayKind::kHoliday;
  if (data_.working_weekends.count(local_date) != 0) return DayKind::kWorking;
  return spec_.week[IsoIndex(local_date)].empty() ? DayKind::kWeekend : DayKind::kWorking;
}

std::vector<WorkingHours> Calendar::HoursOn(sys_days local_date) const {
  if (KindOf(local_date) != DayKind::kWorking) return {};
  std::vector<WorkingHours> hours = spec_.week[IsoIndex(local_date)];
  if (hours.empty()) {
    hours = spec_.transferred_day_hours.empty() ? spec_.week[0] : spec_.transferred_day_hours;
  }
  if (spec_.shorten_pre_holidays && data_.short_days.count(local_date) != 0) {
    hours = Shorten(std::move(hours), spec_.short_day_reduction);
  }
  return hours;
}

sys_days Calendar::LocalDate(Instant t) const {
  const auto local = zone_->to_local(t);
  return sys_days{std::chrono::floor<std::chrono::days>(local.time_since_epoch())};
}

Instant Calendar::StartOfLocalDate(sys_days local_date) const {
  const date::local_seconds midnight{local_date.time_since_epoch()};
  return zone_->to_sys(midnight, date::choose::earliest);
}

}  // namespace hd::sla
