#include "service/sla_policy.hpp"

#include <utility>

namespace hd::service {

const sla::Calendar* SlaCatalog::FindCalendar(std::string_view id) const {
  auto it = calendars.find(id);
  return it == calendars.end() ? nullptr : it->second.get();
}

const core::SlaLevelVersion* SlaCatalog::CurrentVersion(std::string_view level_id) const {
  auto it = current.find(level_id);
  return it == current.end() ? nullptr : &it->second;
}

const core::SlaLevelVersion* SlaCatalog::Version(core::SlaLevelVersionId id) const {
  auto it = versions.find(id.value);
  return it == versions.end() ? nullptr : &it->second;
}

std::shared_ptr<const SlaCatalog> SlaPolicy::Current() const {
  std::lock_guard lock(mu_);
  return current_;
}

void SlaPolicy::Replace(std::shared_ptr<const SlaCatalog> catalog) {
  std::lock_guard lock(mu_);
  current_ = std::move(catalog);
}

}  // namespace hd::service
