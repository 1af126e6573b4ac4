// EventFanout: the sinks subscribed to one event feed, and the delivery of a
// batch to each of them. Both feeds (sqlite/sqlite_event_feed.hpp,
// postgres/pg_event_feed.hpp) keep their subscribers here.
//
// Thread-safe. Deliver() runs the sinks under the fan-out's lock, so a
// subscription's destructor waits for a delivery in progress and its sink
// is never called afterwards. Sinks must not subscribe or unsubscribe.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "core/ports/event_feed.hpp"

namespace hd::storage {

class EventFanout {
 public:
  EventFanout() = default;
  EventFanout(const EventFanout&) = delete;
  EventFanout& operator=(const EventFanout&) = delete;

  // Adds `sink` until the returned subscription is destroyed. The fan-out
  // must outlive it.
  std::unique_ptr<core::ports::EventFeedSubscription> Subscribe(core::ports::EventSink sink);

  // Hands `batch` (non-empty, ascending ids) to every sink.
  void Deliver(const std::vector<core::Event>& batch);

  // How many sinks are subscribed now.
  std::size_t size() const;

 private:
  class Subscription;
  void Remove(std::uint64_t id);

  mutable std::mutex mu_;
  std::uint64_t next_id_ = 1;                              // guarded by mu_
  std::map<std::uint64_t, core::ports::EventSink> sinks_;  // guarded by mu_
};

}  // namespace hd::storage
