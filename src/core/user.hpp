// User, Company and Group: the people, the customers' organisations and the
// staff teams tickets are routed to. Plain values.
#pragma once

#include <optional>
#include <string>

#include "core/ids.hpp"
#include "core/local_text.hpp"
#include "core/role.hpp"
#include "core/time.hpp"

namespace hd::core {

struct User {
  UserId id;
  std::string email;  // unique, stored lower-case
  std::string name;
  Role role = Role::kCustomer;
  std::optional<CompanyId> company_id;  // customers may belong to a company
  std::string password_hash;            // Argon2id encoded string; never leaves service/
  bool disabled = false;
  Timestamp created_at;
  // "ru" or "en"; empty: the installation's default (mail.default_language).
  std::string language;
  // An IANA zone such as "Europe/Moscow"; empty: the default (Europe/Moscow).
  std::string time_zone;
};

struct Company {
  CompanyId id;
  std::string name;  // unique
  // When true, every customer of the company sees the company's tickets in
  // "all my tickets"; otherwise each customer sees only their own.
  bool share_tickets = false;
  Timestamp created_at;
};

// A staff team. Tickets are routed to a group by category.
struct Group {
  GroupId id;
  std::string slug;  // unique, e.g. "support"
  LocalText name;
  int tier = 1;  // 1, 2 or 3
};

// A ticket category and the group it routes to (DOMAIN.md §1 routing hints).
struct Category {
  std::string slug;  // unique, e.g. "licence"
  LocalText label;
  std::optional<GroupId> group_id;
  LocalText hint;  // shown on the form, e.g. "hosting errors go to your hoster"
  // Changed by an administrator: the start-up directory file no longer
  // overwrites it.
  bool edited = false;
};

}  // namespace hd::core
