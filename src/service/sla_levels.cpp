#include "service/sla_levels.hpp"

#include <set>

#include "service/licences.hpp"
#include "sla/calendar_loader.hpp"
#include "sla/duration.hpp"
#include "sla/holiday_sources.hpp"

namespace hd::service {

using core::ports::Tx;

namespace {

bool IsIcs(const std::string& name) {
  return name.size() > 4 && name.compare(name.size() - 4, 4, ".ics") == 0;
}

Result<sla::HolidayData> ParseSource(const std::string& name, const std::string& content) {
  auto data = IsIcs(name) ? sla::ParseIcsHolidays(content) : sla::ParseProductionCalendar(content);
  if (!data.ok()) {
    Error e = std::move(data).error();
    e.message = name + ": " + e.message;
    return e;
  }
  return data;
}

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

using StoredSources = std::vector<core::ports::SlaRepo::CalendarSource>;

Result<sla::Calendar> BuildCalendar(const std::string& definition, const SlaSources& sources,
                                    const StoredSources& stored) {
  HD_ASSIGN_OR_RETURN(sla::CalendarSpec spec, sla::ParseCalendarSpec(definition));
  sla::HolidayData data;
  for (const std::string& name : spec.holiday_sources) {
    HD_ASSIGN_OR_RETURN(std::string content, sources.read_source(name));
    HD_ASSIGN_OR_RETURN(sla::HolidayData part, ParseSource(name, content));
    HD_RETURN_IF_ERROR(MergeNewYears(data, part));
  }
  const std::size_t shipped_years = data.years.size();
  for (const auto& s : stored) {
    if (s.calendar_id != spec.id) continue;
    HD_ASSIGN_OR_RETURN(sla::HolidayData part, ParseSource(s.name, s.content));
    HD_RETURN_IF_ERROR(MergeNewYears(data, part));
  }
  if (spec.years && data.years.size() > shipped_years) {
    spec.years = std::make_pair(std::min(spec.years->first, *data.years.begin()),
                                std::max(spec.years->second, *data.years.rbegin()));
  }
  return sla::Calendar::Build(std::move(spec), std::move(data));
}

std::string Fingerprint(const core::SlaLevelVersion& v) {
  auto opt = [](const std::optional<std::int64_t>& s) { return s ? std::to_string(*s) : "-"; };
  return "title=" + v.title + ";first=" + std::to_string(v.first_response_s) +
         ";next=" + opt(v.next_response_s) + ";resolution=" + opt(v.resolution_s) +
         ";calendar=" + v.calendar + ";warning=" + std::to_string(v.warning_percent) +
         ";group=" + v.escalate_group + ";criticality=" + v.escalate_criticality;
}

core::SlaLevelVersion FromLevel(const sla::SupportLevel& l) {
  core::SlaLevelVersion v;
  v.level_id = l.id;
  v.title = l.title;
  v.first_response_s = l.first_response.count();
  if (l.next_response) v.next_response_s = l.next_response->count();
  if (l.resolution) v.resolution_s = l.resolution->count();
  v.calendar = l.calendar;
  v.warning_percent = l.warning_percent;
  v.source = "file";
  return v;
}

// Records the file's definition of each level when it differs from the last
// one recorded from the file; keeps escalation settings made by admins.
Status RecordFileVersions(Tx& tx, const sla::LevelSet& levels, core::Timestamp now) {
  for (const sla::SupportLevel& level : levels.levels()) {
    HD_ASSIGN_OR_RETURN(auto versions, tx.Sla().ListLevelVersions(level.id));
    core::SlaLevelVersion v = FromLevel(level);
    const core::SlaLevelVersion* last_file = nullptr;
    for (const auto& old : versions) {
      if (old.source == "file") last_file = &old;
    }
    if (!versions.empty()) {
      v.escalate_group = versions.back().escalate_group;
      v.escalate_criticality = versions.back().escalate_criticality;
    }
    core::SlaLevelVersion plain = v;
    plain.escalate_group.clear();
    plain.escalate_criticality.clear();
    v.fingerprint = Fingerprint(plain);
    if (last_file != nullptr && last_file->fingerprint == v.fingerprint) continue;
    v.created_at = now;
    HD_RETURN_IF_ERROR(tx.Sla().InsertLevelVersion(std::move(v)));
  }
  return Ok();
}

// The file's levels with the clock fields of their current versions, so
// resolution compares the targets in force.
sla::LevelSet EffectiveLevels(const sla::LevelSet& file, const SlaCatalog& c) {
  std::vector<sla::SupportLevel> levels = file.levels();
  for (sla::SupportLevel& l : levels) {
    const core::SlaLevelVersion* v = c.CurrentVersion(l.id);
    if (v == nullptr) continue;
    l.title = v->title;
    l.first_response = std::chrono::seconds(v->first_response_s);
    l.calendar = v->calendar;
    l.warning_percent = v->warning_percent;
  }
  return sla::LevelSet(std::move(levels));
}

Status ApplyDuration(const std::optional<std::string>& text, const char* field,
                     std::optional<std::int64_t>& out, bool removable) {
  if (!text) return Ok();
  if (text->empty() && removable) {
    out.reset();
    return Ok();
  }
  HD_ASSIGN_OR_RETURN(auto d, sla::ParseDuration(*text, field));
  if (d.count() <= 0)
    return Error::InvalidArgument(std::string(field) + " must be positive", field);
  out = d.count();
  return Ok();
}

}  // namespace

Result<std::shared_ptr<SlaCatalog>> SlaLevels::Build(bool record) {
  HD_ASSIGN_OR_RETURN(sla::LevelSet file_levels, sla::ParseLevels(sources_.levels_yaml));
  auto catalog = std::make_shared<SlaCatalog>();
  StoredSources stored;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    if (record) HD_RETURN_IF_ERROR(RecordFileVersions(tx, file_levels, clock_.Now()));
    HD_ASSIGN_OR_RETURN(stored, tx.Sla().ListCalendarSources());
    for (const sla::SupportLevel& level : file_levels.levels()) {
      HD_ASSIGN_OR_RETURN(auto versions, tx.Sla().ListLevelVersions(level.id));
      for (auto& v : versions) catalog->versions[v.id.value] = v;
      if (!versions.empty()) catalog->current[level.id] = versions.back();
    }
    return Ok();
  }));
  for (const auto& [id, definition] : sources_.calendars) {
    auto calendar = BuildCalendar(definition, sources_, stored);
    if (!calendar.ok()) {
      Error e = std::move(calendar).error();
      e.message = "calendar " + id + ": " + e.message;
      return e;
    }
    catalog->calendars[id] = std::make_shared<sla::Calendar>(std::move(calendar).value());
  }
  for (const auto& [id, v] : catalog->current) {
    if (!catalog->FindCalendar(v.calendar)) {
      return Error::NotFound("level " + id + " names calendar " + v.calendar +
                             ", which is not among the calendars");
    }
  }
  catalog->levels = EffectiveLevels(file_levels, *catalog);
  return catalog;
}

