// Special-request coupons; redemption is one conditional UPDATE.
#include "storage/repos/rows.hpp"
#include "storage/repos/sql_sla_repos.hpp"

namespace hd::storage {

using namespace sql;  // NOLINT(google-build-using-namespace): row helpers

namespace {

constexpr std::string_view kCouponColumns =
    "SELECT id, code, user_id, company_id, licence_id, origin, issued_by, issued_at, "
    "expires_at, used_at, ticket_id, revoked_at, revoke_reason FROM coupons ";

Result<core::Coupon> ReadCoupon(const Statement& s) {
  core::Coupon c;
  c.id = IdAt<core::CouponId>(s, 0);
  c.code = s.ColumnText(1);
  c.user_id = OptionalIdAt<core::UserId>(s, 2);
  c.company_id = OptionalIdAt<core::CompanyId>(s, 3);
  c.licence_id = OptionalIdAt<core::LicenceId>(s, 4);
  const std::string origin = s.ColumnText(5);
  const auto parsed = core::ParseCouponOrigin(origin);
  if (!parsed) return Corrupt("coupon origin", origin);
  c.origin = *parsed;
  c.issued_by = OptionalIdAt<core::UserId>(s, 6);
  c.issued_at = TimeAt(s, 7);
  c.expires_at = TimeAt(s, 8);
  if (!s.IsNull(9)) c.used_at = TimeAt(s, 9);
  c.ticket_id = OptionalIdAt<core::TicketId>(s, 10);
  if (!s.IsNull(11)) c.revoked_at = TimeAt(s, 11);
  c.revoke_reason = s.ColumnText(12);
  return c;
}

}  // namespace

Result<core::Coupon> SqlCouponRepo::Insert(core::Coupon c) {
  HD_ASSIGN_OR_RETURN(
      std::int64_t id,
      InsertReturningId(conn_,
                        "INSERT INTO coupons (code, user_id, company_id, "
                        "licence_id, origin, issued_by, issued_at, expires_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                        c.code, c.user_id, c.company_id, c.licence_id, core::ToString(c.origin),
                        c.issued_by, c.issued_at, c.expires_at));
  c.id = core::CouponId(id);
  return c;
}

Result<std::optional<core::Coupon>> SqlCouponRepo::FindByCode(const std::string& code) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, Sql(kCouponColumns, "WHERE code = ?"), code));
  return First<core::Coupon>(stmt, ReadCoupon);
}

Result<bool> SqlCouponRepo::Redeem(core::CouponId id, core::TicketId ticket, core::Timestamp at) {
  HD_ASSIGN_OR_RETURN(std::int64_t changed,
                      Run(conn_,
                          "UPDATE coupons SET used_at = ?, ticket_id = ? "
                          "WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL AND "
                          "expires_at > ?",
                          at, ticket, id, at));
  return changed == 1;
}

Result<bool> SqlCouponRepo::Revoke(core::CouponId id, core::Timestamp at,
                                   const std::string& reason) {
  HD_ASSIGN_OR_RETURN(std::int64_t changed,
                      Run(conn_,
                          "UPDATE coupons SET revoked_at = ?, revoke_reason = ? "
                          "WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL",
                          at, reason, id));
  return changed == 1;
}

Result<std::vector<core::Coupon>> SqlCouponRepo::ListForHolder(
    std::optional<core::UserId> user, std::optional<core::CompanyId> company) {
  HD_ASSIGN_OR_RETURN(
      auto stmt,
      Query(conn_, Sql(kCouponColumns, "WHERE user_id = ? OR company_id = ? ORDER BY id"),
            user ? user->value : -1, company ? company->value : -1));
  return Collect<core::Coupon>(stmt, ReadCoupon);
}

Result<std::vector<core::Coupon>> SqlCouponRepo::List() {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, Sql(kCouponColumns, "ORDER BY id")));
  return Collect<core::Coupon>(stmt, ReadCoupon);
}

}  // namespace hd::storage
