// The calendars of the SLA catalogue: building them from definitions and
// holiday sources, and the administrators' use cases that change them
// (SlaLevels::ImportCalendar, SlaLevels::PutCalendar).
#include <algorithm>
#include <chrono>
#include <set>

#include "service/licences.hpp"
#include "service/sla_catalog_build.hpp"
#include "sla/calendar_loader.hpp"
#include "sla/holiday_sources.hpp"

namespace hd::service {

using core::ports::Tx;

namespace {

// Adds the years of `extra` that `base` lacks (an import may repeat a year).
Status MergeNewYears(sla::HolidayData& base, const sla::HolidayData& extra) {
  sla::HolidayData fresh;
  for (int year : extra.years) {
    if (!base.years.count(year)) fresh.years.insert(year);
  }
  auto in_fresh = [&](std::chrono::sys_days d) {
    return fresh.years.count(static_cast<int>(std::chrono::year_month_day(d).year())) > 0;
  };
  for (auto d : extra.holidays)
    if (in_fresh(d)) fresh.holidays.insert(d);
  for (auto d : extra.working_weekends)
    if (in_fresh(d)) fresh.working_weekends.insert(d);
  for (auto d : extra.short_days)
    if (in_fresh(d)) fresh.short_days.insert(d);
  return base.Merge(fresh);
}

constexpr std::string_view kDefinitionFormat = "helpdesk-calendar/1";
constexpr std::string_view kHolidaysFormat = "ru-production-calendar/1";

bool ValidName(const std::string& name, std::size_t max) {
  if (name.empty() || name.size() > max || name.front() == '.') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  });
}

// The name an upload of holidays is stored under: the one given, or
// "api-<first year>-<last year>" with the extension of its kind.
Result<std::string> SourceName(const CalendarUpload& upload, const sla::HolidayData& data) {
  const std::string ext = upload.ics ? ".ics" : ".json";
  if (upload.source.empty()) {
    if (data.years.empty()) return std::string("api") + ext;
    return "api-" + std::to_string(*data.years.begin()) + "-" +
           std::to_string(*data.years.rbegin()) + ext;
  }
  if (!ValidName(upload.source, 100) || IsIcsName(upload.source) != upload.ics) {
    return Error::InvalidArgument(
        "source must be a file name of letters, digits, '.', '-' or '_' "
        "ending in " +
            ext,
        "source");
  }
  return upload.source;
}

// Checks that a definition's holiday sources are among the shipped files.
Status CheckShippedSources(const sla::CalendarSpec& spec, const SlaSources& sources) {
  for (const std::string& name : spec.holiday_sources) {
    if (!sources.read_source || !sources.read_source(name).ok()) {
      return Error::InvalidArgument("holiday source " + name +
                                        " is not a shipped file; import holidays with "
                                        "PUT /api/v1/admin/calendars/" +
                                        spec.id + " instead",
                                    "holiday_sources");
    }
  }
  return Ok();
}

CalendarDayInfo DayOf(const sla::Calendar& calendar, std::chrono::sys_days date) {
  CalendarDayInfo day;
  day.date = date;
  day.kind = calendar.KindOf(date);
  day.transferred = calendar.data().working_weekends.count(date) > 0;
  day.short_day = calendar.data().short_days.count(date) > 0;
  for (const sla::WorkingHours& h : calendar.HoursOn(date)) day.hours += h.end - h.begin;
  return day;
}

// The first and last date of `year`.
std::pair<std::chrono::sys_days, std::chrono::sys_days> DatesOf(int year) {
  using namespace std::chrono;
  return {sys_days(std::chrono::year(year) / January / 1),
          sys_days(std::chrono::year(year) / December / 31)};
}

bool Covers(const sla::Calendar& calendar, int year) {
  const auto [first, last] = DatesOf(year);
  return calendar
      .CheckCovered(calendar.StartOfLocalDate(first),
                    calendar.StartOfLocalDate(last) + std::chrono::hours(23))
      .ok();
}

