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

class Licences {
 public:
  Licences(core::ports::Store& store, const SlaPolicy& policy, const core::Clock& clock)
      : store_(store), policy_(policy), clock_(clock) {}

  // Records a licence or renews the holder's licence of that edition, and
  // issues its coupon. kInvalidArgument naming the field (holder unknown:
  // "user"/"company"; "edition", "support", "activated").
  Result<LicenceOutcome> Add(const std::optional<Actor>& actor, const LicenceInput& input);
  Result<std::vector<core::Licence>> List(const std::optional<Actor>& actor);

  // Sets the partner status: level none | standard | operative.
  Result<core::Partner> SetPartner(const std::optional<Actor>& actor, const Holder& holder,
                                   const std::string& level);
  Result<std::vector<core::Partner>> ListPartners(const std::optional<Actor>& actor);

  // An administrator's coupon, audited; expires one year from now.
  Result<core::Coupon> IssueCoupon(const std::optional<Actor>& actor, const Holder& holder);
  Result<std::vector<core::Coupon>> ListCoupons(const std::optional<Actor>& actor);
  // A customer's own coupons (and their company's).
  Result<std::vector<core::Coupon>> MyCoupons(const Actor& actor);

 private:
  core::ports::Store& store_;
  const SlaPolicy& policy_;
  const core::Clock& clock_;
};

// kForbidden unless `actor` is nullopt (the command line) or an administrator.
Status RequireAdministrator(const std::optional<Actor>& actor);

}  // namespace hd::service
