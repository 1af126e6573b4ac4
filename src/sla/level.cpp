#include "sla/level.hpp"

namespace hd::sla {

namespace {

struct EntitlementText {
  std::string_view key;
  std::string_view name;
  std::string_view name_ru;
};

constexpr std::array<EntitlementText, kEntitlementCount> kEntitlements = {{
    {"closed_forum", "closed forum access", "доступ к закрытому форуму"},
    {"phone_support", "phone / messenger support", "поддержка по телефону и в мессенджерах"},
    {"developers", "developers involved in the problem", "привлечение разработчиков"},
    {"product_problems", "help with product problems", "помощь с проблемами продукта"},
    {"performance_analysis", "performance analysis of the installation",
     "анализ производительности установки"},
    {"security_analysis", "security analysis of the installation", "анализ безопасности установки"},
    {"database_advice", "database configuration advice", "советы по настройке базы данных"},
}};

}  // namespace

std::string_view EntitlementKey(Entitlement e) {
  return kEntitlements[static_cast<std::size_t>(e)].key;
}

std::string_view EntitlementName(Entitlement e, std::string_view language) {
  const EntitlementText& t = kEntitlements[static_cast<std::size_t>(e)];
  return language == "ru" ? t.name_ru : t.name;
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
