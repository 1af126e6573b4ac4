// Guards: conditions on a ticket's fields that must hold for a transition to
// be available. Pure; safe from any thread.
#pragma once

#include <vector>

#include "core/time.hpp"
#include "workflow/process.hpp"

namespace hd::workflow {

// True when `condition` holds for `fields` at `now`. Values are compared in
// their canonical form (see NormalizeFieldValue).
bool ConditionHolds(const Process& process, const Condition& condition, const FieldValues& fields,
                    core::Timestamp now);

// The first condition of `guard` that does not hold, or nullptr.
const Condition* FirstFailingCondition(const Process& process, const std::vector<Condition>& guard,
                                       const FieldValues& fields, core::Timestamp now);

// "closed_at within 14 days": for messages.
std::string Describe(const Condition& condition);

}  // namespace hd::workflow
