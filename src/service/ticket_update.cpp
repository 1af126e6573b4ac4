// Tickets::Update: a patch becomes one stored version and one event per
// changed field.
#include <string>
#include <vector>

#include "service/access.hpp"
#include "service/history.hpp"
#include "service/mail/customer_mail.hpp"
#include "service/tickets.hpp"
#include "service/validation.hpp"
#include "service/visibility.hpp"

namespace hd::service {

using core::EventKind;
using core::ports::Tx;

namespace {

struct Change {
  EventKind kind;
  std::string field;
  std::string old_value;
  std::string new_value;
};

std::string IdText(const std::optional<core::UserId>& id) {
  return id ? std::to_string(id->value) : std::string();
}
std::string IdText(const std::optional<core::GroupId>& id) {
  return id ? std::to_string(id->value) : std::string();
}

Status ValidatePatch(const Actor& actor, const TicketPatch& p) {
  if (p.subject) HD_RETURN_IF_ERROR(CheckText(*p.subject, "subject", 300, true));
  if (p.category) HD_RETURN_IF_ERROR(CheckText(*p.category, "category", 64, false));
  if (p.tier && (*p.tier < 1 || *p.tier > 3)) {
    return Error::InvalidArgument("tier must be 1, 2 or 3", "tier");
  }
  if (!actor.staff() &&
      (p.subject || p.category || p.criticality || p.assignee || p.group || p.tier)) {
    return Error::Forbidden("customers may only close or reopen their tickets");
  }
  return Ok();
}

// A ticket on a business process changes status, tier and group only by
// its transitions, so that they never contradict the process state
// (docs/workflow.md, "Status mapping"). Setting a value the ticket has
// already is not a change.
Status CheckProcessFieldsUnchanged(Tx& tx, const core::Ticket& before, const core::Ticket& after) {
  const char* field = before.status != after.status       ? "status"
                      : before.tier != after.tier         ? "tier"
                      : before.group_id != after.group_id ? "group"
                                                          : nullptr;
  if (field == nullptr) return Ok();
  HD_ASSIGN_OR_RETURN(auto state, tx.Processes().FindState(before.id));
  if (!state) return Ok();
  const std::string id = std::to_string(before.id.value);
  return Error::Conflict("ticket " + id + " runs on the process '" + state->process_id +
                             "' (state '" + state->state + "'): its " + field +
                             " follows the process; fire one of the transitions listed at "
                             "/api/v1/tickets/" +
                             id + "/transitions instead",
                         "status-follows-process")
      .WithField(field);
}

Status PatchAssignee(Tx& tx, core::Ticket& t, const TicketPatch& p, std::vector<Change>& out) {
  if (!p.assignee || *p.assignee == t.assignee_id) return Ok();
  if (*p.assignee) {
    auto user = tx.Users().Get(**p.assignee);
    if (!user.ok() && user.error().code != ErrorCode::kNotFound) return std::move(user).error();
    if (!user.ok() || !core::IsStaff(user->role) || user->disabled) {
      return Error::InvalidArgument("the assignee must be an active staff member", "assignee_id");
    }
  }
  out.push_back({EventKind::kAssigned, "assignee_id", IdText(t.assignee_id), IdText(*p.assignee)});
  t.assignee_id = *p.assignee;
  return Ok();
}

Status PatchGroupAndCategory(Tx& tx, core::Ticket& t, const TicketPatch& p,
                             std::vector<Change>& out) {
  if (p.category && Trim(*p.category) != t.category) {
    const std::string slug = Trim(*p.category);
    if (!slug.empty()) {
      HD_ASSIGN_OR_RETURN(auto category, tx.Groups().FindCategory(slug));
      if (!category) return Error::InvalidArgument("unknown category " + slug, "category");
    }
    out.push_back({EventKind::kFieldChanged, "category", t.category, slug});
    t.category = slug;
  }
  if (!p.group) return Ok();
  std::optional<core::GroupId> group;
  if (!p.group->empty()) {
    HD_ASSIGN_OR_RETURN(auto found, tx.Groups().FindBySlug(*p.group));
    if (!found) return Error::InvalidArgument("unknown group " + *p.group, "group");
    group = found->id;
  }
  if (group != t.group_id) {
    out.push_back({EventKind::kGroupChanged, "group_id", IdText(t.group_id), IdText(group)});
    t.group_id = group;
  }
  return Ok();
}

Status PatchPlainFields(const Actor& actor, core::Ticket& t, const TicketPatch& p,
                        std::vector<Change>& out) {
  if (p.status && *p.status != t.status) {
    if (!CanChangeStatus(actor, t, *p.status)) {
      return Error::Forbidden("you may not move this ticket to " +
                              std::string(core::ToString(*p.status)));
    }
    out.push_back({EventKind::kStatusChanged, "status", std::string(core::ToString(t.status)),
                   std::string(core::ToString(*p.status))});
    t.status = *p.status;
  }
  if (p.subject && Trim(*p.subject) != t.subject) {
    out.push_back({EventKind::kFieldChanged, "subject", t.subject, Trim(*p.subject)});
    t.subject = Trim(*p.subject);
  }
  if (p.criticality && *p.criticality != t.criticality) {
    out.push_back({EventKind::kFieldChanged, "criticality",
                   std::string(core::ToString(t.criticality)),
                   std::string(core::ToString(*p.criticality))});
    t.criticality = *p.criticality;
  }
  if (p.tier && *p.tier != t.tier) {
    out.push_back(
        {EventKind::kFieldChanged, "tier", std::to_string(t.tier), std::to_string(*p.tier)});
    t.tier = *p.tier;
  }
  return Ok();
}

}  // namespace

Result<core::Ticket> Tickets::Update(const Actor& actor, core::TicketId id,
                                     const TicketPatch& patch) {
  HD_RETURN_IF_ERROR(ValidatePatch(actor, patch));
  std::optional<core::Ticket> result;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(core::Ticket t, LoadReadableTicket(tx, actor, id));
    if (patch.expected_version && *patch.expected_version != t.version) {
      return Error::PreconditionFailed(
          "the ticket changed since version " + std::to_string(*patch.expected_version) +
          "; reload it (now version " + std::to_string(t.version) + ")");
    }
    const core::Ticket original = t;
    const core::TicketStatus before = t.status;
    std::vector<Change> changes;
    HD_RETURN_IF_ERROR(PatchPlainFields(actor, t, patch, changes));
    HD_RETURN_IF_ERROR(PatchAssignee(tx, t, patch, changes));
    HD_RETURN_IF_ERROR(PatchGroupAndCategory(tx, t, patch, changes));
    HD_RETURN_IF_ERROR(CheckProcessFieldsUnchanged(tx, original, t));
    if (!changes.empty()) {
      t.updated_at = clock_.Now();
      HD_RETURN_IF_ERROR(tx.Tickets().Update(t));
      for (auto& c : changes) {
        // Routing inside support (group, tier, the person) is not the
        // customer's business.
        const bool internal = c.kind == EventKind::kGroupChanged || c.field == "tier" ||
                              c.kind == EventKind::kAssigned;
        HD_RETURN_IF_ERROR(AppendEvent(tx, t, actor, c.kind, std::move(c.field),
                                       std::move(c.old_value), std::move(c.new_value), internal));
      }
      // The customer hears of support's resolving or closing by mail.
      if (actor.staff()) {
        HD_RETURN_IF_ERROR(QueueChangeMail(tx, t, before, std::nullopt, "", t.updated_at));
      }
    }
    if (sla_ != nullptr && !changes.empty()) {
      HD_RETURN_IF_ERROR(sla_->Refresh(tx, t, t.updated_at));
    }
    HD_RETURN_IF_ERROR(processes_.Describe(tx, actor, t));
    if (sla_ != nullptr) HD_RETURN_IF_ERROR(sla_->Describe(tx, t, clock_.Now(), actor));
    result = std::move(t);
    return Ok();
  }));
  return std::move(*result);
}

}  // namespace hd::service
