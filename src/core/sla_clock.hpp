// The SLA clock of a ticket as stored (TicketSla), the level definition it
// was opened under (SlaLevelVersion, a policy version), and the view of the
// clock people see (SlaStatus). Plain values.
//
// A ticket keeps the level version it was opened under: editing a level
// records a new version that only new tickets use, until an administrator
// re-applies it to open tickets. The service recomputes a ticket's stored due
// instants after every relevant event (service/sla_clocks.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/coupon.hpp"
#include "core/ids.hpp"
#include "core/time.hpp"

namespace hd::core {

using SlaLevelVersionId = Id<struct SlaLevelVersionTag>;

// Stable ids: "ok", "warning", "breached", "paused", "met".
enum class SlaState { kOk, kWarning, kBreached, kPaused, kMet };
std::string_view ToString(SlaState state);

// Stable ids: "first_response", "next_response", "resolution".
enum class SlaTarget { kFirstResponse, kNextResponse, kResolution };
std::string_view ToString(SlaTarget target);
std::optional<SlaTarget> ParseSlaTarget(std::string_view id);

// Stable ids: "warning", "breach".
enum class SlaAlertKind { kWarning, kBreach };
std::string_view ToString(SlaAlertKind kind);

// One recorded definition of a support level's clock.
struct SlaLevelVersion {
  SlaLevelVersionId id;
  std::string level_id;  // e.g. "client_vip"
  int version = 0;       // 1, 2, ... per level_id
  std::string title;
  std::int64_t first_response_s = 0;  // working seconds of `calendar`
  std::optional<std::int64_t> next_response_s;
  std::optional<std::int64_t> resolution_s;
  std::string calendar;  // calendar id, e.g. "ru-business"
  int warning_percent = 80;
  // Escalation on breach: move to this group (slug) and/or raise the
  // criticality to this value ("high", "critical"); empty = no action.
  std::string escalate_group;
  std::string escalate_criticality;
  std::string source;       // "file" (levels.yaml) or "admin"
  std::string fingerprint;  // identifies the definition's content
  std::optional<UserId> created_by;
  Timestamp created_at;
};

// The stored clock of one ticket.
struct TicketSla {
  TicketId ticket_id;
  std::string level_id;
  SlaLevelVersionId level_version_id;
  // Why, as a LocalText's stored form: "active licence Business until
  // 2026-03-01" in English and Russian (LocalText::FromStored).
  std::string level_reason;
  std::string calendar;
  std::optional<CouponId> coupon_id;  // set for a special request
  Timestamp started_at;
  std::optional<Timestamp> first_response_due;
  std::optional<Timestamp> first_response_at;  // the first public staff reply
  std::optional<UserId> first_response_by;     // who wrote it
  std::optional<Timestamp> next_response_due;  // a customer's message awaits an answer
  std::optional<Timestamp> resolution_due;
  std::optional<Timestamp> resolved_at;
  // Working seconds of the calendar from the start to the first response
  // and to the resolution, without the waits for the customer (reports).
  std::optional<std::int64_t> first_response_s;
  std::optional<std::int64_t> resolution_s;
  std::optional<Timestamp> paused_since;   // set while waiting for the customer
  std::int64_t paused_remaining_s = 0;     // working seconds left when the pause began
  std::optional<SlaTarget> next_target;    // the nearest unmet target
  std::optional<Timestamp> next_due;       // its due instant; queues sort by it
  std::optional<Timestamp> next_alert_at;  // when the SLA job looks at the ticket next
  Timestamp updated_at;
};

// What the API shows of a ticket's clock.
struct SlaStatus {
  std::string level_reason;
  std::optional<Timestamp> first_response_due;
  std::optional<SlaTarget> target;     // the target remaining_seconds counts down to
  std::optional<Timestamp> due;        // its due instant
  std::int64_t remaining_seconds = 0;  // working seconds; negative once breached
  SlaState state = SlaState::kOk;
  std::string customer_text;  // "we will answer by Mon 12 Jan, 13:00 MSK", reader's language
};

}  // namespace hd::core
