#include "service/event_stream.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <utility>

#include "service/access.hpp"
#include "service/visibility.hpp"

namespace hd::service {

namespace {

constexpr core::EventId kNoLimit{std::numeric_limits<std::int64_t>::max()};

// The events of `events` that `actor` may read, in their order. Each ticket
// is looked up once, with the same rules as reading its history; a
// customer is sent support's transitions on their ticket without content.
Result<std::vector<core::Event>> Readable(core::ports::Tx& tx, const Actor& actor,
                                          const std::vector<core::Event>& events) {
  std::map<std::int64_t, bool> readable;
  std::vector<core::Event> out;
  for (const core::Event& e : events) {
    const bool hidden = e.internal && !CanSeeInternal(actor);
    if (hidden && e.kind != core::EventKind::kTransitionFired) continue;
    auto it = readable.find(e.ticket_id.value);
    if (it == readable.end()) {
      auto ticket = LoadReadableTicket(tx, actor, e.ticket_id);
      if (!ticket.ok() && ticket.error().code != ErrorCode::kNotFound) return ticket.error();
      it = readable.emplace(e.ticket_id.value, ticket.ok()).first;
    }
    if (!it->second) continue;
    if (hidden) {
      // Support moved the ticket on: say only that, so the customer's page
      // reads the ticket's new customer-facing state.
      out.push_back(core::Event{e.id, e.ticket_id, std::nullopt, e.at, e.kind, "", "", "", false});
    } else {
      out.push_back(e);
    }
  }
  return out;
}

}  // namespace

// One subscriber. Its sink is called with `mu` held, so calls never overlap
// and none starts once `closed` is set.
struct EventStream::Client {
  Client(Actor a, EventStreamSink s, std::optional<core::EventId> after)
      : actor(std::move(a)), sink(std::move(s)), floor(after.value_or(core::EventId(0)).value) {
    replaying = after.has_value();
  }

  // Hands on live events, except those the replay already sent; while the
  // replay runs they wait in `held`.
  void Send(const std::vector<core::Event>& events) {
    std::lock_guard lock(mu);
    if (closed) return;
    if (replaying) {
      held.insert(held.end(), events.begin(), events.end());
      return;
    }
    SendFresh(events);
  }

  // Sends the events the client has not seen: none at or before the id it
  // resumed after (a feed shared with earlier subscribers may still be
  // delivering those), none the replay sent. Called with `mu` held.
  void SendFresh(const std::vector<core::Event>& events) {
    std::vector<core::Event> fresh;
    for (const core::Event& e : events) {
      if (e.id.value <= floor) continue;
      if (std::binary_search(replayed.begin(), replayed.end(), e.id.value)) continue;
      fresh.push_back(e);
    }
    if (!fresh.empty() && sink.events) sink.events(fresh);
  }

  void Lose() {
    std::lock_guard lock(mu);
    if (closed) return;
    closed = true;
    if (sink.lost) sink.lost();
  }

  const Actor actor;
  const EventStreamSink sink;
  const std::int64_t floor;  // the id resumed after; 0 for a fresh stream
  std::mutex mu;
  bool closed = false;                 // guarded by mu
  bool replaying = false;              // guarded by mu
  std::vector<core::Event> held;       // guarded by mu
  std::vector<std::int64_t> replayed;  // guarded by mu; sorted ids the replay sent
};

class EventStream::Subscription final : public EventStreamSubscription {
 public:
  Subscription(EventStream& stream, std::shared_ptr<Client> client)
      : stream_(stream), client_(std::move(client)) {}
  ~Subscription() override { stream_.Unregister(client_); }
  Subscription(const Subscription&) = delete;
  Subscription& operator=(const Subscription&) = delete;

