// AuthCache: recently checked credentials (session or API token, by hash),
// so a client sending many requests does not cost a database read each time.
//
// An entry lives for a short time-to-live; a log-out removes its session at
// once on this instance. Changes made elsewhere (a user disabled, a role
// changed, a session ended on another instance) take effect here within the
// time-to-live. A session's own expiry is checked on every use.
//
// Thread-safe. Bounded: when full, expired entries are dropped, and if none
// are, the whole cache is cleared (a cache miss only costs a read).
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/time.hpp"
#include "core/user.hpp"

namespace hd::service {

struct CachedCredential {
  core::User user;
  bool via_session = false;
  std::string csrf_token;           // sessions only
  core::Timestamp session_expires;  // sessions only
};

class AuthCache {
 public:
  // A zero `ttl` turns the cache off.
  AuthCache(std::chrono::milliseconds ttl, std::size_t capacity);

  // The entry for `hash` if it is younger than the time-to-live at `now`.
  std::optional<CachedCredential> Find(const std::string& hash, core::Timestamp now);
  void Put(const std::string& hash, CachedCredential credential, core::Timestamp now);
  void Erase(const std::string& hash);
  // Drops every entry of `user` (their profile changed on this instance).
  void EraseUser(core::UserId user);

 private:
  struct Entry {
    CachedCredential credential;
    core::Timestamp expires;
  };

  const std::chrono::milliseconds ttl_;
  const std::size_t capacity_;
  std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;  // guarded by mu_
};

}  // namespace hd::service
