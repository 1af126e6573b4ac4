// PollingEventFeed: ports::EventFeed for every engine, by reading the events
// table as it grows.
//
// While at least one sink is subscribed, a thread of the feed reads the
// events with ids above the highest it has delivered every `interval` and
// hands them on; with none subscribed it reads nothing, and the first
// subscriber starts from the events committed after it subscribed.
//
// Ids do not always become visible in id order. On SQLite they do (one
// writer), but on PostgreSQL ids come from a sequence when a row is
// inserted, and a transaction that took its id early may commit after one
// that took a later id — on this instance or on any other sharing the
// database. So an id skipped by a read is remembered as a gap and asked for
// again on each round until it shows up (its transaction committed) or
// `gap_grace` has passed (it rolled back, or is taking so long that its
// clients will find it in the history). Gaps wider than `max_gap_run` ids are
// not waited for (a sequence jumps that far only after a crash).
//
// Nothing is announced by the writers: no trigger and no NOTIFY. On
// PostgreSQL a NOTIFY makes every notifying commit wait for the previous one
// (they take one database-wide lock until their commit is flushed), which
// would serialise all ticket writes of all instances.
//
// Thread behaviour: see ports::EventFeed. The destructor stops and joins the
// thread; the store must outlive the feed.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/event.hpp"
#include "core/ids.hpp"
#include "core/ports/event_feed.hpp"
#include "core/ports/store.hpp"
#include "storage/event_fanout.hpp"

namespace hd::storage {

struct PollingEventFeedOptions {
  // How often new events are read while someone is subscribed. Default 50 ms.
  std::chrono::milliseconds interval{50};
  // New events read at most per round. Default 500.
  int batch = 500;
  // How long a skipped id is asked for again. Default 10 s.
  std::chrono::milliseconds gap_grace{10000};
  // Skipped runs of more ids than this are not waited for. Default 1000.
  std::int64_t max_gap_run = 1000;
};

class PollingEventFeed final : public core::ports::EventFeed {
 public:
  PollingEventFeed(core::ports::Store& store, PollingEventFeedOptions options);
  ~PollingEventFeed() override;
  PollingEventFeed(const PollingEventFeed&) = delete;
  PollingEventFeed& operator=(const PollingEventFeed&) = delete;

  // The first subscriber reads the current last event id on the calling
  // thread (one short read).
  std::unique_ptr<core::ports::EventFeedSubscription> Subscribe(
      core::ports::EventSink sink) override;

 private:
  using SteadyTime = std::chrono::steady_clock::time_point;

  void Loop();
  // Reads and delivers what became visible; true when a full batch of new
  // events came back (more may be waiting).
  bool PollOnce();
  // The events of remembered gaps that are now visible; forgets those found
  // and those waited for long enough.
  Result<std::vector<core::Event>> FillGaps(core::ports::Tx& tx, SteadyTime now);
  // Remembers the ids between cursor_ and each of `events` that were skipped.
  void NoteGaps(const std::vector<core::Event>& events, SteadyTime now);

  core::ports::Store& store_;
  const PollingEventFeedOptions options_;
  EventFanout fanout_;
  std::mutex mu_;            // serialises polls with the first subscription
  core::EventId cursor_{0};  // guarded by mu_: the highest id delivered
  // guarded by mu_: ids below cursor_ not seen yet, with when they were skipped
  std::map<std::int64_t, SteadyTime> gaps_;
  std::mutex stop_mu_;
  std::condition_variable stop_cv_;
  bool stop_ = false;  // guarded by stop_mu_
  std::thread thread_;
};

}  // namespace hd::storage
