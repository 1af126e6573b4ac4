// SlaClocks::Choose: the support level of a new ticket, the coupon that lifts
// it to a special request, and the entitlement check at intake.
#include <algorithm>

#include "core/licence.hpp"
#include "service/sla_clocks.hpp"
#include "sla/level_resolution.hpp"

namespace hd::service {

using core::ports::Tx;

namespace {

using std::chrono::sys_days;

sla::SupportKind ToSla(core::SupportKind k) {
  switch (k) {
    case core::SupportKind::kOperative:
      return sla::SupportKind::kOperative;
    case core::SupportKind::kVip:
      return sla::SupportKind::kVip;
    case core::SupportKind::kStandard:
      break;
  }
  return sla::SupportKind::kStandard;
}

// An unlimited licence lasts beyond any date a ticket can be opened on.
constexpr sys_days kForever = sys_days(std::chrono::year(9999) / 12 / 31);

Result<sla::CustomerFacts> FactsOf(Tx& tx, const Actor& customer) {
  sla::CustomerFacts facts;
  facts.known = customer.id.valid();
  HD_ASSIGN_OR_RETURN(auto licences, tx.Licences().ListForHolder(customer.id, customer.company_id));
  for (const core::Licence& l : licences) {
    if (l.revoked_at) continue;  // a revoked licence gives no level
    facts.licences.push_back(sla::LicenceFacts{l.edition, l.activated, l.expires.value_or(kForever),
                                               ToSla(l.support), l.limited});
  }
  HD_ASSIGN_OR_RETURN(auto partners, tx.Licences().FindPartners(customer.id, customer.company_id));
  for (const core::Partner& p : partners) {
    if (p.level == core::PartnerLevel::kOperative) facts.partner = sla::PartnerStatus::kOperative;
    if (p.level == core::PartnerLevel::kStandard && facts.partner == sla::PartnerStatus::kNone) {
      facts.partner = sla::PartnerStatus::kStandard;
    }
  }
  return facts;
}

Error CouponError(std::string message, std::string reason) {
  return Error::InvalidArgument(std::move(message), "coupon").WithReason(std::move(reason));
}

// The coupon named by `code` if `customer` may redeem it at `now`.
Result<core::Coupon> CheckCoupon(Tx& tx, const Actor& customer, const std::string& code,
                                 core::Timestamp now) {
  std::string normalized;
  for (char c : code) {
    if (c != ' ') normalized += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  HD_ASSIGN_OR_RETURN(auto coupon, tx.Coupons().FindByCode(normalized));
  if (!coupon) {
    return CouponError("no special-request coupon has the code " + code +
                           "; check it, or open the ticket without a coupon",
                       "coupon-unknown");
  }
  const bool own = coupon->user_id == customer.id ||
                   (coupon->company_id && coupon->company_id == customer.company_id);
  if (!own) {
    return CouponError("coupon " + coupon->code + " belongs to another customer",
                       "coupon-not-yours");
  }
  if (coupon->revoked_at) {
    return CouponError("coupon " + coupon->code + " was revoked by support and cannot be used",
                       "coupon-revoked");
  }
  if (coupon->used_at) {
    return CouponError("coupon " + coupon->code + " was used on " +
                           core::FormatIso8601(*coupon->used_at) + " and cannot be used again",
                       "coupon-used");
  }
  if (coupon->expires_at <= now) {
    return CouponError(
        "coupon " + coupon->code + " expired on " + core::FormatIso8601(coupon->expires_at),
        "coupon-expired");
  }
  return std::move(*coupon);
}

Status CheckChannel(const sla::LevelSet& levels, const std::string& level_id,
                    const std::string& channel) {
  if (channel != "phone") return Ok();
  auto grant = sla::CheckEntitlement(levels, level_id, sla::Entitlement::kPhoneSupport);
  if (grant.ok()) return Ok();
  if (grant.error().code != ErrorCode::kForbidden) return std::move(grant).error();
  return Error::InvalidArgument(grant.error().message, "channel")
      .WithReason("entitlement-not-included");
}

}  // namespace

Result<LevelChoice> SlaClocks::Choose(Tx& tx, const Actor& initiator,
                                      const std::string& coupon_code, const std::string& channel,
                                      core::Timestamp now) const {
  const auto catalog = policy_.Current();
  LevelChoice choice;
  if (!catalog->enabled()) {
    if (!coupon_code.empty()) {
      return CouponError("special requests are not available: no support levels are loaded",
                         "coupon-unknown");
    }
    return choice;
  }
  choice.enabled = true;
  if (!coupon_code.empty()) {
    HD_ASSIGN_OR_RETURN(core::Coupon coupon, CheckCoupon(tx, initiator, coupon_code, now));
    choice.level_id = "special";
    choice.reason = core::EnglishAndRussian("special request with coupon " + coupon.code,
                                            "спецобращение по купону " + coupon.code);
    choice.coupon = std::move(coupon);
  } else {
    HD_ASSIGN_OR_RETURN(sla::CustomerFacts facts, FactsOf(tx, initiator));
    const auto today = std::chrono::floor<std::chrono::days>(now);
    HD_ASSIGN_OR_RETURN(auto decision, sla::ResolveLevel(catalog->levels, facts, today));
    choice.level_id = std::move(decision.level_id);
    choice.reason = std::move(decision.reason);
  }
  HD_RETURN_IF_ERROR(CheckChannel(catalog->levels, choice.level_id, channel));
  if (catalog->CurrentVersion(choice.level_id) == nullptr) {
    return Error::Internal("level " + choice.level_id + " has no recorded version");
  }
  return choice;
}

}  // namespace hd::service
