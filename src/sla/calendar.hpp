// Calendar: when the SLA clock of a support level runs. A calendar is an IANA
// time zone, weekly working hours (several intervals a day allowed), holidays,
// transferred working days (a worked Saturday) and, optionally, pre-holiday
// days shortened by one hour. A 24/7 calendar is an ordinary calendar whose
// every day is worked 00:00-24:00.
//
// Calendar::Build turns the plain description (CalendarSpec + HolidayData)
// into an index of UTC working spans for every covered year, so that the
// arithmetic of working_time.hpp costs O(log n) per call. Years outside the
// coverage are never guessed: CheckCovered reports them as errors.
//
// A Calendar is immutable after Build and owns all its data; its const
// methods are safe to call from any number of threads. Copying copies the
// index (tens of kilobytes); share one instance where that matters.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "sla/working_index.hpp"

namespace date {
class time_zone;
}  // namespace date

namespace hd::sla {

// SLA arithmetic is exact to the second.
using Instant = std::chrono::sys_seconds;

// The half-open interval [from, to).
struct Interval {
  Instant from;
  Instant to;
  friend bool operator==(const Interval&, const Interval&) = default;
};

// A working interval of a day in local wall-clock time, as offsets from local
// midnight: 0 <= begin < end <= 24h. Where a daylight-saving change makes a
// boundary non-existent it falls on the transition instant; where it makes a
// boundary ambiguous its first occurrence is used.
struct WorkingHours {
  std::chrono::seconds begin{0};
  std::chrono::seconds end{0};
  friend bool operator==(const WorkingHours&, const WorkingHours&) = default;
};

// The dated facts of one or more holiday sources (production calendar JSON or
// iCalendar), all as local dates of the calendar's zone.
struct HolidayData {
  std::set<int> years;                               // years the facts are complete for
  std::set<std::chrono::sys_days> holidays;          // days off (on any weekday)
  std::set<std::chrono::sys_days> working_weekends;  // weekend days that are worked
  std::set<std::chrono::sys_days> short_days;        // pre-holiday days, one hour shorter

  // Adds `other`'s facts; both must not describe the same year.
  Status Merge(const HolidayData& other);
};

// The plain description of a calendar, as read from its definition file.
struct CalendarSpec {
  std::string id;         // e.g. "ru-business"
  std::string title;      // for people; may be empty
  std::string time_zone;  // IANA name, e.g. "Europe/Moscow"
  // Working hours per ISO weekday: [0] = Monday ... [6] = Sunday.
  std::array<std::vector<WorkingHours>, 7> week;
  // Hours of a transferred working day whose weekday has no hours of its own;
  // empty means "the hours of Monday".
  std::vector<WorkingHours> transferred_day_hours;
  // File names of holiday sources, resolved by the loader.
  std::vector<std::string> holiday_sources;
  // Years to cover, inclusive. Default: the years of the holiday data, or
  // kDefaultFirstYear..kDefaultLastYear when the calendar has no holiday data.
  std::optional<std::pair<int, int>> years;
  // Shorten HolidayData::short_days by short_day_reduction (default off).
  bool shorten_pre_holidays = false;
  std::chrono::seconds short_day_reduction{3600};

  static constexpr int kDefaultFirstYear = 1970;
  static constexpr int kDefaultLastYear = 2199;
};

enum class DayKind { kWorking, kWeekend, kHoliday };

class Calendar {
 public:
  // Validates `spec` against `data` and builds the index. Errors
  // (kInvalidArgument): unknown time zone, malformed or overlapping hours,
  // requested years missing from the holiday data.
  static Result<Calendar> Build(CalendarSpec spec, HolidayData data);

  const std::string& id() const { return spec_.id; }
  const CalendarSpec& spec() const { return spec_; }
  const HolidayData& data() const { return data_; }
  const WorkingIndex& index() const { return index_; }
  // The time zone of spec().time_zone, from the process-wide tz database.
  const date::time_zone& zone() const { return *zone_; }
  // First and last covered year (inclusive).
  std::pair<int, int> year_range() const;

  // Ok when the calendar has data for every instant of [from, to]. Otherwise
  // kUnavailable, e.g. "calendar ru-business has no data for 2029".
  Status CheckCovered(Instant from, Instant to) const;

  // What kind of day a local date is, and its working hours (after holiday,
  // transfer and short-day rules).
  DayKind KindOf(std::chrono::sys_days local_date) const;
  std::vector<WorkingHours> HoursOn(std::chrono::sys_days local_date) const;

  // The local date of an instant, and the instant a local date begins.
  std::chrono::sys_days LocalDate(Instant t) const;
  Instant StartOfLocalDate(std::chrono::sys_days local_date) const;

 private:
  // A run of consecutive covered years and the UTC instants it spans.
  struct Coverage {
    int first_year;
    int last_year;
    Instant from;
    Instant to;
  };

  Calendar() = default;
  Status Index(int first_year, int last_year);
  Error MissingYear(int year) const;

  CalendarSpec spec_;
  HolidayData data_;
  const date::time_zone* zone_ = nullptr;  // owned by the process-wide tz database
  std::vector<Coverage> coverage_;
  WorkingIndex index_;
};

}  // namespace hd::sla