// The days of `years` whose kind or hours differ between `before` (null: a
// new calendar) and `after`, by date, at most CalendarImport::kMaxDayChanges.
std::vector<CalendarDayChange> DayChanges(const sla::Calendar* before, const sla::Calendar& after,
                                          const std::set<int>& years) {
  std::vector<CalendarDayChange> out;
  for (int year : years) {
    if (!Covers(after, year)) continue;
    const bool had = before != nullptr && Covers(*before, year);
    const auto [first, last] = DatesOf(year);
    for (auto d = first; d <= last; d += std::chrono::days(1)) {
      CalendarDayChange change{std::nullopt, DayOf(after, d)};
      if (had) change.before = DayOf(*before, d);
      if (change.before == change.after) continue;
      if (out.size() == CalendarImport::kMaxDayChanges) return out;
      out.push_back(std::move(change));
    }
  }
  return out;
}

// The years a dry run compares: the source's, or for a definition the
// covered years from last year to three years ahead.
std::set<int> YearsToCompare(const sla::Calendar& after, int this_year) {
  std::set<int> years;
  const auto [first, last] = after.year_range();
  for (int y = std::max(first, this_year - 1); y <= std::min(last, this_year + 3); ++y) {
    years.insert(y);
  }
  return years;
}

}  // namespace

bool IsIcsName(const std::string& name) {
  return name.size() > 4 && name.compare(name.size() - 4, 4, ".ics") == 0;
}

Result<sla::HolidayData> ParseHolidaySource(const std::string& name, const std::string& content) {
  auto data =
      IsIcsName(name) ? sla::ParseIcsHolidays(content) : sla::ParseProductionCalendar(content);
  if (!data.ok()) {
    Error e = std::move(data).error();
    e.message = name + ": " + e.message;
    return e;
  }
  return data;
}

Result<sla::Calendar> BuildCalendar(const std::string& definition, const SlaSources& sources,
                                    const StoredSources& stored) {
  HD_ASSIGN_OR_RETURN(sla::CalendarSpec spec, sla::ParseCalendarSpec(definition));
  sla::HolidayData data;
  for (const std::string& name : spec.holiday_sources) {
    HD_ASSIGN_OR_RETURN(std::string content, sources.read_source(name));
    HD_ASSIGN_OR_RETURN(sla::HolidayData part, ParseHolidaySource(name, content));
    HD_RETURN_IF_ERROR(MergeNewYears(data, part));
  }
  const std::size_t shipped_years = data.years.size();
  for (const auto& s : stored) {
    if (s.calendar_id != spec.id) continue;
    HD_ASSIGN_OR_RETURN(sla::HolidayData part, ParseHolidaySource(s.name, s.content));
    HD_RETURN_IF_ERROR(MergeNewYears(data, part));
  }
  if (spec.years && data.years.size() > shipped_years) {
    spec.years = std::make_pair(std::min(spec.years->first, *data.years.begin()),
                                std::max(spec.years->second, *data.years.rbegin()));
  }
  if (!spec.years && spec.holiday_sources.empty() && !data.years.empty()) {
    // A calendar that needs no holiday data covers every year; imported
    // holidays are skipped where they fall, not the only years covered.
    spec.years =
        std::make_pair(sla::CalendarSpec::kDefaultFirstYear, sla::CalendarSpec::kDefaultLastYear);
  }
  return sla::Calendar::Build(std::move(spec), std::move(data));
}

Result<CalendarImport> SlaLevels::ImportCalendar(const std::optional<Actor>& actor,
                                                 const std::string& calendar_id,
                                                 const std::string& name,
                                                 const std::string& content) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  std::lock_guard lock(mu_);
  return ImportLocked(actor, calendar_id, name, content, false);
}

