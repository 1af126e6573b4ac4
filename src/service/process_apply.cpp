#include "service/process_apply.hpp"

#include <utility>

#include "service/history.hpp"
#include "service/l1/hints.hpp"
#include "service/mail/customer_mail.hpp"
#include "service/outbox.hpp"
#include "service/sla_clocks.hpp"

namespace hd::service::internal {

namespace {

using core::EventKind;
using workflow::Action;
using workflow::ActionKind;
using workflow::TargetKind;

std::string IdText(const std::optional<core::UserId>& id) {
  return id ? std::to_string(id->value) : std::string();
}
std::string IdText(const std::optional<core::GroupId>& id) {
  return id ? std::to_string(id->value) : std::string();
}

Result<std::optional<core::GroupId>> GroupBySlug(core::ports::Tx& tx, const std::string& slug) {
  HD_ASSIGN_OR_RETURN(auto group, tx.Groups().FindBySlug(slug));
  if (!group) return std::optional<core::GroupId>();
  return std::optional<core::GroupId>(group->id);
}

// A user a transition assigns the ticket to must be active staff.
Status CheckAssignable(core::ports::Tx& tx, core::UserId user, const std::string& field) {
  auto found = tx.Users().Get(user);
  if (!found.ok() && found.error().code != ErrorCode::kNotFound) return std::move(found).error();
  if (!found.ok() || !core::IsStaff(found->role) || found->disabled) {
    return Error::InvalidArgument(
        "user " + std::to_string(user.value) + " is not an active staff member",
        field.empty() ? std::string("assignee_id") : "fields." + field);
  }
  return Ok();
}

Status Assign(Firing& f, const Action& action) {
  const workflow::Target& target = action.target;
  switch (target.kind) {
    case TargetKind::kRole: {
      f.ticket.assignee_id.reset();
      const auto role = core::ParseRole(target.id);
      if (!role) return Error::Internal("unknown role " + target.id);
      HD_ASSIGN_OR_RETURN(f.ticket.group_id, GroupForRole(f.tx, f.settings, *role));
      return Ok();
    }
    case TargetKind::kGroup: {
      f.ticket.assignee_id.reset();
      auto alias = f.settings.group_slugs.find(target.id);
      const std::string slug = alias == f.settings.group_slugs.end() ? target.id : alias->second;
      HD_ASSIGN_OR_RETURN(f.ticket.group_id, GroupBySlug(f.tx, slug));
      return Ok();
    }
    default:
      HD_RETURN_IF_ERROR(CheckAssignable(f.tx, target.user,
                                         target.kind == TargetKind::kUserField ? target.id : ""));
      f.ticket.assignee_id = target.user;
      return Ok();
  }
}

// Who signs a reply: the person firing; for the system (a timed transition)
// the staff member who last moved the ticket, else its assignee.
Result<core::User> ReplyAuthor(Firing& f) {
  if (f.actor.id.valid()) return f.tx.Users().Get(f.actor.id);
  for (auto step = f.state.path.rbegin(); step != f.state.path.rend(); ++step) {
    if (!step->actor_id) continue;
    HD_ASSIGN_OR_RETURN(core::User user, f.tx.Users().Get(*step->actor_id));
    if (core::IsStaff(user.role) && !user.disabled) return user;
  }
  if (f.ticket.assignee_id) return f.tx.Users().Get(*f.ticket.assignee_id);
  return Error::Conflict(
      "no staff member can sign the reply of ticket " + std::to_string(f.ticket.number),
      "no-reply-author");
}

Status Reply(Firing& f, const Action& action) {
  HD_ASSIGN_OR_RETURN(core::User author, ReplyAuthor(f));
  const TemplateVars vars = ReplyVars(f.ticket, f.state.fields, author);
  // In the language of the customer who reads it.
  HD_ASSIGN_OR_RETURN(core::User requester, f.tx.Users().Get(f.ticket.initiator_id));
  HD_ASSIGN_OR_RETURN(TemplateSet texts, EditedReplies(f.tx, f.templates));
  HD_ASSIGN_OR_RETURN(std::string body,
                      texts.RenderIn(requester.language, action.template_id, vars));
  core::Message m{{}, f.ticket.id, author.id, std::move(body), false, "web", f.now, {}};
  HD_ASSIGN_OR_RETURN(m, f.tx.Messages().Insert(std::move(m)));
  f.events.push_back({EventKind::kReplied, "message", "", std::to_string(m.id.value), false});
  f.reply = std::move(m);
  return Ok();
}

// Queues a notification of this firing for the action's target, resolved to
// users in the one outbox (a person, everyone of a role, a group's staff).
Status Notify(Firing& f, const std::string& transition, const Action& action) {
  Audience audience;
  switch (action.target.kind) {
    case TargetKind::kRole: {
      const auto role = core::ParseRole(action.target.id);
      if (!role) return Error::Internal("unknown role " + action.target.id);
      audience = Audience::OfRole(*role);
      break;
    }
    case TargetKind::kGroup: {
      auto alias = f.settings.group_slugs.find(action.target.id);
      audience = Audience::OfGroup(alias == f.settings.group_slugs.end() ? action.target.id
                                                                         : alias->second);
      break;
    }
    default:
      audience = Audience::Person(action.target.user);
  }
  const workflow::Transition* t = f.process.FindTransition(transition);
  const workflow::State* state = f.process.FindState(f.state.state);
  core::ports::Notification note;
  note.kind = "process";
  note.ticket_id = f.ticket.id;
  const std::string number = std::to_string(f.ticket.number);
  auto label = [&](std::string_view language) {
    return t != nullptr ? t->label.In(language) : transition;
  };
  auto state_label = [&](std::string_view language) {
    return state != nullptr ? state->label.In(language) : f.state.state;
  };
  note.subject = core::EnglishAndRussian("Ticket #" + number + ": " + f.ticket.subject,
                                         "Обращение № " + number + ": " + f.ticket.subject)
                     .Stored();
  note.body = core::EnglishAndRussian(
                  label("en") + ". The ticket is now at \"" + state_label("en") + "\".\n",
                  label("ru") + ". Обращение теперь в состоянии «" + state_label("ru") + "».\n")
                  .Stored();
  note.created_at = f.now;
  HD_RETURN_IF_ERROR(QueueNotification(f.tx, f.settings.role_groups, std::move(note), audience));
  return Ok();
}

Status RunActions(Firing& f, const workflow::Outcome& outcome) {
  for (const Action& action : outcome.actions) {
    switch (action.kind) {
      case ActionKind::kAssign:
        HD_RETURN_IF_ERROR(Assign(f, action));
        break;
      case ActionKind::kReply:
        HD_RETURN_IF_ERROR(Reply(f, action));
        break;
      case ActionKind::kNotify:
        HD_RETURN_IF_ERROR(Notify(f, outcome.transition_id, action));
        break;
      case ActionKind::kClose:
        f.ticket.status = core::TicketStatus::kClosed;
        break;
      case ActionKind::kSla:
      case ActionKind::kSet:
        break;  // the SLA clock follows the status; sets are field changes
    }
  }
  return Ok();
}

Status StoreFields(Firing& f, const workflow::Outcome& outcome) {
  for (const workflow::FieldChange& c : outcome.changes) {
    HD_RETURN_IF_ERROR(f.tx.Processes().PutField(f.ticket.id, c.field, c.new_value));
    if (c.new_value.empty()) {
      f.state.fields.erase(c.field);
    } else {
      f.state.fields[c.field] = c.new_value;
    }
    // An operator's classification, against what was proposed for it.
    if (c.field == "l1_class") {
      HD_RETURN_IF_ERROR(l1::RecordDecision(f.tx, f.ticket.id, c.new_value, f.now));
    }
    // The process's criticality is the ticket's: queues sort by it.
    if (c.field == "criticality") {
      if (auto parsed = core::ParseCriticality(c.new_value)) f.ticket.criticality = *parsed;
    }
    f.events.push_back(
        {EventKind::kFieldChanged, c.field, c.old_value, c.new_value, f.actor.staff()});
  }
  return Ok();
}

Status EnterState(Firing& f, const workflow::Outcome& outcome) {
  const workflow::State* to = f.process.FindState(outcome.to);
  if (to == nullptr) return Error::Internal("process has no state " + outcome.to);
  // Support's hand-offs between its own states are not the customer's
  // history (they see the status change); the customer's own actions are.
  f.events.push_back({EventKind::kTransitionFired, outcome.transition_id, outcome.from, outcome.to,
                      f.actor.role != core::Role::kCustomer});
  std::int64_t seq = f.state.seq;
  for (const auto& step : f.state.path) seq = std::max(seq, step.seq);
  const core::ProcessStep step{seq + 1,
                               to->id,
                               outcome.transition_id,
                               f.actor.id.valid() ? std::optional(f.actor.id) : std::nullopt,
                               f.now,
                               OwnerText(*to)};
  HD_RETURN_IF_ERROR(f.tx.Processes().AppendStep(f.ticket.id, step));
  f.state.path.push_back(step);
  f.state.previous_state = outcome.from;
  f.state.state = to->id;
  f.state.seq = step.seq;
  f.state.entered_at = f.now;
  HD_RETURN_IF_ERROR(f.tx.Processes().UpdateState(f.state));
  f.ticket.status = StatusFor(f.process, *to);
  f.ticket.tier = to->tier;
  return Ok();
}

// One event per changed ticket column, comparing with `before`.
void TicketEvents(Firing& f, const core::Ticket& before) {
  const core::Ticket& t = f.ticket;
  if (before.status != t.status) {
    f.events.push_back({EventKind::kStatusChanged, "status",
                        std::string(core::ToString(before.status)),
                        std::string(core::ToString(t.status)), false});
  }
  if (before.assignee_id != t.assignee_id) {
    f.events.push_back({EventKind::kAssigned, "assignee_id", IdText(before.assignee_id),
                        IdText(t.assignee_id), true});
  }
  if (before.group_id != t.group_id) {
    f.events.push_back(
        {EventKind::kGroupChanged, "group_id", IdText(before.group_id), IdText(t.group_id), true});
  }
  if (before.tier != t.tier) {
    f.events.push_back({EventKind::kFieldChanged, "tier", std::to_string(before.tier),
                        std::to_string(t.tier), true});
  }
}

}  // namespace

std::string OwnerText(const workflow::State& state) {
  if (state.owner.id.empty()) return "";
  return (state.owner.kind == TargetKind::kGroup ? "group:" : "role:") + state.owner.id;
}

core::TicketStatus StatusFor(const workflow::Process& process, const workflow::State& state) {
  if (state.final) return core::TicketStatus::kClosed;
  if (state.owner.kind == TargetKind::kRole && state.owner.id == "customer") {
    return core::TicketStatus::kPending;
  }
  if (!state.clock_runs) return core::TicketStatus::kResolved;
  if (state.id == process.initial.id) return core::TicketStatus::kNew;
  return core::TicketStatus::kOpen;
}

Result<std::optional<core::GroupId>> GroupForRole(core::ports::Tx& tx,
                                                  const ProcessSettings& settings,
                                                  core::Role role) {
  auto it = settings.role_groups.find(role);
  if (it == settings.role_groups.end()) return std::optional<core::GroupId>();
  return GroupBySlug(tx, it->second);
}

Status ApplyOutcome(Firing& f, const workflow::Outcome& outcome) {
  const core::Ticket before = f.ticket;
  f.ticket.updated_at = f.now;
  if (outcome.vote) {
    const workflow::Vote& v = *outcome.vote;
    HD_RETURN_IF_ERROR(f.tx.Processes().InsertVote(
        {f.ticket.id, f.state.seq, v.voter, v.approve, v.reason, f.now}));
    f.events.push_back(
        {EventKind::kVoteCast, outcome.transition_id, "", v.approve ? "approve" : "reject", true});
  }
  if (outcome.state_changed()) HD_RETURN_IF_ERROR(EnterState(f, outcome));
  HD_RETURN_IF_ERROR(StoreFields(f, outcome));
  HD_RETURN_IF_ERROR(RunActions(f, outcome));
  TicketEvents(f, before);
  HD_RETURN_IF_ERROR(f.tx.Tickets().Update(f.ticket));
  HD_RETURN_IF_ERROR(QueueChangeMail(
      f.tx, f.ticket, before.status, f.reply ? std::optional(f.reply->id) : std::nullopt,
      f.reply ? std::string_view(f.reply->body) : std::string_view(), f.now));
  // The clock follows the new status (pending pauses it, closed stops it).
  if (f.sla != nullptr) HD_RETURN_IF_ERROR(RefreshSlaClocks(f.tx, *f.sla, f.ticket, f.now));
  for (PendingEvent& e : f.events) {
    HD_RETURN_IF_ERROR(AppendEvent(f.tx, f.ticket, f.actor, e.kind, std::move(e.field),
                                   std::move(e.old_value), std::move(e.new_value), e.internal));
  }
  return Ok();
}

}  // namespace hd::service::internal
