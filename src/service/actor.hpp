// Actor: the authenticated caller of a use case. Every use case takes one and
// checks its permissions inside (ARCHITECTURE.md: service is the only place
// that checks permissions). Plain value.
#pragma once

#include <optional>
#include <string>

#include "core/ids.hpp"
#include "core/role.hpp"
#include "core/user.hpp"

namespace hd::service {

struct Actor {
  core::UserId id;
  core::Role role = core::Role::kCustomer;
  std::optional<core::CompanyId> company_id;
  std::string email;
  // The language texts for people are given in ("ru", "en"): the user's
  // own, else the one their client asks for, else the installation's
  // default (http/ works it out). Empty: English.
  std::string language;
  // The IANA time zone times are shown in: the user's own, else the
  // installation's default (http/ works it out). Empty: the zone of the
  // calendar the time belongs to.
  std::string time_zone;

  static Actor From(const core::User& user) {
    return Actor{user.id, user.role, user.company_id, user.email, user.language, user.time_zone};
  }
  bool staff() const { return core::IsStaff(role); }
};

}  // namespace hd::service
