// Internal to the engine: votes on approval steps. A vote is fired like a
// transition (the approve or reject branch id); quorum approvals take the
// approve branch, any rejection the reject branch.
#pragma once

#include <vector>

#include "workflow/engine.hpp"

namespace hd::workflow::internal {

// The approve and reject entries `actor` may fire in the approval step of
// the ticket's state; none when there is no step, the role differs or the
// actor already voted in this round.
std::vector<AvailableTransition> VoteChoices(const Process& process, const TicketView& ticket,
                                             const Actor& actor);

// Records `actor`'s vote on `step` (approve when `approve`) and decides the
// step. Errors as engine.hpp's Fire; a rejection requires the step's reason
// field.
Result<Outcome> CastVote(const Process& process, const ApprovalStep& step, bool approve,
                         const TicketView& ticket, const Actor& actor, const FireRequest& request);

}  // namespace hd::workflow::internal
