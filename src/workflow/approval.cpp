#include "workflow/approval.hpp"

#include <algorithm>

#include "workflow/effects.hpp"

namespace hd::workflow::internal {

namespace {

bool HasVoted(const TicketView& ticket, core::UserId user) {
  return std::any_of(ticket.votes.begin(), ticket.votes.end(),
                     [&](const Vote& v) { return v.voter == user; });
}

int Approvals(const TicketView& ticket) {
  return static_cast<int>(std::count_if(ticket.votes.begin(), ticket.votes.end(),
                                        [](const Vote& v) { return v.approve; }));
}

std::vector<FieldRequirement> AskedFor(const ApprovalStep& step, bool approve) {
  if (approve) return {};
  return {FieldRequirement{step.reason_field, true}};
}

FieldPrompt ReasonPrompt(const Process& process, const FieldRequirement& r) {
  if (const FieldDef* field = process.FindField(r.field.id)) return PromptFor(*field, r.required);
  return FieldPrompt{r.field.id, r.field.id, FieldType::kText, r.required, {}, {}};
}

}  // namespace

std::vector<AvailableTransition> VoteChoices(const Process& process, const TicketView& ticket,
                                             const Actor& actor) {
  const ApprovalStep* step = process.FindApprovalIn(ticket.state);
  if (step == nullptr || step->role != actor.role || HasVoted(ticket, actor.user)) return {};
  AvailableTransition approve{step->approve.id, step->approve.label, step->approve.to.id, {}, true};
  AvailableTransition reject{step->reject.id, step->reject.label, step->reject.to.id, {}, true};
  reject.fields.push_back(ReasonPrompt(process, FieldRequirement{step->reason_field, true}));
  return {approve, reject};
}

Result<Outcome> CastVote(const Process& process, const ApprovalStep& step, bool approve,
                         const TicketView& ticket, const Actor& actor, const FireRequest& request) {
  const ApprovalBranch& branch = approve ? step.approve : step.reject;
  if (ticket.state != step.state.id) {
    return Error::Conflict("'" + branch.id + "' is a vote in state '" + step.state.id +
                               "', the ticket is in '" + ticket.state + "'",
                           "wrong-state");
  }
  if (actor.role != step.role) {
    return Error::Forbidden("only " + std::string(core::ToString(step.role)) + " may vote on '" +
                            step.id + "'");
  }
  if (HasVoted(ticket, actor.user)) {
    return Error::Conflict("you have already voted on '" + step.id + "'", "already-voted");
  }
  HD_ASSIGN_OR_RETURN(FieldValues inputs,
                      CheckInputs(process, branch.id, AskedFor(step, approve), request.inputs));
  Outcome outcome;
  outcome.transition_id = branch.id;
  outcome.from = ticket.state;
  outcome.to = ticket.state;
  outcome.quorum = step.quorum;
  outcome.approvals = Approvals(ticket) + (approve ? 1 : 0);
  outcome.vote = Vote{actor.user, approve, approve ? std::string() : inputs.begin()->second};
  if (approve && outcome.approvals < step.quorum) {
    outcome.approval = ApprovalStatus::kPending;
    return outcome;
  }
  outcome.approval = approve ? ApprovalStatus::kApproved : ApprovalStatus::kRejected;
  outcome.to = branch.to.id;
  HD_RETURN_IF_ERROR(
      ApplyEffects(process, ticket, inputs, branch.actions, actor.user, request.now, outcome));
  return outcome;
}

}  // namespace hd::workflow::internal
