// Event: one entry of a ticket's append-only history (who, when, what,
// old → new). The audit trail, activity feed and reports all read it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/ids.hpp"
#include "core/time.hpp"

namespace hd::core {

// The kind of change. The string ids reach disk and the API: never rename or
// reuse one.
enum class EventKind {
  kCreated,          // "created"
  kReplied,          // "replied": a public message
  kNoteAdded,        // "note_added": an internal note (staff only)
  kStatusChanged,    // "status_changed"
  kAssigned,         // "assigned": assignee changed
  kGroupChanged,     // "group_changed"
  kFieldChanged,     // "field_changed": subject, category, criticality, tier…
  kFeedbackGiven,    // "feedback_given"
  kAttachmentAdded,  // "attachment_added"
  // Business process (docs/workflow.md): field = transition id, old → new
  // state; field = approval step id, new = "approve" or "reject"; field =
  // "process", old → new "id@version:state".
  kTransitionFired,  // "transition_fired"
  kVoteCast,         // "vote_cast"
  kProcessMigrated,  // "process_migrated"
  // SLA alerts raised by the SLA job (internal): field = target
  // ("first_response"…), new = the target's due instant.
  kSlaWarning,   // "sla_warning"
  kSlaBreached,  // "sla_breached"
};

std::string_view ToString(EventKind kind);
std::optional<EventKind> ParseEventKind(std::string_view id);

struct Event {
  EventId id;
  TicketId ticket_id;
  std::optional<UserId> actor_id;  // empty for the system (jobs, mail)
  Timestamp at;
  EventKind kind = EventKind::kCreated;
  std::string field;  // for field/status/assignee changes: which field
  std::string old_value;
  std::string new_value;
  bool internal = false;  // hidden from customers
};

}  // namespace hd::core
