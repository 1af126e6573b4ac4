// Licences, their renewals and partner status.
#include "storage/repos/rows.hpp"
#include "storage/repos/sql_sla_repos.hpp"

namespace hd::storage {

using namespace sql;  // NOLINT(google-build-using-namespace): row helpers

namespace {

constexpr std::string_view kLicenceColumns =
    "SELECT id, user_id, company_id, edition, support, limited, activated_on, expires_on, "
    "created_at, revoked_at, revoke_reason FROM licences ";

std::optional<std::string> DateText(const std::optional<std::chrono::sys_days>& day) {
  if (!day) return std::nullopt;
  return core::FormatDate(*day);
}

Result<std::optional<std::chrono::sys_days>> OptionalDateAt(const Statement& s, int c) {
  if (s.IsNull(c)) return std::optional<std::chrono::sys_days>();
  const std::string text = s.ColumnText(c);
  const auto day = core::ParseDate(text);
  if (!day) return Corrupt("date", text);
  return std::optional<std::chrono::sys_days>(*day);
}

Result<core::Licence> ReadLicence(const Statement& s) {
  core::Licence l;
  l.id = IdAt<core::LicenceId>(s, 0);
  l.user_id = OptionalIdAt<core::UserId>(s, 1);
  l.company_id = OptionalIdAt<core::CompanyId>(s, 2);
  l.edition = s.ColumnText(3);
  const std::string support = s.ColumnText(4);
  const auto kind = core::ParseSupportKind(support);
  if (!kind) return Corrupt("support kind", support);
  l.support = *kind;
  l.limited = BoolAt(s, 5);
  HD_ASSIGN_OR_RETURN(auto activated, OptionalDateAt(s, 6));
  if (!activated) return Corrupt("activation date", "NULL");
  l.activated = *activated;
  HD_ASSIGN_OR_RETURN(l.expires, OptionalDateAt(s, 7));
  l.created_at = TimeAt(s, 8);
  if (!s.IsNull(9)) l.revoked_at = TimeAt(s, 9);
  l.revoke_reason = s.ColumnText(10);
  return l;
}

Result<core::Partner> ReadPartner(const Statement& s) {
  core::Partner p;
  const std::string kind = s.ColumnText(0);
  if (kind == "user") {
    p.user_id = core::UserId(s.ColumnInt(1));
  } else if (kind == "company") {
    p.company_id = core::CompanyId(s.ColumnInt(1));
  } else {
    return Corrupt("partner holder kind", kind);
  }
  const std::string level = s.ColumnText(2);
  const auto parsed = core::ParsePartnerLevel(level);
  if (!parsed) return Corrupt("partner level", level);
  p.level = *parsed;
  p.updated_at = TimeAt(s, 3);
  return p;
}

// -1 never matches an id: it stands for "no user" / "no company".
std::int64_t OrNone(const std::optional<core::UserId>& id) { return id ? id->value : -1; }
std::int64_t OrNone(const std::optional<core::CompanyId>& id) { return id ? id->value : -1; }

}  // namespace

Result<core::Licence> SqlLicenceRepo::Insert(core::Licence l) {
  HD_ASSIGN_OR_RETURN(
      std::int64_t id,
      InsertReturningId(conn_,
                        "INSERT INTO licences (user_id, company_id, edition, support, limited, "
                        "activated_on, expires_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        "RETURNING id",
                        l.user_id, l.company_id, l.edition, core::ToString(l.support), l.limited,
                        core::FormatDate(l.activated), DateText(l.expires), l.created_at));
  l.id = core::LicenceId(id);
  return l;
}

Result<core::Licence> SqlLicenceRepo::Get(core::LicenceId id) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, Sql(kLicenceColumns, "WHERE id = ?"), id));
  HD_ASSIGN_OR_RETURN(auto licence, First<core::Licence>(stmt, ReadLicence));
  if (!licence) return Error::NotFound("no licence " + std::to_string(id.value));
  return std::move(*licence);
}

