// Internal to ProcessEngine: turning a workflow::Outcome into stored changes
// — the process record (state, fields, path, votes), the ticket's coarse
// status, tier, group and assignee, replies from templates, queued
// notifications and one history event per change.
#pragma once

#include <string>
#include <vector>

#include "core/event.hpp"
#include "core/message.hpp"
#include "core/ports/store.hpp"
#include "core/process_state.hpp"
#include "core/ticket.hpp"
#include "service/actor.hpp"
#include "service/process_engine.hpp"
#include "workflow/engine.hpp"

namespace hd::service::internal {

// The coarse status a process state maps to: final → closed; owned by the
// customer (waiting for them) → pending; the SLA clock stopped otherwise →
// resolved; the initial state → new; every other state → open.
core::TicketStatus StatusFor(const workflow::Process& process, const workflow::State& state);

// The owner of a state as kept on the path: "role:<id>", "group:<id>" or "".
std::string OwnerText(const workflow::State& state);

// A history event waiting for the ticket's new version to be stored.
struct PendingEvent {
  core::EventKind kind = core::EventKind::kFieldChanged;
  std::string field;
  std::string old_value;
  std::string new_value;
  bool internal = false;
};

// Everything one firing touches.
struct Firing {
  core::ports::Tx& tx;
  const workflow::Process& process;
  core::Ticket& ticket;
  core::ProcessState& state;
  const Actor& actor;
  core::Timestamp now;
  const ProcessSettings& settings;
  const TemplateSet& templates;
  const SlaClocks* sla;  // nullptr: no clock to recompute
  std::vector<PendingEvent> events;
  std::optional<core::Message> reply;  // the public reply a `reply` action posted
};

// Stores `outcome` (see ProcessEngine::Fire): process record, ticket row and
// history. The ticket and the state are updated in place.
Status ApplyOutcome(Firing& firing, const workflow::Outcome& outcome);

// The group a role's queue is (nullopt when none is configured or exists).
Result<std::optional<core::GroupId>> GroupForRole(core::ports::Tx& tx,
                                                  const ProcessSettings& settings, core::Role role);

}  // namespace hd::service::internal
