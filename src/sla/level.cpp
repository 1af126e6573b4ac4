#include "sla/level.hpp"

namespace hd::sla {

namespace {

struct EntitlementText {
  std::string_view key;
  std::string_view name;
};

constexpr std::array<EntitlementText, kEntitlementCount> kEntitlements = {{
    {"closed_forum", "closed forum access"},
    {"phone_support", "phone / messenger support"},
    {"developers", "developers involved in the problem"},
    {"product_problems", "help with product problems"},
    {"performance_analysis", "performance analysis of the installation"},
    {"security_analysis", "security analysis of the installation"},
    {"database_advice", "database configuration advice"},
}};

}  // namespace

std::string_view EntitlementKey(Entitlement e) {
  return kEntitlements[static_cast<std::size_t>(e)].key;
}

std::string_view EntitlementName(Entitlement e) {
  return kEntitlements[static_cast<std::size_t>(e)].name;
}

std::optional<Entitlement> EntitlementFromKey(std::string_view key) {
  for (std::size_t i = 0; i < kEntitlements.size(); ++i) {
    if (kEntitlements[i].key == key) return static_cast<Entitlement>(i);
  }
  return std::nullopt;
}

const SupportLevel* LevelSet::Find(std::string_view id) const {
  for (const SupportLevel& level : levels_) {
    if (level.id == id) return &level;
  }
  return nullptr;
}

}  // namespace hd::sla
