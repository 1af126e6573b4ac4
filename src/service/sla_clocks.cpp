// SlaClocks: Start, Refresh, Describe and Detail (Choose is in sla_intake.cpp).
#include "service/sla_clocks.hpp"

#include <algorithm>
#include <map>

#include "service/sla_clock_math.hpp"
#include "sla/timeline.hpp"
#include "sla/working_time.hpp"

namespace hd::service {

using core::TicketStatus;
using core::ports::Tx;

namespace {

core::Timestamp ToTimestamp(sla::Instant t) {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(t);
}

bool Waiting(std::string_view status) {
  return status == "pending" || status == "resolved" || status == "closed";
}

// Pauses and the stop from the status history: waiting for the customer
// (pending) pauses the clock; resolved or closed stops it.
void ReadStatusHistory(const std::vector<core::Event>& events, const core::Ticket& t,
                       ClockFacts& f) {
  std::optional<sla::Instant> waiting_since;
  std::optional<sla::Instant> stopped_since;
  for (const core::Event& e : events) {
    if (e.kind != core::EventKind::kStatusChanged || e.field != "status") continue;
    const sla::Instant at = ToInstant(e.at);
    const bool now_stopped = e.new_value == "resolved" || e.new_value == "closed";
    if (Waiting(e.new_value) && !waiting_since) waiting_since = at;
    if (now_stopped && !stopped_since) stopped_since = at;
    if (!now_stopped) stopped_since.reset();
    if (!Waiting(e.new_value) && waiting_since) {
      if (*waiting_since < at) f.pauses.push_back({*waiting_since, at});
      waiting_since.reset();
    }
  }
  if (t.status == TicketStatus::kPending && waiting_since) f.paused_since = waiting_since;
  if ((t.status == TicketStatus::kResolved || t.status == TicketStatus::kClosed) && stopped_since) {
    f.stopped_at = stopped_since;
    if (waiting_since && *waiting_since < *stopped_since) {
      f.pauses.push_back({*waiting_since, *stopped_since});
    }
  }
}

// The first public staff reply and an unanswered customer message after it.
Status ReadAnswers(Tx& tx, const core::Ticket& t, ClockFacts& f,
                   std::optional<core::UserId>& first_by) {
  HD_ASSIGN_OR_RETURN(auto messages, tx.Messages().ListForTicket(t.id, false));
  std::map<std::int64_t, bool> staff;  // author id -> is staff
  bool first = true;
  for (const core::Message& m : messages) {
    if (first) {  // the description the ticket was opened with
      first = false;
      continue;
    }
    auto it = staff.find(m.author_id.value);
    if (it == staff.end()) {
      HD_ASSIGN_OR_RETURN(core::User author, tx.Users().Get(m.author_id));
      it = staff.emplace(m.author_id.value, core::IsStaff(author.role)).first;
    }
    const sla::Instant at = ToInstant(m.created_at);
    if (it->second) {
      if (!f.first_response_at) {
        f.first_response_at = at;
        first_by = m.author_id;
      }
      f.awaiting_since.reset();
    } else if (f.first_response_at && !f.awaiting_since) {
      f.awaiting_since = at;
    }
  }
  return Ok();
}

Result<core::SlaLevelVersion> VersionOf(Tx& tx, const SlaCatalog& catalog,
                                        core::SlaLevelVersionId id) {
  if (const core::SlaLevelVersion* v = catalog.Version(id)) return *v;
  return tx.Sla().GetLevelVersion(id);
}

Result<const sla::Calendar*> CalendarOf(const SlaCatalog& catalog, const std::string& id) {
  const sla::Calendar* calendar = catalog.FindCalendar(id);
  if (calendar == nullptr) return Error::Unavailable("calendar " + id + " is not loaded");
  return calendar;
}

Result<AlertsRaised> Raised(Tx& tx, core::TicketId id) {
  HD_ASSIGN_OR_RETURN(auto alerts, tx.Sla().ListAlerts(id));
  return AlertsRaised(alerts.begin(), alerts.end());
}

void Apply(const ComputedClock& c, core::TicketSla& clock) {
  clock.first_response_due = c.first_response_due;
  clock.next_response_due = c.next_response_due;
  clock.resolution_due = c.resolution_due;
  clock.paused_since = c.paused_since;
  clock.paused_remaining_s = c.paused_remaining_s;
  clock.next_target = c.next_target;
  clock.next_due = c.next_due;
  clock.next_alert_at = c.next_alert_at;
}

// Working seconds from the start to `end` without the waits for the
// customer before it; nullopt without an end or when the calendar has no
// data for the years involved.
std::optional<std::int64_t> WorkedUntil(const sla::Calendar& calendar, const ClockFacts& f,
                                        const std::optional<sla::Instant>& end) {
  if (!end || *end < f.started) return std::nullopt;
  std::vector<sla::Interval> pauses;
  for (const sla::Interval& p : f.pauses) {
    const sla::Instant from = std::max(p.from, f.started);
    const sla::Instant to = std::min(p.to, *end);
    if (from < to) pauses.push_back({from, to});
  }
  auto worked = sla::WorkingSeconds(calendar, f.started, *end, pauses);
  if (!worked.ok()) return std::nullopt;
  return worked->count();
}

Result<ClockFacts> FactsOf(Tx& tx, const core::Ticket& t, const core::TicketSla& clock,
                           std::optional<core::UserId>& first_by) {
  ClockFacts f;
  f.started = ToInstant(clock.started_at);
  HD_ASSIGN_OR_RETURN(auto events, tx.Events().ListForTicket(t.id, true));
  ReadStatusHistory(events, t, f);
  HD_RETURN_IF_ERROR(ReadAnswers(tx, t, f, first_by));
  return f;
}

// ticket.sla for a stored clock; what is stored when the calendar is gone or
// has no data for the years involved.
core::SlaStatus ShownStatus(const sla::Calendar* calendar, const ClockTargets& targets,
                            const core::TicketSla& clock, core::Timestamp now,
                            const Actor& reader) {
  if (calendar != nullptr) {
    auto status = StatusOf(*calendar, targets, clock, now, reader);
    if (status.ok()) return std::move(status).value();
  }
  return core::SlaStatus{core::LocalText::FromStored(clock.level_reason).In(reader.language),
                         clock.first_response_due, clock.next_target, clock.next_due};
}

}  // namespace

Result<std::optional<core::TicketSla>> SlaClocks::Plan(core::Ticket& t, const LevelChoice& choice,
                                                       core::Timestamp now,
                                                       const Actor& reader) const {
  if (!choice.enabled) return std::optional<core::TicketSla>();
  const auto catalog = policy_.Current();
  const core::SlaLevelVersion* version = catalog->CurrentVersion(choice.level_id);
  if (version == nullptr) return Error::Internal("no version of level " + choice.level_id);
  HD_ASSIGN_OR_RETURN(const sla::Calendar* calendar, CalendarOf(*catalog, version->calendar));
  core::TicketSla clock;
  clock.level_id = choice.level_id;
  clock.level_version_id = version->id;
  clock.level_reason = choice.reason.Stored();
  clock.calendar = version->calendar;
  if (choice.coupon) clock.coupon_id = choice.coupon->id;
  clock.started_at = t.created_at;
  clock.updated_at = now;
  ClockFacts facts;
  facts.started = ToInstant(t.created_at);
  HD_ASSIGN_OR_RETURN(auto computed, ComputeClock(*calendar, ClockTargets::Of(*version), facts,
                                                  ToInstant(now), {}));
  Apply(computed, clock);
  t.sla = ShownStatus(calendar, ClockTargets::Of(*version), clock, now, reader);
  return std::optional<core::TicketSla>(std::move(clock));
}

Status SlaClocks::Start(Tx& tx, const core::Ticket& t, const LevelChoice& choice,
                        core::TicketSla clock) const {
  if (choice.coupon) {
    HD_ASSIGN_OR_RETURN(bool redeemed,
                        tx.Coupons().Redeem(choice.coupon->id, t.id, clock.updated_at));
    if (!redeemed) {
      return Error::InvalidArgument("coupon " + choice.coupon->code + " has been used already",
                                    "coupon")
          .WithReason("coupon-used");
    }
  }
  clock.ticket_id = t.id;
  return tx.Sla().InsertClock(clock);
}

Status SlaClocks::Refresh(Tx& tx, const core::Ticket& t, core::Timestamp now) const {
  HD_ASSIGN_OR_RETURN(auto stored, tx.Sla().FindClock(t.id));
  if (!stored) return Ok();
  core::TicketSla clock = std::move(*stored);
  const auto catalog = policy_.Current();
  HD_ASSIGN_OR_RETURN(auto version, VersionOf(tx, *catalog, clock.level_version_id));
  HD_ASSIGN_OR_RETURN(const sla::Calendar* calendar, CalendarOf(*catalog, clock.calendar));
  HD_ASSIGN_OR_RETURN(ClockFacts facts, FactsOf(tx, t, clock, clock.first_response_by));
  HD_ASSIGN_OR_RETURN(AlertsRaised raised, Raised(tx, t.id));
  HD_ASSIGN_OR_RETURN(auto computed, ComputeClock(*calendar, ClockTargets::Of(version), facts,
                                                  ToInstant(now), raised));
  Apply(computed, clock);
  clock.first_response_at =
      facts.first_response_at ? std::optional(ToTimestamp(*facts.first_response_at)) : std::nullopt;
  clock.resolved_at =
      facts.stopped_at ? std::optional(ToTimestamp(*facts.stopped_at)) : std::nullopt;
  clock.first_response_s = WorkedUntil(*calendar, facts, facts.first_response_at);
  clock.resolution_s = WorkedUntil(*calendar, facts, facts.stopped_at);
  clock.updated_at = now;
  return tx.Sla().UpdateClock(clock);
}

Status SlaClocks::Describe(Tx& tx, core::Ticket& t, core::Timestamp now,
                           const Actor& reader) const {
  std::vector<core::Ticket> one{std::move(t)};
  Status s = DescribeAll(tx, one, now, reader);
  t = std::move(one.front());
  return s;
}

Status SlaClocks::DescribeAll(Tx& tx, std::vector<core::Ticket>& tickets, core::Timestamp now,
                              const Actor& reader) const {
  if (tickets.empty()) return Ok();
  std::vector<core::TicketId> ids;
  for (const core::Ticket& t : tickets) ids.push_back(t.id);
  HD_ASSIGN_OR_RETURN(auto clocks, tx.Sla().FindClocks(ids));
  std::map<std::int64_t, core::TicketSla*> by_ticket;
  for (core::TicketSla& c : clocks) by_ticket[c.ticket_id.value] = &c;
  const auto catalog = policy_.Current();
  for (core::Ticket& t : tickets) {
    auto it = by_ticket.find(t.id.value);
    if (it == by_ticket.end()) continue;
    const core::TicketSla& clock = *it->second;
    HD_ASSIGN_OR_RETURN(auto version, VersionOf(tx, *catalog, clock.level_version_id));
    t.sla = ShownStatus(catalog->FindCalendar(clock.calendar), ClockTargets::Of(version), clock,
                        now, reader);
  }
  return Ok();
}

Result<SlaDetail> SlaClocks::Detail(Tx& tx, const core::Ticket& t, core::Timestamp now,
                                    const Actor& reader) const {
  HD_ASSIGN_OR_RETURN(auto stored, tx.Sla().FindClock(t.id));
  if (!stored) return Error::NotFound("ticket " + std::to_string(t.id.value) + " has no SLA clock");
  SlaDetail d;
  d.clock = std::move(*stored);
  const auto catalog = policy_.Current();
  HD_ASSIGN_OR_RETURN(d.level, VersionOf(tx, *catalog, d.clock.level_version_id));
  HD_ASSIGN_OR_RETURN(const sla::Calendar* calendar, CalendarOf(*catalog, d.clock.calendar));
  HD_ASSIGN_OR_RETURN(d.status,
                      StatusOf(*calendar, ClockTargets::Of(d.level), d.clock, now, reader));
  std::optional<core::UserId> ignored;
  HD_ASSIGN_OR_RETURN(ClockFacts facts, FactsOf(tx, t, d.clock, ignored));
  const sla::Instant end = facts.stopped_at.value_or(ToInstant(now));
  std::vector<sla::Interval> pauses = facts.pauses;
  if (facts.paused_since && *facts.paused_since < end) pauses.push_back({*facts.paused_since, end});
  if (end <= facts.started) return d;
  HD_ASSIGN_OR_RETURN(auto segments, sla::ClockSegments(*calendar, facts.started, end, pauses));
  const std::string waiting =
      core::EnglishAndRussian("waiting for the customer", "ожидание ответа клиента")
          .In(reader.language);
  for (const sla::Segment& s : segments) {
    const bool paused = s.kind == sla::SegmentKind::kPaused;
    d.timeline.push_back({ToTimestamp(s.span.from), ToTimestamp(s.span.to),
                          std::string(sla::ToString(s.kind)), paused ? waiting : ""});
  }
  return d;
}

Result<std::vector<ComputedClock::PendingAlert>> SlaClocks::PendingAlerts(
    Tx& tx, const core::Ticket& t, core::Timestamp now) const {
  HD_ASSIGN_OR_RETURN(auto stored, tx.Sla().FindClock(t.id));
  if (!stored) return std::vector<ComputedClock::PendingAlert>();
  const auto catalog = policy_.Current();
  HD_ASSIGN_OR_RETURN(auto version, VersionOf(tx, *catalog, stored->level_version_id));
  HD_ASSIGN_OR_RETURN(const sla::Calendar* calendar, CalendarOf(*catalog, stored->calendar));
  std::optional<core::UserId> ignored;
  HD_ASSIGN_OR_RETURN(ClockFacts facts, FactsOf(tx, t, *stored, ignored));
  HD_ASSIGN_OR_RETURN(AlertsRaised raised, Raised(tx, t.id));
  HD_ASSIGN_OR_RETURN(auto computed, ComputeClock(*calendar, ClockTargets::Of(version), facts,
                                                  ToInstant(now), raised));
  return std::move(computed.pending);
}

Result<std::optional<core::Timestamp>> SlaClocks::NextOpening(const std::string& calendar_id,
                                                              core::Timestamp now) const {
  const auto catalog = policy_.Current();
  HD_ASSIGN_OR_RETURN(const sla::Calendar* calendar, CalendarOf(*catalog, calendar_id));
  const sla::Instant at = ToInstant(now);
  HD_ASSIGN_OR_RETURN(auto working,
                      sla::WorkingSeconds(*calendar, at, at + std::chrono::seconds(1)));
  if (working.count() == 1) return std::optional<core::Timestamp>();
  HD_ASSIGN_OR_RETURN(auto first, sla::DueAt(*calendar, at, std::chrono::seconds(1)));
  return std::optional<core::Timestamp>(ToTimestamp(first - std::chrono::seconds(1)));
}

Result<std::vector<sla::Interval>> PausesUntil(Tx& tx, core::TicketId ticket, sla::Instant until) {
  HD_ASSIGN_OR_RETURN(auto events, tx.Events().ListForTicket(ticket, true));
  std::vector<sla::Interval> pauses;
  std::optional<sla::Instant> waiting_since;
  for (const core::Event& e : events) {
    if (e.kind != core::EventKind::kStatusChanged || e.field != "status") continue;
    const sla::Instant at = ToInstant(e.at);
    if (at >= until) break;
    if (Waiting(e.new_value) && !waiting_since) waiting_since = at;
    if (!Waiting(e.new_value) && waiting_since) {
      if (*waiting_since < at) pauses.push_back({*waiting_since, at});
      waiting_since.reset();
    }
  }
  if (waiting_since && *waiting_since < until) pauses.push_back({*waiting_since, until});
  return pauses;
}

Status RefreshSlaClocks(Tx& tx, const SlaClocks& clocks, const core::Ticket& ticket,
                        core::Timestamp now) {
  return clocks.Refresh(tx, ticket, now);
}

}  // namespace hd::service
