#include "storage/event_fanout.hpp"

#include <utility>

namespace hd::storage {

class EventFanout::Subscription final : public core::ports::EventFeedSubscription {
 public:
  Subscription(EventFanout& fanout, std::uint64_t id) : fanout_(fanout), id_(id) {}
  ~Subscription() override { fanout_.Remove(id_); }
  Subscription(const Subscription&) = delete;
  Subscription& operator=(const Subscription&) = delete;

 private:
  EventFanout& fanout_;
  const std::uint64_t id_;
};

std::unique_ptr<core::ports::EventFeedSubscription> EventFanout::Subscribe(
    core::ports::EventSink sink) {
  std::lock_guard lock(mu_);
  const std::uint64_t id = next_id_++;
  sinks_.emplace(id, std::move(sink));
  return std::make_unique<Subscription>(*this, id);
}

void EventFanout::Deliver(const std::vector<core::Event>& batch) {
  if (batch.empty()) return;
  std::lock_guard lock(mu_);
  for (auto& [id, sink] : sinks_) sink(batch);
}

std::size_t EventFanout::size() const {
  std::lock_guard lock(mu_);
  return sinks_.size();
}

void EventFanout::Remove(std::uint64_t id) {
  std::lock_guard lock(mu_);
  sinks_.erase(id);
}

}  // namespace hd::storage
