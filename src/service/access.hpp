// Who may see and do what (DOMAIN.md §3). Pure rules over an Actor and a
// Ticket; the use cases call them inside their transactions.
#pragma once

#include <string>
#include <vector>

#include "core/ports/repositories.hpp"
#include "core/ticket.hpp"
#include "service/actor.hpp"

namespace hd::service {

// A customer reads their own tickets, and their company's when the company
// shares tickets (`company_shares`). An integrator (the contractor's entry
// point) reads only tickets handed to L3 or assigned to them. Other staff
// read every ticket.
bool CanRead(const Actor& actor, const core::Ticket& ticket, bool company_shares);

// Where a ticket on a business process has been, for reading rules: the
// owner ("role:<id>" or "group:<id>") of its current state and of every state
// on its path.
struct ProcessTrail {
  std::string current_owner;
  std::vector<std::string> owners;
};

// Reading a ticket that runs on a process (DOMAIN.md §3): an integrator reads
// only tickets handed to the contractor (a state the integrator role owns is
// on the path) or assigned to them; a tester reads tickets awaiting
// verification (the current state is the tester's) or assigned to them, with
// their history. Other roles as CanRead.
bool CanReadOnProcess(const Actor& actor, const core::Ticket& ticket, bool company_shares,
                      const ProcessTrail& trail);

// True for the roles whose reading depends on the ticket's process trail.
inline bool ReadsByProcess(const Actor& actor) {
  return actor.role == core::Role::kIntegrator || actor.role == core::Role::kTester;
}

// CanReadOnProcess (and CanRead for tickets on no process) as a filter of
// ticket listings, for an actor that ReadsByProcess.
core::ports::TicketQuery::ProcessReader ProcessReaderOf(const Actor& actor);

// Internal notes and internal events: staff only.
inline bool CanSeeInternal(const Actor& actor) { return actor.staff(); }

// Customers may close their own ticket or reopen it; staff may change every
// field. Returns true when `actor` may move `ticket` to `to`.
bool CanChangeStatus(const Actor& actor, const core::Ticket& ticket, core::TicketStatus to);

}  // namespace hd::service
