// SLA level versions, ticket clocks, alerts and imported holiday sources.
#include <algorithm>

#include "storage/repos/rows.hpp"
#include "storage/repos/sql_sla_repos.hpp"

namespace hd::storage {

using namespace sql;  // NOLINT(google-build-using-namespace): row helpers

namespace {

constexpr std::string_view kVersionColumns =
    "SELECT v.id, v.level_id, v.version, v.title, v.first_response_s, v.next_response_s, "
    "v.resolution_s, v.calendar, v.warning_percent, v.escalate_group, v.escalate_criticality, "
    "v.source, v.fingerprint, v.created_by, v.created_at FROM sla_level_versions v ";

constexpr std::string_view kClockColumns =
    "SELECT s.ticket_id, s.level_id, s.level_version_id, s.level_reason, s.calendar, "
    "s.coupon_id, s.started_at, s.first_response_due, s.first_response_at, "
    "s.first_response_by, s.next_response_due, s.resolution_due, s.resolved_at, "
    "s.paused_since, s.paused_remaining_s, s.next_target, s.next_due, s.next_alert_at, "
    "s.updated_at, s.first_response_s, s.resolution_s FROM ticket_sla s ";

std::optional<std::int64_t> OptionalIntAt(const Statement& s, int c) {
  if (s.IsNull(c)) return std::nullopt;
  return s.ColumnInt(c);
}

std::optional<core::Timestamp> OptionalTimeAt(const Statement& s, int c) {
  if (s.IsNull(c)) return std::nullopt;
  return TimeAt(s, c);
}

Result<core::SlaLevelVersion> ReadVersion(const Statement& s, int c = 0) {
  core::SlaLevelVersion v;
  v.id = IdAt<core::SlaLevelVersionId>(s, c + 0);
  v.level_id = s.ColumnText(c + 1);
  v.version = IntAt(s, c + 2);
  v.title = s.ColumnText(c + 3);
  v.first_response_s = s.ColumnInt(c + 4);
  v.next_response_s = OptionalIntAt(s, c + 5);
  v.resolution_s = OptionalIntAt(s, c + 6);
  v.calendar = s.ColumnText(c + 7);
  v.warning_percent = IntAt(s, c + 8);
  v.escalate_group = s.ColumnText(c + 9);
  v.escalate_criticality = s.ColumnText(c + 10);
  v.source = s.ColumnText(c + 11);
  v.fingerprint = s.ColumnText(c + 12);
  v.created_by = OptionalIdAt<core::UserId>(s, c + 13);
  v.created_at = TimeAt(s, c + 14);
  return v;
}

Result<core::TicketSla> ReadClock(const Statement& s) {
  core::TicketSla t;
  t.ticket_id = IdAt<core::TicketId>(s, 0);
  t.level_id = s.ColumnText(1);
  t.level_version_id = IdAt<core::SlaLevelVersionId>(s, 2);
  t.level_reason = s.ColumnText(3);
  t.calendar = s.ColumnText(4);
  t.coupon_id = OptionalIdAt<core::CouponId>(s, 5);
  t.started_at = TimeAt(s, 6);
  t.first_response_due = OptionalTimeAt(s, 7);
  t.first_response_at = OptionalTimeAt(s, 8);
  t.first_response_by = OptionalIdAt<core::UserId>(s, 9);
  t.next_response_due = OptionalTimeAt(s, 10);
  t.resolution_due = OptionalTimeAt(s, 11);
  t.resolved_at = OptionalTimeAt(s, 12);
  t.paused_since = OptionalTimeAt(s, 13);
  t.paused_remaining_s = s.ColumnInt(14);
  if (!s.IsNull(15)) {
    const std::string target = s.ColumnText(15);
    t.next_target = core::ParseSlaTarget(target);
    if (!t.next_target) return Corrupt("SLA target", target);
  }
  t.next_due = OptionalTimeAt(s, 16);
  t.next_alert_at = OptionalTimeAt(s, 17);
  t.updated_at = TimeAt(s, 18);
  t.first_response_s = OptionalIntAt(s, 19);
  t.resolution_s = OptionalIntAt(s, 20);
  return t;
}

std::optional<std::string> TargetText(const std::optional<core::SlaTarget>& target) {
  if (!target) return std::nullopt;
  return std::string(core::ToString(*target));
}

// Keeps tickets.sla_due (the staff queues' sort key) equal to the clock's
// next due instant. A new ticket is inserted with it already (TicketRepo),
// so the row is only read then, not written again.
Status SyncTicketDue(Connection& conn, const core::TicketSla& t) {
  const std::int64_t due = SlaDueKey(t.next_due);
  HD_RETURN_IF_ERROR(Run(conn, "UPDATE tickets SET sla_due = ? WHERE id = ? AND sla_due <> ?", due,
                         t.ticket_id, due));
  return Ok();
}

}  // namespace

Result<core::SlaLevelVersion> SqlSlaRepo::InsertLevelVersion(core::SlaLevelVersion v) {
  HD_ASSIGN_OR_RETURN(auto max, Query(conn_,
                                      "SELECT COALESCE(MAX(version), 0) FROM sla_level_versions "
                                      "WHERE level_id = ?",
                                      v.level_id));
  HD_ASSIGN_OR_RETURN(bool row, max->Step());
  v.version = row ? static_cast<int>(max->ColumnInt(0)) + 1 : 1;
  HD_ASSIGN_OR_RETURN(
      std::int64_t id,
      InsertReturningId(conn_,
                        "INSERT INTO sla_level_versions (level_id, version, title, "
                        "first_response_s, next_response_s, resolution_s, calendar, "
                        "warning_percent, escalate_group, escalate_criticality, source, "
                        "fingerprint, created_by, created_at) VALUES "
                        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                        v.level_id, v.version, v.title, v.first_response_s, v.next_response_s,
                        v.resolution_s, v.calendar, v.warning_percent, v.escalate_group,
                        v.escalate_criticality, v.source, v.fingerprint, v.created_by,
                        v.created_at));
  v.id = core::SlaLevelVersionId(id);
  return v;
}

Result<core::SlaLevelVersion> SqlSlaRepo::GetLevelVersion(core::SlaLevelVersionId id) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, Sql(kVersionColumns, "WHERE v.id = ?"), id));
  HD_ASSIGN_OR_RETURN(auto version, First<core::SlaLevelVersion>(
                                        stmt, [](const Statement& s) { return ReadVersion(s); }));
  if (!version) return Error::NotFound("no level version " + std::to_string(id.value));
  return std::move(*version);
}

