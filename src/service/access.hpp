// Who may see and do what (DOMAIN.md §3). Pure rules over an Actor and a
// Ticket; the use cases call them inside their transactions.
#pragma once

#include "core/ticket.hpp"
#include "service/actor.hpp"

namespace hd::service {

// A customer reads their own tickets, and their company's when the company
// shares tickets (`company_shares`). An integrator (the contractor's entry
// point) reads only tickets handed to L3 or assigned to them. Other staff
// read every ticket.
bool CanRead(const Actor& actor, const core::Ticket& ticket, bool company_shares);

// Internal notes and internal events: staff only.
inline bool CanSeeInternal(const Actor& actor) { return actor.staff(); }

// Customers may close their own ticket or reopen it; staff may change every
// field. Returns true when `actor` may move `ticket` to `to`.
bool CanChangeStatus(const Actor& actor, const core::Ticket& ticket, core::TicketStatus to);

}  // namespace hd::service
