#include "service/visibility.hpp"

#include <string>

#include "service/access.hpp"

namespace hd::service {

Result<bool> CompanyShares(core::ports::Tx& tx, const Actor& actor) {
  if (actor.staff() || !actor.company_id) return false;
  HD_ASSIGN_OR_RETURN(core::Company company, tx.Companies().Get(*actor.company_id));
  return company.share_tickets;
}

namespace {

// The owners along the ticket's process path; nullopt for a ticket on none.
Result<std::optional<ProcessTrail>> LoadTrail(core::ports::Tx& tx, core::TicketId id) {
  HD_ASSIGN_OR_RETURN(auto state, tx.Processes().FindState(id));
  if (!state) return std::optional<ProcessTrail>();
  ProcessTrail trail;
  for (const core::ProcessStep& step : state->path) {
    trail.owners.push_back(step.owner);
    if (step.seq == state->seq) trail.current_owner = step.owner;
  }
  return std::optional<ProcessTrail>(std::move(trail));
}

}  // namespace

Result<core::Ticket> LoadReadableTicket(core::ports::Tx& tx, const Actor& actor,
                                        core::TicketId id) {
  const auto missing = [&] {
    return Error::NotFound("ticket " + std::to_string(id.value) + " does not exist");
  };
  auto ticket = tx.Tickets().Get(id);
  if (!ticket.ok()) {
    if (ticket.error().code == ErrorCode::kNotFound) return missing();
    return std::move(ticket).error();
  }
  HD_ASSIGN_OR_RETURN(bool shares, CompanyShares(tx, actor));
  if (ReadsByProcess(actor)) {
    HD_ASSIGN_OR_RETURN(auto trail, LoadTrail(tx, id));
    if (trail) {
      if (!CanReadOnProcess(actor, *ticket, shares, *trail)) return missing();
      return ticket;
    }
  }
  if (!CanRead(actor, *ticket, shares)) return missing();
  return ticket;
}

}  // namespace hd::service
