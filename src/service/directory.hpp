// Directory: companies, staff groups and ticket categories — the reference
// data the forms and queues use. Thread-safe; blocking.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "core/user.hpp"
#include "service/actor.hpp"

namespace hd::service {

class Directory {
 public:
  explicit Directory(core::ports::Store& store);

  // Everyone may list categories and groups (the ticket form needs them).
  Result<std::vector<core::Category>> Categories();
  Result<std::vector<core::Group>> Groups();

  // Administrators (or the console, actor = nullopt) only; kForbidden else.
  Result<core::Group> AddGroup(const std::optional<Actor>& actor, core::Group group);
  Status PutCategory(const std::optional<Actor>& actor, const core::Category& category);

  // A user's public card (id, name, role) for showing authors and assignees;
  // customers may look up staff and themselves only.
  Result<core::User> UserCard(const Actor& actor, core::UserId id);

  // Active staff for a picker (assignee, a process's user field): of
  // `roles` (empty: every staff role; a customer role is refused), whose
  // name or e-mail contains `text`, by name, at most `limit` (1 to 100).
  // kForbidden for customers.
  Result<std::vector<core::User>> FindStaff(const Actor& actor, std::vector<core::Role> roles,
                                            const std::string& text, int limit);

 private:
  core::ports::Store& store_;
};

}  // namespace hd::service
