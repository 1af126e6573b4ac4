#include "sla/level_resolution.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace hd::sla {

namespace {

using std::chrono::sys_days;

struct Candidate {
  std::string level_id;
  std::string reason;
};

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
  const std::string until = " until " + FormatDate(l.expires);
  if (const SupportLevel* level = EditionLevel(levels, l.edition)) {
    return {level->id, "active licence " + l.edition + until + " (" + level->title + ")"};
  }
  switch (l.support) {
    case SupportKind::kVip:
      return {"client_vip", "active licence " + l.edition + " with VIP support" + until};
    case SupportKind::kOperative:
      return {"client_operative",
              "active licence " + l.edition + " with operative support" + until};
    case SupportKind::kStandard:
      break;
  }
  return {"client_standard", "active licence " + l.edition + until};
}

// Why a known customer without an active licence or partnership is
// non-commercial: the most telling licence fact, if any.
std::string NonCommercialReason(const CustomerFacts& c, sys_days today) {
  for (const LicenceFacts& l : c.licences) {
    if (l.limited) return "licence " + l.edition + " is limited";
  }
  const LicenceFacts* latest = nullptr;
  for (const LicenceFacts& l : c.licences) {
    if (l.expires < today && (latest == nullptr || l.expires > latest->expires)) latest = &l;
  }
  if (latest != nullptr)
    return "licence " + latest->edition + " expired on " + FormatDate(latest->expires);
  for (const LicenceFacts& l : c.licences) {
    if (l.activated > today) {
      return "licence " + l.edition + " is active only from " + FormatDate(l.activated);
    }
  }
  return "no active licence and no partner status";
}

}  // namespace

Result<LevelDecision> ResolveLevel(const LevelSet& levels, const CustomerFacts& customer,
                                   sys_days today) {
  if (!customer.known) {
    return LevelDecision{"non_commercial",
                         "sender not recognised (not logged in or unknown e-mail address)"};
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
    candidates.push_back({"partner_operative", "partner company with operative support"});
  } else if (customer.partner == PartnerStatus::kStandard) {
    candidates.push_back({"partner_standard", "partner company"});
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
    including += (including.empty() ? "" : ", ") + other.title;
  }
  std::string message = std::string(EntitlementName(entitlement)) + " is not included in the " +
                        level->title + " level";
  message += including.empty() ? "; no level includes it" : "; it is included in: " + including;
  return Error::Forbidden(message).WithReason("entitlement-not-included");
}

}  // namespace hd::sla
