#include "service/history.hpp"

#include <utility>

namespace hd::service {

Status AppendEvent(core::ports::Tx& tx, const core::Ticket& ticket, const Actor& actor,
                   core::EventKind kind, std::string field, std::string old_value,
                   std::string new_value, bool internal) {
  core::Event e;
  e.ticket_id = ticket.id;
  if (actor.id.valid()) e.actor_id = actor.id;  // else the system (a timed transition)
  e.at = ticket.updated_at;
  e.kind = kind;
  e.field = std::move(field);
  e.old_value = std::move(old_value);
  e.new_value = std::move(new_value);
  e.internal = internal;
  HD_RETURN_IF_ERROR(tx.Events().Append(std::move(e)));
  return Ok();
}

}  // namespace hd::service
