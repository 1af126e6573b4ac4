#include "service/sla_alerts.hpp"

#include <limits>
#include <string>

#include "service/outbox.hpp"
#include "service/process_engine.hpp"

namespace hd::service {

using core::ports::Tx;

namespace {

using Pending = ComputedClock::PendingAlert;

core::Event SystemEvent(const core::Ticket& t, core::EventKind kind, std::string field,
                        std::string old_value, std::string new_value, core::Timestamp at,
                        bool internal) {
  core::Event e;
  e.ticket_id = t.id;
  e.at = at;
  e.kind = kind;
  e.field = std::move(field);
  e.old_value = std::move(old_value);
  e.new_value = std::move(new_value);
  e.internal = internal;
  return e;
}

// Moves the breached ticket to the level's escalation group and raises its
// criticality, as the level version says.
Status Escalate(Tx& tx, core::Ticket& t, const core::SlaLevelVersion& v, core::Timestamp now) {
  std::vector<core::Event> changes;
  if (!v.escalate_group.empty()) {
    HD_ASSIGN_OR_RETURN(auto group, tx.Groups().FindBySlug(v.escalate_group));
    if (group && t.group_id != group->id) {
      changes.push_back(SystemEvent(t, core::EventKind::kGroupChanged, "group_id",
                                    t.group_id ? std::to_string(t.group_id->value) : "",
                                    std::to_string(group->id.value), now, true));
      t.group_id = group->id;
    }
  }
  const auto raise = core::ParseCriticality(v.escalate_criticality);
  if (raise && *raise > t.criticality) {
    changes.push_back(SystemEvent(t, core::EventKind::kFieldChanged, "criticality",
                                  std::string(core::ToString(t.criticality)),
                                  std::string(core::ToString(*raise)), now, true));
    t.criticality = *raise;
  }
  if (changes.empty()) return Ok();
  t.updated_at = now;
  HD_RETURN_IF_ERROR(tx.Tickets().Update(t));
  for (auto& e : changes) HD_RETURN_IF_ERROR(tx.Events().Append(std::move(e)));
  return Ok();
}

// "Срок первого ответа" for first_response, and so on.
std::string_view TargetWordsRu(core::SlaTarget target) {
  switch (target) {
    case core::SlaTarget::kFirstResponse:
      return "Срок первого ответа";
    case core::SlaTarget::kNextResponse:
      return "Срок следующего ответа";
    case core::SlaTarget::kResolution:
      break;
  }
  return "Срок решения";
}

Status Raise(Tx& tx, core::Ticket& t, const core::SlaLevelVersion& v, const Pending& p,
             core::Timestamp now) {
  const bool breach = p.kind == core::SlaAlertKind::kBreach;
  const std::string target(core::ToString(p.target));
  HD_RETURN_IF_ERROR(tx.Events().Append(
      SystemEvent(t, breach ? core::EventKind::kSlaBreached : core::EventKind::kSlaWarning, target,
                  "", core::FormatIso8601(p.due), now, true)));
  core::ports::Notification note;
  note.kind = breach ? "sla_breach" : "sla_warning";
  note.ticket_id = t.id;
  const std::string number = std::to_string(t.number);
  const std::string due = core::FormatIso8601(p.due);
  const core::LocalText level = core::LocalText::FromStored(v.title);
  note.subject =
      core::EnglishAndRussian(std::string(breach ? "SLA breached" : "SLA warning") + ": ticket #" +
                                  number + " " + t.subject,
                              std::string(breach ? "Срок SLA нарушен" : "Срок SLA на исходе") +
                                  ": обращение № " + number + " " + t.subject)
          .Stored();
  note.body =
      core::EnglishAndRussian(
          "The " + target + " target of ticket #" + number + " (level " + level.In("en") + ") " +
              (breach ? "was due" : "is due") + " at " + due + ".\n",
          std::string(TargetWordsRu(p.target)) + " по обращению № " + number + " (уровень «" +
              level.In("ru") + "») " + (breach ? "истёк" : "истекает") + " " + due + ".\n")
          .Stored();
  note.created_at = now;
  // To whoever owns the ticket now: its assignee, else its group's staff.
  HD_ASSIGN_OR_RETURN(Audience owners, TicketOwners(tx, t));
  HD_RETURN_IF_ERROR(QueueNotification(tx, ProcessSettings().role_groups, std::move(note), owners));
  return breach ? Escalate(tx, t, v, now) : Ok();
}

}  // namespace

Status SlaMonitor::Examine(Tx& tx, core::TicketSla& clock, core::Timestamp now, SlaScan& scan) {
  HD_ASSIGN_OR_RETURN(auto opening, clocks_.NextOpening(clock.calendar, now));
  if (opening) {  // outside working time: hold the alert until opening
    clock.next_alert_at = *opening;
    HD_RETURN_IF_ERROR(tx.Sla().UpdateClock(clock));
    ++scan.deferred;
    return Ok();
  }
  HD_ASSIGN_OR_RETURN(core::Ticket t, tx.Tickets().Get(clock.ticket_id));
  HD_ASSIGN_OR_RETURN(auto version, tx.Sla().GetLevelVersion(clock.level_version_id));
  HD_ASSIGN_OR_RETURN(auto pending, clocks_.PendingAlerts(tx, t, now));
  SlaScan raised;
  for (const Pending& p : pending) {
    if (p.at > now) continue;
    HD_ASSIGN_OR_RETURN(bool fresh, tx.Sla().InsertAlert(t.id, p.target, p.kind, p.due, now));
    if (!fresh) continue;
    HD_RETURN_IF_ERROR(Raise(tx, t, version, p, now));
    ++(p.kind == core::SlaAlertKind::kBreach ? raised.breaches : raised.warnings);
  }
  HD_RETURN_IF_ERROR(clocks_.Refresh(tx, t, now));
  scan.warnings += raised.warnings;  // counted only once the ticket's work stands
  scan.breaches += raised.breaches;
  return Ok();
}

Result<SlaScan> SlaMonitor::RunOnce(int batch) {
  SlaScan scan;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    scan = SlaScan{};
    const auto now = clock_.Now();
    HD_ASSIGN_OR_RETURN(auto due, tx.Sla().ClaimDueAlerts(now, batch));
    for (core::TicketSla& clock : due) {
      ++scan.examined;
      // Each ticket in its own savepoint: a failure undoes that ticket's
      // work alone, its alert stays due and the next pass retries it.
      Status status = tx.Isolated([&](Tx& inner) { return Examine(inner, clock, now, scan); });
      if (!status.ok()) {
        ++scan.failed;
        scan.failures.push_back("ticket " + std::to_string(clock.ticket_id.value) + ": " +
                                status.error().message);
      }
    }
    // Clocks stored before they kept working times get them, a batch a pass;
    // one that cannot be computed (a calendar without the year) is passed by.
    // Clocks stored since always keep them, so once a pass finds none the
    // backfill is over for good and later passes skip the query.
    constexpr std::int64_t kDone = std::numeric_limits<std::int64_t>::max();
    const std::int64_t after = backfilled_up_to_.load();
    if (after == kDone) return Ok();
    HD_ASSIGN_OR_RETURN(auto older, tx.Sla().ListWithoutWorkedTimes(core::TicketId(after), batch));
    if (older.empty()) backfilled_up_to_.store(kDone);
    for (core::TicketId id : older) {
      Status status = tx.Isolated([&](Tx& inner) -> Status {
        HD_ASSIGN_OR_RETURN(core::Ticket ticket, inner.Tickets().Get(id));
        return clocks_.Refresh(inner, ticket, now);
      });
      if (status.ok()) ++scan.backfilled;
      backfilled_up_to_.store(id.value);
    }
    return Ok();
  }));
  return scan;
}

}  // namespace hd::service
