#include "service/auth_cache.hpp"

#include <utility>

namespace hd::service {

AuthCache::AuthCache(std::chrono::milliseconds ttl, std::size_t capacity)
    : ttl_(ttl), capacity_(capacity == 0 ? 1 : capacity) {}

std::optional<CachedCredential> AuthCache::Find(const std::string& hash, core::Timestamp now) {
  if (ttl_.count() <= 0) return std::nullopt;
  std::lock_guard lock(mu_);
  auto it = entries_.find(hash);
  if (it == entries_.end()) return std::nullopt;
  if (it->second.expires <= now) {
    entries_.erase(it);
    return std::nullopt;
  }
  return it->second.credential;
}

void AuthCache::Put(const std::string& hash, CachedCredential credential, core::Timestamp now) {
  if (ttl_.count() <= 0) return;
  std::lock_guard lock(mu_);
  if (entries_.size() >= capacity_ && !entries_.contains(hash)) {
    std::erase_if(entries_, [&](const auto& item) { return item.second.expires <= now; });
    if (entries_.size() >= capacity_) entries_.clear();
  }
  entries_.insert_or_assign(hash, Entry{std::move(credential), now + ttl_});
}

void AuthCache::Erase(const std::string& hash) {
  std::lock_guard lock(mu_);
  entries_.erase(hash);
}

void AuthCache::EraseUser(core::UserId user) {
  std::lock_guard lock(mu_);
  std::erase_if(entries_,
                [&](const auto& entry) { return entry.second.credential.user.id == user; });
}

}  // namespace hd::service
