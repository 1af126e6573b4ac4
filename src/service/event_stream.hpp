// EventStream: the live-update use case. A client subscribes and is sent,
// as they commit, the ticket events it may read — the same rules as the
// ticket's history: a ticket the caller cannot read is invisible, and
// internal events reach staff only, with one exception: when support moves
// a customer's ticket between its own states, the customer is sent that a
// transition fired and nothing else (no transition, states or actor), so
// their page can show the ticket's new customer-facing state.
//
// The events come from a core::ports::EventFeed (storage reads the shared
// events table, so an event committed on any instance reaches the clients of
// every instance). A client resuming after a break names the
// last event id it received; the stored events after it are replayed first,
// then the live ones follow, without duplicates and in id order per batch.
//
// Thread behaviour: thread-safe. Sinks run on the feed's thread (live
// events) or on the subscribing thread (the replay), never two at once for
// one subscription, and must return quickly. Once a subscription is
// destroyed its sink is never called again. Subscribe() blocks on the store:
// call it from worker threads. The feed and the store must outlive this
// object and every subscription.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "core/error.hpp"
#include "core/event.hpp"
#include "core/ports/event_feed.hpp"
#include "core/ports/store.hpp"
#include "service/actor.hpp"

namespace hd::service {

// Where a subscription's events go.
struct EventStreamSink {
  // Events the subscriber may read, ascending ids within a call.
  std::function<void(const std::vector<core::Event>& events)> events;
  // Events were skipped (the replay gap was longer than kReplayLimit): the
  // client should reload what it shows. Live events follow.
  std::function<void()> reset;
  // The stream cannot go on (the store could not be read to filter a
  // batch); the client should reconnect and resume by id. Called at most
  // once; nothing follows.
  std::function<void()> lost;
};

// Keeps a client subscribed while it lives.
class EventStreamSubscription {
 public:
  virtual ~EventStreamSubscription() = default;
};

class EventStream {
 public:
  // Stored events replayed at most for one resumption.
  static constexpr int kReplayLimit = 1000;

  explicit EventStream(core::ports::Store& store);
  ~EventStream();
  EventStream(const EventStream&) = delete;
  EventStream& operator=(const EventStream&) = delete;

  // app/: the feed of committed events. Live updates are off until it is
  // set; set it once, before serving.
  void UseFeed(core::ports::EventFeed& feed);

  // Subscribes `actor`. With `after`, first replays the stored events with a
  // greater id that the actor may read. kUnavailable when no feed is set or
  // the store cannot be read.
  Result<std::unique_ptr<EventStreamSubscription>> Subscribe(const Actor& actor,
                                                             std::optional<core::EventId> after,
                                                             EventStreamSink sink);

  // Subscribers now (for tests and metrics).
  std::size_t subscribers() const;

 private:
  struct Client;
  class Subscription;

  void OnBatch(const std::vector<core::Event>& batch);
  Status Register(const std::shared_ptr<Client>& client);
  void Unregister(const std::shared_ptr<Client>& client);
  Status Replay(Client& client, core::EventId after);

  core::ports::Store& store_;
  core::ports::EventFeed* feed_ = nullptr;
  // feed_mu_ guards feed_subscription_ and is never taken by OnBatch, so a
  // delivery in progress never waits for it (see event_stream.cpp).
  std::mutex feed_mu_;
  std::unique_ptr<core::ports::EventFeedSubscription> feed_subscription_;
  mutable std::mutex clients_mu_;
  std::vector<std::shared_ptr<Client>> clients_;  // guarded by clients_mu_
};

}  // namespace hd::service