Result<CalendarImport> SlaLevels::ImportLocked(const std::optional<Actor>& actor,
                                               const std::string& calendar_id,
                                               const std::string& name, const std::string& content,
                                               bool dry_run) {
  if (!policy_.Current()->FindCalendar(calendar_id)) {
    return Error::InvalidArgument("no calendar " + calendar_id, "calendar");
  }
  HD_ASSIGN_OR_RETURN(sla::HolidayData data, ParseHolidaySource(name, content));
  CalendarImport out{
      calendar_id, "holidays", name, std::vector<int>(data.years.begin(), data.years.end()), {}};
  if (dry_run) {
    const auto now = clock_.Now();
    HD_ASSIGN_OR_RETURN(sla::Calendar after, BuildWith(calendar_id, "",
                                                       core::ports::SlaRepo::CalendarSource{
                                                           calendar_id, name, content, now}));
    out.coverage = after.year_range();
    out.stored = false;
    out.changes = DayChanges(policy_.Current()->FindCalendar(calendar_id), after, data.years);
    return out;
  }
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    const auto now = clock_.Now();
    HD_RETURN_IF_ERROR(tx.Sla().PutCalendarSource({calendar_id, name, content, now}));
    HD_RETURN_IF_ERROR(tx.Sla().BumpPolicyVersion());
    return tx.Audit().Record({0, actor ? std::optional(actor->id) : std::nullopt, "calendar.import",
                              "calendar:" + calendar_id, name, now});
  }));
  HD_ASSIGN_OR_RETURN(auto rebuilt, Build(false));
  out.coverage = rebuilt->FindCalendar(calendar_id)->year_range();
  policy_.Replace(std::move(rebuilt));
  return out;
}

Result<CalendarImport> SlaLevels::PutCalendar(const std::optional<Actor>& actor,
                                              const CalendarUpload& upload) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  if (!ValidName(upload.calendar_id, 64) || upload.calendar_id.find('.') != std::string::npos) {
    return Error::InvalidArgument("a calendar id is 1 to 64 letters, digits, '-' or '_'",
                                  "calendar");
  }
  std::lock_guard lock(mu_);
  if (upload.ics) {
    HD_ASSIGN_OR_RETURN(auto data, ParseHolidaySource("calendar.ics", upload.content));
    HD_ASSIGN_OR_RETURN(std::string name, SourceName(upload, data));
    return ImportLocked(actor, upload.calendar_id, name, upload.content, upload.dry_run);
  }
  const auto format = sla::JsonFormat(upload.content);
  if (format == kHolidaysFormat) {
    HD_ASSIGN_OR_RETURN(auto data, ParseHolidaySource("holidays", upload.content));
    HD_ASSIGN_OR_RETURN(std::string name, SourceName(upload, data));
    return ImportLocked(actor, upload.calendar_id, name, upload.content, upload.dry_run);
  }
  if (format != kDefinitionFormat) {
    return Error::InvalidArgument(
        "send a JSON object whose format is \"helpdesk-calendar/1\" (a calendar definition) or "
        "\"ru-production-calendar/1\" (holidays), or text/calendar",
        "format");
  }
  return DefineLocked(actor, upload);
}

