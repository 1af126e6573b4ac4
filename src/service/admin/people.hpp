// People: the administrators' use cases for users, companies and staff
// groups (/api/v1/admin/users, /companies, /groups). A user is invited
// rather than given a password: the invitation (and a password reset) is a
// password link (service/mail/password_link.hpp) mailed to them and shown to
// the administrator. A group's members route its notifications and fill
// their "my groups" queue. Every change is audited with its old and new
// values. Administrators only: everyone else gets kForbidden; the command
// line passes no actor.
//
// Thread-safe; blocking (worker threads only).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "core/user.hpp"
#include "service/actor.hpp"

namespace hd::service {

// A user as administrators see them.
struct PersonView {
  core::User user;                  // without the password hash
  std::string company;              // the company's name; empty for none
  std::vector<std::string> groups;  // slugs of the groups they are a member of
  bool has_password = false;        // false until an invited person sets one
};

struct InviteInput {
  std::string email;
  std::string name;  // empty: the e-mail's local part
  core::Role role = core::Role::kCustomer;
  std::string company;    // a company's name; empty for none (must exist)
  std::string language;   // "ru", "en" or "" (the installation's default)
  std::string time_zone;  // IANA zone or "" (the default)
};

// A password link's token; the link is "/#/set-password?token=<token>".
struct PasswordLink {
  PersonView person;
  std::string token;
};

struct PersonPatch {
  std::optional<std::string> email;
  std::optional<std::string> name;
  std::optional<core::Role> role;
  std::optional<std::string> company;  // a company's name; "" removes it
  std::optional<std::string> language;
  std::optional<std::string> time_zone;
  std::optional<bool> disabled;
};

struct CompanyPatch {
  std::optional<std::string> name;
  std::optional<bool> share_tickets;
};

struct GroupView {
  core::Group group;
  std::vector<core::UserId> members;
};

struct GroupPatch {
  std::optional<core::LocalText> name;
  std::optional<int> tier;
  std::optional<std::vector<core::UserId>> members;
};

class People {
 public:
  People(core::ports::Store& store, const core::Clock& clock) : store_(store), clock_(clock) {}

  // Called with a user whose account changed (role, e-mail, disabled), so
  // credential caches forget them at once.
  void OnUserChanged(std::function<void(core::UserId)> hook) { user_changed_ = std::move(hook); }

  // Users matching `query` (limit 1..500), by id.
  Result<std::vector<PersonView>> Users(const std::optional<Actor>& actor,
                                        core::ports::UserQuery query);
  Result<PersonView> User(const std::optional<Actor>& actor, core::UserId id);

  // Creates a user without a password and mails them a link to choose one
  // (valid for 7 days). kInvalidArgument naming the field (email, name,
  // company, language, time_zone); kConflict when the e-mail is taken.
  Result<PasswordLink> Invite(const std::optional<Actor>& actor, const InviteInput& input);

  // kNotFound; kInvalidArgument naming the field; kConflict for a taken
  // e-mail, or (naming "disabled" or "role") when the change would leave no
  // active administrator.
  Result<PersonView> UpdateUser(const std::optional<Actor>& actor, core::UserId id,
                                const PersonPatch& patch);

  // Mails the user a link to choose a new password (valid for 7 days); the
  // old password keeps working until then. kNotFound; kConflict for a
  // disabled user.
  Result<PasswordLink> ResetPassword(const std::optional<Actor>& actor, core::UserId id);

  Result<std::vector<core::Company>> Companies(const std::optional<Actor>& actor);
  // kInvalidArgument naming "name"; kConflict when the name is taken.
  Result<core::Company> AddCompany(const std::optional<Actor>& actor, const std::string& name,
                                   bool share_tickets);
  Result<core::Company> UpdateCompany(const std::optional<Actor>& actor, core::CompanyId id,
                                      const CompanyPatch& patch);

  Result<std::vector<GroupView>> Groups(const std::optional<Actor>& actor);
  // kInvalidArgument naming "slug", "name" or "tier"; kConflict for a taken slug.
  Result<GroupView> AddGroup(const std::optional<Actor>& actor, const core::Group& group);
  // Members must be active staff (kInvalidArgument naming "members").
  Result<GroupView> UpdateGroup(const std::optional<Actor>& actor, core::GroupId id,
                                const GroupPatch& patch);

 private:
  Result<PasswordLink> SendLink(core::ports::Tx& tx, const core::User& user, std::string_view kind,
                                core::Timestamp now);

  core::ports::Store& store_;
  const core::Clock& clock_;
  std::function<void(core::UserId)> user_changed_;
};

}  // namespace hd::service
