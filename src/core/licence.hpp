// Licence and partner status: the facts about a customer that decide their
// support level (DOMAIN.md §2). A licence belongs to a user or to a company;
// renewing it extends its expiry and is recorded as a LicenceRenewal. Plain
// values; storage assigns ids.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/ids.hpp"
#include "core/time.hpp"

namespace hd::core {

using LicenceId = Id<struct LicenceTag>;

// The kind of support bought with a licence. Stable ids: "standard",
// "operative", "vip".
enum class SupportKind { kStandard, kOperative, kVip };
std::string_view ToString(SupportKind kind);
std::optional<SupportKind> ParseSupportKind(std::string_view id);

// A partner's support. Stable ids: "none", "standard", "operative".
enum class PartnerLevel { kNone, kStandard, kOperative };
std::string_view ToString(PartnerLevel level);
std::optional<PartnerLevel> ParsePartnerLevel(std::string_view id);

struct Licence {
  LicenceId id;
  std::optional<UserId> user_id;        // exactly one of user_id and company_id is set
  std::optional<CompanyId> company_id;  //
  std::string edition;                  // product edition, e.g. "Business", "Enterprise"
  SupportKind support = SupportKind::kStandard;
  bool limited = false;             // a limited licence gives no client level
  std::chrono::sys_days activated;  // first day of validity (activation or last renewal)
  std::optional<std::chrono::sys_days> expires;  // last day of validity; none = unlimited
  Timestamp created_at;
  std::optional<Timestamp> revoked_at;  // revoked licences give no level
  std::string revoke_reason;
};

struct LicenceRenewal {
  LicenceId licence_id;
  std::chrono::sys_days renewed_on;  // the new activation date
  std::optional<std::chrono::sys_days> previous_expires;
  std::optional<std::chrono::sys_days> new_expires;
  Timestamp at;
};

// Partner status of a user or a company.
struct Partner {
  std::optional<UserId> user_id;        // exactly one is set
  std::optional<CompanyId> company_id;  //
  PartnerLevel level = PartnerLevel::kNone;
  Timestamp updated_at;
};

// "YYYY-MM-DD" for a date, and back (nullopt for anything else).
std::string FormatDate(std::chrono::sys_days day);
std::optional<std::chrono::sys_days> ParseDate(std::string_view text);

}  // namespace hd::core
