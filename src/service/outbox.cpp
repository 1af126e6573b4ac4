#include "service/outbox.hpp"

#include <utility>
#include <vector>

namespace hd::service {

std::string Audience::Text() const {
  switch (kind) {
    case Kind::kUser:
      return "user:" + std::to_string(user.value);
    case Kind::kRole:
      return "role:" + std::string(core::ToString(role));
    case Kind::kGroup:
      return "group:" + group;
  }
  return "";
}

namespace {

Result<int> QueueForPerson(core::ports::Tx& tx, core::ports::Notification note, core::UserId user) {
  auto found = tx.Users().Get(user);
  if (!found.ok() && found.error().code != ErrorCode::kNotFound) return std::move(found).error();
  if (!found.ok() || found->disabled) return 0;
  note.user_id = user;
  HD_RETURN_IF_ERROR(tx.Notifications().Queue(std::move(note)));
  return 1;
}

Result<int> QueueForGroup(core::ports::Tx& tx, const RoleGroups& routing,
                          const core::ports::Notification& note, const std::string& slug) {
  HD_ASSIGN_OR_RETURN(auto found, tx.Groups().FindBySlug(slug));
  if (found) {
    HD_ASSIGN_OR_RETURN(auto members, tx.Groups().ListMembers(found->id));
    int queued = 0;
    for (core::UserId member : members) {
      HD_ASSIGN_OR_RETURN(int n, QueueForPerson(tx, note, member));
      queued += n;
    }
    if (queued > 0) return queued;
  }
  std::vector<core::Role> roles;
  for (const auto& [role, group] : routing) {
    if (group == slug) roles.push_back(role);
  }
  if (roles.empty()) roles.push_back(core::Role::kAdministrator);
  int queued = 0;
  for (core::Role role : roles) {
    HD_ASSIGN_OR_RETURN(int n, tx.Notifications().QueueForRole(note, role));
    queued += n;
  }
  return queued;
}

}  // namespace

Result<int> QueueNotification(core::ports::Tx& tx, const RoleGroups& routing,
                              core::ports::Notification note, const Audience& audience) {
  note.audience = audience.Text();
  note.user_id.reset();
  int queued = 0;
  switch (audience.kind) {
    case Audience::Kind::kUser: {
      HD_ASSIGN_OR_RETURN(queued, QueueForPerson(tx, note, audience.user));
      break;
    }
    case Audience::Kind::kRole: {
      HD_ASSIGN_OR_RETURN(queued, tx.Notifications().QueueForRole(note, audience.role));
      break;
    }
    case Audience::Kind::kGroup: {
      HD_ASSIGN_OR_RETURN(queued, QueueForGroup(tx, routing, note, audience.group));
      break;
    }
  }
  if (queued == 0) HD_RETURN_IF_ERROR(tx.Notifications().Queue(std::move(note)));
  return queued;
}

Result<Audience> TicketOwners(core::ports::Tx& tx, const core::Ticket& ticket) {
  if (ticket.assignee_id) return Audience::Person(*ticket.assignee_id);
  if (ticket.group_id) {
    HD_ASSIGN_OR_RETURN(core::Group group, tx.Groups().Get(*ticket.group_id));
    return Audience::OfGroup(group.slug);
  }
  return Audience::OfRole(core::Role::kAdministrator);
}

}  // namespace hd::service
