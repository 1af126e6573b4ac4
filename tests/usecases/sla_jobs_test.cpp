// The scheduler: jobs run when their interval has passed on the clock, and
// only on the instance holding the job's lease in the database.
#include <gtest/gtest.h>

#include "jobs/scheduler.hpp"
#include "jobs/sla_job.hpp"
#include "service/job_leases.hpp"
#include "sla_env.hpp"

namespace hd::testing {
namespace {

using namespace std::chrono_literals;

class SlaJobs : public SlaTest {};

TEST_F(SlaJobs, JobRunsAgainOnlyAfterItsIntervalOnTheClock) {
  jobs::Scheduler scheduler(*store_, clock_, {"a", 300s, 10ms});
  int runs = 0;
  scheduler.Add({"count", 30s, [&] {
                   ++runs;
                   return Ok();
                 }});
  EXPECT_EQ(scheduler.RunDue(), 1);
  EXPECT_EQ(scheduler.RunDue(), 0);
  clock_.Advance(29s);
  EXPECT_EQ(scheduler.RunDue(), 0);
  clock_.Advance(1s);
  EXPECT_EQ(scheduler.RunDue(), 1);
  EXPECT_EQ(runs, 2);
}

TEST_F(SlaJobs, AnotherInstanceHoldingTheLeaseKeepsTheJobFromRunning) {
  service::JobLeases leases(*store_, clock_);
  ASSERT_TRUE(*leases.Claim("count", "other-instance", 60s));
  jobs::Scheduler scheduler(*store_, clock_, {"a", 300s, 10ms});
  int runs = 0;
  scheduler.Add({"count", 1s, [&] {
                   ++runs;
                   return Ok();
                 }});
  EXPECT_EQ(scheduler.RunDue(), 0);
  clock_.Advance(61s);  // the other instance's lease has expired
  EXPECT_EQ(scheduler.RunDue(), 1);
  EXPECT_EQ(runs, 1);
}

TEST_F(SlaJobs, SlaJobRaisesTheBreachOfAnOverdueTicket) {
  const auto customer = Make("vip@example.com");
  AddLicence("vip@example.com", "Business", "2025-06-01", "vip");
  clock_.Set(Msk(2026, 1, 14, 10));
  const core::Ticket t = Open(customer);
  jobs::Scheduler scheduler(*store_, clock_, {"a", 300s, 10ms});
  scheduler.Add(jobs::SlaJob(s_->sla_monitor, 30s));
  clock_.Set(Msk(2026, 1, 14, 12, 5));
  EXPECT_EQ(scheduler.RunDue(), 1);
  EXPECT_EQ(s_->tickets.Get(agent_, t.id)->sla->state, core::SlaState::kBreached);
  const auto events = s_->conversation.History(agent_, t.id).value();
  EXPECT_EQ(
      std::count_if(events.begin(), events.end(),
                    [](const core::Event& e) { return e.kind == core::EventKind::kSlaBreached; }),
      1);
}

}  // namespace
}  // namespace hd::testing