Result<CalendarImport> SlaLevels::DefineLocked(const std::optional<Actor>& actor,
                                               const CalendarUpload& upload) {
  HD_ASSIGN_OR_RETURN(sla::CalendarSpec spec, sla::ParseCalendarSpec(upload.content));
  if (spec.id != upload.calendar_id) {
    return Error::InvalidArgument("id must be " + upload.calendar_id + ", the calendar of the path",
                                  "id");
  }
  HD_RETURN_IF_ERROR(CheckShippedSources(spec, sources_));
  StoredSources stored;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(stored, tx.Sla().ListCalendarSources());
    return Ok();
  }));
  HD_ASSIGN_OR_RETURN(sla::Calendar calendar, BuildCalendar(upload.content, sources_, stored));
  if (upload.dry_run) {
    const int this_year = static_cast<int>(
        std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(clock_.Now())).year());
    CalendarImport out{spec.id, "definition", "", {}, calendar.year_range()};
    out.stored = false;
    out.changes = DayChanges(policy_.Current()->FindCalendar(spec.id), calendar,
                             YearsToCompare(calendar, this_year));
    return out;
  }
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    const auto now = clock_.Now();
    HD_RETURN_IF_ERROR(tx.Sla().PutCalendarDefinition({spec.id, upload.content, now}));
    HD_RETURN_IF_ERROR(tx.Sla().BumpPolicyVersion());
    return tx.Audit().Record({0, actor ? std::optional(actor->id) : std::nullopt, "calendar.define",
                              "calendar:" + spec.id, spec.title, now});
  }));
  HD_ASSIGN_OR_RETURN(auto rebuilt, Build(false));
  policy_.Replace(std::move(rebuilt));
  return CalendarImport{spec.id, "definition", "", {}, calendar.year_range()};
}

Result<std::vector<CalendarInfo>> SlaLevels::Calendars(const std::optional<Actor>& actor) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  std::vector<CalendarInfo> out;
  const auto catalog = policy_.Current();
  for (const auto& [id, calendar] : catalog->calendars) {
    const auto& spec = calendar->spec();
    CalendarInfo info{id, spec.title, spec.time_zone, calendar->year_range(), {}};
    for (int year = info.coverage.first; year <= info.coverage.second; ++year) {
      if (!Covers(*calendar, year)) continue;
      if (!info.covered.empty() && info.covered.back().second == year - 1) {
        info.covered.back().second = year;
      } else {
        info.covered.emplace_back(year, year);
      }
    }
    for (const auto& [level, version] : catalog->current) {
      if (version.calendar == id) info.in_use = true;
    }
    out.push_back(std::move(info));
  }
  return out;
}

Result<CalendarYear> SlaLevels::YearOf(const std::optional<Actor>& actor,
                                       const std::string& calendar_id, int year) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  if (year < sla::CalendarSpec::kDefaultFirstYear || year > sla::CalendarSpec::kDefaultLastYear) {
    return Error::InvalidArgument("year must be 1970 to 2199", "year");
  }
  const auto catalog = policy_.Current();
  const sla::Calendar* calendar = catalog->FindCalendar(calendar_id);
  if (calendar == nullptr) return Error::NotFound("no calendar " + calendar_id);
  CalendarYear out{calendar_id, calendar->spec().title, calendar->spec().time_zone, year, false,
                   {}};
  out.covered = Covers(*calendar, year);
  if (!out.covered) return out;
  const auto [first, last] = DatesOf(year);
  for (auto d = first; d <= last; d += std::chrono::days(1))
    out.days.push_back(DayOf(*calendar, d));
  return out;
}

Result<sla::Calendar> SlaLevels::BuildWith(
    const std::string& calendar_id, const std::string& definition,
    const std::optional<core::ports::SlaRepo::CalendarSource>& extra) {
  StoredSources stored;
  std::vector<core::ports::SlaRepo::CalendarDefinition> definitions;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(stored, tx.Sla().ListCalendarSources());
    HD_ASSIGN_OR_RETURN(definitions, tx.Sla().ListCalendarDefinitions());
    return Ok();
  }));
  std::string text = definition;
  if (text.empty()) {
    auto shipped = sources_.calendars.find(calendar_id);
    if (shipped != sources_.calendars.end()) text = shipped->second;
    for (const auto& d : definitions) {
      if (d.calendar_id == calendar_id) text = d.content;
    }
  }
  if (extra) {
    std::erase_if(stored, [&](const auto& s) {
      return s.calendar_id == extra->calendar_id && s.name == extra->name;
    });
    stored.push_back(*extra);
  }
  return BuildCalendar(text, sources_, stored);
}

}  // namespace hd::service
