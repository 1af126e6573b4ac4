// Process: a declarative business process (DOMAIN.md §3) as loaded from a
// YAML definition file: the states a ticket moves through, the transitions
// between them with the roles that may fire them, the fields they require,
// their guards and actions, and the approval steps.
//
// A Process is a plain immutable-after-load value; share it freely between
// threads as `std::shared_ptr<const Process>`. Every element keeps the
// position it was declared at so that problems can name file:line:column.
// Loading and validating live in loader.hpp; firing in engine.hpp.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"
#include "core/local_text.hpp"
#include "core/role.hpp"
#include "workflow/field.hpp"

namespace hd::workflow {

// A reference to something declared elsewhere (a state, a group, a field),
// with where it was written.
struct Ref {
  std::string id;
  SourcePos pos;
};

// Who an assignment or notification goes to, or who owns a state.
enum class TargetKind {
  kRole,       // every user of a role (`id` is a core::Role id)
  kGroup,      // a group of users (`id` is a declared group id)
  kUserField,  // the user held in a user-typed field (`id` is the field id)
  kActor,      // the user firing the transition
  kInitiator,  // the ticket's initiator
};

struct Target {
  TargetKind kind = TargetKind::kRole;
  std::string id;  // role, group or field id; empty for kActor and kInitiator
  // Filled by the engine in an Outcome for kActor, kInitiator and kUserField.
  core::UserId user;
};

enum class ActionKind {
  kAssign,  // make `target` the owner of the ticket
  kSet,     // set `field` to `value` ("$now" and "$actor" are resolved)
  kReply,   // send the customer the reply template `template_id`
  kNotify,  // tell `target` about the ticket
  kSla,     // start, pause or stop the SLA clock
  kClose,   // mark the ticket closed (status, closed time)
};

enum class SlaOp { kStart, kPause, kStop };

struct Action {
  ActionKind kind = ActionKind::kClose;
  Target target;            // kAssign, kNotify
  Ref field;                // kSet
  std::string value;        // kSet
  std::string template_id;  // kReply
  SlaOp sla = SlaOp::kStart;
  SourcePos pos;
};

// One condition of a guard; a guard holds when all its conditions hold.
enum class ConditionOp {
  kEquals,      // the field's value is `values[0]`
  kNotEquals,   // the field is unset or differs from `values[0]`
  kIn,          // the field's value is one of `values`
  kPresent,     // the field has a value
  kAbsent,      // the field has no value
  kWithinDays,  // the datetime field lies at most `days` days before now
};

struct Condition {
  Ref field;
  ConditionOp op = ConditionOp::kPresent;
  std::vector<std::string> values;
  std::int64_t days = 0;
  SourcePos pos;
};

// A field a transition asks for; `required` fields must be supplied with
// every firing (a value already on the ticket does not count).
struct FieldRequirement {
  Ref field;
  bool required = true;
};

struct Transition {
  std::string id;
  core::LocalText label;
  std::vector<Ref> from;  // the states it leaves; empty when from_any
  bool from_any = false;  // `from: "*"`: every non-final state but `to`
  Ref to;                 // empty when `returns`
  bool returns = false;   // goes back to the state the ticket came from
  std::vector<core::Role> roles;
  std::vector<FieldRequirement> fields;
  std::vector<Condition> guard;
  std::vector<Action> actions;
  // Fired by the system after this many hours in a `from` state; 0 = never.
  std::int64_t auto_after_hours = 0;
  SourcePos pos;
  SourcePos roles_pos;
};

// One outcome of an approval step: where the ticket goes and what happens.
struct ApprovalBranch {
  std::string id;  // fired as a transition id by voters
  core::LocalText label;
  Ref to;
  std::vector<Action> actions;
  SourcePos pos;
};

// While a ticket is in `state`, members of `role` vote. `quorum` approvals
// take the approve branch; any rejection (with a reason, stored in
// `reason_field`) takes the reject branch at once.
struct ApprovalStep {
  std::string id;
  core::LocalText label;
  Ref state;
  core::Role role = core::Role::kRfcBoard;
  int quorum = 2;
  Ref reason_field;
  ApprovalBranch approve;
  ApprovalBranch reject;
  SourcePos pos;
};

struct State {
  std::string id;
  core::LocalText label;
  // What customers read instead of `label` ("with our engineers"); empty:
  // `label`.
  core::LocalText customer_label;
  int tier = 1;  // 1, 2 or 3 (L1, L2, L3)
  Target owner;  // kRole or kGroup
  SourcePos owner_pos;
  bool clock_runs = true;
  bool final = false;
  std::map<core::Role, core::LocalText> instructions;
  SourcePos pos;
};

struct Group {
  std::string id;
  core::LocalText label;
  SourcePos pos;
};

struct Process {
  std::string id;
  std::int64_t version = 0;
  core::LocalText label;
  Ref initial;
  std::vector<Group> groups;
  std::vector<FieldDef> fields;
  std::vector<State> states;
  std::vector<Transition> transitions;
  std::vector<ApprovalStep> approvals;

  // Lookups by id; nullptr when there is none.
  const State* FindState(std::string_view wanted) const;
  const Transition* FindTransition(std::string_view wanted) const;
  const FieldDef* FindField(std::string_view wanted) const;
  const Group* FindGroup(std::string_view wanted) const;
  // The approval step held in `state_id`, if any.
  const ApprovalStep* FindApprovalIn(std::string_view state_id) const;
};

// True when `t` may leave `state_id` (listed, or `from: "*"` and not final).
bool LeavesState(const Process& process, const Transition& t, std::string_view state_id);

// One arrow of the process graph. `from: "*"` transitions are expanded to
// every state they leave, and `returns` transitions to every state a ticket
// can have come from.
struct Edge {
  std::string from;
  std::string to;
  std::string firing_id;  // transition or approval branch id
  core::LocalText label;
  std::vector<core::Role> roles;  // for an approval branch: the voting role
  bool returns = false;
  bool automatic = false;  // fired by the system after a delay
  bool approval = false;   // an approval branch
};

// Every edge, in declaration order. Edges to unknown states are skipped.
std::vector<Edge> Edges(const Process& process);

std::string_view ToString(ActionKind kind);
std::string_view ToString(TargetKind kind);
std::string_view ToString(SlaOp op);

}  // namespace hd::workflow
