#include "service/access.hpp"

#include <algorithm>

namespace hd::service {

using core::Role;
using core::TicketStatus;

bool CanRead(const Actor& actor, const core::Ticket& ticket, bool company_shares) {
  switch (actor.role) {
    case Role::kCustomer:
      if (ticket.initiator_id == actor.id) return true;
      return company_shares && actor.company_id && ticket.company_id == actor.company_id;
    case Role::kIntegrator:
      return ticket.tier == 3 || ticket.assignee_id == actor.id;
    default:
      return true;
  }
}

bool CanReadOnProcess(const Actor& actor, const core::Ticket& ticket, bool company_shares,
                      const ProcessTrail& trail) {
  if (ticket.assignee_id == actor.id) return true;
  switch (actor.role) {
    case Role::kIntegrator:
      return std::find(trail.owners.begin(), trail.owners.end(), "role:integrator") !=
             trail.owners.end();
    case Role::kTester:
      return trail.current_owner == "role:tester";
    default:
      return CanRead(actor, ticket, company_shares);
  }
}

core::ports::TicketQuery::ProcessReader ProcessReaderOf(const Actor& actor) {
  core::ports::TicketQuery::ProcessReader reader;
  reader.user = actor.id;
  if (actor.role == Role::kIntegrator) {
    reader.owner = "role:integrator";
    reader.tier_without_process = 3;
  } else {
    reader.owner = "role:tester";
    reader.current_only = true;
  }
  return reader;
}

bool CanChangeStatus(const Actor& actor, const core::Ticket& ticket, TicketStatus to) {
  if (actor.staff()) return true;
  if (ticket.initiator_id != actor.id) return false;
  const bool finished =
      ticket.status == TicketStatus::kResolved || ticket.status == TicketStatus::kClosed;
  if (to == TicketStatus::kClosed) return ticket.status != TicketStatus::kClosed;
  if (to == TicketStatus::kOpen) return finished;  // reopen
  return false;
}

}  // namespace hd::service
