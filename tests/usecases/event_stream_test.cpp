// Live updates as a use case: who is sent which ticket events, resuming
// after a break, and what happens without a feed. Runs on SQLite.
#include "service/event_stream.hpp"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "env.hpp"
#include "storage/polling_event_feed.hpp"

namespace hd::testing {
namespace {

using std::chrono::milliseconds;

// What one subscriber was sent.
class Inbox {
 public:
  service::EventStreamSink Sink() {
    service::EventStreamSink sink;
    sink.events = [this](const std::vector<core::Event>& events) {
      std::lock_guard lock(mu_);
      events_.insert(events_.end(), events.begin(), events.end());
      changed_.notify_all();
    };
    sink.reset = [this] {
      std::lock_guard lock(mu_);
      ++resets_;
    };
    return sink;
  }
  // Waits until an event of `ticket` with `kind` arrived (or 10 s passed).
  bool WaitFor(core::TicketId ticket, core::EventKind kind) {
    std::unique_lock lock(mu_);
    return changed_.wait_for(lock, std::chrono::seconds(10), [&] {
      for (const auto& e : events_) {
        if (e.ticket_id == ticket && e.kind == kind) return true;
      }
      return false;
    });
  }
  std::vector<core::Event> events() {
    std::lock_guard lock(mu_);
    return events_;
  }
  int resets() {
    std::lock_guard lock(mu_);
    return resets_;
  }

 private:
  std::mutex mu_;
  std::condition_variable changed_;
  std::vector<core::Event> events_;
  int resets_ = 0;
};

bool Has(const std::vector<core::Event>& events, core::TicketId ticket) {
  for (const auto& e : events) {
    if (e.ticket_id == ticket) return true;
  }
  return false;
}

class EventStreamTest : public UseCaseTest {
 protected:
  void SetUp() override {
    UseCaseTest::SetUp();
    storage::PollingEventFeedOptions options;
    options.interval = milliseconds(5);
    feed_ = std::make_unique<storage::PollingEventFeed>(*store_, options);
    s_->events.UseFeed(*feed_);
  }
  void TearDown() override {
    s_.reset();  // subscriptions and the use case end before the feed
    feed_.reset();
    UseCaseTest::TearDown();
  }

  std::unique_ptr<storage::PollingEventFeed> feed_;
};

TEST_F(EventStreamTest, CustomerIsSentOnlyPublicEventsOfTheirOwnTickets) {
  const auto ann = Make("ann@example.com");
  const auto bob = Make("bob@example.com");
  const auto agent = Make("agent@example.com", core::Role::kL1Operator);
  Inbox ann_inbox, agent_inbox;
  auto ann_sub = s_->events.Subscribe(ann, std::nullopt, ann_inbox.Sink());
  auto agent_sub = s_->events.Subscribe(agent, std::nullopt, agent_inbox.Sink());
  ASSERT_TRUE(ann_sub.ok() && agent_sub.ok());
  const auto bobs = Open(bob, "Bob's printer");
  const auto anns = Open(ann, "Ann's scanner");
  ASSERT_TRUE(s_->conversation.Post(agent, anns.id, {"check the cable", true}).ok());
  ASSERT_TRUE(s_->conversation.Post(agent, anns.id, {"We are on it", false}).ok());
  ASSERT_TRUE(agent_inbox.WaitFor(anns.id, core::EventKind::kReplied));
  ASSERT_TRUE(ann_inbox.WaitFor(anns.id, core::EventKind::kReplied));
  const auto seen = ann_inbox.events();
  EXPECT_FALSE(Has(seen, bobs.id));
  for (const auto& e : seen) EXPECT_FALSE(e.internal) << core::ToString(e.kind);
  const auto staff = agent_inbox.events();
  EXPECT_TRUE(Has(staff, bobs.id));
  EXPECT_TRUE(std::any_of(staff.begin(), staff.end(), [](const core::Event& e) {
    return e.kind == core::EventKind::kNoteAdded;
  }));
}

TEST_F(EventStreamTest, ResumesAfterTheLastEventIdWithoutDuplicates) {
  const auto ann = Make("ann@example.com");
  const auto first = Open(ann, "First");
  const auto history = s_->conversation.History(ann, first.id);
  ASSERT_TRUE(history.ok() && !history->empty());
  const core::EventId last_seen = history->back().id;
  const auto missed = Open(ann, "Missed while away");
  Inbox inbox;
  auto sub = s_->events.Subscribe(ann, last_seen, inbox.Sink());
  ASSERT_TRUE(sub.ok()) << sub.error().message;
  const auto live = Open(ann, "Live");
  ASSERT_TRUE(inbox.WaitFor(live.id, core::EventKind::kCreated));
  std::this_thread::sleep_for(milliseconds(50));
  const auto events = inbox.events();
  EXPECT_FALSE(Has(events, first.id));
  EXPECT_TRUE(Has(events, missed.id));
  for (std::size_t i = 1; i < events.size(); ++i) {
    EXPECT_LT(events[i - 1].id, events[i].id);  // in order, none twice
  }
}

// A feed the test delivers by hand, to stand for one shared with earlier
// subscribers whose next batch still holds events from before a resumption.
class HandFeed final : public core::ports::EventFeed {
 public:
  std::unique_ptr<core::ports::EventFeedSubscription> Subscribe(
      core::ports::EventSink sink) override {
    sink_ = std::move(sink);
    return std::make_unique<core::ports::EventFeedSubscription>();
  }
  void Deliver(const std::vector<core::Event>& batch) { sink_(batch); }

