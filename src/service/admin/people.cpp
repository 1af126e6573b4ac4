#include "service/admin/people.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include "service/admin/audit_log.hpp"
#include "service/licences.hpp"
#include "service/mail/customer_mail.hpp"
#include "service/mail/mail_words.hpp"
#include "service/mail/password_link.hpp"
#include "service/outbox.hpp"
#include "service/validation.hpp"

namespace hd::service {

using core::ports::AuditChange;
using core::ports::Tx;

namespace {

constexpr auto kLinkLife = std::chrono::hours(24 * 7);
// Not an Argon2id string: no password verifies against it until the
// invited person chooses one through their link.
constexpr std::string_view kInvited = "!invited";

std::string YesNo(bool value) { return value ? "true" : "false"; }

// The id of the company named `name` ("" = none); kInvalidArgument naming
// "company" when there is none of that name.
Result<std::optional<core::CompanyId>> CompanyNamed(Tx& tx, const std::string& name) {
  if (name.empty()) return std::optional<core::CompanyId>();
  HD_ASSIGN_OR_RETURN(auto found, tx.Companies().FindByName(name));
  if (!found) return Error::InvalidArgument("there is no company " + name, "company");
  return std::optional(found->id);
}

Result<std::string> CompanyName(Tx& tx, const std::optional<core::CompanyId>& id) {
  if (!id) return std::string();
  HD_ASSIGN_OR_RETURN(core::Company company, tx.Companies().Get(*id));
  return company.name;
}

// Company names and group slugs by id, read once for a page of people.
struct Names {
  std::map<std::int64_t, std::string> companies;
  std::map<std::int64_t, std::string> groups;

  static Result<Names> Read(Tx& tx) {
    Names names;
    HD_ASSIGN_OR_RETURN(auto companies, tx.Companies().List());
    for (const auto& c : companies) names.companies[c.id.value] = c.name;
    HD_ASSIGN_OR_RETURN(auto groups, tx.Groups().List());
    for (const auto& g : groups) names.groups[g.id.value] = g.slug;
    return names;
  }
  static std::string Of(const std::map<std::int64_t, std::string>& names, std::int64_t id) {
    auto it = names.find(id);
    return it == names.end() ? std::string() : it->second;
  }
};

Result<PersonView> ViewOf(Tx& tx, core::User user, const Names& names) {
  PersonView view;
  if (user.company_id) view.company = Names::Of(names.companies, user.company_id->value);
  HD_ASSIGN_OR_RETURN(auto groups, tx.Groups().GroupsOf(user.id));
  for (core::GroupId id : groups) view.groups.push_back(Names::Of(names.groups, id.value));
  view.has_password = !user.password_hash.empty() && user.password_hash.front() != '!';
  user.password_hash.clear();
  view.user = std::move(user);
  return view;
}

Result<PersonView> ViewOf(Tx& tx, core::User user) {
  HD_ASSIGN_OR_RETURN(Names names, Names::Read(tx));
  return ViewOf(tx, std::move(user), names);
}

// kConflict naming `field` unless another active administrator than `user` remains.
Status KeepAnAdministrator(Tx& tx, core::UserId user, std::string_view field) {
  core::ports::UserQuery q;
  q.roles = {core::Role::kAdministrator};
  q.disabled = false;
  q.limit = 2;
  HD_ASSIGN_OR_RETURN(auto admins, tx.Users().List(q));
  const bool other =
      std::any_of(admins.begin(), admins.end(), [&](const core::User& u) { return u.id != user; });
  if (other) return Ok();
  return Error::Conflict("this is the last active administrator; make someone else one first",
                         "last-administrator")
      .WithField(std::string(field));
}

Status CheckSlug(const std::string& slug) {
  const bool ok =
      !slug.empty() && slug.size() <= 64 && std::all_of(slug.begin(), slug.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      });
  if (ok) return Ok();
  return Error::InvalidArgument("slug is 1 to 64 lower-case letters, digits, '-' or '_'", "slug");
}

Status CheckTier(int tier) {
  if (tier >= 1 && tier <= 3) return Ok();
  return Error::InvalidArgument("tier must be 1, 2 or 3", "tier");
}

Result<GroupView> GroupViewOf(Tx& tx, core::Group group) {
  HD_ASSIGN_OR_RETURN(auto members, tx.Groups().ListMembers(group.id));
  return GroupView{std::move(group), std::move(members)};
}

std::string MemberText(const std::vector<core::UserId>& members) {
  std::string text;
  for (core::UserId id : members) text += (text.empty() ? "" : ",") + std::to_string(id.value);
  return text;
}

core::LocalText LinkSubject(std::string_view kind) {
  if (kind == mail_kind::kAccountInvited) {
    return core::EnglishAndRussian("You are invited to the help desk",
                                   "Приглашение в службу поддержки");
  }
  return core::EnglishAndRussian("Choose a new password", "Выберите новый пароль");
}

}  // namespace

