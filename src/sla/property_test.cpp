// Property tests: DueAt and WorkingSeconds agree with a brute-force model that
// decides minute by minute, from the calendar's plain description and the
// zone's UTC offsets, whether the clock runs. At least 100,000 random cases
// per run across the shipped and test calendars; the seed is fixed so a
// failure reproduces.
#include <date/tz.h>
#include <gtest/gtest.h>

#include <array>
#include <limits>
#include <random>

#include "core/time.hpp"
#include "sla/test_calendars.hpp"
#include "sla/working_time.hpp"

namespace hd::sla {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;
using std::chrono::sys_days;
using test_support::NamedCalendar;

// One byte per UTC minute of [origin, origin + size): 1 if working.
class MinuteModel {
 public:
  MinuteModel(const Calendar& cal, int first_year, int last_year) {
    const auto& spec = cal.spec();
    const auto* zone = date::locate_zone(spec.time_zone);
    const sys_days first{std::chrono::year{first_year} / 1 / 1};
    const sys_days end{std::chrono::year{last_year + 1} / 1 / 1};
    origin_ = zone->to_sys(date::local_seconds{first.time_since_epoch()}, date::choose::earliest);
    const Instant stop =
        zone->to_sys(date::local_seconds{end.time_since_epoch()}, date::choose::earliest);
    working_.assign(static_cast<std::size_t>((stop - origin_) / minutes{1}), 0);
    // Plain integers in the loop: it visits millions of minutes.
    const std::int64_t origin_minute = origin_.time_since_epoch().count() / 60;
    date::sys_info info = zone->get_info(origin_);
    std::int64_t info_end = info.end.time_since_epoch().count() / 60;
    std::int64_t offset = info.offset.count() / 60;
    std::int64_t table_day = std::numeric_limits<std::int64_t>::min();
    std::array<std::uint8_t, 1440> table{};
    for (std::size_t i = 0; i < working_.size(); ++i) {
      const std::int64_t utc = origin_minute + static_cast<std::int64_t>(i);
      if (utc >= info_end) {
        info = zone->get_info(Instant{minutes{utc}});
        info_end = info.end.time_since_epoch().count() / 60;
        offset = info.offset.count() / 60;
      }
      const std::int64_t local = utc + offset;
      const std::int64_t day = local >= 0 ? local / 1440 : (local - 1439) / 1440;
      if (day != table_day) {
        const DayHours hours = HoursOf(spec, cal.data(), sys_days{std::chrono::days{day}});
        hours.Fill(table);
        table_day = day;
      }
      working_[i] = table[static_cast<std::size_t>(local - day * 1440)];
    }
  }

  Instant origin() const { return origin_; }
  Instant end() const { return origin_ + minutes{working_.size()}; }

  // Walks forward from `start` until `work` working minutes outside `paused`
  // have passed; nullopt when the model ends first.
  std::optional<Instant> Due(Instant start, minutes work,
                             const std::vector<Interval>& paused) const {
    const Ranges r = PausedRanges(paused);
    const std::uint8_t* w = working_.data();
    const std::size_t n = working_.size();
    std::size_t i = Index(start);
    for (std::int64_t left = work.count(); left > 0; ++i) {
      if (i >= n) return std::nullopt;
      if (w[i] == 0) continue;
      bool in_pause = false;
      for (std::size_t k = 0; k < r.count; ++k) in_pause |= i >= r.from[k] && i < r.to[k];
      if (!in_pause) --left;
    }
    return origin_ + minutes{i};
  }

  seconds Elapsed(Instant from, Instant to, const std::vector<Interval>& paused) const {
    const Ranges r = PausedRanges(paused);
    const std::uint8_t* w = working_.data();
    std::int64_t count = 0;
    for (std::size_t i = Index(from), e = Index(to); i < e; ++i) {
      if (w[i] == 0) continue;
      bool in_pause = false;
      for (std::size_t k = 0; k < r.count; ++k) in_pause |= i >= r.from[k] && i < r.to[k];
      if (!in_pause) ++count;
    }
    return minutes{count};
  }

 private:
  // A local day's working hours after the calendar's rules, restated plainly.
  struct DayHours {
    std::vector<WorkingHours> hours;
    seconds close{0};
    // Marks the working minutes of the day (all boundaries are whole minutes).
    void Fill(std::array<std::uint8_t, 1440>& table) const {
      table.fill(0);
      for (const WorkingHours& h : hours) {
        const auto to = std::min(h.end, close) / minutes{1};
        for (auto m = h.begin / minutes{1}; m < to; ++m) table[static_cast<std::size_t>(m)] = 1;
      }
    }
  };

  static DayHours HoursOf(const CalendarSpec& spec, const HolidayData& data, sys_days day) {
    if (data.holidays.count(day) != 0) return {};
    const unsigned wd = std::chrono::weekday{day}.iso_encoding() - 1;
    DayHours out{spec.week[wd], seconds{0}};
    if (out.hours.empty() && data.working_weekends.count(day) != 0) {
      out.hours = spec.transferred_day_hours.empty() ? spec.week[0] : spec.transferred_day_hours;
    }
    if (out.hours.empty()) return {};
    out.close = out.hours.back().end;
    if (spec.shorten_pre_holidays && data.short_days.count(day) != 0) {
      out.close -= spec.short_day_reduction;
    }
    return out;
  }

  std::size_t Index(Instant t) const {
    return static_cast<std::size_t>((t - origin_) / minutes{1});
  }

