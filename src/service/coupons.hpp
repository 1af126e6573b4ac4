// Issuing special-request coupons inside a write transaction: a fresh
// unguessable code, the coupon row, an "coupon_issued" notification in the
// outbox for its owner, and for an administrator's coupon an audit entry.
// Used by Licences (activation, renewal, admin issue). Thread-safe.
#pragma once

#include <optional>
#include <string>

#include "core/coupon.hpp"
#include "core/error.hpp"
#include "core/local_text.hpp"
#include "core/ports/store.hpp"

namespace hd::service {

// "SR-" and three groups of four characters from an alphabet without 0/O and
// 1/I, e.g. "SR-7KQ4-MX2P-9TZA" (60 random bits).
std::string NewCouponCode();

struct CouponGrant {
  std::optional<core::UserId> user_id;  // the owner: a user or a company
  std::optional<core::CompanyId> company_id;
  std::optional<core::LicenceId> licence_id;
  core::CouponOrigin origin = core::CouponOrigin::kActivation;
  std::optional<core::UserId> issued_by;  // set for an administrator's coupon
  core::Timestamp expires_at;
  // For the notification, in English and Russian: "Your licence Business was activated".
  core::LocalText why;
};

// Stores the coupon (retrying on the rare code collision), queues the
// notification to its owner (or to the company's users) and returns it.
Result<core::Coupon> IssueCoupon(core::ports::Tx& tx, const CouponGrant& grant,
                                 core::Timestamp now);

}  // namespace hd::service
