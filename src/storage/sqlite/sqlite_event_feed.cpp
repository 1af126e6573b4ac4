#include "storage/sqlite/sqlite_event_feed.hpp"

#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace hd::storage {

namespace {

constexpr core::EventId kNoLimit{std::numeric_limits<std::int64_t>::max()};

}  // namespace

SqliteEventFeed::SqliteEventFeed(core::ports::Store& store, SqliteEventFeedOptions options)
    : store_(store), options_(options), thread_([this] { Loop(); }) {}

SqliteEventFeed::~SqliteEventFeed() {
  {
    std::lock_guard lock(stop_mu_);
    stop_ = true;
  }
  stop_cv_.notify_all();
  thread_.join();
}

std::unique_ptr<core::ports::EventFeedSubscription> SqliteEventFeed::Subscribe(
    core::ports::EventSink sink) {
  std::lock_guard lock(mu_);
  if (fanout_.size() == 0) {
    // Nobody was listening, so cursor_ may be far behind: start from now.
    core::EventId last{0};
    Status s = store_.Read([&](core::ports::Tx& tx) -> Status {
      HD_ASSIGN_OR_RETURN(last, tx.Events().LastId());
      return Ok();
    });
    if (s.ok()) cursor_ = last;
  }
  return fanout_.Subscribe(std::move(sink));
}

bool SqliteEventFeed::PollOnce() {
  std::lock_guard lock(mu_);
  if (fanout_.size() == 0) return false;
  std::vector<core::Event> batch;
  Status s = store_.Read([&](core::ports::Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(batch, tx.Events().ListAfter(cursor_, kNoLimit, options_.batch));
    return Ok();
  });
  if (!s.ok() || batch.empty()) return false;  // a failed read is tried again next round
  cursor_ = batch.back().id;
  fanout_.Deliver(batch);
  return static_cast<int>(batch.size()) >= options_.batch;
}

void SqliteEventFeed::Loop() {
  std::unique_lock lock(stop_mu_);
  while (!stop_) {
    lock.unlock();
    const bool more = PollOnce();
    lock.lock();
    if (!more) stop_cv_.wait_for(lock, options_.interval, [this] { return stop_; });
  }
}

}  // namespace hd::storage
