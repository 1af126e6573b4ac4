#include "storage/postgres/pg_event_feed.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <limits>
#include <unordered_set>
#include <utility>
#include <vector>

namespace hd::storage {

namespace {

using SteadyClock = std::chrono::steady_clock;

// Ids further apart than this are read back with separate range queries.
constexpr std::int64_t kRunGap = 256;
// Events read per query when catching up after a reconnection.
constexpr int kCatchUpPage = 1000;
// Pages read at most when catching up; older gaps are left to the clients'
// own resumption by id.
constexpr int kCatchUpPages = 20;
// How many delivered ids are remembered to refuse a second delivery.
constexpr std::size_t kRecentIds = 1 << 16;

constexpr core::EventId kNoLimit{std::numeric_limits<std::int64_t>::max()};

// The ids delivered lately, oldest first.
class RecentIds {
 public:
  bool Contains(std::int64_t id) const { return set_.count(id) != 0; }
  void Add(std::int64_t id) {
    if (!set_.insert(id).second) return;
    order_.push_back(id);
    if (order_.size() > kRecentIds) {
      set_.erase(order_.front());
      order_.pop_front();
    }
  }

 private:
  std::unordered_set<std::int64_t> set_;
  std::deque<std::int64_t> order_;
};

}  // namespace

// The dedicated LISTEN connection.
class PostgresEventFeed::Listener {
 public:
  explicit Listener(const PostgresEventFeedOptions& options) : options_(options) {}
  ~Listener() { Close(); }
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;

  bool connected() const { return conn_ != nullptr; }
  const std::string& error() const { return error_; }

  // Connects and LISTENs; false (with error()) when either fails.
  bool Connect() {
    Close();
    const std::string timeout = std::to_string(options_.connect_timeout_seconds);
    const char* keys[] = {"connect_timeout", "application_name", "dbname", nullptr};
    const char* values[] = {timeout.c_str(), "helpdesk-listen", options_.url.c_str(), nullptr};
    conn_ = PQconnectdbParams(keys, values, 1);
    if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) return Fail();
    const std::string listen = "LISTEN " + std::string(kEventChannel);
    PGresult* result = PQexec(conn_, listen.c_str());
    const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
    PQclear(result);
    if (!ok) return Fail();
    last_activity_ = SteadyClock::now();
    return true;
  }

  void Close() {
    if (conn_ != nullptr) PQfinish(conn_);
    conn_ = nullptr;
  }

  // Waits up to wait_slice for notifications and appends their ids to
  // `ids`; false when the connection broke.
  bool Wait(std::vector<std::int64_t>& ids) {
    pollfd fd{PQsocket(conn_), POLLIN, 0};
    const int ready = poll(&fd, 1, static_cast<int>(options_.wait_slice.count()));
    if (ready < 0) return true;  // interrupted: try again
    if (ready > 0) {
      if (PQconsumeInput(conn_) == 0) return Fail();
      last_activity_ = SteadyClock::now();
    } else if (SteadyClock::now() - last_activity_ >= options_.probe_interval) {
      if (!Probe()) return false;
    }
    while (PGnotify* note = PQnotifies(conn_)) {
      const std::int64_t id = std::strtoll(note->extra, nullptr, 10);
      if (id > 0) ids.push_back(id);
      PQfreemem(note);
    }
    return PQstatus(conn_) == CONNECTION_OK || Fail();
  }

 private:
  bool Probe() {
    PGresult* result = PQexec(conn_, "SELECT 1");
    const bool ok = PQresultStatus(result) == PGRES_TUPLES_OK;
    PQclear(result);
    last_activity_ = SteadyClock::now();
    return ok || Fail();
  }

  bool Fail() {
    error_ = conn_ != nullptr ? PQerrorMessage(conn_) : "out of memory";
    while (!error_.empty() && (error_.back() == '\n' || error_.back() == ' ')) error_.pop_back();
    Close();
    return false;
  }

  const PostgresEventFeedOptions& options_;
  PGconn* conn_ = nullptr;
  std::string error_;
  SteadyClock::time_point last_activity_;
};

namespace {

// Reads back the events with the given ids (sorted, unique): one range
// query per run of close ids. kUnavailable when the store cannot be read.
Result<std::vector<core::Event>> ReadEvents(core::ports::Store& store,
                                            const std::vector<std::int64_t>& ids) {
  std::vector<core::Event> out;
  Status s = store.Read([&](core::ports::Tx& tx) -> Status {
    out.clear();
    std::size_t begin = 0;
    while (begin < ids.size()) {
      std::size_t end = begin + 1;
      while (end < ids.size() && ids[end] - ids[end - 1] <= kRunGap) ++end;
      const std::int64_t first = ids[begin];
      const std::int64_t last = ids[end - 1];
      HD_ASSIGN_OR_RETURN(auto run,
                          tx.Events().ListAfter(core::EventId(first - 1), core::EventId(last),
                                                static_cast<int>(last - first + 1)));
      for (core::Event& e : run) {
        if (std::binary_search(ids.begin() + static_cast<std::ptrdiff_t>(begin),
                               ids.begin() + static_cast<std::ptrdiff_t>(end), e.id.value)) {
          out.push_back(std::move(e));
        }
      }
      begin = end;
    }
    return Ok();
  });
  if (!s.ok()) return s.error();
  return out;
}

// What the listening thread remembers between notifications: the highest id
// handed on, the ids handed on lately, and ids still to read back.
class Pump {
 public:
  Pump(core::ports::Store& store, EventFanout& fanout, std::atomic<std::uint64_t>& delivered)
      : store_(store), fanout_(fanout), delivered_(delivered) {}