Result<std::vector<core::SlaLevelVersion>> SqlSlaRepo::ListLevelVersions(
    const std::string& level_id) {
  HD_ASSIGN_OR_RETURN(
      auto stmt,
      Query(conn_, Sql(kVersionColumns, "WHERE v.level_id = ? ORDER BY v.version"), level_id));
  return Collect<core::SlaLevelVersion>(stmt, [](const Statement& s) { return ReadVersion(s); });
}

Result<std::vector<core::SlaLevelVersion>> SqlSlaRepo::CurrentLevelVersions() {
  HD_ASSIGN_OR_RETURN(
      auto stmt,
      Query(conn_, Sql(kVersionColumns,
                       "WHERE v.version = (SELECT MAX(w.version) FROM sla_level_versions w "
                       "WHERE w.level_id = v.level_id) ORDER BY v.level_id")));
  return Collect<core::SlaLevelVersion>(stmt, [](const Statement& s) { return ReadVersion(s); });
}

Status SqlSlaRepo::InsertClock(const core::TicketSla& t) {
  HD_RETURN_IF_ERROR(
      Run(conn_,
          "INSERT INTO ticket_sla (ticket_id, level_id, level_version_id, level_reason, "
          "calendar, coupon_id, started_at, first_response_due, first_response_at, "
          "first_response_by, next_response_due, resolution_due, resolved_at, paused_since, "
          "paused_remaining_s, next_target, next_due, next_alert_at, updated_at, first_response_s, "
          "resolution_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          t.ticket_id, t.level_id, t.level_version_id, t.level_reason, t.calendar, t.coupon_id,
          t.started_at, t.first_response_due, t.first_response_at, t.first_response_by,
          t.next_response_due, t.resolution_due, t.resolved_at, t.paused_since,
          t.paused_remaining_s, TargetText(t.next_target), t.next_due, t.next_alert_at,
          t.updated_at, t.first_response_s, t.resolution_s));
  return SyncTicketDue(conn_, t);
}

