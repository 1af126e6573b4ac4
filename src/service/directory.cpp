#include "service/directory.hpp"

#include <algorithm>
#include <string>

#include "service/validation.hpp"

namespace hd::service {

using core::ports::Tx;

namespace {
Status RequireAdmin(const std::optional<Actor>& actor) {
  if (actor && actor->role != core::Role::kAdministrator) {
    return Error::Forbidden("only administrators may change the directory");
  }
  return Ok();
}

}  // namespace

Directory::Directory(core::ports::Store& store) : store_(store) {}

Result<std::vector<core::Category>> Directory::Categories() {
  std::vector<core::Category> out;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(out, tx.Groups().ListCategories());
    return Ok();
  }));
  return out;
}

Result<std::vector<core::Group>> Directory::Groups() {
  std::vector<core::Group> out;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(out, tx.Groups().List());
    return Ok();
  }));
  return out;
}

Result<core::Group> Directory::AddGroup(const std::optional<Actor>& actor, core::Group group) {
  HD_RETURN_IF_ERROR(RequireAdmin(actor));
  HD_RETURN_IF_ERROR(CheckSlug(group.slug, "slug"));
  HD_RETURN_IF_ERROR(CheckLocalText(group.name, "name", 200, true));
  if (group.tier < 1 || group.tier > 3) {
    return Error::InvalidArgument("tier must be 1, 2 or 3", "tier");
  }
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(group, tx.Groups().Insert(group));
    return Ok();
  }));
  return group;
}

Status Directory::PutCategory(const std::optional<Actor>& actor, const core::Category& category) {
  HD_RETURN_IF_ERROR(RequireAdmin(actor));
  HD_RETURN_IF_ERROR(CheckSlug(category.slug, "slug"));
  HD_RETURN_IF_ERROR(CheckLocalText(category.label, "label", 200, true));
  HD_RETURN_IF_ERROR(CheckLocalText(category.hint, "hint", 2'000, false));
  return store_.Write([&](Tx& tx) { return tx.Groups().UpsertCategory(category); });
}

Result<core::User> Directory::UserCard(const Actor& actor, core::UserId id) {
  std::optional<core::User> user;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    auto found = tx.Users().Get(id);
    if (!found.ok()) return std::move(found).error();
    user = std::move(found).value();
    return Ok();
  }));
  if (!actor.staff() && user->id != actor.id && !core::IsStaff(user->role)) {
    return Error::NotFound("user " + std::to_string(id.value) + " does not exist");
  }
  user->password_hash.clear();
  return std::move(*user);
}

Result<std::vector<core::User>> Directory::FindStaff(const Actor& actor,
                                                     std::vector<core::Role> roles,
                                                     const std::string& text, int limit) {
  if (!actor.staff()) return Error::Forbidden("the staff directory is for support staff");
  if (limit < 1 || limit > 100) {
    return Error::InvalidArgument("limit must be between 1 and 100", "limit");
  }
  if (text.size() > 200) return Error::InvalidArgument("q is longer than 200 bytes", "q");
  if (std::find(roles.begin(), roles.end(), core::Role::kCustomer) != roles.end()) {
    return Error::InvalidArgument("the staff directory lists staff roles only", "role");
  }
  if (roles.empty()) {
    for (core::Role role : core::kAllRoles) {
      if (core::IsStaff(role)) roles.push_back(role);
    }
  }
  std::vector<core::User> users;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(users, tx.Users().FindActive(roles, Trim(text), limit));
    return Ok();
  }));
  for (core::User& user : users) user.password_hash.clear();
  return users;
}

}  // namespace hd::service
