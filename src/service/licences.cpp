#include "service/licences.hpp"

#include <algorithm>
#include <cctype>

#include "service/coupons.hpp"
#include "service/validation.hpp"

namespace hd::service {

using core::ports::Tx;
using std::chrono::sys_days;

namespace {

struct ResolvedHolder {
  std::optional<core::UserId> user_id;
  std::optional<core::CompanyId> company_id;
  std::string name;  // for messages
};

Result<ResolvedHolder> Resolve(Tx& tx, const Holder& h) {
  if (h.user_email.empty() == h.company.empty()) {
    return Error::InvalidArgument("name exactly one of a user (e-mail) and a company", "user");
  }
  if (!h.user_email.empty()) {
    HD_ASSIGN_OR_RETURN(auto user, tx.Users().FindByEmail(Trim(h.user_email)));
    if (!user) return Error::InvalidArgument("no user has the e-mail " + h.user_email, "user");
    return ResolvedHolder{user->id, std::nullopt, user->email};
  }
  HD_ASSIGN_OR_RETURN(auto company, tx.Companies().FindByName(Trim(h.company)));
  if (!company) return Error::InvalidArgument("no company is named " + h.company, "company");
  return ResolvedHolder{std::nullopt, company->id, company->name};
}

bool SameText(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

// The level a licence gives by itself: an enterprise edition's level, else
// the client level of its support kind.
const sla::SupportLevel* LevelOf(const SlaCatalog& c, const core::Licence& l) {
  for (const sla::SupportLevel& level : c.levels.levels()) {
    for (const std::string& e : level.editions) {
      if (SameText(e, l.edition)) return &level;
    }
  }
  return c.levels.Find("client_" + std::string(core::ToString(l.support)));
}

// The last day of validity of support that starts on `from`.
std::optional<sys_days> ExpiryFrom(const sla::SupportLevel* level, sys_days from) {
  if (level == nullptr || !level->validity_years) return std::nullopt;
  const std::chrono::year_month_day start{from};
  return sys_days(start + std::chrono::years(*level->validity_years)) - std::chrono::days(1);
}

core::Timestamp OneYearAfter(sys_days day) {
  const std::chrono::year_month_day ymd{day};
  return core::Timestamp(sys_days(ymd + std::chrono::years(1)));
}

Result<core::Licence> ParseLicence(const LicenceInput& in, const ResolvedHolder& h) {
  core::Licence l;
  l.user_id = h.user_id;
  l.company_id = h.company_id;
  l.edition = Trim(in.edition);
  HD_RETURN_IF_ERROR(CheckText(l.edition, "edition", 100, true));
  const auto support = core::ParseSupportKind(in.support);
  if (!support) {
    return Error::InvalidArgument("support must be standard, operative or vip", "support");
  }
  l.support = *support;
  const auto activated = core::ParseDate(in.activated);
  if (!activated) return Error::InvalidArgument("activated must be a date YYYY-MM-DD", "activated");
  l.activated = *activated;
  l.limited = in.limited;
  return l;
}

// Extends `existing` by a renewal on `on`: support runs on from the old
// expiry when renewed before it, else from the renewal date.
Result<core::Licence> Renew(Tx& tx, core::Licence existing, const sla::SupportLevel* level,
                            sys_days on, core::Timestamp now) {
  const auto previous = existing.expires;
  const sys_days from = previous && *previous >= on ? *previous + std::chrono::days(1) : on;
  existing.expires = ExpiryFrom(level, from);
  HD_RETURN_IF_ERROR(tx.Licences().Update(existing));
  HD_RETURN_IF_ERROR(
      tx.Licences().InsertRenewal({existing.id, on, previous, existing.expires, now}));
  return existing;
}

}  // namespace

Status RequireAdministrator(const std::optional<Actor>& actor) {
  if (actor && actor->role != core::Role::kAdministrator) {
    return Error::Forbidden("only administrators manage licences, partners, coupons and levels");
  }
  return Ok();
}

Result<LicenceOutcome> Licences::Add(const std::optional<Actor>& actor, const LicenceInput& in) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  const auto catalog = policy_.Current();
  const std::optional<core::UserId> by = actor ? std::optional(actor->id) : std::nullopt;
  LicenceOutcome out;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    const auto now = clock_.Now();
    HD_ASSIGN_OR_RETURN(ResolvedHolder holder, Resolve(tx, in.holder));
    HD_ASSIGN_OR_RETURN(core::Licence l, ParseLicence(in, holder));
    l.created_at = now;
    const sla::SupportLevel* level = LevelOf(*catalog, l);
    HD_ASSIGN_OR_RETURN(auto owned, tx.Licences().ListForHolder(holder.user_id, holder.company_id));
    auto same = std::find_if(owned.begin(), owned.end(), [&](const core::Licence& o) {
      return o.user_id == l.user_id && o.company_id == l.company_id &&
             SameText(o.edition, l.edition);
    });
    out.renewed = same != owned.end();
    if (out.renewed) {
      HD_ASSIGN_OR_RETURN(out.licence, Renew(tx, *same, level, l.activated, now));
    } else {
      l.expires = ExpiryFrom(level, l.activated);
      HD_ASSIGN_OR_RETURN(out.licence, tx.Licences().Insert(std::move(l)));
    }
    CouponGrant grant{holder.user_id,
                      holder.company_id,
                      out.licence.id,
                      out.renewed ? core::CouponOrigin::kRenewal : core::CouponOrigin::kActivation,
                      std::nullopt,
                      OneYearAfter(core::ParseDate(in.activated).value()),
                      core::EnglishAndRussian("Your licence " + out.licence.edition +
                                                  (out.renewed ? " was renewed" : " was activated"),
                                              "Ваша лицензия " + out.licence.edition +
                                                  (out.renewed ? " продлена" : " активирована"))};
    HD_ASSIGN_OR_RETURN(out.coupon, service::IssueCoupon(tx, grant, now));
    return tx.Audit().Record({0, by, out.renewed ? "licence.renew" : "licence.add",
                              "licence:" + std::to_string(out.licence.id.value),
                              out.licence.edition + " for " + holder.name, now});
  }));
  return out;
}

