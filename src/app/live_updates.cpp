#include "app/live_updates.hpp"

#include "storage/polling_event_feed.hpp"

namespace hd::app {

std::unique_ptr<core::ports::EventFeed> StartLiveUpdates(Runtime& runtime) {
  auto feed = std::make_unique<storage::PollingEventFeed>(*runtime.store,
                                                          storage::PollingEventFeedOptions{});
  runtime.services->events.UseFeed(*feed);
  return feed;
}

}  // namespace hd::app
