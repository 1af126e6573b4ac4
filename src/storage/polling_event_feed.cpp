#include "storage/polling_event_feed.hpp"

#include <pthread.h>

#include <algorithm>
#include <limits>
#include <utility>

namespace hd::storage {

namespace {

constexpr core::EventId kNoLimit{std::numeric_limits<std::int64_t>::max()};
// Gaps remembered at most; beyond it the oldest are no longer waited for.
constexpr std::size_t kMaxGaps = 10000;

}  // namespace

PollingEventFeed::PollingEventFeed(core::ports::Store& store, PollingEventFeedOptions options)
    : store_(store), options_(options), thread_([this] {
        pthread_setname_np(pthread_self(), "hd-events");  // shown by top -H, perf, gdb
        Loop();
      }) {}

PollingEventFeed::~PollingEventFeed() {
  {
    std::lock_guard lock(stop_mu_);
    stop_ = true;
  }
  stop_cv_.notify_all();
  thread_.join();
}

std::unique_ptr<core::ports::EventFeedSubscription> PollingEventFeed::Subscribe(
    core::ports::EventSink sink) {
  std::lock_guard lock(mu_);
  if (fanout_.size() == 0) {
    // Nobody was listening, so cursor_ may be far behind: start from now.
    core::EventId last{0};
    Status s = store_.Read([&](core::ports::Tx& tx) -> Status {
      HD_ASSIGN_OR_RETURN(last, tx.Events().LastId());
      return Ok();
    });
    if (s.ok()) {
      cursor_ = last;
      gaps_.clear();
    }
  }
  return fanout_.Subscribe(std::move(sink));
}

Result<std::vector<core::Event>> PollingEventFeed::FillGaps(core::ports::Tx& tx, SteadyTime now) {
  for (auto it = gaps_.begin(); it != gaps_.end();) {
    it = now - it->second >= options_.gap_grace ? gaps_.erase(it) : std::next(it);
  }
  std::vector<core::EventId> ids;
  ids.reserve(gaps_.size());
  for (const auto& [id, since] : gaps_) ids.emplace_back(id);
  HD_ASSIGN_OR_RETURN(auto found, tx.Events().ListByIds(ids));
  for (const core::Event& e : found) gaps_.erase(e.id.value);
  return found;
}

void PollingEventFeed::NoteGaps(const std::vector<core::Event>& events, SteadyTime now) {
  std::int64_t previous = cursor_.value;
  for (const core::Event& e : events) {
    const std::int64_t skipped = e.id.value - previous - 1;
    if (skipped > 0 && skipped <= options_.max_gap_run) {
      for (std::int64_t id = previous + 1; id < e.id.value; ++id) gaps_.emplace(id, now);
    }
    previous = e.id.value;
  }
  while (gaps_.size() > kMaxGaps) gaps_.erase(gaps_.begin());
}

bool PollingEventFeed::PollOnce() {
  std::lock_guard lock(mu_);
  if (fanout_.size() == 0) return false;
  const SteadyTime now = std::chrono::steady_clock::now();
  std::vector<core::Event> late;
  std::vector<core::Event> fresh;
  Status s = store_.Read([&](core::ports::Tx& tx) -> Status {
    if (!gaps_.empty()) {
      HD_ASSIGN_OR_RETURN(late, FillGaps(tx, now));
    }
    HD_ASSIGN_OR_RETURN(fresh, tx.Events().ListAfter(cursor_, kNoLimit, options_.batch));
    return Ok();
  });
  if (!s.ok()) return false;  // a failed read is tried again next round
  const bool full = static_cast<int>(fresh.size()) >= options_.batch;
  if (!fresh.empty()) {
    NoteGaps(fresh, now);
    cursor_ = fresh.back().id;
  }
  if (late.empty()) {
    fanout_.Deliver(fresh);
    return full;
  }
  late.insert(late.end(), fresh.begin(), fresh.end());  // every late id is below the fresh ones
  fanout_.Deliver(late);
  return full;
}

void PollingEventFeed::Loop() {
  std::unique_lock lock(stop_mu_);
  while (!stop_) {
    lock.unlock();
    const bool more = PollOnce();
    lock.lock();
    if (!more) stop_cv_.wait_for(lock, options_.interval, [this] { return stop_; });
  }
}

}  // namespace hd::storage
