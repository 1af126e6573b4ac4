// Which support level serves a customer, and whether a level includes an
// entitlement. Pure: the facts (licences, partner status, today's date) come
// from the caller.
//
// Rules (docs/sla.md): an active, unlimited licence of an enterprise edition
// gives "enterprise"; any other active licence gives the client level of its
// support kind; a partner company gets its partner level; of several, the one
// with the shortest first-response target wins. Everyone else - unknown
// senders, users who are not logged in, expired or limited licences - is
// served at "non_commercial". The special level comes only from a coupon.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "sla/level.hpp"

namespace hd::sla {

enum class SupportKind { kStandard, kOperative, kVip };
enum class PartnerStatus { kNone, kStandard, kOperative };

struct LicenceFacts {
  std::string edition;              // product edition, e.g. "Business", "Enterprise"
  std::chrono::sys_days activated;  // first day of validity
  std::chrono::sys_days expires;    // last day of validity (inclusive)
  SupportKind support = SupportKind::kStandard;
  bool limited = false;  // a limited licence gives no client level
};

struct CustomerFacts {
  bool known = false;  // a logged-in user or a recognised e-mail sender
  std::vector<LicenceFacts> licences;
  PartnerStatus partner = PartnerStatus::kNone;
};

struct LevelDecision {
  std::string level_id;  // e.g. "client_vip"
  // Why, in English and Russian: "active licence Business with VIP support
  // until 2026-03-01".
  core::LocalText reason;
};

// Resolves the level on `today`. Errors: kInvalidArgument when a licence
// expires before it is activated; kInternal when `levels` lacks a contract
// level (ParseLevels guarantees they exist).
Result<LevelDecision> ResolveLevel(const LevelSet& levels, const CustomerFacts& customer,
                                   std::chrono::sys_days today);

// The grant of `entitlement` at level `level_id` (kYes or kLimited with its
// note). kForbidden when the level does not include it, naming the levels
// that do ("phone / messenger support is not included in the Non-commercial
// level; it is included in: Special request"); kNotFound for an unknown level.
Result<EntitlementGrant> CheckEntitlement(const LevelSet& levels, std::string_view level_id,
                                          Entitlement entitlement);

}  // namespace hd::sla
