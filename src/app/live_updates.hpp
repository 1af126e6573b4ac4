// Live updates in `serve`: the event feed behind GET /api/v1/events. Each
// instance reads the shared events table as it grows (on PostgreSQL that
// includes the events every other instance commits).
#pragma once

#include <memory>

#include "app/runtime.hpp"
#include "core/ports/event_feed.hpp"

namespace hd::app {

// Starts the feed on the runtime's store and hands it to the use cases.
// The returned feed must outlive the HTTP server and be destroyed before the
// runtime.
std::unique_ptr<core::ports::EventFeed> StartLiveUpdates(Runtime& runtime);

}  // namespace hd::app