Status SlaLevels::Load(SlaSources sources) {
  std::lock_guard lock(mu_);
  sources_ = std::move(sources);
  HD_ASSIGN_OR_RETURN(auto catalog, Build(true));
  policy_.Replace(std::move(catalog));
  return Ok();
}

Result<std::vector<core::SlaLevelVersion>> SlaLevels::List() {
  std::vector<core::SlaLevelVersion> out;
  for (const auto& [id, v] : policy_.Current()->current) out.push_back(v);
  return out;
}

Result<core::SlaLevelVersion> SlaLevels::Update(const std::optional<Actor>& actor,
                                                const std::string& level_id, const LevelPatch& p) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  std::lock_guard lock(mu_);
  const auto catalog = policy_.Current();
  const core::SlaLevelVersion* current = catalog->CurrentVersion(level_id);
  if (current == nullptr) return Error::NotFound("no support level " + level_id);
  core::SlaLevelVersion v = *current;
  if (p.title) v.title = *p.title;
  std::optional<std::int64_t> first = v.first_response_s;
  HD_RETURN_IF_ERROR(ApplyDuration(p.first_response, "first_response", first, false));
  v.first_response_s = *first;
  HD_RETURN_IF_ERROR(ApplyDuration(p.next_response, "next_response", v.next_response_s, true));
  HD_RETURN_IF_ERROR(ApplyDuration(p.resolution, "resolution", v.resolution_s, true));
  if (p.calendar) {
    if (!catalog->FindCalendar(*p.calendar)) {
      return Error::InvalidArgument("no calendar " + *p.calendar, "calendar");
    }
    v.calendar = *p.calendar;
  }
  if (p.warning_percent) {
    if (*p.warning_percent < 1 || *p.warning_percent > 99) {
      return Error::InvalidArgument("warning_percent must be 1 to 99", "warning_percent");
    }
    v.warning_percent = *p.warning_percent;
  }
  if (p.escalate_criticality && !p.escalate_criticality->empty() &&
      !core::ParseCriticality(*p.escalate_criticality)) {
    return Error::InvalidArgument("escalate_criticality must be low, normal, high or critical",
                                  "escalate_criticality");
  }
  if (p.escalate_criticality) v.escalate_criticality = *p.escalate_criticality;
  if (p.escalate_group) v.escalate_group = *p.escalate_group;
  v.source = "admin";
  v.fingerprint = Fingerprint(v);
  v.created_by = actor ? std::optional(actor->id) : std::nullopt;
  v.created_at = clock_.Now();
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    if (!v.escalate_group.empty()) {
      HD_ASSIGN_OR_RETURN(auto group, tx.Groups().FindBySlug(v.escalate_group));
      if (!group) return Error::InvalidArgument("no group " + v.escalate_group, "escalate_group");
    }
    HD_ASSIGN_OR_RETURN(v, tx.Sla().InsertLevelVersion(v));
    return tx.Audit().Record({0, v.created_by, "level.update", "level:" + level_id,
                              "version " + std::to_string(v.version) + ": " + v.fingerprint,
                              v.created_at});
  }));
  HD_ASSIGN_OR_RETURN(auto rebuilt, Build(false));
  policy_.Replace(std::move(rebuilt));
  return v;
}

