// Loading a ticket the way its reader may see it: a ticket the actor may not
// read is reported as not found, so its existence does not leak.
#pragma once

#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "core/ticket.hpp"
#include "service/actor.hpp"

namespace hd::service {

// True when the actor's company shares its tickets among its customers.
Result<bool> CompanyShares(core::ports::Tx& tx, const Actor& actor);

// The ticket, or kNotFound when it does not exist or `actor` may not read it.
Result<core::Ticket> LoadReadableTicket(core::ports::Tx& tx, const Actor& actor, core::TicketId id);

}  // namespace hd::service