Result<PasswordLink> People::SendLink(Tx& tx, const core::User& user, std::string_view kind,
                                      core::Timestamp now) {
  HD_ASSIGN_OR_RETURN(std::string secret, tx.Mail().ServerSecret("mail_reply"));
  core::ports::Notification note;
  note.kind = std::string(kind);
  note.subject = LinkSubject(kind).Stored();
  note.body = note.subject;
  note.created_at = now;
  HD_RETURN_IF_ERROR(QueueNotification(tx, {}, std::move(note), Audience::Person(user.id)));
  PasswordLink link;
  link.token = MakePasswordToken(user, now + kLinkLife, secret);
  HD_ASSIGN_OR_RETURN(link.person, ViewOf(tx, user));
  return link;
}

Result<std::vector<PersonView>> People::Users(const std::optional<Actor>& actor,
                                              core::ports::UserQuery query) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  if (query.limit < 1 || query.limit > 500) {
    return Error::InvalidArgument("limit must be 1 to 500", "limit");
  }
  HD_RETURN_IF_ERROR(CheckText(query.text, "q", 200, false));
  std::vector<PersonView> out;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    out.clear();
    HD_ASSIGN_OR_RETURN(auto users, tx.Users().List(query));
    HD_ASSIGN_OR_RETURN(Names names, Names::Read(tx));
    for (core::User& user : users) {
      HD_ASSIGN_OR_RETURN(PersonView view, ViewOf(tx, std::move(user), names));
      out.push_back(std::move(view));
    }
    return Ok();
  }));
  return out;
}

Result<PersonView> People::User(const std::optional<Actor>& actor, core::UserId id) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  PersonView out;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(core::User user, tx.Users().Get(id));
    HD_ASSIGN_OR_RETURN(out, ViewOf(tx, std::move(user)));
    return Ok();
  }));
  return out;
}

Result<PasswordLink> People::Invite(const std::optional<Actor>& actor, const InviteInput& in) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  HD_ASSIGN_OR_RETURN(std::string email, NormalizeEmail(in.email));
  std::string name = Trim(in.name);
  if (name.empty()) name = email.substr(0, email.find('@'));
  HD_RETURN_IF_ERROR(CheckText(name, "name", 200, true));
  const std::string company = Trim(in.company);
  HD_RETURN_IF_ERROR(CheckText(company, "company", 200, false));
  HD_RETURN_IF_ERROR(CheckLanguageAndZone(in.language, in.time_zone));
  const auto now = clock_.Now();
  PasswordLink out;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    core::User user{{},    email, name,        in.role,     std::nullopt, std::string(kInvited),
                    false, now,   in.language, in.time_zone};
    HD_ASSIGN_OR_RETURN(user.company_id, CompanyNamed(tx, company));
    auto inserted = tx.Users().Insert(user);
    if (!inserted.ok() && inserted.error().code == ErrorCode::kConflict) {
      return Error::Conflict("this e-mail belongs to a user already", "email-taken")
          .WithField("email");
    }
    HD_ASSIGN_OR_RETURN(user, std::move(inserted));
    HD_ASSIGN_OR_RETURN(out, SendLink(tx, user, mail_kind::kAccountInvited, now));
    return tx.Audit().Record({0,
                              ActorId(actor),
                              "user.invite",
                              "user:" + std::to_string(user.id.value),
                              email,
                              now,
                              {{"email", "", email},
                               {"name", "", name},
                               {"role", "", std::string(core::ToString(in.role))},
                               {"company", "", company}}});
  }));
  return out;
}

