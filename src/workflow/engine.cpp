#include "workflow/engine.hpp"

#include <algorithm>

#include "workflow/approval.hpp"
#include "workflow/effects.hpp"
#include "workflow/guard.hpp"

namespace hd::workflow {

namespace {

bool RoleMayFire(const Transition& t, core::Role role) {
  return std::find(t.roles.begin(), t.roles.end(), role) != t.roles.end();
}

}  // namespace

FieldPrompt PromptFor(const FieldDef& field, bool required) {
  FieldPrompt prompt{field.id, field.label, field.type, required, field.options, {}};
  if (field.type == FieldType::kEnum) {
    for (const std::string& option : field.options) {
      const auto label = field.option_labels.find(option);
      prompt.option_labels.push_back(label != field.option_labels.end() ? label->second
                                                                        : core::LocalText(option));
    }
  }
  return prompt;
}

namespace {

// The customer a transition names is the one who opened the ticket: a
// colleague reading a company's shared ticket may not close, reopen or
// answer for its initiator.
bool ActsForTheTicket(const Actor& actor, const TicketView& ticket) {
  return actor.role != core::Role::kCustomer || actor.user == ticket.initiator;
}

// Where `t` takes the ticket: its `to`, or for `returns` the previous state.
std::string Destination(const Process& process, const Transition& t, const TicketView& ticket) {
  if (!t.returns) return t.to.id;
  return process.FindState(ticket.previous_state) != nullptr ? ticket.previous_state
                                                             : std::string();
}

std::vector<FieldPrompt> Prompts(const Process& process, const Transition& t) {
  std::vector<FieldPrompt> prompts;
  for (const FieldRequirement& r : t.fields) {
    const FieldDef* field = process.FindField(r.field.id);
    if (field == nullptr) continue;
    prompts.push_back(PromptFor(*field, r.required));
  }
  return prompts;
}

// The checks and effects of a firing once the caller's right to fire `t`
// is established.
Result<Outcome> Apply(const Process& process, const Transition& t, const TicketView& ticket,
                      core::UserId actor, const FireRequest& request) {
  if (!LeavesState(process, t, ticket.state)) {
    return Error::Conflict(
        "transition '" + t.id + "' cannot be fired from state '" + ticket.state + "'",
        "wrong-state");
  }
  if (const Condition* failing =
          FirstFailingCondition(process, t.guard, ticket.fields, request.now)) {
    return Error::Conflict("transition '" + t.id + "' needs " + Describe(*failing), "guard-failed");
  }
  const std::string to = Destination(process, t, ticket);
  if (to.empty()) {
    return Error::Conflict("transition '" + t.id + "' has no earlier state to return to",
                           "nothing-to-return-to");
  }
  HD_ASSIGN_OR_RETURN(FieldValues inputs,
                      internal::CheckInputs(process, t.id, t.fields, request.inputs));
  Outcome outcome;
  outcome.transition_id = t.id;
  outcome.from = ticket.state;
  outcome.to = to;
  HD_RETURN_IF_ERROR(
      internal::ApplyEffects(process, ticket, inputs, t.actions, actor, request.now, outcome));
  return outcome;
}

// The approval step and branch a vote id names, if it names one.
const ApprovalStep* FindVote(const Process& process, std::string_view id, bool& approve) {
  for (const ApprovalStep& step : process.approvals) {
    if (step.approve.id == id || step.reject.id == id) {
      approve = step.approve.id == id;
      return &step;
    }
  }
  return nullptr;
}

Error NoSuchTransition(const Process& process, std::string_view id) {
  return Error::NotFound("process '" + process.id + "' version " + std::to_string(process.version) +
                         " has no transition '" + std::string(id) + "'");
}

}  // namespace

std::vector<AvailableTransition> AvailableTransitions(const Process& process,
                                                      const TicketView& ticket, const Actor& actor,
                                                      core::Timestamp now) {
  std::vector<AvailableTransition> out;
  for (const Transition& t : process.transitions) {
    if (!LeavesState(process, t, ticket.state) || !RoleMayFire(t, actor.role) ||
        !ActsForTheTicket(actor, ticket)) {
      continue;
    }
    if (FirstFailingCondition(process, t.guard, ticket.fields, now) != nullptr) continue;
    const std::string to = Destination(process, t, ticket);
    if (to.empty()) continue;
    out.push_back(AvailableTransition{t.id, t.label, to, Prompts(process, t), false});
  }
  for (AvailableTransition& vote : internal::VoteChoices(process, ticket, actor)) {
    out.push_back(std::move(vote));
  }
  return out;
}

Result<Outcome> Fire(const Process& process, const TicketView& ticket, const Actor& actor,
                     const FireRequest& request) {
  const Transition* t = process.FindTransition(request.transition);
  if (t == nullptr) {
    bool approve = false;
    if (const ApprovalStep* step = FindVote(process, request.transition, approve)) {
      return internal::CastVote(process, *step, approve, ticket, actor, request);
    }
    return NoSuchTransition(process, request.transition);
  }
  if (!RoleMayFire(*t, actor.role)) {
    return Error::Forbidden("role " + std::string(core::ToString(actor.role)) +
                            " may not fire transition '" + t->id + "'");
  }
  if (!ActsForTheTicket(actor, ticket)) {
    return Error::Forbidden("only the customer who opened the ticket may fire transition '" +
                            t->id + "'");
  }
  return Apply(process, *t, ticket, actor.user, request);
}

Result<Outcome> FireAutomatic(const Process& process, const TicketView& ticket,
                              std::string_view transition, core::Timestamp now) {
  const Transition* t = process.FindTransition(transition);
  if (t == nullptr) return NoSuchTransition(process, transition);
  if (t->auto_after_hours <= 0) {
    return Error::Forbidden("transition '" + t->id + "' is not fired by the system");
  }
  return Apply(process, *t, ticket, core::UserId{}, FireRequest{t->id, {}, now});
}

std::vector<const Transition*> AutomaticTransitions(const Process& process,
                                                    std::string_view state) {
  std::vector<const Transition*> out;
  for (const Transition& t : process.transitions) {
    if (t.auto_after_hours > 0 && LeavesState(process, t, state)) out.push_back(&t);
  }
  return out;
}

std::string_view ToString(ApprovalStatus status) {
  switch (status) {
    case ApprovalStatus::kNone:
      return "none";
    case ApprovalStatus::kPending:
      return "pending";
    case ApprovalStatus::kApproved:
      return "approved";
    case ApprovalStatus::kRejected:
      return "rejected";
  }
  return "none";
}

}  // namespace hd::workflow