  // Paused minute ranges as plain arrays: the walks above test them for
  // every minute.
  struct Ranges {
    std::size_t count = 0;
    std::size_t from[4] = {};
    std::size_t to[4] = {};
  };

  Ranges PausedRanges(const std::vector<Interval>& paused) const {
    Ranges out;
    for (const Interval& p : paused) {
      out.from[out.count] = Index(std::clamp(p.from, origin_, end()));
      out.to[out.count] = Index(std::clamp(p.to, origin_, end()));
      ++out.count;
    }
    return out;
  }

  Instant origin_;
  std::vector<std::uint8_t> working_;
};

struct Stats {
  int compared = 0;
  int beyond_data = 0;
};

minutes RandomWork(std::mt19937_64& rng) {
  const auto pick = std::uniform_int_distribution<int>(0, 9)(rng);
  const int max_minutes = pick < 1 ? 5 : pick < 6 ? 240 : pick < 9 ? 18 * 60 : 60 * 60;
  return minutes{std::uniform_int_distribution<int>(0, max_minutes)(rng)};
}

std::vector<Interval> RandomPauses(std::mt19937_64& rng, Instant start) {
  std::vector<Interval> pauses;
  const int n = std::uniform_int_distribution<int>(0, 3)(rng) == 0 ? 2 : 0;
  for (int i = 0; i < n; ++i) {
    const Instant from = start + minutes{std::uniform_int_distribution<int>(-600, 4 * 1440)(rng)};
    pauses.push_back({from, from + minutes{std::uniform_int_distribution<int>(1, 2 * 1440)(rng)}});
  }
  return pauses;
}

void CompareOne(const Calendar& cal, const MinuteModel& model, std::mt19937_64& rng, Stats& stats) {
  const auto span = static_cast<int>((model.end() - model.origin()) / minutes{1});
  const Instant start =
      model.origin() + minutes{std::uniform_int_distribution<int>(0, span - 30 * 1440)(rng)};
  const minutes work = RandomWork(rng);
  const std::vector<Interval> pauses = RandomPauses(rng, start);
  const auto expected = model.Due(start, work, pauses);
  const auto due = DueAt(cal, start, work, pauses);
  auto what = [&] {
    return cal.id() + " start " + core::FormatIso8601(start) + " work " +
           std::to_string(work.count()) + "m pauses " + std::to_string(pauses.size());
  };
  if (!expected) {
    // Past the model's last year: a calendar with holiday data must refuse.
    if (!cal.spec().holiday_sources.empty()) {
      ASSERT_FALSE(due.ok()) << what();
      ASSERT_EQ(due.error().code, ErrorCode::kUnavailable) << what();
    }
    ++stats.beyond_data;
    return;
  }
  ASSERT_TRUE(due.ok()) << what() << ": " << due.error().message;
  ASSERT_EQ(*due, *expected) << what();
  const Instant to = start + minutes{std::uniform_int_distribution<int>(0, 4 * 1440)(rng)};
  const auto worked = WorkingSeconds(cal, start, to, pauses);
  ASSERT_TRUE(worked.ok()) << what() << ": " << worked.error().message;
  ASSERT_EQ(*worked, model.Elapsed(start, to, pauses))
      << what() << " to " << core::FormatIso8601(to);
  ++stats.compared;
}

TEST(WorkingTimeProperty, AgreesWithMinuteByMinuteModel) {
  const std::vector<std::string> ids = {"ru-business",     "ru-business-short", "24x7",
                                        "berlin-business", "berlin-shifts",     "newyork-business"};
  constexpr int kCases = 100'002;
  std::mt19937_64 rng(20251230);
  Stats stats;
  for (const std::string& id : ids) {
    const Calendar& cal = NamedCalendar(id);
    const MinuteModel model(cal, 2023, 2027);
    for (int i = 0; i < kCases / static_cast<int>(ids.size()); ++i) {
      CompareOne(cal, model, rng, stats);
      if (::testing::Test::HasFatalFailure()) return;
    }
  }
  EXPECT_GE(stats.compared, 100'000 - stats.beyond_data);
  EXPECT_LT(stats.beyond_data, kCases / 100);
}

// At second resolution: WorkingSeconds(start, DueAt(start, d)) == d, and one
// second earlier the work is not yet done (DueAt is the earliest instant).
TEST(WorkingTimeProperty, DueAtIsTheEarliestInstantWithTheWorkDone) {
  std::mt19937_64 rng(7);
  for (const std::string id : {"ru-business", "berlin-shifts", "newyork-business", "24x7"}) {
    const Calendar& cal = NamedCalendar(id);
    const Instant origin = test_support::T("2023-01-02T00:00:00Z");
    for (int i = 0; i < 5000; ++i) {
      const Instant start = origin + seconds{std::uniform_int_distribution<std::int64_t>(
                                         0, std::int64_t{4} * 365 * 86400)(rng)};
      const seconds work{std::uniform_int_distribution<std::int64_t>(1, 200'000)(rng)};
      const auto due = DueAt(cal, start, work);
      ASSERT_TRUE(due.ok()) << due.error().message;
      EXPECT_EQ(*WorkingSeconds(cal, start, *due), work) << id << " " << core::FormatIso8601(start);
      EXPECT_EQ(*WorkingSeconds(cal, start, *due - seconds{1}), work - seconds{1}) << id;
    }
  }
}

}  // namespace
}  // namespace hd::sla
