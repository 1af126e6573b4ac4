// Writing a ticket's history: every use case that changes a ticket appends
// its events through here, stamped with the ticket's updated_at.
#pragma once

#include <string>

#include "core/error.hpp"
#include "core/event.hpp"
#include "core/ports/store.hpp"
#include "core/ticket.hpp"
#include "service/actor.hpp"

namespace hd::service {

// Appends one event for `ticket` by `actor` at ticket.updated_at. `internal`
// hides it from customers.
Status AppendEvent(core::ports::Tx& tx, const core::Ticket& ticket, const Actor& actor,
                   core::EventKind kind, std::string field, std::string old_value,
                   std::string new_value, bool internal = false);

}  // namespace hd::service
