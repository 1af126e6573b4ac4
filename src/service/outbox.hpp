// The one outbox (docs/notifications.md): every notification the help desk
// sends people — the SLA job's warnings and breaches, the process's notify
// actions, coupons — is queued here, resolved to users when it is queued,
// inside the transaction of the change it tells about. The app shows each
// user theirs (Notifications); mail delivery drains the unsent ones
// (NotificationRepo::ListUnsent / MarkSent).
//
// Free functions over a transaction; no state, no thread affinity.
#pragma once

#include <map>
#include <string>

#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "core/role.hpp"
#include "core/ticket.hpp"

namespace hd::service {

// Who a notification is for, before it is resolved to users.
struct Audience {
  enum class Kind { kUser, kRole, kGroup };
  Kind kind = Kind::kUser;
  core::UserId user;                        // kUser
  core::Role role = core::Role::kCustomer;  // kRole
  std::string group;                        // kGroup: a staff group's slug

  static Audience Person(core::UserId id) { return {Kind::kUser, id, {}, {}}; }
  static Audience OfRole(core::Role r) { return {Kind::kRole, {}, r, {}}; }
  static Audience OfGroup(std::string slug) { return {Kind::kGroup, {}, {}, std::move(slug)}; }
  // "user:12", "role:tester", "group:support".
  std::string Text() const;
};

// The staff group (slug) whose queue each role works from, as
// ProcessSettings::role_groups.
using RoleGroups = std::map<core::Role, std::string>;

// Queues `note` once for every user of `audience` and returns how many rows
// were queued (its user_id and audience are set here). A person gets it
// when active; a role: every active user of it; a group: its active
// members, or when it has none every active user of the roles whose queue
// it is (`routing`), or the administrators when no role works from it. An audience nobody is in
// queues one row for nobody, so mail delivery and administrators still see it.
Result<int> QueueNotification(core::ports::Tx& tx, const RoleGroups& routing,
                              core::ports::Notification note, const Audience& audience);

// The people who own a ticket now: its assignee, else the staff of its group,
// else the administrators.
Result<Audience> TicketOwners(core::ports::Tx& tx, const core::Ticket& ticket);

}  // namespace hd::service
