// Tickets::Sla: a ticket's SLA clock with its timeline.
#include "service/tickets.hpp"
#include "service/visibility.hpp"

namespace hd::service {

Result<SlaDetail> Tickets::Sla(const Actor& actor, core::TicketId id) {
  if (sla_ == nullptr) return Error::NotFound("SLA clocks are not kept");
  std::optional<SlaDetail> detail;
  HD_RETURN_IF_ERROR(store_.Read([&](core::ports::Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(core::Ticket t, LoadReadableTicket(tx, actor, id));
    HD_ASSIGN_OR_RETURN(detail, sla_->Detail(tx, t, clock_.Now(), actor));
    return Ok();
  }));
  return std::move(*detail);
}

}  // namespace hd::service
