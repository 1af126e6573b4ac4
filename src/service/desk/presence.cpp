#include "service/desk/presence.hpp"

#include "service/visibility.hpp"

namespace hd::service {

using core::ports::Tx;

namespace {

Status RequireStaff(const Actor& actor) {
  if (!actor.staff()) return Error::Forbidden("presence on tickets is for support staff");
  return Ok();
}

// The fresh rows of `ticket` but the actor's, with the people's names.
Result<std::vector<Viewer>> Others(Tx& tx, const Actor& actor, core::TicketId ticket,
                                   core::Timestamp now) {
  HD_ASSIGN_OR_RETURN(auto rows, tx.Presence().ListForTicket(ticket, now - Presence::kFresh));
  std::vector<Viewer> viewers;
  for (const core::ports::Presence& row : rows) {
    if (row.user_id == actor.id) continue;
    HD_ASSIGN_OR_RETURN(core::User user, tx.Users().Get(row.user_id));
    if (user.disabled || !core::IsStaff(user.role)) continue;
    viewers.push_back({user.id, user.name, user.role, row.typing, row.since, row.seen_at});
  }
  return viewers;
}

}  // namespace

Result<std::vector<Viewer>> Presence::Announce(const Actor& actor, core::TicketId ticket,
                                               bool typing) {
  HD_RETURN_IF_ERROR(RequireStaff(actor));
  const core::Timestamp now = clock_.Now();
  std::vector<Viewer> viewers;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    HD_RETURN_IF_ERROR(LoadReadableTicket(tx, actor, ticket));
    // Rows of pages closed without saying so go after a while.
    HD_RETURN_IF_ERROR(tx.Presence().Expire(now - 10 * kFresh));
    HD_RETURN_IF_ERROR(tx.Presence().Announce({ticket, actor.id, typing, now, now}));
    HD_ASSIGN_OR_RETURN(viewers, Others(tx, actor, ticket, now));
    return Ok();
  }));
  return viewers;
}

Result<std::vector<Viewer>> Presence::List(const Actor& actor, core::TicketId ticket) {
  HD_RETURN_IF_ERROR(RequireStaff(actor));
  std::vector<Viewer> viewers;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_RETURN_IF_ERROR(LoadReadableTicket(tx, actor, ticket));
    HD_ASSIGN_OR_RETURN(viewers, Others(tx, actor, ticket, clock_.Now()));
    return Ok();
  }));
  return viewers;
}

Status Presence::Leave(const Actor& actor, core::TicketId ticket) {
  HD_RETURN_IF_ERROR(RequireStaff(actor));
  return store_.Write([&](Tx& tx) -> Status {
    HD_RETURN_IF_ERROR(LoadReadableTicket(tx, actor, ticket));
    return tx.Presence().Leave(ticket, actor.id);
  });
}

}  // namespace hd::service
