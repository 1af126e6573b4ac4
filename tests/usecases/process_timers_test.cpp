// Timed transitions of the business process: the process job fires each one
// when it is due, as the system, with history, exactly once.
#include <thread>

#include "jobs/process_job.hpp"
#include "jobs/scheduler.hpp"
#include "process_env.hpp"

namespace hd::testing {
namespace {

using namespace std::chrono_literals;
using core::EventKind;
using core::TicketStatus;

class ProcessTimers : public Process {
 protected:
  int RunTimers() {
    auto scan = s_->process_timers.RunOnce(100);
    EXPECT_TRUE(scan.ok()) << scan.error().message;
    EXPECT_TRUE(scan->failures.empty()) << scan->failures.front();
    return scan->fired;
  }

  core::Ticket FaqAnswered(const std::string& subject = "How do I export?") {
    return MustFire(l1_, Open(anna_, subject), "answer_from_faq",
                    {{"faq_article", "https://example.com/faq/export"}});
  }

  int Fired(const core::Ticket& t, const std::string& transition) {
    int n = 0;
    for (const auto& e : History(t)) {
      n += e.kind == EventKind::kTransitionFired && e.field == transition ? 1 : 0;
    }
    return n;
  }
};

TEST_F(ProcessTimers, FaqAnswerClosesByItselfWhenTheCustomerStaysSilent) {
  auto t = FaqAnswered();
  clock_.Advance(71h);
  EXPECT_EQ(RunTimers(), 0);
  EXPECT_EQ(s_->tickets.Get(l1_, t.id)->process->state, "faq_answered");
  clock_.Advance(1h + 1s);
  EXPECT_EQ(RunTimers(), 1);
  auto now = s_->tickets.Get(l1_, t.id).value();
  EXPECT_EQ(now.process->state, "closed");
  EXPECT_EQ(now.status, TicketStatus::kClosed);
  const auto history = History(t);
  auto fired = std::find_if(history.begin(), history.end(), [](const core::Event& e) {
    return e.kind == EventKind::kTransitionFired && e.field == "close_faq_answered";
  });
  ASSERT_NE(fired, history.end());
  EXPECT_FALSE(fired->actor_id.has_value());  // the system
  EXPECT_EQ(fired->old_value, "faq_answered");
  EXPECT_EQ(RunTimers(), 0);  // nothing left to fire
}

TEST_F(ProcessTimers, ACustomerObjectionStopsTheTimer) {
  auto t = FaqAnswered();
  clock_.Advance(10h);
  MustFire(anna_, t, "customer_objects", {{"customer_comment", "Not my question"}});
  clock_.Advance(200h);
  EXPECT_EQ(RunTimers(), 0);
  EXPECT_EQ(s_->tickets.Get(l1_, t.id)->process->state, "l1_technical");
}

TEST_F(ProcessTimers, SilentCustomerIsAnsweredAndClosedInTheOperatorsName) {
  auto t = MustFire(l1_, Open(anna_), "take_technical");
  t = MustFire(l1_, t, "ask_customer");
  const auto replies_before = s_->conversation.List(anna_, t.id)->size();
  clock_.Advance(336h + 1s);
  EXPECT_EQ(RunTimers(), 1);
  auto now = s_->tickets.Get(anna_, t.id).value();
  EXPECT_EQ(now.process->state, "closed");
  auto messages = s_->conversation.List(anna_, t.id).value();
  ASSERT_EQ(messages.size(), replies_before + 1);
  EXPECT_EQ(messages.back().author_id, l1_.id);
  EXPECT_FALSE(messages.back().internal);
  EXPECT_FALSE(messages.back().body.empty());
}

TEST_F(ProcessTimers, SilentCustomerConfirmsTheSolution) {
  auto t = MustFire(l1_, Open(anna_), "take_technical");
  t = MustFire(l1_, t, "answer_technical", {{"resolution", "Clear the cache"}});
  ASSERT_EQ(t.process->state, "awaiting_confirmation");
  clock_.Advance(120h + 1s);
  EXPECT_EQ(RunTimers(), 1);
  EXPECT_EQ(Fired(t, "confirm_resolution"), 1);
  EXPECT_EQ(s_->tickets.Get(anna_, t.id)->status, TicketStatus::kClosed);
}

TEST_F(ProcessTimers, SeveralInstancesFireEachDueTransitionOnce) {
  std::vector<core::Ticket> tickets;
  for (int i = 0; i < 6; ++i) tickets.push_back(FaqAnswered("question " + std::to_string(i)));
  clock_.Advance(73h);
  // Three instances over one database, each with its own use case and job.
  std::vector<std::unique_ptr<service::ProcessTimers>> instances;
  for (int i = 0; i < 3; ++i) {
    instances.push_back(std::make_unique<service::ProcessTimers>(*store_, s_->processes, clock_));
  }
  std::vector<std::thread> threads;
  for (auto& timers : instances) {
    threads.emplace_back([&timers] {
      for (int round = 0; round < 3; ++round) EXPECT_TRUE(timers->RunOnce(100).ok());
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& t : tickets) {
    EXPECT_EQ(Fired(t, "close_faq_answered"), 1) << t.subject;
    EXPECT_EQ(s_->tickets.Get(l1_, t.id)->process->state, "closed");
  }
}

TEST_F(ProcessTimers, TheProcessJobFiresDueTransitionsOnItsSchedule) {
  auto t = FaqAnswered();
  jobs::Scheduler scheduler(*store_, clock_, {"a", 300s, 10ms});
  scheduler.Add(jobs::ProcessJob(s_->process_timers, 60s));
  EXPECT_EQ(scheduler.RunDue(), 1);
  EXPECT_EQ(s_->tickets.Get(l1_, t.id)->process->state, "faq_answered");
  clock_.Advance(73h);
  EXPECT_EQ(scheduler.RunDue(), 1);
  EXPECT_EQ(s_->tickets.Get(l1_, t.id)->process->state, "closed");
}

}  // namespace
}  // namespace hd::testing
