#include "sla/level_resolution.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace hd::sla {

namespace {

using std::chrono::sys_days;

struct Candidate {
  std::string level_id;
  core::LocalText reason;
};

core::LocalText Words(std::string en, std::string ru) {
  return core::EnglishAndRussian(std::move(en), std::move(ru));
}

std::string FormatDate(sys_days d) {
  const std::chrono::year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

bool SameEdition(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

// The level a licence's edition gives by itself (enterprise), or empty.
const SupportLevel* EditionLevel(const LevelSet& levels, std::string_view edition) {
  for (const SupportLevel& level : levels.levels()) {
    for (const std::string& e : level.editions) {
      if (SameEdition(e, edition)) return &level;
    }
  }
  return nullptr;
}

Candidate FromLicence(const LevelSet& levels, const LicenceFacts& l) {
  const std::string date = FormatDate(l.expires);
  const std::string en = "active licence " + l.edition;
  const std::string ru = "действующая лицензия " + l.edition;
  if (const SupportLevel* level = EditionLevel(levels, l.edition)) {
    return {level->id, Words(en + " until " + date + " (" + level->title.In("en") + ")",
                             ru + " до " + date + " (" + level->title.In("ru") + ")")};
  }
  switch (l.support) {
    case SupportKind::kVip:
      return {"client_vip",
              Words(en + " with VIP support until " + date, ru + " с VIP-поддержкой до " + date)};
    case SupportKind::kOperative:
      return {"client_operative", Words(en + " with operative support until " + date,
                                        ru + " с оперативной поддержкой до " + date)};
    case SupportKind::kStandard:
      break;
  }
  return {"client_standard", Words(en + " until " + date, ru + " до " + date)};
}

// Why a known customer without an active licence or partnership is
// non-commercial: the most telling licence fact, if any.
core::LocalText NonCommercialReason(const CustomerFacts& c, sys_days today) {
  for (const LicenceFacts& l : c.licences) {
    if (l.limited) {
      return Words("licence " + l.edition + " is limited", "лицензия " + l.edition + " ограничена");
    }
  }
  const LicenceFacts* latest = nullptr;
  for (const LicenceFacts& l : c.licences) {
    if (l.expires < today && (latest == nullptr || l.expires > latest->expires)) latest = &l;
  }
  if (latest != nullptr) {
    const std::string date = FormatDate(latest->expires);
    return Words("licence " + latest->edition + " expired on " + date,
                 "срок лицензии " + latest->edition + " истёк " + date);
  }
  for (const LicenceFacts& l : c.licences) {
    if (l.activated > today) {
      const std::string date = FormatDate(l.activated);
      return Words("licence " + l.edition + " is active only from " + date,
                   "лицензия " + l.edition + " действует только с " + date);
    }
  }
  return Words("no active licence and no partner status",
               "нет действующей лицензии и партнёрского статуса");
}

}  // namespace

Result<LevelDecision> ResolveLevel(const LevelSet& levels, const CustomerFacts& customer,
                                   sys_days today) {
  if (!customer.known) {
    return LevelDecision{
        "non_commercial",
        Words("sender not recognised (not logged in or unknown e-mail address)",
              "отправитель не опознан (вход не выполнен или адрес почты неизвестен)")};
  }
  std::vector<Candidate> candidates;
  for (const LicenceFacts& l : customer.licences) {
    if (l.expires < l.activated) {
      return Error::InvalidArgument("licence " + l.edition + " expires before it is activated");
    }
    if (!l.limited && l.activated <= today && today <= l.expires) {
      candidates.push_back(FromLicence(levels, l));
    }
  }
  if (customer.partner == PartnerStatus::kOperative) {
    candidates.push_back({"partner_operative", Words("partner company with operative support",
                                                     "компания-партнёр с оперативной поддержкой")});
  } else if (customer.partner == PartnerStatus::kStandard) {
    candidates.push_back({"partner_standard", Words("partner company", "компания-партнёр")});
  }
  const Candidate* best = nullptr;
  const SupportLevel* best_level = nullptr;
  for (const Candidate& c : candidates) {
    const SupportLevel* level = levels.Find(c.level_id);
    if (level == nullptr) return Error::Internal("no support level \"" + c.level_id + "\"");
    if (best_level == nullptr || level->first_response < best_level->first_response) {
      best = &c;
      best_level = level;
    }
  }
  if (best == nullptr) return LevelDecision{"non_commercial", NonCommercialReason(customer, today)};
  return LevelDecision{best->level_id, best->reason};
}

Result<EntitlementGrant> CheckEntitlement(const LevelSet& levels, std::string_view level_id,
                                          Entitlement entitlement) {
  const SupportLevel* level = levels.Find(level_id);
  if (level == nullptr)
    return Error::NotFound("no support level \"" + std::string(level_id) + "\"");
  if (level->grant(entitlement).grant != Grant::kNo) return level->grant(entitlement);
  std::string including;
  for (const SupportLevel& other : levels.levels()) {
    if (other.grant(entitlement).grant == Grant::kNo) continue;
    including += (including.empty() ? "" : ", ") + other.title.Default();
  }
  std::string message = std::string(EntitlementName(entitlement)) + " is not included in the " +
                        level->title.Default() + " level";
  message += including.empty() ? "; no level includes it" : "; it is included in: " + including;
  return Error::Forbidden(message).WithReason("entitlement-not-included");
}

}  // namespace hd::sla