Result<PersonView> People::UpdateUser(const std::optional<Actor>& actor, core::UserId id,
                                      const PersonPatch& p) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  std::optional<std::string> email;
  if (p.email) {
    HD_ASSIGN_OR_RETURN(email, NormalizeEmail(*p.email));
  }
  const std::optional<std::string> name = p.name ? std::optional(Trim(*p.name)) : std::nullopt;
  if (name) HD_RETURN_IF_ERROR(CheckText(*name, "name", 200, true));
  const std::optional<std::string> company =
      p.company ? std::optional(Trim(*p.company)) : std::nullopt;
  if (company) HD_RETURN_IF_ERROR(CheckText(*company, "company", 200, false));
  HD_RETURN_IF_ERROR(CheckLanguageAndZone(p.language.value_or(""), p.time_zone.value_or("")));
  const auto now = clock_.Now();
  PersonView out;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(core::User user, tx.Users().Get(id));
    const core::User before = user;
    HD_ASSIGN_OR_RETURN(const std::string company_before, CompanyName(tx, user.company_id));
    if (email) user.email = *email;
    if (name) user.name = *name;
    if (p.role) user.role = *p.role;
    if (company) {
      HD_ASSIGN_OR_RETURN(user.company_id, CompanyNamed(tx, *company));
    }
    if (p.language) user.language = *p.language;
    if (p.time_zone) user.time_zone = *p.time_zone;
    if (p.disabled) user.disabled = *p.disabled;
    const bool was_admin = before.role == core::Role::kAdministrator && !before.disabled;
    const bool is_admin = user.role == core::Role::kAdministrator && !user.disabled;
    if (was_admin && !is_admin) {
      HD_RETURN_IF_ERROR(KeepAnAdministrator(tx, id, user.disabled ? "disabled" : "role"));
    }
    auto updated = tx.Users().Update(user);
    if (!updated.ok() && updated.error().code == ErrorCode::kConflict) {
      return Error::Conflict("this e-mail belongs to another user", "email-taken")
          .WithField("email");
    }
    HD_RETURN_IF_ERROR(updated);
    std::vector<AuditChange> changes;
    Diff(changes, "email", before.email, user.email);
    Diff(changes, "name", before.name, user.name);
    Diff(changes, "role", std::string(core::ToString(before.role)),
         std::string(core::ToString(user.role)));
    Diff(changes, "company", company_before, company.value_or(company_before));
    Diff(changes, "language", before.language, user.language);
    Diff(changes, "time_zone", before.time_zone, user.time_zone);
    Diff(changes, "disabled", YesNo(before.disabled), YesNo(user.disabled));
    HD_ASSIGN_OR_RETURN(out, ViewOf(tx, user));
    if (changes.empty()) return Ok();
    const std::string action = before.disabled == user.disabled ? "user.update"
                               : user.disabled                  ? "user.disable"
                                                                : "user.enable";
    return tx.Audit().Record({0, ActorId(actor), action, "user:" + std::to_string(id.value),
                              user.email, now, std::move(changes)});
  }));
  if (user_changed_) user_changed_(id);
  return out;
}

Result<PasswordLink> People::ResetPassword(const std::optional<Actor>& actor, core::UserId id) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  const auto now = clock_.Now();
  PasswordLink out;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(core::User user, tx.Users().Get(id));
    if (user.disabled) {
      return Error::Conflict("this user is disabled; enable them first", "user-disabled");
    }
    HD_ASSIGN_OR_RETURN(out, SendLink(tx, user, mail_kind::kPasswordReset, now));
    return tx.Audit().Record({0, ActorId(actor), "user.password_reset",
                              "user:" + std::to_string(id.value), user.email, now});
  }));
  return out;
}

Result<std::vector<core::Company>> People::Companies(const std::optional<Actor>& actor) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  std::vector<core::Company> out;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(out, tx.Companies().List());
    return Ok();
  }));
  return out;
}

Result<core::Company> People::AddCompany(const std::optional<Actor>& actor,
                                         const std::string& raw_name, bool share_tickets) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  const std::string name = Trim(raw_name);
  HD_RETURN_IF_ERROR(CheckText(name, "name", 200, true));
  const auto now = clock_.Now();
  core::Company out;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(auto taken, tx.Companies().FindByName(name));
    if (taken) return Error::Conflict("there is a company " + name, "name-taken").WithField("name");
    HD_ASSIGN_OR_RETURN(out, tx.Companies().Insert({{}, name, share_tickets, now}));
    return tx.Audit().Record({0,
                              ActorId(actor),
                              "company.add",
                              "company:" + std::to_string(out.id.value),
                              name,
                              now,
                              {{"name", "", name}, {"share_tickets", "", YesNo(share_tickets)}}});
  }));
  return out;
}