Status SqlSlaRepo::UpdateClock(const core::TicketSla& t) {
  HD_ASSIGN_OR_RETURN(
      std::int64_t changed,
      Run(conn_,
          "UPDATE ticket_sla SET level_id = ?, level_version_id = ?, level_reason = ?, "
          "calendar = ?, coupon_id = ?, started_at = ?, first_response_due = ?, "
          "first_response_at = ?, first_response_by = ?, next_response_due = ?, "
          "resolution_due = ?, resolved_at = ?, paused_since = ?, paused_remaining_s = ?, "
          "next_target = ?, next_due = ?, next_alert_at = ?, updated_at = ?, "
          "first_response_s = ?, resolution_s = ? WHERE ticket_id = ?",
          t.level_id, t.level_version_id, t.level_reason, t.calendar, t.coupon_id, t.started_at,
          t.first_response_due, t.first_response_at, t.first_response_by, t.next_response_due,
          t.resolution_due, t.resolved_at, t.paused_since, t.paused_remaining_s,
          TargetText(t.next_target), t.next_due, t.next_alert_at, t.updated_at, t.first_response_s,
          t.resolution_s, t.ticket_id));
  if (changed == 0)
    return Error::NotFound("ticket " + std::to_string(t.ticket_id.value) + " has no SLA clock");
  return SyncTicketDue(conn_, t);
}

Result<std::optional<core::TicketSla>> SqlSlaRepo::FindClock(core::TicketId ticket) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, Sql(kClockColumns, "WHERE s.ticket_id = ?"), ticket));
  return First<core::TicketSla>(stmt, ReadClock);
}

Result<std::vector<core::TicketSla>> SqlSlaRepo::FindClocks(
    const std::vector<core::TicketId>& tickets) {
  std::vector<core::TicketSla> out;
  // Chunks keep the statement under every engine's parameter limit.
  constexpr std::size_t kChunk = 100;
  for (std::size_t begin = 0; begin < tickets.size(); begin += kChunk) {
    const std::size_t end = std::min(tickets.size(), begin + kChunk);
    std::string sql = std::string(kClockColumns) + "WHERE s.ticket_id IN (";
    for (std::size_t i = begin; i < end; ++i) sql += i == begin ? "?" : ", ?";
    sql += ")";
    HD_ASSIGN_OR_RETURN(auto stmt, conn_.Prepare(sql));
    for (std::size_t i = begin; i < end; ++i) {
      stmt->BindInt(static_cast<int>(i - begin + 1), tickets[i].value);
    }
    HD_ASSIGN_OR_RETURN(auto chunk, Collect<core::TicketSla>(stmt, ReadClock));
    for (auto& clock : chunk) out.push_back(std::move(clock));
  }
  return out;
}

Result<std::vector<core::TicketSla>> SqlSlaRepo::ClaimDueAlerts(core::Timestamp now, int limit) {
  const std::string sql =
      Sql(kClockColumns,
          "WHERE s.next_alert_at <= ? ORDER BY s.next_alert_at, s.ticket_id LIMIT ?") +
      std::string(SkipLockedSql(conn_.dialect()));
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, sql, now, limit));
  return Collect<core::TicketSla>(stmt, ReadClock);
}

Result<bool> SqlSlaRepo::InsertAlert(core::TicketId ticket, core::SlaTarget target,
                                     core::SlaAlertKind kind, core::Timestamp due,
                                     core::Timestamp at) {
  HD_ASSIGN_OR_RETURN(std::int64_t changed,
                      Run(conn_,
                          "INSERT INTO sla_alerts (ticket_id, target, kind, due_at, at) VALUES "
                          "(?, ?, ?, ?, ?) ON CONFLICT (ticket_id, target, kind) DO NOTHING",
                          ticket, core::ToString(target), core::ToString(kind), due, at));
  return changed == 1;
}

Result<std::vector<std::pair<core::SlaTarget, core::SlaAlertKind>>> SqlSlaRepo::ListAlerts(
    core::TicketId ticket) {
  using Alert = std::pair<core::SlaTarget, core::SlaAlertKind>;
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_,
                                       "SELECT target, kind FROM sla_alerts WHERE ticket_id = ? "
                                       "ORDER BY id",
                                       ticket));
  return Collect<Alert>(stmt, [](const Statement& s) -> Result<Alert> {
    const std::string target = s.ColumnText(0);
    const auto parsed = core::ParseSlaTarget(target);
    if (!parsed) return Corrupt("SLA target", target);
    const std::string kind = s.ColumnText(1);
    if (kind != "warning" && kind != "breach") return Corrupt("SLA alert kind", kind);
    return Alert{*parsed,
                 kind == "warning" ? core::SlaAlertKind::kWarning : core::SlaAlertKind::kBreach};
  });
}