 private:
  core::ports::EventSink sink_;
};

TEST_F(EventStreamTest, NeverSendsEventsFromBeforeTheResumePointALaggingFeedDelivers) {
  HandFeed hand;
  s_->events.UseFeed(hand);
  const auto ann = Make("ann@example.com");
  const auto first = Open(ann, "First");
  const auto before = s_->conversation.History(ann, first.id);
  ASSERT_TRUE(before.ok() && !before->empty());
  const core::EventId last_seen = before->back().id;
  const auto live = Open(ann, "Live");
  const auto after = s_->conversation.History(ann, live.id);
  ASSERT_TRUE(after.ok() && !after->empty());
  Inbox inbox;
  auto sub = s_->events.Subscribe(ann, last_seen, inbox.Sink());
  ASSERT_TRUE(sub.ok()) << sub.error().message;
  const auto replayed = inbox.events().size();
  EXPECT_TRUE(Has(inbox.events(), live.id));
  std::vector<core::Event> lagging = *before;
  lagging.insert(lagging.end(), after->begin(), after->end());
  hand.Deliver(lagging);  // the feed catches up on both tickets only now
  const auto events = inbox.events();
  EXPECT_FALSE(Has(events, first.id));
  EXPECT_EQ(events.size(), replayed);  // the live ticket's events came once, by the replay
}

TEST_F(EventStreamTest, AsksForAReloadWhenTheGapIsLongerThanTheReplay) {
  const auto agent = Make("agent@example.com", core::Role::kL1Operator);
  const auto ticket = Open(agent, "Busy");
  ASSERT_TRUE(store_
                  ->Write([&](core::ports::Tx& tx) -> Status {
                    for (int i = 0; i <= service::EventStream::kReplayLimit; ++i) {
                      core::Event e;
                      e.ticket_id = ticket.id;
                      e.kind = core::EventKind::kFieldChanged;
                      HD_RETURN_IF_ERROR(tx.Events().Append(e));
                    }
                    return Ok();
                  })
                  .ok());
  Inbox inbox;
  auto sub = s_->events.Subscribe(agent, core::EventId(0), inbox.Sink());
  ASSERT_TRUE(sub.ok());
  EXPECT_EQ(inbox.resets(), 1);
  EXPECT_TRUE(inbox.events().empty());
}

TEST_F(EventStreamTest, StopsSendingOnceUnsubscribed) {
  const auto ann = Make("ann@example.com");
  Inbox inbox;
  auto sub = s_->events.Subscribe(ann, std::nullopt, inbox.Sink());
  ASSERT_TRUE(sub.ok());
  const auto first = Open(ann, "First");
  ASSERT_TRUE(inbox.WaitFor(first.id, core::EventKind::kCreated));
  EXPECT_EQ(s_->events.subscribers(), 1u);
  sub->reset();
  EXPECT_EQ(s_->events.subscribers(), 0u);
  const auto count = inbox.events().size();
  Open(ann, "Second");
  std::this_thread::sleep_for(milliseconds(50));
  EXPECT_EQ(inbox.events().size(), count);
}

TEST(EventStreamWithoutFeed, IsUnavailable) {
  class NoStore final : public core::ports::Store {
   public:
    Status Read(const core::ports::TxFn&) override { return Error::Unavailable("none"); }
    Status Write(const core::ports::TxFn&) override { return Error::Unavailable("none"); }
    Status Ping() override { return Ok(); }
  } store;
  service::EventStream stream(store);
  auto sub = stream.Subscribe(service::Actor{}, std::nullopt, {});
  ASSERT_FALSE(sub.ok());
  EXPECT_EQ(sub.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace hd::testing
