// EventFeed: tells this instance which ticket events were committed — by any
// use case of any instance sharing the database — so live-update clients
// can be sent them.
//
// A feed delivers batches of committed events, each batch in ascending id
// order, to every sink subscribed, on the feed's own thread. It delivers
// each event at most once per instance and only after its transaction
// committed. Storage implements it by reading the events table as it grows,
// on each instance (storage/polling_event_feed.hpp).
//
// Delivery is live, not durable: an event committed while the feed cannot
// reach the database may be missed by live clients (it stays in the ticket's
// history, and clients resume from the stored events by id).
//
// Thread behaviour: Subscribe() and the subscription's destructor are
// thread-safe. Sinks run on the feed's thread, one batch at a time, and must
// return quickly (queue, never block on I/O). Once a subscription is
// destroyed its sink is not running and is never called again.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "core/event.hpp"

namespace hd::core::ports {

using EventSink = std::function<void(const std::vector<Event>& batch)>;

// Keeps a sink subscribed while it lives.
class EventFeedSubscription {
 public:
  virtual ~EventFeedSubscription() = default;
};

class EventFeed {
 public:
  virtual ~EventFeed() = default;
  // Calls `sink` with every batch committed from now on until the returned
  // subscription is destroyed. The feed must outlive the subscription.
  virtual std::unique_ptr<EventFeedSubscription> Subscribe(EventSink sink) = 0;
};

}  // namespace hd::core::ports
