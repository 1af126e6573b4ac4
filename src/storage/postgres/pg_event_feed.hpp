// PostgresEventFeed: ports::EventFeed for many instances sharing one
// PostgreSQL database, on LISTEN/NOTIFY.
//
// Every insert into `events` runs a trigger (migration 0004) that calls
// pg_notify('hd_events', id); PostgreSQL delivers the notification to every
// listening session when — and only if — the inserting transaction commits.
// The feed holds one dedicated connection that LISTENs on that channel, reads
// the notified events back through the store (ids close together in one
// range query) and hands them to the sinks, each id once.
//
// Ids come from a sequence, so they do not arrive in commit order; the feed
// delivers each batch sorted, remembers the ids it delivered recently and
// never delivers one twice. When the listening connection breaks (database
// restart, failover, network) the feed reconnects with a growing pause
// (`reconnect_min` doubling up to `reconnect_max`), LISTENs again and then
// reads the events with ids above the highest it delivered, so what
// committed while it was away in id order is not lost. An idle connection
// is probed every `probe_interval`.
//
// Thread behaviour: see ports::EventFeed. One thread of the feed does the
// listening and delivery; the destructor stops it within about
// `wait_slice`. The store must outlive the feed.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <thread>

#include "core/ports/event_feed.hpp"
#include "core/ports/store.hpp"
#include "storage/event_fanout.hpp"

namespace hd::storage {

// The channel the events trigger notifies; the payload is the event id.
inline constexpr std::string_view kEventChannel = "hd_events";

struct PostgresEventFeedOptions {
  // A libpq connection URI or key=value string; the same database as the store.
  std::string url;
  // How long opening the listening connection may take, in seconds. Default 5.
  int connect_timeout_seconds = 5;
  // First and longest pause between reconnection attempts. Defaults 100 ms, 5 s.
  std::chrono::milliseconds reconnect_min{100};
  std::chrono::milliseconds reconnect_max{5000};
  // An idle listening connection runs `SELECT 1` this often. Default 30 s.
  std::chrono::milliseconds probe_interval{30000};
  // How long the thread waits for the socket before it checks for shutdown.
  // Default 200 ms.
  std::chrono::milliseconds wait_slice{200};
  // Receives one line for each connection lost or regained (for the log).
  // May be empty. Called on the feed's thread.
  std::function<void(std::string_view)> log;
};

struct PostgresEventFeedStats {
  bool listening = false;       // the LISTEN connection is up now
  std::uint64_t connects = 0;   // successful LISTENs so far (1 + reconnections)
  std::uint64_t delivered = 0;  // events handed to the sinks so far
};

class PostgresEventFeed final : public core::ports::EventFeed {
 public:
  // Starts the listening thread at once; it connects in the background, so
  // an unreachable database only delays live updates.
  PostgresEventFeed(core::ports::Store& store, PostgresEventFeedOptions options);
  ~PostgresEventFeed() override;
  PostgresEventFeed(const PostgresEventFeed&) = delete;
  PostgresEventFeed& operator=(const PostgresEventFeed&) = delete;

  std::unique_ptr<core::ports::EventFeedSubscription> Subscribe(
      core::ports::EventSink sink) override;

  PostgresEventFeedStats stats() const;

 private:
  class Listener;
  void Loop();

  core::ports::Store& store_;
  const PostgresEventFeedOptions options_;
  EventFanout fanout_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> listening_{false};
  std::atomic<std::uint64_t> connects_{0};
  std::atomic<std::uint64_t> delivered_{0};
  std::thread thread_;
};

}  // namespace hd::storage
