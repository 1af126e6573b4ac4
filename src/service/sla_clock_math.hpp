// The arithmetic of a ticket's SLA clock, apart from storage: from the facts
// of the ticket's history (when it started, when it waited for the customer,
// when support first answered) and the level's targets to the due instants,
// the nearest target and when the SLA job must look again; and from a stored
// clock to what people see (state, remaining working time, the customer's
// deadline text). Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/sla_clock.hpp"
#include "service/actor.hpp"
#include "sla/calendar.hpp"

namespace hd::service {

// What the clock depends on, read from the ticket's history.
struct ClockFacts {
  sla::Instant started;
  std::vector<sla::Interval> pauses;         // finished waits for the customer
  std::optional<sla::Instant> paused_since;  // waiting for the customer now
  std::optional<sla::Instant> stopped_at;    // resolved or closed now: the clock stands
  std::optional<sla::Instant> first_response_at;
  // The first customer message after support's last public answer, when
  // support has answered once already (starts the next-response target).
  std::optional<sla::Instant> awaiting_since;
};

// The level version's targets in working seconds.
struct ClockTargets {
  std::int64_t first_response_s = 0;
  std::optional<std::int64_t> next_response_s;
  std::optional<std::int64_t> resolution_s;
  int warning_percent = 80;

  static ClockTargets Of(const core::SlaLevelVersion& version);
};

// Alerts already raised for the ticket.
using AlertsRaised = std::set<std::pair<core::SlaTarget, core::SlaAlertKind>>;

struct ComputedClock {
  std::optional<core::Timestamp> first_response_due;
  std::optional<core::Timestamp> next_response_due;
  std::optional<core::Timestamp> resolution_due;
  std::optional<core::Timestamp> paused_since;
  std::int64_t paused_remaining_s = 0;
  std::optional<core::SlaTarget> next_target;
  std::optional<core::Timestamp> next_due;
  std::optional<core::Timestamp> next_alert_at;  // none while paused or when all is met
  // Alerts not raised yet, each with the instant it falls due.
  struct PendingAlert {
    core::SlaTarget target;
    core::SlaAlertKind kind;
    core::Timestamp at;
    core::Timestamp due;  // the target's due instant
  };
  std::vector<PendingAlert> pending;
};

// Due instants and alert schedule at `now`. A warning falls due when
// warning_percent of a target's working time has elapsed, a breach at 100 %.
// Errors as sla::DueAt (kUnavailable when the calendar lacks a year).
Result<ComputedClock> ComputeClock(const sla::Calendar& calendar, const ClockTargets& targets,
                                   const ClockFacts& facts, sla::Instant now,
                                   const AlertsRaised& raised);

// The state people see at `now`, its promise to the customer in the
// reader's language and time zone (service/sla/deadline_words.hpp).
// remaining_seconds counts working seconds to the nearest target (negative
// once breached, frozen while paused).
Result<core::SlaStatus> StatusOf(const sla::Calendar& calendar, const ClockTargets& targets,
                                 const core::TicketSla& clock, core::Timestamp now,
                                 const Actor& reader);

// The instant as whole seconds (SLA arithmetic is exact to the second).
inline sla::Instant ToInstant(core::Timestamp t) {
  return std::chrono::floor<std::chrono::seconds>(t);
}

}  // namespace hd::service
