#include "service/licences.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <utility>

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
Result<core::Licence> Extend(Tx& tx, core::Licence existing, const sla::SupportLevel* level,
                             sys_days on, core::Timestamp now) {
  const auto previous = existing.expires;
  const sys_days from = previous && *previous >= on ? *previous + std::chrono::days(1) : on;
  existing.expires = ExpiryFrom(level, from);
  HD_RETURN_IF_ERROR(tx.Licences().Update(existing));
  HD_RETURN_IF_ERROR(
      tx.Licences().InsertRenewal({existing.id, on, previous, existing.expires, now}));
  return existing;
}

// Issues the coupon of a licence (re)activated on `on` and audits it.
Status IssueAndAudit(Tx& tx, LicenceOutcome& out, const std::string& holder, sys_days on,
                     std::optional<core::UserId> by, core::Timestamp now) {
  CouponGrant grant{
      out.licence.user_id,
      out.licence.company_id,
      out.licence.id,
      out.renewed ? core::CouponOrigin::kRenewal : core::CouponOrigin::kActivation,
      std::nullopt,
      OneYearAfter(on),
      core::EnglishAndRussian(
          "Your licence " + out.licence.edition + (out.renewed ? " was renewed" : " was activated"),
          "Ваша лицензия " + out.licence.edition + (out.renewed ? " продлена" : " активирована"))};
  HD_ASSIGN_OR_RETURN(out.coupon, service::IssueCoupon(tx, grant, now));
  return tx.Audit().Record({0, by, out.renewed ? "licence.renew" : "licence.add",
                            "licence:" + std::to_string(out.licence.id.value),
                            out.licence.edition + " for " + holder, now});
}

// `text` in lower case for searching: ASCII and Cyrillic letters folded.
std::string FoldForSearch(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c < 0x80) {
      out[i] = static_cast<char>(std::tolower(c));
    } else if (c == 0xD0 && i + 1 < out.size()) {
      auto next = static_cast<unsigned char>(out[i + 1]);
      if (next >= 0x90 && next <= 0x9F) {  // А..П
        out[i + 1] = static_cast<char>(next + 0x20);
      } else if (next >= 0xA0 && next <= 0xAF) {  // Р..Я
        out[i] = static_cast<char>(0xD1);
        out[i + 1] = static_cast<char>(next - 0x20);
      } else if (next >= 0x80 && next <= 0x8F) {  // Ѐ..Џ (Ё)
        out[i] = static_cast<char>(0xD1);
        out[i + 1] = static_cast<char>(next + 0x10);
      }
      ++i;
    }
  }
  return out;
}

bool Matches(const std::string& needle, const HolderView& holder, const std::string& also) {
  for (const std::string* text : {&holder.name, &holder.email, &also}) {
    if (FoldForSearch(*text).find(needle) != std::string::npos) return true;
  }
  return false;
}

Result<HolderView> ViewHolder(Tx& tx, std::optional<core::UserId> user,
                              std::optional<core::CompanyId> company) {
  if (user) {
    HD_ASSIGN_OR_RETURN(core::User u, tx.Users().Get(*user));
    return HolderView{"user", u.id.value, u.name, u.email};
  }
  if (company) {
    HD_ASSIGN_OR_RETURN(core::Company c, tx.Companies().Get(*company));
    return HolderView{"company", c.id.value, c.name, ""};
  }
  return Error::Internal("a licence or coupon without a holder");
}

// Holders' names, each read once per list.
class HolderNames {
 public:
  explicit HolderNames(Tx& tx) : tx_(tx) {}
  Result<HolderView> Of(std::optional<core::UserId> user, std::optional<core::CompanyId> company) {
    const auto key = std::make_pair(user ? 'u' : 'c', user      ? user->value
                                                      : company ? company->value
                                                                : 0);
    auto found = seen_.find(key);
    if (found != seen_.end()) return found->second;
    HD_ASSIGN_OR_RETURN(HolderView view, ViewHolder(tx_, user, company));
    seen_.emplace(key, view);
    return view;
  }

 private:
  Tx& tx_;
  std::map<std::pair<char, std::int64_t>, HolderView> seen_;
};

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
      if (same->revoked_at) {
        return Error::Conflict("the holder's " + same->edition +
                                   " licence is revoked; a revoked licence cannot be renewed",
                               "licence-revoked");
      }
      HD_ASSIGN_OR_RETURN(out.licence, Extend(tx, *same, level, l.activated, now));
    } else {
      l.expires = ExpiryFrom(level, l.activated);
      HD_ASSIGN_OR_RETURN(out.licence, tx.Licences().Insert(std::move(l)));
    }
    return IssueAndAudit(tx, out, holder.name, l.activated, by, now);
  }));
  return out;
}

Result<LicenceOutcome> Licences::Renew(const std::optional<Actor>& actor, core::LicenceId id,
                                       const std::string& activated) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  const auto on = core::ParseDate(activated);
  if (!on) return Error::InvalidArgument("activated must be a date YYYY-MM-DD", "activated");
  const auto catalog = policy_.Current();
  const std::optional<core::UserId> by = actor ? std::optional(actor->id) : std::nullopt;
  LicenceOutcome out;
  out.renewed = true;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    const auto now = clock_.Now();
    HD_ASSIGN_OR_RETURN(core::Licence existing, tx.Licences().Get(id));
    if (existing.revoked_at) {
      return Error::Conflict("licence " + std::to_string(id.value) +
                                 " is revoked; a revoked licence cannot be renewed",
                             "licence-revoked");
    }
    HD_ASSIGN_OR_RETURN(HolderView holder, ViewHolder(tx, existing.user_id, existing.company_id));
    HD_ASSIGN_OR_RETURN(out.licence, Extend(tx, existing, LevelOf(*catalog, existing), *on, now));
    return IssueAndAudit(tx, out, holder.name, *on, by, now);
  }));
  return out;
}