Status SqlLicenceRepo::Update(const core::Licence& l) {
  HD_ASSIGN_OR_RETURN(
      std::int64_t changed,
      Run(conn_,
          "UPDATE licences SET edition = ?, support = ?, limited = ?, "
          "activated_on = ?, expires_on = ?, revoked_at = ?, revoke_reason = ? "
          "WHERE id = ?",
          l.edition, core::ToString(l.support), l.limited, core::FormatDate(l.activated),
          DateText(l.expires), l.revoked_at, l.revoke_reason, l.id));
  if (changed == 0) return Error::NotFound("no licence " + std::to_string(l.id.value));
  return Ok();
}

Result<std::vector<core::Licence>> SqlLicenceRepo::ListForHolder(
    std::optional<core::UserId> user, std::optional<core::CompanyId> company) {
  HD_ASSIGN_OR_RETURN(
      auto stmt,
      Query(conn_, Sql(kLicenceColumns, "WHERE user_id = ? OR company_id = ? ORDER BY id"),
            OrNone(user), OrNone(company)));
  return Collect<core::Licence>(stmt, ReadLicence);
}

Result<std::vector<core::Licence>> SqlLicenceRepo::List() {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, Sql(kLicenceColumns, "ORDER BY id")));
  return Collect<core::Licence>(stmt, ReadLicence);
}

Status SqlLicenceRepo::InsertRenewal(const core::LicenceRenewal& r) {
  HD_RETURN_IF_ERROR(Run(conn_,
                         "INSERT INTO licence_renewals (licence_id, renewed_on, "
                         "previous_expires_on, new_expires_on, at) VALUES (?, ?, ?, ?, ?)",
                         r.licence_id, core::FormatDate(r.renewed_on), DateText(r.previous_expires),
                         DateText(r.new_expires), r.at));
  return Ok();
}

Result<std::vector<core::LicenceRenewal>> SqlLicenceRepo::ListRenewals(core::LicenceId id) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_,
                                       "SELECT licence_id, renewed_on, previous_expires_on, "
                                       "new_expires_on, at FROM licence_renewals "
                                       "WHERE licence_id = ? ORDER BY id",
                                       id));
  return Collect<core::LicenceRenewal>(
      stmt, [](const Statement& s) -> Result<core::LicenceRenewal> {
        core::LicenceRenewal r;
        r.licence_id = IdAt<core::LicenceId>(s, 0);
        HD_ASSIGN_OR_RETURN(auto renewed, OptionalDateAt(s, 1));
        if (!renewed) return Corrupt("renewal date", "NULL");
        r.renewed_on = *renewed;
        HD_ASSIGN_OR_RETURN(r.previous_expires, OptionalDateAt(s, 2));
        HD_ASSIGN_OR_RETURN(r.new_expires, OptionalDateAt(s, 3));
        r.at = TimeAt(s, 4);
        return r;
      });
}

Status SqlLicenceRepo::PutPartner(const core::Partner& p) {
  const bool user = p.user_id.has_value();
  const std::int64_t holder = user ? p.user_id->value : OrNone(p.company_id);
  HD_RETURN_IF_ERROR(Run(conn_,
                         "INSERT INTO partners (holder_kind, holder_id, level, updated_at) "
                         "VALUES (?, ?, ?, ?) ON CONFLICT (holder_kind, holder_id) DO UPDATE "
                         "SET level = excluded.level, updated_at = excluded.updated_at",
                         user ? "user" : "company", holder, core::ToString(p.level), p.updated_at));
  return Ok();
}

Result<std::vector<core::Partner>> SqlLicenceRepo::FindPartners(
    std::optional<core::UserId> user, std::optional<core::CompanyId> company) {
  HD_ASSIGN_OR_RETURN(auto stmt,
                      Query(conn_,
                            "SELECT holder_kind, holder_id, level, updated_at FROM partners "
                            "WHERE (holder_kind = 'user' AND holder_id = ?) OR "
                            "(holder_kind = 'company' AND holder_id = ?)",
                            OrNone(user), OrNone(company)));
  return Collect<core::Partner>(stmt, ReadPartner);
}

Result<std::vector<core::Partner>> SqlLicenceRepo::ListPartners() {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_,
                                       "SELECT holder_kind, holder_id, level, updated_at "
                                       "FROM partners ORDER BY holder_kind, holder_id"));
  return Collect<core::Partner>(stmt, ReadPartner);
}

}  // namespace hd::storage