Result<std::vector<core::TicketId>> SqlSlaRepo::ListOpenOnOtherVersion(
    const std::string& level_id, core::SlaLevelVersionId version) {
  HD_ASSIGN_OR_RETURN(auto stmt,
                      Query(conn_,
                            "SELECT s.ticket_id FROM ticket_sla s JOIN tickets t ON "
                            "t.id = s.ticket_id WHERE s.level_id = ? AND s.level_version_id <> ? "
                            "AND t.status NOT IN ('resolved', 'closed') ORDER BY s.ticket_id",
                            level_id, version));
  return Collect<core::TicketId>(stmt, [](const Statement& s) -> Result<core::TicketId> {
    return IdAt<core::TicketId>(s, 0);
  });
}

Result<std::vector<core::TicketId>> SqlSlaRepo::ListWithoutWorkedTimes(core::TicketId after,
                                                                       int limit) {
  HD_ASSIGN_OR_RETURN(
      auto stmt,
      Query(conn_,
            "SELECT ticket_id FROM ticket_sla WHERE ticket_id > ? AND ((first_response_at IS NOT "
            "NULL AND first_response_s IS NULL) OR (resolved_at IS NOT NULL AND resolution_s IS "
            "NULL)) ORDER BY ticket_id LIMIT ?",
            after, limit));
  return Collect<core::TicketId>(stmt, [](const Statement& s) -> Result<core::TicketId> {
    return IdAt<core::TicketId>(s, 0);
  });
}

Status SqlSlaRepo::PutCalendarSource(const CalendarSource& c) {
  HD_RETURN_IF_ERROR(Run(conn_,
                         "INSERT INTO calendar_sources (calendar_id, name, content, imported_at) "
                         "VALUES (?, ?, ?, ?) ON CONFLICT (calendar_id, name) DO UPDATE SET "
                         "content = excluded.content, imported_at = excluded.imported_at",
                         c.calendar_id, c.name, c.content, c.imported_at));
  return Ok();
}

Result<std::vector<core::ports::SlaRepo::CalendarSource>> SqlSlaRepo::ListCalendarSources() {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_,
                                       "SELECT calendar_id, name, content, imported_at FROM "
                                       "calendar_sources ORDER BY calendar_id, name"));
  return Collect<CalendarSource>(stmt, [](const Statement& s) -> Result<CalendarSource> {
    return CalendarSource{s.ColumnText(0), s.ColumnText(1), s.ColumnText(2), TimeAt(s, 3)};
  });
}

Status SqlSlaRepo::PutCalendarDefinition(const CalendarDefinition& d) {
  HD_RETURN_IF_ERROR(Run(conn_,
                         "INSERT INTO calendar_definitions (calendar_id, content, updated_at) "
                         "VALUES (?, ?, ?) ON CONFLICT (calendar_id) DO UPDATE SET "
                         "content = excluded.content, updated_at = excluded.updated_at",
                         d.calendar_id, d.content, d.updated_at));
  return Ok();
}

Result<std::vector<core::ports::SlaRepo::CalendarDefinition>>
SqlSlaRepo::ListCalendarDefinitions() {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_,
                                       "SELECT calendar_id, content, updated_at FROM "
                                       "calendar_definitions ORDER BY calendar_id"));
  return Collect<CalendarDefinition>(stmt, [](const Statement& s) -> Result<CalendarDefinition> {
    return CalendarDefinition{s.ColumnText(0), s.ColumnText(1), TimeAt(s, 2)};
  });
}

Result<std::int64_t> SqlSlaRepo::PolicyVersion() {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, "SELECT COALESCE(MAX(version), 0) FROM sla_policy"));
  HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
  return row ? stmt->ColumnInt(0) : 0;
}

Status SqlSlaRepo::BumpPolicyVersion() {
  HD_RETURN_IF_ERROR(Run(conn_,
                         "INSERT INTO sla_policy (id, version) VALUES (1, 1) ON CONFLICT (id) "
                         "DO UPDATE SET version = sla_policy.version + 1"));
  return Ok();
}

}  // namespace hd::storage