Result<int> SlaLevels::Reapply(const std::optional<Actor>& actor, const std::string& level_id) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  const auto catalog = policy_.Current();
  const core::SlaLevelVersion* current = catalog->CurrentVersion(level_id);
  if (current == nullptr) return Error::NotFound("no support level " + level_id);
  int moved = 0;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    const auto now = clock_.Now();
    HD_ASSIGN_OR_RETURN(auto tickets, tx.Sla().ListOpenOnOtherVersion(level_id, current->id));
    for (core::TicketId id : tickets) {
      HD_ASSIGN_OR_RETURN(auto clock, tx.Sla().FindClock(id));
      clock->level_version_id = current->id;
      clock->calendar = current->calendar;
      HD_RETURN_IF_ERROR(tx.Sla().UpdateClock(*clock));
      HD_ASSIGN_OR_RETURN(core::Ticket t, tx.Tickets().Get(id));
      HD_RETURN_IF_ERROR(clocks_.Refresh(tx, t, now));
      ++moved;
    }
    return tx.Audit().Record({0, actor ? std::optional(actor->id) : std::nullopt, "level.reapply",
                              "level:" + level_id,
                              std::to_string(moved) + " open tickets moved to version " +
                                  std::to_string(current->version),
                              now});
  }));
  return moved;
}

Result<CalendarImport> SlaLevels::ImportCalendar(const std::optional<Actor>& actor,
                                                 const std::string& calendar_id,
                                                 const std::string& name,
                                                 const std::string& content) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  std::lock_guard lock(mu_);
  if (!sources_.calendars.count(calendar_id)) {
    return Error::InvalidArgument("no calendar " + calendar_id, "calendar");
  }
  HD_ASSIGN_OR_RETURN(sla::HolidayData data, ParseSource(name, content));
  CalendarImport out{calendar_id, std::vector<int>(data.years.begin(), data.years.end()), {}};
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    const auto now = clock_.Now();
    HD_RETURN_IF_ERROR(tx.Sla().PutCalendarSource({calendar_id, name, content, now}));
    return tx.Audit().Record({0, actor ? std::optional(actor->id) : std::nullopt, "calendar.import",
                              "calendar:" + calendar_id, name, now});
  }));
  HD_ASSIGN_OR_RETURN(auto rebuilt, Build(false));
  out.coverage = rebuilt->FindCalendar(calendar_id)->year_range();
  policy_.Replace(std::move(rebuilt));
  return out;
}

}  // namespace hd::service