  // Called after each (re)connection, once LISTEN is in place: the first
  // time it only learns where the events end; later it reads the events
  // above the cursor that were missed while the feed was away.
  void Resume() {
    if (!started_) {
      auto last = LastId();
      if (last.ok()) cursor_ = *last;
      started_ = last.ok();
      return;
    }
    for (int page = 0; page < kCatchUpPages; ++page) {
      std::vector<core::Event> batch;
      Status s = store_.Read([&](core::ports::Tx& tx) -> Status {
        HD_ASSIGN_OR_RETURN(batch,
                            tx.Events().ListAfter(core::EventId(cursor_), kNoLimit, kCatchUpPage));
        return Ok();
      });
      if (!s.ok() || batch.empty()) return;
      const bool full = static_cast<int>(batch.size()) >= kCatchUpPage;
      Hand(std::move(batch));
      if (!full) return;
    }
  }

  // Reads back and hands on the notified ids (with any still pending from
  // a failed read); keeps them pending when the store cannot be read.
  void Notified(std::vector<std::int64_t>& ids) {
    pending_.insert(pending_.end(), ids.begin(), ids.end());
    ids.clear();
    if (pending_.empty()) return;
    std::sort(pending_.begin(), pending_.end());
    pending_.erase(std::unique(pending_.begin(), pending_.end()), pending_.end());
    pending_.erase(std::remove_if(pending_.begin(), pending_.end(),
                                  [&](std::int64_t id) { return recent_.Contains(id); }),
                   pending_.end());
    if (fanout_.size() == 0) {
      // Nobody listens: remember where the events are, read nothing.
      if (!pending_.empty()) cursor_ = std::max(cursor_, pending_.back());
      pending_.clear();
      return;
    }
    if (pending_.empty()) return;
    auto events = ReadEvents(store_, pending_);
    if (!events.ok()) return;
    pending_.clear();
    Hand(std::move(events).value());
  }

 private:
  Result<std::int64_t> LastId() {
    std::int64_t last = 0;
    Status s = store_.Read([&](core::ports::Tx& tx) -> Status {
      HD_ASSIGN_OR_RETURN(core::EventId id, tx.Events().LastId());
      last = id.value;
      return Ok();
    });
    if (!s.ok()) return s.error();
    return last;
  }

  void Hand(std::vector<core::Event> batch) {
    batch.erase(std::remove_if(batch.begin(), batch.end(),
                               [&](const core::Event& e) { return recent_.Contains(e.id.value); }),
                batch.end());
    if (batch.empty()) return;
    for (const core::Event& e : batch) {
      recent_.Add(e.id.value);
      cursor_ = std::max(cursor_, e.id.value);
    }
    fanout_.Deliver(batch);
    delivered_.fetch_add(batch.size());
  }

  core::ports::Store& store_;
  EventFanout& fanout_;
  std::atomic<std::uint64_t>& delivered_;
  bool started_ = false;
  std::int64_t cursor_ = 0;
  RecentIds recent_;
  std::vector<std::int64_t> pending_;
};

}  // namespace

PostgresEventFeed::PostgresEventFeed(core::ports::Store& store, PostgresEventFeedOptions options)
    : store_(store), options_(std::move(options)), thread_([this] { Loop(); }) {}

PostgresEventFeed::~PostgresEventFeed() {
  stop_.store(true);
  thread_.join();
}

std::unique_ptr<core::ports::EventFeedSubscription> PostgresEventFeed::Subscribe(
    core::ports::EventSink sink) {
  return fanout_.Subscribe(std::move(sink));
}

PostgresEventFeedStats PostgresEventFeed::stats() const {
  return PostgresEventFeedStats{listening_.load(), connects_.load(), delivered_.load()};
}

void PostgresEventFeed::Loop() {
  Listener listener(options_);
  Pump pump(store_, fanout_, delivered_);
  auto pause = options_.reconnect_min;
  bool lost_logged = false;
  std::vector<std::int64_t> ids;
  while (!stop_.load()) {
    if (!listener.connected()) {
      if (!listener.Connect()) {
        if (!lost_logged && options_.log)
          options_.log("live updates: cannot LISTEN: " + listener.error());
        lost_logged = true;
        for (auto waited = std::chrono::milliseconds(0); waited < pause && !stop_.load();
             waited += options_.wait_slice) {
          std::this_thread::sleep_for(std::min(options_.wait_slice, pause));
        }
        pause = std::min(pause * 2, options_.reconnect_max);
        continue;
      }
      pause = options_.reconnect_min;
      lost_logged = false;
      connects_.fetch_add(1);
      listening_.store(true);
      if (connects_.load() > 1 && options_.log) options_.log("live updates: listening again");
      pump.Resume();
    }
    if (!listener.Wait(ids)) {
      listening_.store(false);
      if (options_.log)
        options_.log("live updates: lost the LISTEN connection: " + listener.error());
      lost_logged = true;
      continue;
    }
    pump.Notified(ids);
  }
}

}  // namespace hd::storage
