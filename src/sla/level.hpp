// Support levels as data (config/defaults/levels.yaml): each level's response
// targets in working time of its calendar, how long support lasts, and what
// support will do at that level (entitlements). Plain values; a LevelSet is
// immutable after loading and safe to share between threads.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/local_text.hpp"

namespace hd::sla {

// What support may do for a customer (DOMAIN.md, entitlement table). Values
// are stable: they may reach storage.
enum class Entitlement {
  kClosedForum = 0,
  kPhoneSupport = 1,
  kDevelopers = 2,
  kProductProblems = 3,
  kPerformanceAnalysis = 4,
  kSecurityAnalysis = 5,
  kDatabaseAdvice = 6,
};
inline constexpr std::size_t kEntitlementCount = 7;

// The key in levels.yaml ("phone_support") and the words for people in
// `language` ("phone / messenger support"; English for any other language).
std::string_view EntitlementKey(Entitlement e);
std::string_view EntitlementName(Entitlement e, std::string_view language = "en");
std::optional<Entitlement> EntitlementFromKey(std::string_view key);

enum class Grant { kNo, kLimited, kYes };

struct EntitlementGrant {
  Grant grant = Grant::kNo;
  core::LocalText note;  // the limit, e.g. "with no guaranteed time frame"; empty unless kLimited
};

// What the SLA job does to a ticket whose target is breached (levels.yaml
// "escalation"): move it to a group, raise its criticality. Empty = no change.
struct Escalation {
  std::string group;        // group slug, e.g. "l2"
  std::string criticality;  // low | normal | high | critical (never lowered)
};

struct SupportLevel {
  std::string id;                                     // e.g. "client_vip"
  core::LocalText title;                              // e.g. "Client, VIP support"
  core::LocalText who;                                // who is served at this level
  std::chrono::seconds first_response{0};             // working time of `calendar`
  std::optional<std::chrono::seconds> next_response;  // none: no target
  std::optional<std::chrono::seconds> resolution;     // none: no target
  std::string calendar;                               // calendar id, e.g. "ru-business"
  std::optional<int> validity_years;                  // none: unlimited
  int warning_percent = 80;                           // warn at this share of a target
  std::vector<std::string> editions;                  // licence editions giving this level
  std::array<EntitlementGrant, kEntitlementCount> entitlements;
  // nullopt when the file says nothing: the escalation set through the admin
  // API stays in force.
  std::optional<Escalation> escalation;

  const EntitlementGrant& grant(Entitlement e) const {
    return entitlements[static_cast<std::size_t>(e)];
  }
};

// The contract level ids every LevelSet defines (scripts and the API rely on them).
inline constexpr std::array<std::string_view, 8> kRequiredLevelIds = {
    "non_commercial",   "client_standard",   "client_operative", "client_vip",
    "partner_standard", "partner_operative", "enterprise",       "special"};

class LevelSet {
 public:
  explicit LevelSet(std::vector<SupportLevel> levels) : levels_(std::move(levels)) {}

  // The level with `id`, or nullptr.
  const SupportLevel* Find(std::string_view id) const;
  const std::vector<SupportLevel>& levels() const { return levels_; }

 private:
  std::vector<SupportLevel> levels_;  // in file order
};

// Parses levels.yaml. Unknown keys, missing or malformed values, duplicate
// ids and a missing contract level are kInvalidArgument, the message naming
// the line and column ("levels.yaml:12:5: unknown key \"colour\"").
Result<LevelSet> ParseLevels(std::string_view yaml_text);

}  // namespace hd::sla
