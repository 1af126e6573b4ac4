#include "service/sla_clock_math.hpp"

#include <date/tz.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <string_view>

#include "service/sla/deadline_words.hpp"
#include "sla/working_time.hpp"

namespace hd::service {

using core::SlaAlertKind;
using core::SlaTarget;
using std::chrono::seconds;

namespace {

// One running (unmet) target: where its clock starts and how long it is.
struct Running {
  SlaTarget target;
  sla::Instant start;
  std::int64_t length_s;
  sla::Instant due;
};

core::Timestamp ToTimestamp(sla::Instant t) {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(t);
}

// The pauses in force at `now`: the finished ones plus the open wait.
std::vector<sla::Interval> EffectivePauses(const ClockFacts& f, sla::Instant now) {
  std::vector<sla::Interval> pauses = f.pauses;
  if (f.paused_since && *f.paused_since < now) pauses.push_back({*f.paused_since, now});
  return pauses;
}

Result<std::vector<Running>> RunningTargets(const sla::Calendar& cal, const ClockTargets& t,
                                            const ClockFacts& f,
                                            const std::vector<sla::Interval>& pauses,
                                            ComputedClock& out) {
  std::vector<Running> running;
  HD_ASSIGN_OR_RETURN(auto first, sla::DueAt(cal, f.started, seconds(t.first_response_s), pauses));
  out.first_response_due = ToTimestamp(first);
  if (!f.first_response_at && !f.stopped_at) {
    running.push_back({SlaTarget::kFirstResponse, f.started, t.first_response_s, first});
  }
  if (t.next_response_s && f.first_response_at && f.awaiting_since) {
    HD_ASSIGN_OR_RETURN(auto next,
                        sla::DueAt(cal, *f.awaiting_since, seconds(*t.next_response_s), pauses));
    out.next_response_due = ToTimestamp(next);
    if (!f.stopped_at) {
      running.push_back({SlaTarget::kNextResponse, *f.awaiting_since, *t.next_response_s, next});
    }
  }
  if (t.resolution_s) {
    HD_ASSIGN_OR_RETURN(auto res, sla::DueAt(cal, f.started, seconds(*t.resolution_s), pauses));
    out.resolution_due = ToTimestamp(res);
    if (!f.stopped_at) running.push_back({SlaTarget::kResolution, f.started, *t.resolution_s, res});
  }
  return running;
}

}  // namespace

ClockTargets ClockTargets::Of(const core::SlaLevelVersion& v) {
  return ClockTargets{v.first_response_s, v.next_response_s, v.resolution_s, v.warning_percent};
}

Result<ComputedClock> ComputeClock(const sla::Calendar& cal, const ClockTargets& t,
                                   const ClockFacts& f, sla::Instant now,
                                   const AlertsRaised& raised) {
  ComputedClock out;
  const std::vector<sla::Interval> pauses = EffectivePauses(f, now);
  HD_ASSIGN_OR_RETURN(std::vector<Running> running, RunningTargets(cal, t, f, pauses, out));
  if (running.empty()) return out;
  const Running& nearest =
      *std::min_element(running.begin(), running.end(),
                        [](const Running& a, const Running& b) { return a.due < b.due; });
  out.next_target = nearest.target;
  out.next_due = ToTimestamp(nearest.due);
  if (f.paused_since) {
    out.paused_since = ToTimestamp(*f.paused_since);
    HD_ASSIGN_OR_RETURN(
        auto used, sla::WorkingSeconds(cal, nearest.start, std::max(nearest.start, *f.paused_since),
                                       f.pauses));
    out.paused_remaining_s = nearest.length_s - used.count();
    return out;  // no alerts while the ticket waits for the customer
  }
  for (const Running& r : running) {
    if (raised.count({r.target, SlaAlertKind::kBreach})) continue;
    if (!raised.count({r.target, SlaAlertKind::kWarning})) {
      const std::int64_t share = r.length_s * t.warning_percent / 100;
      HD_ASSIGN_OR_RETURN(auto warn_at, sla::DueAt(cal, r.start, seconds(share), pauses));
      out.pending.push_back(
          {r.target, SlaAlertKind::kWarning, ToTimestamp(warn_at), ToTimestamp(r.due)});
    }
    out.pending.push_back(
        {r.target, SlaAlertKind::kBreach, ToTimestamp(r.due), ToTimestamp(r.due)});
  }
  for (const auto& p : out.pending) {
    if (!out.next_alert_at || p.at < *out.next_alert_at) out.next_alert_at = p.at;
  }
  return out;
}

Result<core::SlaStatus> StatusOf(const sla::Calendar& cal, const ClockTargets& t,
                                 const core::TicketSla& c, core::Timestamp now,
                                 const Actor& reader) {
  core::SlaStatus s;
  s.level_reason = core::LocalText::FromStored(c.level_reason).In(reader.language);
  s.first_response_due = c.first_response_due;
  s.target = c.next_target;
  s.due = c.next_due;
  if (!c.next_target || !c.next_due) {
    const bool late = c.first_response_due && !c.first_response_at && c.resolved_at &&
                      *c.resolved_at > *c.first_response_due;
    s.state = late ? core::SlaState::kBreached : core::SlaState::kMet;
    return s;
  }
  s.customer_text = DeadlineText(cal.zone(), *c.next_due, reader.language, reader.time_zone);
  if (c.paused_since) {
    s.state = core::SlaState::kPaused;
    s.remaining_seconds = c.paused_remaining_s;
    return s;
  }
  const sla::Instant at = ToInstant(now);
  const sla::Instant due = ToInstant(*c.next_due);
  if (at >= due) {
    HD_ASSIGN_OR_RETURN(auto over, sla::WorkingSeconds(cal, due, at));
    s.remaining_seconds = -over.count();
    s.state = core::SlaState::kBreached;
    return s;
  }
  HD_ASSIGN_OR_RETURN(auto left, sla::WorkingSeconds(cal, at, due));
  s.remaining_seconds = left.count();
  std::int64_t length = t.first_response_s;
  if (*c.next_target == SlaTarget::kNextResponse && t.next_response_s) length = *t.next_response_s;
  if (*c.next_target == SlaTarget::kResolution && t.resolution_s) length = *t.resolution_s;
  const bool warn = (length - s.remaining_seconds) * 100 >= length * t.warning_percent;
  s.state = warn ? core::SlaState::kWarning : core::SlaState::kOk;
  return s;
}

}  // namespace hd::service
