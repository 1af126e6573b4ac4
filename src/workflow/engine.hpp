// The transition engine: what a user may do with a ticket now, and what
// happens when they do it. Pure functions over a Process and a snapshot of
// one ticket; they decide and describe, the service layer persists the
// Outcome atomically (state, fields, assignments, SLA clocks, history event,
// notifications). Safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/role.hpp"
#include "core/time.hpp"
#include "workflow/process.hpp"

namespace hd::workflow {

// One vote of an approval step. Each vote is a history event; the service
// passes back the votes of the current round.
struct Vote {
  core::UserId voter;
  bool approve = true;
  std::string reason;  // why it was rejected; empty for an approval
};

// What the engine needs to know about one ticket.
struct TicketView {
  std::string state;
  // The state the ticket came into `state` from; empty at the start. Used by
  // `returns` transitions (e.g. a customer reply resuming work).
  std::string previous_state;
  FieldValues fields;
  std::vector<Vote> votes;  // votes cast since the ticket last entered `state`
  core::UserId initiator;
};

struct Actor {
  core::UserId user;
  core::Role role = core::Role::kCustomer;
};

// A field a transition asks for, as shown to the user.
struct FieldPrompt {
  std::string name;
  core::LocalText label;
  FieldType type = FieldType::kString;
  bool required = true;
  std::vector<std::string> options;            // enum: the values; user: the roles allowed
  std::vector<core::LocalText> option_labels;  // enum: one per value, in order
};

// The prompt for `field` on a form.
FieldPrompt PromptFor(const FieldDef& field, bool required);

struct AvailableTransition {
  std::string id;
  core::LocalText label;
  std::string to;
  std::vector<FieldPrompt> fields;
  bool vote = false;  // an approval step's approve or reject
};

struct FieldChange {
  std::string field;
  std::string old_value;  // empty when it was unset
  std::string new_value;
};

enum class ApprovalStatus {
  kNone,      // not a vote
  kPending,   // vote recorded, quorum not reached: the state does not change
  kApproved,  // quorum reached: the approve branch was taken
  kRejected,  // a rejection: the reject branch was taken
};

// What a firing decided. Apply it as one change, or not at all.
struct Outcome {
  std::string transition_id;
  std::string from;
  std::string to;  // equals `from` while an approval is pending
  std::vector<FieldChange> changes;
  // Assign, reply, notify, sla and close actions, in declaration order, with
  // actor, initiator and user-field targets resolved to `target.user`. The
  // process's `set` actions are already in `changes`.
  std::vector<Action> actions;
  std::optional<Vote> vote;
  ApprovalStatus approval = ApprovalStatus::kNone;
  int approvals = 0;  // approving votes in this round, this one included
  int quorum = 0;

  bool state_changed() const { return to != from; }
};

struct FireRequest {
  std::string transition;  // a transition or approval branch id
  FieldValues inputs;      // values for the fields the transition asks for
  core::Timestamp now;     // for guards on dates and "$now"
};

// The transitions `actor` may fire on `ticket` now: leaving its state,
// allowed to the actor's role, guard holding at `now`; plus the approve and
// reject votes of the state's approval step when the actor may still vote.
std::vector<AvailableTransition> AvailableTransitions(const Process& process,
                                                      const TicketView& ticket, const Actor& actor,
                                                      core::Timestamp now);

// Validates and decides one firing by `actor`. Errors:
//   kNotFound        no such transition in the process
//   kConflict        it does not leave the ticket's state (reason
//                    "wrong-state"), its guard does not hold ("guard-failed"),
//                    there is no state to return to ("nothing-to-return-to"),
//                    or the actor already voted ("already-voted")
//   kForbidden       the actor's role may not fire it
//   kInvalidArgument a required field is missing or a value does not fit its
//                    type, or an input the transition does not ask for; the
//                    error's `field` names the field
Result<Outcome> Fire(const Process& process, const TicketView& ticket, const Actor& actor,
                     const FireRequest& request);

// Fires a timed transition (`auto_after_hours`) on behalf of the system, e.g.
// closing a ticket the customer did not answer. Skips the role check; the
// other checks and errors are those of Fire. kForbidden when the transition
// is not timed.
Result<Outcome> FireAutomatic(const Process& process, const TicketView& ticket,
                              std::string_view transition, core::Timestamp now);

// The timed transitions leaving `state`, for the scheduler.
std::vector<const Transition*> AutomaticTransitions(const Process& process, std::string_view state);

std::string_view ToString(ApprovalStatus status);

}  // namespace hd::workflow