Result<LicenceView> Licences::Revoke(const std::optional<Actor>& actor, core::LicenceId id,
                                     const std::string& reason) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  const std::string why = Trim(reason);
  HD_RETURN_IF_ERROR(CheckText(why, "reason", 500, true));
  LicenceView out;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    const auto now = clock_.Now();
    HD_ASSIGN_OR_RETURN(core::Licence l, tx.Licences().Get(id));
    if (l.revoked_at) {
      return Error::Conflict("licence " + std::to_string(id.value) + " is already revoked");
    }
    l.revoked_at = now;
    l.revoke_reason = why;
    HD_RETURN_IF_ERROR(tx.Licences().Update(l));
    HD_ASSIGN_OR_RETURN(out.holder, ViewHolder(tx, l.user_id, l.company_id));
    out.state = "revoked";
    out.licence = std::move(l);
    return tx.Audit().Record({0, actor ? std::optional(actor->id) : std::nullopt, "licence.revoke",
                              "licence:" + std::to_string(id.value),
                              out.licence.edition + " for " + out.holder.name + ": " + why, now});
  }));
  return out;
}

Result<std::vector<LicenceView>> Licences::Search(const std::optional<Actor>& actor,
                                                  const std::string& q, const std::string& state) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  HD_RETURN_IF_ERROR(CheckText(q, "q", 200, false));
  if (state != "all" && state != "active" && state != "expired" && state != "revoked") {
    return Error::InvalidArgument("state must be all, active, expired or revoked", "state");
  }
  const std::string needle = FoldForSearch(Trim(q));
  const auto now = clock_.Now();
  const sys_days today = std::chrono::floor<std::chrono::days>(now);
  std::vector<LicenceView> out;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    out.clear();
    HD_ASSIGN_OR_RETURN(auto all, tx.Licences().List());
    HolderNames names(tx);
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
      LicenceView view;
      HD_ASSIGN_OR_RETURN(view.holder, names.Of(it->user_id, it->company_id));
      view.state = it->revoked_at                        ? "revoked"
                   : it->expires && *it->expires < today ? "expired"
                                                         : "active";
      if (state != "all" && view.state != state) continue;
      if (!needle.empty() && !Matches(needle, view.holder, it->edition)) continue;
      view.licence = std::move(*it);
      out.push_back(std::move(view));
    }
    return Ok();
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

Result<std::vector<CouponView>> Licences::SearchCoupons(const std::optional<Actor>& actor,
                                                        const std::string& q,
                                                        const std::string& state) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  HD_RETURN_IF_ERROR(CheckText(q, "q", 200, false));
  if (state != "all" && state != "unused" && state != "used" && state != "expired" &&
      state != "revoked") {
    return Error::InvalidArgument("state must be all, unused, used, expired or revoked", "state");
  }
  const std::string needle = FoldForSearch(Trim(q));
  const auto now = clock_.Now();
  std::vector<CouponView> out;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    out.clear();
    HD_ASSIGN_OR_RETURN(auto all, tx.Coupons().List());
    HolderNames names(tx);
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
      CouponView view;
      HD_ASSIGN_OR_RETURN(view.holder, names.Of(it->user_id, it->company_id));
      view.state = std::string(CouponState(*it, now));
      if (state != "all" && view.state != state) continue;
      if (!needle.empty() && !Matches(needle, view.holder, it->code)) continue;
      view.coupon = std::move(*it);
      out.push_back(std::move(view));
    }
    return Ok();
  }));
  return out;
}

Result<CouponView> Licences::RevokeCoupon(const std::optional<Actor>& actor,
                                          const std::string& code, const std::string& reason) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  const std::string why = Trim(reason);
  HD_RETURN_IF_ERROR(CheckText(why, "reason", 500, true));
  CouponView out;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    const auto now = clock_.Now();
    HD_ASSIGN_OR_RETURN(auto coupon, tx.Coupons().FindByCode(Trim(code)));
    if (!coupon) return Error::NotFound("no coupon has the code " + code);
    HD_ASSIGN_OR_RETURN(bool revoked, tx.Coupons().Revoke(coupon->id, now, why));
    if (!revoked) {
      return Error::Conflict("coupon " + coupon->code + " is " +
                             std::string(CouponState(*coupon, now)) +
                             "; only an unused coupon can be revoked");
    }
    coupon->revoked_at = now;
    coupon->revoke_reason = why;
    HD_ASSIGN_OR_RETURN(out.holder, ViewHolder(tx, coupon->user_id, coupon->company_id));
    out.state = "revoked";
    out.coupon = std::move(*coupon);
    return tx.Audit().Record({0, actor ? std::optional(actor->id) : std::nullopt, "coupon.revoke",
                              "coupon:" + out.coupon.code, out.holder.name + ": " + why, now});
  }));
  return out;
}

std::string_view CouponState(const core::Coupon& c, core::Timestamp now) {
  if (c.revoked_at) return "revoked";
  if (c.used_at) return "used";
  if (c.expires_at <= now) return "expired";
  return "unused";
}

Result<std::vector<core::Coupon>> Licences::MyCoupons(const Actor& actor) {
  std::vector<core::Coupon> out;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(out, tx.Coupons().ListForHolder(actor.id, actor.company_id));
    std::erase_if(out, [](const core::Coupon& c) { return c.revoked_at.has_value(); });
    return Ok();
  }));
  return out;
}

}  // namespace hd::service
