// Live updates in `serve`: the event feed behind GET /api/v1/events, chosen
// by the database — SQLite reads its own events table in process,
// PostgreSQL LISTENs for the NOTIFY of every instance.
#pragma once

#include <memory>

#include "app/config.hpp"
#include "app/runtime.hpp"
#include "core/ports/event_feed.hpp"

namespace hd::app {

// Starts the feed for the configured database and hands it to the use cases.
// The returned feed must outlive the HTTP server and be destroyed before the
// runtime.
std::unique_ptr<core::ports::EventFeed> StartLiveUpdates(const Config& config, Runtime& runtime);

}  // namespace hd::app
