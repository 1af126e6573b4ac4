// Coupon ("спецобращение"): a single-use right to a special request - a
// ticket answered within one calendar hour, around the clock. Coupons are
// issued on licence activation and renewal, or by an administrator; they
// cannot be bought. Redeeming one is a conditional update in the ticket's
// creation transaction, so of concurrent redemptions exactly one wins. Plain
// value.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/ids.hpp"
#include "core/licence.hpp"
#include "core/time.hpp"

namespace hd::core {

using CouponId = Id<struct CouponTag>;

// Why a coupon exists. Stable ids: "activation", "renewal", "admin".
enum class CouponOrigin { kActivation, kRenewal, kAdmin };
std::string_view ToString(CouponOrigin origin);
std::optional<CouponOrigin> ParseCouponOrigin(std::string_view id);

struct Coupon {
  CouponId id;
  std::string code;                     // unique, shown to the customer, e.g. "SR-7KQ4-MX2P-9TZA"
  std::optional<UserId> user_id;        // the owner: a user or a company
  std::optional<CompanyId> company_id;  //
  std::optional<LicenceId> licence_id;  // empty for an administrator's coupon
  CouponOrigin origin = CouponOrigin::kActivation;
  std::optional<UserId> issued_by;  // the administrator; empty when issued by the system
  Timestamp issued_at;
  Timestamp expires_at;  // one year after its licence's activation
  std::optional<Timestamp> used_at;
  std::optional<TicketId> ticket_id;    // the special request it became
  std::optional<Timestamp> revoked_at;  // a revoked coupon cannot be redeemed
  std::string revoke_reason;
};

}  // namespace hd::core