Result<core::Company> People::UpdateCompany(const std::optional<Actor>& actor, core::CompanyId id,
                                            const CompanyPatch& p) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  const std::optional<std::string> name = p.name ? std::optional(Trim(*p.name)) : std::nullopt;
  if (name) HD_RETURN_IF_ERROR(CheckText(*name, "name", 200, true));
  const auto now = clock_.Now();
  core::Company out;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(core::Company company, tx.Companies().Get(id));
    const core::Company before = company;
    if (name && *name != company.name) {
      HD_ASSIGN_OR_RETURN(auto taken, tx.Companies().FindByName(*name));
      if (taken) {
        return Error::Conflict("there is a company " + *name, "name-taken").WithField("name");
      }
      company.name = *name;
    }
    if (p.share_tickets) company.share_tickets = *p.share_tickets;
    HD_RETURN_IF_ERROR(tx.Companies().Update(company));
    out = company;
    std::vector<AuditChange> changes;
    Diff(changes, "name", before.name, company.name);
    Diff(changes, "share_tickets", YesNo(before.share_tickets), YesNo(company.share_tickets));
    if (changes.empty()) return Ok();
    return tx.Audit().Record({0, ActorId(actor), "company.update",
                              "company:" + std::to_string(id.value), company.name, now,
                              std::move(changes)});
  }));
  return out;
}

Result<std::vector<GroupView>> People::Groups(const std::optional<Actor>& actor) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  std::vector<GroupView> out;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    out.clear();
    HD_ASSIGN_OR_RETURN(auto groups, tx.Groups().List());
    for (core::Group& group : groups) {
      HD_ASSIGN_OR_RETURN(GroupView view, GroupViewOf(tx, std::move(group)));
      out.push_back(std::move(view));
    }
    return Ok();
  }));
  return out;
}

Result<GroupView> People::AddGroup(const std::optional<Actor>& actor, const core::Group& in) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  HD_RETURN_IF_ERROR(CheckSlug(in.slug));
  HD_RETURN_IF_ERROR(CheckLocalText(in.name, "name", 200, true));
  HD_RETURN_IF_ERROR(CheckTier(in.tier));
  const auto now = clock_.Now();
  GroupView out;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(auto taken, tx.Groups().FindBySlug(in.slug));
    if (taken)
      return Error::Conflict("there is a group " + in.slug, "slug-taken").WithField("slug");
    HD_ASSIGN_OR_RETURN(core::Group group, tx.Groups().Insert({{}, in.slug, in.name, in.tier}));
    out = GroupView{group, {}};
    return tx.Audit().Record(
        {0,
         ActorId(actor),
         "group.add",
         "group:" + in.slug,
         in.name.In("en"),
         now,
         {{"name", "", in.name.Stored()}, {"tier", "", std::to_string(in.tier)}}});
  }));
  return out;
}

Result<GroupView> People::UpdateGroup(const std::optional<Actor>& actor, core::GroupId id,
                                      const GroupPatch& p) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  if (p.name) HD_RETURN_IF_ERROR(CheckLocalText(*p.name, "name", 200, true));
  if (p.tier) HD_RETURN_IF_ERROR(CheckTier(*p.tier));
  if (p.members && p.members->size() > 1000) {
    return Error::InvalidArgument("a group has at most 1000 members", "members");
  }
  const auto now = clock_.Now();
  GroupView out;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(core::Group group, tx.Groups().Get(id));
    HD_ASSIGN_OR_RETURN(const auto members_before, tx.Groups().ListMembers(id));
    const core::Group before = group;
    if (p.name) group.name = *p.name;
    if (p.tier) group.tier = *p.tier;
    HD_RETURN_IF_ERROR(tx.Groups().Update(group));
    std::vector<core::UserId> members = members_before;
    if (p.members) {
      members = *p.members;
      std::sort(members.begin(), members.end(),
                [](core::UserId a, core::UserId b) { return a.value < b.value; });
      members.erase(std::unique(members.begin(), members.end()), members.end());
      for (core::UserId member : members) {
        auto user = tx.Users().Get(member);
        if (!user.ok() || user->role == core::Role::kCustomer || user->disabled) {
          return Error::InvalidArgument(
              "members must be active staff; user " + std::to_string(member.value) + " is not",
              "members");
        }
      }
      HD_RETURN_IF_ERROR(tx.Groups().SetMembers(id, members));
    }
    out = GroupView{group, members};
    std::vector<AuditChange> changes;
    Diff(changes, "name", before.name.Stored(), group.name.Stored());
    Diff(changes, "tier", std::to_string(before.tier), std::to_string(group.tier));
    Diff(changes, "members", MemberText(members_before), MemberText(members));
    if (changes.empty()) return Ok();
    return tx.Audit().Record({0, ActorId(actor), "group.update", "group:" + group.slug,
                              group.name.In("en"), now, std::move(changes)});
  }));
  return out;
}

}  // namespace hd::service
