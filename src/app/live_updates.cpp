#include "app/live_updates.hpp"

#include <spdlog/spdlog.h>

#include <string>

#include "storage/postgres/pg_event_feed.hpp"
#include "storage/sqlite/sqlite_event_feed.hpp"

namespace hd::app {

std::unique_ptr<core::ports::EventFeed> StartLiveUpdates(const Config& config, Runtime& runtime) {
  std::unique_ptr<core::ports::EventFeed> feed;
  const std::string url = config.DatabaseUrl();
  if (IsPostgresUrl(url)) {
    storage::PostgresEventFeedOptions options;
    options.url = url;
    options.log = [](std::string_view line) { spdlog::warn("{}", line); };
    feed = std::make_unique<storage::PostgresEventFeed>(*runtime.store, std::move(options));
  } else {
    feed = std::make_unique<storage::SqliteEventFeed>(*runtime.store,
                                                      storage::SqliteEventFeedOptions{});
  }
  runtime.services->events.UseFeed(*feed);
  return feed;
}

}  // namespace hd::app