 private:
  EventStream& stream_;
  std::shared_ptr<Client> client_;
};

EventStream::EventStream(core::ports::Store& store) : store_(store) {}

EventStream::~EventStream() {
  std::lock_guard lock(feed_mu_);
  feed_subscription_.reset();
}

void EventStream::UseFeed(core::ports::EventFeed& feed) {
  std::lock_guard lock(feed_mu_);
  feed_ = &feed;
}

std::size_t EventStream::subscribers() const {
  std::lock_guard lock(clients_mu_);
  return clients_.size();
}

Result<std::unique_ptr<EventStreamSubscription>> EventStream::Subscribe(
    const Actor& actor, std::optional<core::EventId> after, EventStreamSink sink) {
  auto client = std::make_shared<Client>(actor, std::move(sink), after);
  HD_RETURN_IF_ERROR(Register(client));
  auto subscription = std::make_unique<Subscription>(*this, client);
  if (after) HD_RETURN_IF_ERROR(Replay(*client, *after));
  return std::unique_ptr<EventStreamSubscription>(std::move(subscription));
}

Status EventStream::Register(const std::shared_ptr<Client>& client) {
  std::lock_guard feed_lock(feed_mu_);
  if (feed_ == nullptr) return Error::Unavailable("live updates are not running");
  if (!feed_subscription_) {
    feed_subscription_ =
        feed_->Subscribe([this](const std::vector<core::Event>& batch) { OnBatch(batch); });
  }
  std::lock_guard lock(clients_mu_);
  clients_.push_back(client);
  return Ok();
}

void EventStream::Unregister(const std::shared_ptr<Client>& client) {
  {
    std::lock_guard lock(client->mu);
    client->closed = true;
  }
  std::lock_guard feed_lock(feed_mu_);
  std::unique_ptr<core::ports::EventFeedSubscription> idle;
  {
    std::lock_guard lock(clients_mu_);
    clients_.erase(std::remove(clients_.begin(), clients_.end(), client), clients_.end());
    if (clients_.empty()) idle = std::move(feed_subscription_);
  }
  // `idle` ends here: it waits for a delivery in progress, which takes
  // clients_mu_ and client locks but never feed_mu_, so it cannot wait on us.
}

Status EventStream::Replay(Client& client, core::EventId after) {
  std::vector<core::Event> replay;
  bool truncated = false;
  HD_RETURN_IF_ERROR(store_.Read([&](core::ports::Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(auto stored, tx.Events().ListAfter(after, kNoLimit, kReplayLimit + 1));
    truncated = stored.size() > static_cast<std::size_t>(kReplayLimit);
    if (truncated) return Ok();
    HD_ASSIGN_OR_RETURN(replay, Readable(tx, client.actor, stored));
    return Ok();
  }));
  std::lock_guard lock(client.mu);
  if (client.closed) return Ok();
  if (truncated && client.sink.reset) client.sink.reset();
  if (!replay.empty() && client.sink.events) client.sink.events(replay);
  for (const core::Event& e : replay) client.replayed.push_back(e.id.value);
  std::sort(client.replayed.begin(), client.replayed.end());
  client.replaying = false;
  std::vector<core::Event> held = std::move(client.held);
  client.held.clear();
  client.SendFresh(held);
  return Ok();
}

void EventStream::OnBatch(const std::vector<core::Event>& batch) {
  std::vector<std::shared_ptr<Client>> clients;
  {
    std::lock_guard lock(clients_mu_);
    clients = clients_;
  }
  if (clients.empty()) return;
  std::map<std::int64_t, std::vector<core::Event>> by_user;  // what each user may read
  Status s = store_.Read([&](core::ports::Tx& tx) -> Status {
    by_user.clear();
    for (const auto& client : clients) {
      if (by_user.count(client->actor.id.value) != 0) continue;
      HD_ASSIGN_OR_RETURN(auto readable, Readable(tx, client->actor, batch));
      by_user.emplace(client->actor.id.value, std::move(readable));
    }
    return Ok();
  });
  for (const auto& client : clients) {
    if (!s.ok()) {
      client->Lose();
      continue;
    }
    const auto& readable = by_user[client->actor.id.value];
    if (!readable.empty()) client->Send(readable);
  }
}

}  // namespace hd::service
