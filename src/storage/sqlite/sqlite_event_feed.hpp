// SqliteEventFeed: ports::EventFeed for a single instance on SQLite.
//
// SQLite has one writer, so event ids grow in commit order: a reader that
// remembers the highest id it has seen and asks for the ones above it never
// skips a committed event. While at least one sink is subscribed, a thread
// of the feed reads the new events every `interval` and hands them on; with
// none subscribed it reads nothing. The first subscriber starts from the
// events committed after it subscribed.
//
// Thread behaviour: see ports::EventFeed. The destructor stops and joins
// the thread; the store must outlive the feed.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "core/ids.hpp"
#include "core/ports/event_feed.hpp"
#include "core/ports/store.hpp"
#include "storage/event_fanout.hpp"

namespace hd::storage {

struct SqliteEventFeedOptions {
  // How often new events are read while someone is subscribed. Default 50 ms.
  std::chrono::milliseconds interval{50};
  // Events read at most per round. Default 500.
  int batch = 500;
};

class SqliteEventFeed final : public core::ports::EventFeed {
 public:
  SqliteEventFeed(core::ports::Store& store, SqliteEventFeedOptions options);
  ~SqliteEventFeed() override;
  SqliteEventFeed(const SqliteEventFeed&) = delete;
  SqliteEventFeed& operator=(const SqliteEventFeed&) = delete;

  // The first subscriber reads the current last event id on the calling
  // thread (one short read).
  std::unique_ptr<core::ports::EventFeedSubscription> Subscribe(
      core::ports::EventSink sink) override;

 private:
  void Loop();
  // Reads and delivers the events after cursor_; true when a full batch
  // came back (more may be waiting).
  bool PollOnce();

  core::ports::Store& store_;
  const SqliteEventFeedOptions options_;
  EventFanout fanout_;
  std::mutex mu_;            // serialises polls with the first subscription
  core::EventId cursor_{0};  // guarded by mu_: the highest id delivered
  std::mutex stop_mu_;
  std::condition_variable stop_cv_;
  bool stop_ = false;  // guarded by stop_mu_
  std::thread thread_;
};

}  // namespace hd::storage
