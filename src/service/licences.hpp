// Licences: the administrators' use cases for licences, renewals, partner
// status and coupons (DOMAIN.md §2). Adding a licence for a holder who has
// one of the same edition renews it; both issue a special-request coupon
// that expires one year after the (re)activation date. A licence's expiry
// follows the validity of the level it gives (levels.yaml `validity`).
//
// Every method takes the acting administrator, or nullopt for the command
// line (trusted); other actors get kForbidden, except MyCoupons. Thread-safe;
// blocking (worker threads only).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/coupon.hpp"
#include "core/error.hpp"
#include "core/licence.hpp"
#include "core/ports/store.hpp"
#include "service/actor.hpp"
#include "service/sla_policy.hpp"

namespace hd::service {

// Whose licence, partner status or coupon: a user by e-mail or a company by
// name (exactly one).
struct Holder {
  std::string user_email;
  std::string company;
};

struct LicenceInput {
  Holder holder;
  std::string edition;               // required, e.g. "Business"
  std::string support = "standard";  // standard | operative | vip
  std::string activated;             // required, YYYY-MM-DD
  bool limited = false;
};

struct LicenceOutcome {
  core::Licence licence;
  core::Coupon coupon;
  bool renewed = false;  // an existing licence of the edition was renewed
};

// Whose a licence or coupon is, in words.
struct HolderView {
  std::string kind;  // "user" or "company"
  std::int64_t id = 0;
  std::string name;
  std::string email;  // users only
};

struct LicenceView {
  core::Licence licence;
  HolderView holder;
  std::string state;  // "active", "expired" or "revoked"
};

struct CouponView {
  core::Coupon coupon;
  HolderView holder;
  std::string state;  // CouponState
};

// "unused", "used", "expired" (at `now`) or "revoked".
std::string_view CouponState(const core::Coupon& coupon, core::Timestamp now);

class Licences {
 public:
  Licences(core::ports::Store& store, const SlaPolicy& policy, const core::Clock& clock)
      : store_(store), policy_(policy), clock_(clock) {}

  // Records a licence or renews the holder's licence of that edition, and
  // issues its coupon. kInvalidArgument naming the field (holder unknown:
  // "user"/"company"; "edition", "support", "activated").
  Result<LicenceOutcome> Add(const std::optional<Actor>& actor, const LicenceInput& input);
  Result<std::vector<core::Licence>> List(const std::optional<Actor>& actor);
  // Licences newest first whose holder's e-mail, name or company name, or
  // edition, holds `q` (any case); `state` "all", "active", "expired",
  // "revoked". kInvalidArgument naming "q", "state".
  Result<std::vector<LicenceView>> Search(const std::optional<Actor>& actor, const std::string& q,
                                          const std::string& state);
  // Renews licence `id` from `activated` and issues its coupon. kNotFound;
  // kConflict when it is revoked; kInvalidArgument naming "activated".
  Result<LicenceOutcome> Renew(const std::optional<Actor>& actor, core::LicenceId id,
                               const std::string& activated);
  // Revokes licence `id` (it gives no level from now on; open tickets keep
  // theirs), audited with `reason`. kNotFound; kConflict when already
  // revoked; kInvalidArgument naming "reason".
  Result<LicenceView> Revoke(const std::optional<Actor>& actor, core::LicenceId id,
                             const std::string& reason);

  // Sets the partner status: level none | standard | operative.
  Result<core::Partner> SetPartner(const std::optional<Actor>& actor, const Holder& holder,
                                   const std::string& level);
  Result<std::vector<core::Partner>> ListPartners(const std::optional<Actor>& actor);

  // An administrator's coupon, audited; expires one year from now.
  Result<core::Coupon> IssueCoupon(const std::optional<Actor>& actor, const Holder& holder);
  // Coupons newest first whose holder or code holds `q`; `state` "all",
  // "unused", "used", "expired", "revoked".
  Result<std::vector<CouponView>> SearchCoupons(const std::optional<Actor>& actor,
                                                const std::string& q, const std::string& state);
  // Revokes an unused coupon, audited with `reason`. kNotFound; kConflict
  // when it is used or revoked.
  Result<CouponView> RevokeCoupon(const std::optional<Actor>& actor, const std::string& code,
                                  const std::string& reason);
  // A customer's own coupons (and their company's), but the revoked.
  Result<std::vector<core::Coupon>> MyCoupons(const Actor& actor);

 private:
  core::ports::Store& store_;
  const SlaPolicy& policy_;
  const core::Clock& clock_;
};

// kForbidden unless `actor` is nullopt (the command line) or an administrator.
Status RequireAdministrator(const std::optional<Actor>& actor);

}  // namespace hd::service
