#include "service/sla_levels.hpp"

#include <set>

#include "service/licences.hpp"
#include "service/sla_catalog_build.hpp"
#include "service/validation.hpp"
#include "sla/duration.hpp"

namespace hd::service {

using core::ports::Tx;

namespace {

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
  v.title = l.title.Stored();
  v.first_response_s = l.first_response.count();
  if (l.next_response) v.next_response_s = l.next_response->count();
  if (l.resolution) v.resolution_s = l.resolution->count();
  v.calendar = l.calendar;
  v.warning_percent = l.warning_percent;
  if (l.escalation) {
    v.escalate_group = l.escalation->group;
    v.escalate_criticality = l.escalation->criticality;
  }
  v.source = "file";
  return v;
}

Status CheckGroup(Tx& tx, const std::string& slug, const std::string& level_id) {
  if (slug.empty()) return Ok();
  HD_ASSIGN_OR_RETURN(auto group, tx.Groups().FindBySlug(slug));
  if (group) return Ok();
  return Error::InvalidArgument("levels.yaml: level " + level_id + " escalates to group " + slug +
                                ", which does not exist");
}

// Records the file's definition of each level when it differs from the last
// one recorded from the file. A level whose file entry says nothing about
// escalation keeps the escalation of its latest version (set by an admin).
// True when a version was recorded. kInvalidArgument for an escalation to a
// group that does not exist.
Result<bool> RecordFileVersions(Tx& tx, const sla::LevelSet& levels, core::Timestamp now) {
  bool recorded = false;
  for (const sla::SupportLevel& level : levels.levels()) {
    HD_ASSIGN_OR_RETURN(auto versions, tx.Sla().ListLevelVersions(level.id));
    core::SlaLevelVersion v = FromLevel(level);
    const core::SlaLevelVersion* last_file = nullptr;
    for (const auto& old : versions) {
      if (old.source == "file") last_file = &old;
    }
    v.fingerprint = Fingerprint(v);  // of the file's entry alone
    if (level.escalation) {
      HD_RETURN_IF_ERROR(CheckGroup(tx, level.escalation->group, level.id));
    } else if (!versions.empty()) {
      v.escalate_group = versions.back().escalate_group;
      v.escalate_criticality = versions.back().escalate_criticality;
    }
    if (last_file != nullptr && last_file->fingerprint == v.fingerprint) continue;
    v.created_at = now;
    HD_RETURN_IF_ERROR(tx.Sla().InsertLevelVersion(std::move(v)));
    recorded = true;
  }
  return recorded;
}

// The file's levels with the clock fields of their current versions, so
// resolution compares the targets in force.
sla::LevelSet EffectiveLevels(const sla::LevelSet& file, const SlaCatalog& c) {
  std::vector<sla::SupportLevel> levels = file.levels();
  for (sla::SupportLevel& l : levels) {
    const core::SlaLevelVersion* v = c.CurrentVersion(l.id);
    if (v == nullptr) continue;
    l.title = core::LocalText::FromStored(v->title);
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
  std::vector<core::ports::SlaRepo::CalendarDefinition> definitions;
  auto read = [&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(catalog->policy_version, tx.Sla().PolicyVersion());
    HD_ASSIGN_OR_RETURN(stored, tx.Sla().ListCalendarSources());
    HD_ASSIGN_OR_RETURN(definitions, tx.Sla().ListCalendarDefinitions());
    for (const sla::SupportLevel& level : file_levels.levels()) {
      HD_ASSIGN_OR_RETURN(auto versions, tx.Sla().ListLevelVersions(level.id));
      for (auto& v : versions) catalog->versions[v.id.value] = v;
      if (!versions.empty()) catalog->current[level.id] = versions.back();
    }
    return Ok();
  };
  if (record) {
    HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
      HD_ASSIGN_OR_RETURN(bool recorded, RecordFileVersions(tx, file_levels, clock_.Now()));
      if (recorded) HD_RETURN_IF_ERROR(tx.Sla().BumpPolicyVersion());
      return read(tx);
    }));
  } else {
    HD_RETURN_IF_ERROR(store_.Read(read));
  }
  std::map<std::string, std::string> calendars = sources_.calendars;
  for (auto& d : definitions) calendars[d.calendar_id] = std::move(d.content);
  for (const auto& [id, definition] : calendars) {
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

Result<bool> SlaLevels::Refresh() {
  HD_ASSIGN_OR_RETURN(const std::int64_t stored, PolicyVersion());
  if (stored == policy_.Current()->policy_version) return false;
  std::lock_guard lock(mu_);
  if (sources_.levels_yaml.empty()) return false;                 // not loaded yet
  if (stored == policy_.Current()->policy_version) return false;  // rebuilt meanwhile
  HD_ASSIGN_OR_RETURN(auto rebuilt, Build(false));
  policy_.Replace(std::move(rebuilt));
  return true;
}

Result<std::int64_t> SlaLevels::PolicyVersion() {
  std::int64_t version = 0;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(version, tx.Sla().PolicyVersion());
    return Ok();
  }));
  return version;
}

Result<std::optional<CustomerLevel>> SlaLevels::LevelOf(const Actor& customer) {
  if (customer.staff()) return std::optional<CustomerLevel>();
  std::optional<CustomerLevel> level;
  HD_RETURN_IF_ERROR(store_.Read([&](core::ports::Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(LevelChoice choice, clocks_.Choose(tx, customer, "", "web", clock_.Now()));
    if (!choice.enabled) return Ok();
    const core::SlaLevelVersion* version = policy_.Current()->CurrentVersion(choice.level_id);
    std::string title =
        version ? core::LocalText::FromStored(version->title).In(customer.language) : "";
    level = CustomerLevel{choice.level_id, title.empty() ? choice.level_id : std::move(title),
                          choice.reason.In(customer.language)};
    return Ok();
  }));
  return level;
}

Result<std::vector<core::SlaLevelVersion>> SlaLevels::List() {
  std::vector<core::SlaLevelVersion> out;
  for (const auto& [id, v] : policy_.Current()->current) out.push_back(v);
  return out;
}

Result<std::vector<LevelTerms>> SlaLevels::Terms(const Actor& reader) {
  const auto catalog = policy_.Current();
  const std::string& language = reader.language;
  std::vector<LevelTerms> out;
  for (const sla::SupportLevel& level : catalog->levels.levels()) {
    const core::SlaLevelVersion* v = catalog->CurrentVersion(level.id);
    if (v == nullptr) continue;
    LevelTerms terms{*v, level.title.In(language), level.who.In(language), {}};
    for (std::size_t i = 0; i < sla::kEntitlementCount; ++i) {
      const auto e = static_cast<sla::Entitlement>(i);
      const sla::EntitlementGrant& g = level.grant(e);
      const char* grant = g.grant == sla::Grant::kYes       ? "yes"
                          : g.grant == sla::Grant::kLimited ? "limited"
                                                            : "no";
      terms.entitlements.push_back({std::string(sla::EntitlementKey(e)),
                                    std::string(sla::EntitlementName(e, language)), grant,
                                    g.note.In(language)});
    }
    out.push_back(std::move(terms));
  }
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
  if (p.title) {
    HD_RETURN_IF_ERROR(CheckLocalText(*p.title, "title", 200, true));
    v.title = p.title->Stored();
  }
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
    HD_RETURN_IF_ERROR(tx.Sla().BumpPolicyVersion());  // other instances reload
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

}  // namespace hd::service
