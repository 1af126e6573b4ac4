#include "service/visibility.hpp"

#include <string>

#include "service/access.hpp"

namespace hd::service {

Result<bool> CompanyShares(core::ports::Tx& tx, const Actor& actor) {
  if (actor.staff() || !actor.company_id) return false;
  HD_ASSIGN_OR_RETURN(core::Company company, tx.Companies().Get(*actor.company_id));
  return company.share_tickets;
}

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
  if (!CanRead(actor, *ticket, shares)) return missing();
  return ticket;
}

}  // namespace hd::service
