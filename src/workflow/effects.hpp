// Internal to the engine: the steps a firing and a vote share — checking the
// inputs against what a transition asks for, and turning inputs and actions
// into field changes and resolved actions.
#pragma once

#include <string_view>
#include <vector>

#include "workflow/engine.hpp"

namespace hd::workflow::internal {

// The canonical inputs, or kInvalidArgument naming the first field that is
// missing, unknown to the transition, or of the wrong type.
Result<FieldValues> CheckInputs(const Process& process, std::string_view transition_id,
                                const std::vector<FieldRequirement>& asked,
                                const FieldValues& inputs);

// Writes `inputs`, then the `set` actions, into outcome.changes; resolves the
// other actions' targets into outcome.actions. kInvalidArgument when an
// action names a user field that holds no user.
Status ApplyEffects(const Process& process, const TicketView& ticket, const FieldValues& inputs,
                    const std::vector<Action>& actions, core::UserId actor, core::Timestamp now,
                    Outcome& outcome);

}  // namespace hd::workflow::internal
