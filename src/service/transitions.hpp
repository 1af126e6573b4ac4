// Transitions: the use cases of the business process that people call —
// what the caller may do with a ticket now, firing a transition or a vote,
// and the diagram of the ticket's process with its path. Permissions follow
// the process (the roles of each transition) on top of the reading rules of
// access.hpp. Thread-safe; blocking (worker threads only).
#pragma once

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "core/ticket.hpp"
#include "service/actor.hpp"
#include "service/process_engine.hpp"
#include "workflow/engine.hpp"

namespace hd::service {

class Transitions {
 public:
  Transitions(core::ports::Store& store, const ProcessEngine& engine, const core::Clock& clock)
      : store_(store), engine_(engine), clock_(clock) {}

  // What `actor` may fire on the ticket now, with the fields each asks for;
  // empty for a ticket on no process. kNotFound when the actor may not read
  // the ticket.
  Result<std::vector<workflow::AvailableTransition>> Available(const Actor& actor,
                                                               core::TicketId ticket);

  // Fires one transition (or approval vote) as one atomic change and returns
  // the ticket as `actor` now sees it. Errors: kNotFound (ticket not
  // readable, or no such transition); kForbidden (the role may not fire it);
  // kInvalidArgument naming "fields.<name>" (missing or invalid field);
  // kConflict (wrong state, guard failed, already voted, no process);
  // kPreconditionFailed (stale expected_version, or a concurrent change).
  Result<core::Ticket> Fire(const Actor& actor, core::TicketId ticket, const FireInput& input);

  // The SVG diagram of the ticket's process, its current state and path
  // highlighted. kUnavailable when no renderer is configured.
  Result<std::string> Diagram(const Actor& actor, core::TicketId ticket);

 private:
  core::ports::Store& store_;
  const ProcessEngine& engine_;
  const core::Clock& clock_;
};

}  // namespace hd::service
