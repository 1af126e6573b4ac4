// Notifications: the signed-in user's notifications in the app, read from
// the one outbox (service/outbox.hpp) — newest first, with the number still
// unread — and marking one read. Thread-safe; blocking (worker threads only).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "service/actor.hpp"
#include "service/options.hpp"

namespace hd::service {

struct NotificationPage {
  std::vector<core::ports::Notification> items;  // newest first
  std::int64_t unread = 0;                       // of all the user's notifications
  std::optional<std::int64_t> next_cursor;       // empty on the last page
};

class Notifications {
 public:
  Notifications(core::ports::Store& store, const core::Clock& clock, Options options)
      : store_(store), clock_(clock), options_(options) {}

  // The actor's notifications with an id below `before` (the previous
  // page's cursor) when set; `limit` 0 means Options::default_page_size.
  // kInvalidArgument (field "limit") outside 0..max_page_size.
  Result<NotificationPage> List(const Actor& actor, std::optional<std::int64_t> before, int limit);

  // Marks the actor's notification `id` read (again is fine) and returns how
  // many of theirs are still unread. kNotFound when the actor has no
  // notification `id` (someone else's included).
  Result<std::int64_t> MarkRead(const Actor& actor, std::int64_t id);

 private:
  core::ports::Store& store_;
  const core::Clock& clock_;
  Options options_;
};

}  // namespace hd::service