Result<std::vector<core::Licence>> Licences::List(const std::optional<Actor>& actor) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  std::vector<core::Licence> out;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(out, tx.Licences().List());
    return Ok();
  }));
  return out;
}

Result<core::Partner> Licences::SetPartner(const std::optional<Actor>& actor, const Holder& holder,
                                           const std::string& level) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  const auto parsed = core::ParsePartnerLevel(level);
  if (!parsed) return Error::InvalidArgument("level must be none, standard or operative", "level");
  core::Partner partner;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(ResolvedHolder h, Resolve(tx, holder));
    partner = core::Partner{h.user_id, h.company_id, *parsed, clock_.Now()};
    HD_RETURN_IF_ERROR(tx.Licences().PutPartner(partner));
    return tx.Audit().Record({0, actor ? std::optional(actor->id) : std::nullopt, "partner.set",
                              h.name, std::string(core::ToString(*parsed)), partner.updated_at});
  }));
  return partner;
}

Result<std::vector<core::Partner>> Licences::ListPartners(const std::optional<Actor>& actor) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  std::vector<core::Partner> out;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(out, tx.Licences().ListPartners());
    return Ok();
  }));
  return out;
}

Result<core::Coupon> Licences::IssueCoupon(const std::optional<Actor>& actor,
                                           const Holder& holder) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  core::Coupon coupon;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    const auto now = clock_.Now();
    HD_ASSIGN_OR_RETURN(ResolvedHolder h, Resolve(tx, holder));
    CouponGrant grant{
        h.user_id,
        h.company_id,
        std::nullopt,
        core::CouponOrigin::kAdmin,
        actor ? std::optional(actor->id) : std::nullopt,
        OneYearAfter(std::chrono::floor<std::chrono::days>(now)),
        core::EnglishAndRussian("Support has issued you a special-request coupon",
                                "Служба поддержки выдала вам купон на спецобращение")};
    HD_ASSIGN_OR_RETURN(coupon, service::IssueCoupon(tx, grant, now));
    return Ok();
  }));
  return coupon;
}

Result<std::vector<core::Coupon>> Licences::ListCoupons(const std::optional<Actor>& actor) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  std::vector<core::Coupon> out;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(out, tx.Coupons().List());
    return Ok();
  }));
  return out;
}

Result<std::vector<core::Coupon>> Licences::MyCoupons(const Actor& actor) {
  std::vector<core::Coupon> out;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(out, tx.Coupons().ListForHolder(actor.id, actor.company_id));
    return Ok();
  }));
  return out;
}

}  // namespace hd::service
