// SLA clocks over a ticket's life: pause while waiting for the customer,
// resume on their reply, the first public staff reply meets the target; the
// SLA job's warnings, breaches and escalation; queues by due instant;
// reports.
#include <gtest/gtest.h>

#include <map>

#include "sla_env.hpp"

namespace hd::testing {
namespace {

using core::FormatIso8601;
using core::SlaState;

class SlaClock : public SlaTest {
 protected:
  void SetUp() override {
    SlaTest::SetUp();
    customer_ = Make("vip@example.com");
    AddLicence("vip@example.com", "Business", "2025-06-01", "vip");
    clock_.Set(Msk(2026, 1, 14, 10));  // Wednesday 10:00 Moscow: VIP due 12:00
  }

  core::Ticket Reload(core::TicketId id) { return s_->tickets.Get(agent_, id).value(); }

  static service::ReportInput January() { return {"2026-01-01", "2026-02-01", {}, "", {}, {}}; }

  void Reply(const service::Actor& who, core::TicketId id, bool internal = false) {
    service::PostMessageInput in;
    in.body = "An answer";
    in.internal = internal;
    ASSERT_TRUE(s_->conversation.Post(who, id, in).ok());
  }

  void SetStatus(core::TicketId id, core::TicketStatus status) {
    service::TicketPatch patch;
    patch.status = status;
    ASSERT_TRUE(s_->tickets.Update(agent_, id, patch).ok());
  }

  std::vector<core::Event> History(core::TicketId id) {
    return s_->conversation.History(agent_, id).value();
  }

  static int Count(const std::vector<core::Event>& events, core::EventKind kind) {
    return static_cast<int>(std::count_if(events.begin(), events.end(),
                                          [&](const core::Event& e) { return e.kind == kind; }));
  }

  service::Actor customer_;
};

TEST_F(SlaClock, WaitingForTheCustomerPausesAndTheirReplyResumes) {
  const core::Ticket t = Open(customer_);
  clock_.Set(Msk(2026, 1, 14, 10, 30));
  SetStatus(t.id, core::TicketStatus::kPending);
  clock_.Set(Msk(2026, 1, 14, 11, 0));
  core::Ticket paused = Reload(t.id);
  EXPECT_EQ(paused.sla->state, SlaState::kPaused);
  EXPECT_EQ(paused.sla->remaining_seconds, 90 * 60);
  clock_.Set(Msk(2026, 1, 14, 13, 0));
  EXPECT_EQ(Reload(t.id).sla->remaining_seconds, 90 * 60);  // frozen while paused

  Reply(customer_, t.id);  // the customer answers: the clock runs again
  const core::Ticket resumed = Reload(t.id);
  EXPECT_EQ(resumed.status, core::TicketStatus::kOpen);
  EXPECT_EQ(resumed.sla->state, SlaState::kOk);
  EXPECT_EQ(FormatIso8601(*resumed.sla->first_response_due), "2026-01-14T11:30:00Z");
  EXPECT_EQ(resumed.sla->remaining_seconds, 90 * 60);
}

TEST_F(SlaClock, FirstPublicStaffReplyMeetsTheTargetButAnInternalNoteDoesNot) {
  const core::Ticket t = Open(customer_);
  clock_.Set(Msk(2026, 1, 14, 10, 20));
  Reply(agent_, t.id, /*internal=*/true);
  EXPECT_EQ(Reload(t.id).sla->state, SlaState::kOk);
  Reply(agent_, t.id);
  EXPECT_EQ(Reload(t.id).sla->state, SlaState::kMet);
}

TEST_F(SlaClock, StateTurnsWarningAtEightyPercentAndBreachedAtTheDueInstant) {
  const core::Ticket t = Open(customer_);
  clock_.Set(Msk(2026, 1, 14, 11, 35));
  EXPECT_EQ(Reload(t.id).sla->state, SlaState::kOk);
  clock_.Set(Msk(2026, 1, 14, 11, 36));
  EXPECT_EQ(Reload(t.id).sla->state, SlaState::kWarning);
  clock_.Set(Msk(2026, 1, 14, 12, 30));
  const core::Ticket late = Reload(t.id);
  EXPECT_EQ(late.sla->state, SlaState::kBreached);
  EXPECT_EQ(late.sla->remaining_seconds, -30 * 60);
}

TEST_F(SlaClock, TimelineShowsRunningPausedAndOutsideHours) {
  const core::Ticket t = Open(customer_);
  clock_.Set(Msk(2026, 1, 14, 18, 0));
  SetStatus(t.id, core::TicketStatus::kPending);
  clock_.Set(Msk(2026, 1, 15, 9, 0));
  Reply(customer_, t.id);
  clock_.Set(Msk(2026, 1, 15, 10, 30));
  auto detail = s_->tickets.Sla(agent_, t.id);
  ASSERT_TRUE(detail.ok()) << detail.error().message;
  std::vector<std::string> kinds;
  for (const auto& s : detail->timeline) kinds.push_back(s.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"running", "paused", "outside_hours", "running"}));
  EXPECT_EQ(detail->timeline[1].reason, "waiting for the customer");
  EXPECT_EQ(FormatIso8601(detail->timeline[1].to), "2026-01-15T06:00:00Z");
}

TEST_F(SlaClock, JobRaisesEachWarningAndBreachOnceAndEscalates) {
  service::LevelPatch patch;
  patch.escalate_group = "support";
  patch.escalate_criticality = "critical";
  ASSERT_TRUE(s_->sla_levels.Update(admin_, "client_vip", patch).ok());
  const core::Ticket t = Open(customer_);
  clock_.Set(Msk(2026, 1, 14, 11, 40));
  auto scan = s_->sla_monitor.RunOnce();
  ASSERT_TRUE(scan.ok()) << scan.error().message;
  EXPECT_EQ(scan->warnings, 1);
  EXPECT_EQ(s_->sla_monitor.RunOnce()->warnings, 0);
  clock_.Set(Msk(2026, 1, 14, 12, 1));
  EXPECT_EQ(s_->sla_monitor.RunOnce()->breaches, 1);
  EXPECT_EQ(s_->sla_monitor.RunOnce()->breaches, 0);
  const auto events = History(t.id);
  EXPECT_EQ(Count(events, core::EventKind::kSlaWarning), 1);
  EXPECT_EQ(Count(events, core::EventKind::kSlaBreached), 1);
  const core::Ticket escalated = Reload(t.id);
  EXPECT_EQ(escalated.criticality, core::Criticality::kCritical);
  EXPECT_EQ(escalated.group_id, support_.id);
}

TEST_F(SlaClock, JobHoldsAlertsOutsideWorkingTimeUntilTheNextOpening) {
  const core::Ticket t = Open(customer_);
  clock_.Set(Msk(2026, 1, 14, 20, 0));  // due at 12:00, but the office is closed now
  auto night = s_->sla_monitor.RunOnce();
  EXPECT_EQ(night->breaches, 0);
  EXPECT_EQ(night->deferred, 1);
  clock_.Set(Msk(2026, 1, 15, 10, 0));
  auto morning = s_->sla_monitor.RunOnce();
  EXPECT_EQ(morning->warnings, 1);
  EXPECT_EQ(morning->breaches, 1);
  EXPECT_EQ(Count(History(t.id), core::EventKind::kSlaBreached), 1);
}

// Regression: #4 - one failing ticket rolled the whole batch back.
TEST_F(SlaClock, OneFailingTicketDoesNotHoldBackTheOthersAndIsRetried) {
  const core::Ticket first = Open(customer_);
  const core::Ticket broken = Open(customer_);
  const core::Ticket last = Open(customer_);
  auto set_calendar = [&](core::TicketId id, const std::string& calendar) {
    ASSERT_TRUE(store_
                    ->Write([&](core::ports::Tx& tx) -> Status {
                      HD_ASSIGN_OR_RETURN(auto clock, tx.Sla().FindClock(id));
                      clock->calendar = calendar;
                      return tx.Sla().UpdateClock(*clock);
                    })
                    .ok());
  };
  set_calendar(broken.id, "withdrawn");  // a calendar this instance does not know
  clock_.Set(Msk(2026, 1, 14, 12, 1));
  auto scan = s_->sla_monitor.RunOnce();
  ASSERT_TRUE(scan.ok()) << scan.error().message;
  EXPECT_EQ(scan->failed, 1);
  ASSERT_EQ(scan->failures.size(), 1u);
  EXPECT_NE(scan->failures[0].find("withdrawn"), std::string::npos);
  EXPECT_EQ(scan->breaches, 2);
  EXPECT_EQ(Count(History(first.id), core::EventKind::kSlaBreached), 1);
  EXPECT_EQ(Count(History(last.id), core::EventKind::kSlaBreached), 1);
  EXPECT_EQ(Count(History(broken.id), core::EventKind::kSlaBreached), 0);

  set_calendar(broken.id, "ru-business");  // repaired: the next pass raises it
  auto retry = s_->sla_monitor.RunOnce();
  EXPECT_EQ(retry->failed, 0);
  EXPECT_EQ(retry->breaches, 1);
  EXPECT_EQ(Count(History(broken.id), core::EventKind::kSlaBreached), 1);
}

TEST_F(SlaClock, NoAlertFiresOutsideWorkingTimeButA24x7LevelAlertsAtNight) {
  const core::Ticket business = Open(customer_);  // VIP, ru-business: due 12:00
  const auto night_customer = Make("night@example.com");
  const auto outcome = AddLicence("night@example.com", "Business", "2025-06-01");
  clock_.Set(Msk(2026, 1, 17, 2, 0));  // Saturday 02:00 Moscow
  auto special = OpenWith(night_customer, outcome.coupon.code);
  ASSERT_TRUE(special.ok()) << special.error().message;
  EXPECT_EQ(special->ticket.support_level, "special");
  for (int minutes : {30, 50, 61}) {  // the weekend: only the 24/7 clock may alert
    clock_.Set(Msk(2026, 1, 17, 2, minutes));
    ASSERT_TRUE(s_->sla_monitor.RunOnce().ok());
  }
  const auto special_events = History(special->ticket.id);
  EXPECT_EQ(Count(special_events, core::EventKind::kSlaWarning), 1);
  EXPECT_EQ(Count(special_events, core::EventKind::kSlaBreached), 1);
  EXPECT_EQ(Count(History(business.id), core::EventKind::kSlaBreached), 0);
  EXPECT_EQ(Count(History(business.id), core::EventKind::kSlaWarning), 0);
  clock_.Set(Msk(2026, 1, 19, 10, 0));  // Monday opening
  ASSERT_TRUE(s_->sla_monitor.RunOnce().ok());
  EXPECT_EQ(Count(History(business.id), core::EventKind::kSlaBreached), 1);
}

TEST_F(SlaClock, AnsweredTicketMovesBehindRunningOnesInTheDueQueue) {
  const core::Ticket answered = Open(customer_);  // due 12:00
  clock_.Set(Msk(2026, 1, 14, 10, 30));
  const core::Ticket waiting = Open(customer_);  // due 12:30
  Reply(agent_, answered.id);                    // met: nothing due any more
  service::ListTicketsInput in;
  in.scope = service::Scope::kQueue;
  in.by_due = true;
  auto page = s_->tickets.List(agent_, in);
  ASSERT_TRUE(page.ok()) << page.error().message;
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[0].id, waiting.id);
  EXPECT_EQ(page->items[1].id, answered.id);
}

TEST_F(SlaClock, StaffQueueOrdersByDueInstant) {
  const auto slow = Make("slow@example.com");  // non-commercial: due in 24 working hours
  const core::Ticket later = Open(slow);
  clock_.Set(Msk(2026, 1, 14, 10, 5));
  const core::Ticket sooner = Open(customer_);  // VIP: due 12:05
  service::ListTicketsInput in;
  in.scope = service::Scope::kQueue;
  in.by_due = true;
  in.limit = 1;
  auto first = s_->tickets.List(agent_, in);
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_EQ(first->items.size(), 1u);
  EXPECT_EQ(first->items[0].id, sooner.id);
  in.after = first->next_cursor;
  auto second = s_->tickets.List(agent_, in);
  ASSERT_EQ(second->items.size(), 1u);
  EXPECT_EQ(second->items[0].id, later.id);
}

TEST_F(SlaClock, ReportGivesTicketsAverageMaximumAndShareWithinTargetPerLevel) {
  const core::Ticket fast = Open(customer_);
  clock_.Set(Msk(2026, 1, 14, 11, 0));
  Reply(agent_, fast.id);  // 1 working hour, in time
  const core::Ticket slow = Open(customer_);
  clock_.Set(Msk(2026, 1, 14, 14, 0));
  Reply(agent_, slow.id);  // 3 working hours, late
  auto report = s_->reports.Sla(agent_, January(), "level");
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_EQ(report->size(), 1u);
  const auto& row = report->front();
  EXPECT_EQ(row.key, "client_vip");
  EXPECT_EQ(row.tickets, 2);
  EXPECT_EQ(row.calendar, "ru-business");
  EXPECT_DOUBLE_EQ(row.first_response.avg_hours, 2.0);
  EXPECT_DOUBLE_EQ(row.first_response.median_hours, 1.0);
  EXPECT_DOUBLE_EQ(row.first_response.p90_hours, 3.0);
  EXPECT_DOUBLE_EQ(row.first_response.max_hours, 3.0);
  EXPECT_DOUBLE_EQ(row.first_response.within_target, 0.5);
  auto by_agent = s_->reports.Sla(agent_, January(), "agent");
  EXPECT_EQ(by_agent->front().key, std::to_string(agent_.id.value));
  EXPECT_EQ(by_agent->front().label, "agent@example.com");
  EXPECT_EQ(s_->reports.Sla(customer_, January(), "level").error().code, ErrorCode::kForbidden);
}

TEST_F(SlaClock, ReportLeavesTimeWaitingForTheCustomerOutOfResponseTimes) {
  const core::Ticket t = Open(customer_);  // Wednesday 10:00
  clock_.Set(Msk(2026, 1, 14, 10, 30));
  SetStatus(t.id, core::TicketStatus::kPending);  // waits for the customer 2 h
  clock_.Set(Msk(2026, 1, 14, 12, 30));
  Reply(customer_, t.id);
  clock_.Set(Msk(2026, 1, 14, 13, 0));
  Reply(agent_, t.id);  // 3 h after opening, 1 working hour of it on the clock
  EXPECT_EQ(Reload(t.id).sla->state, SlaState::kMet);
  auto report = s_->reports.Sla(agent_, January(), "level");
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_EQ(report->size(), 1u);
  EXPECT_DOUBLE_EQ(report->front().first_response.avg_hours, 1.0);
  EXPECT_DOUBLE_EQ(report->front().first_response.max_hours, 1.0);
  EXPECT_EQ(report->front().first_response.met, 1);
}

TEST_F(SlaClock, ReportMeasuresResolutionInWorkingHoursOverNightsAndWeekends) {
  const core::Ticket t = Open(customer_);  // Wednesday 14 January 10:00
  clock_.Set(Msk(2026, 1, 14, 11, 30));
  Reply(agent_, t.id);
  clock_.Set(Msk(2026, 1, 19, 12, 0));  // the next Monday: 9 + 9 + 2 working hours later
  SetStatus(t.id, core::TicketStatus::kResolved);
  auto report = s_->reports.Sla(agent_, January(), "level");
  ASSERT_TRUE(report.ok()) << report.error().message;
  const auto& resolution = report->front().resolution;
  EXPECT_EQ(resolution.count, 1);
  // Wednesday 9 h, Thursday 9 h, Friday 9 h, Monday 2 h.
  EXPECT_DOUBLE_EQ(resolution.avg_hours, 29.0);
  EXPECT_DOUBLE_EQ(resolution.median_hours, 29.0);
  EXPECT_DOUBLE_EQ(report->front().first_response.avg_hours, 1.5);
}

TEST_F(SlaClock, ReportFiltersByLevelAndRefusesBadInput) {
  Open(customer_);
  service::ReportInput only = January();
  only.levels = {"special"};
  EXPECT_TRUE(s_->reports.Sla(agent_, only, "level")->empty());
  only.levels = {"client_vip"};
  EXPECT_EQ(s_->reports.Sla(agent_, only, "level")->size(), 1u);
  service::ReportInput backwards{"2026-02-01", "2026-01-01", {}, "", {}, {}};
  EXPECT_EQ(s_->reports.Sla(agent_, backwards, "level").error().field, "to");
  service::ReportInput bad{"yesterday", "2026-01-01", {}, "", {}, {}};
  EXPECT_EQ(s_->reports.Sla(agent_, bad, "level").error().field, "from");
  EXPECT_EQ(s_->reports.Sla(agent_, January(), "mood").error().field, "by");
}

TEST_F(SlaClock, IntakeFoldsTicketsIntoTheViewersDaysWeeksAndMonths) {
  clock_.Set(Msk(2026, 1, 14, 10));
  Open(customer_);
  clock_.Set(Msk(2026, 1, 15, 2));  // 23:00 UTC on the 14th, the 15th in Moscow
  Open(customer_);
  clock_.Set(Msk(2026, 1, 19, 10));  // the next week
  Open(customer_);
  auto days = s_->reports.Intake(agent_, January(), "day", "level");
  ASSERT_TRUE(days.ok()) << days.error().message;
  EXPECT_EQ(days->time_zone, "Europe/Moscow");
  ASSERT_EQ(days->rows.size(), 3u);
  EXPECT_EQ(days->rows[0].period, "2026-01-14");
  EXPECT_EQ(days->rows[1].period, "2026-01-15");
  EXPECT_EQ(days->rows[1].key, "client_vip");
  service::Actor in_london = agent_;
  in_london.time_zone = "Europe/London";
  auto london = s_->reports.Intake(in_london, January(), "day", "none");
  ASSERT_EQ(london->rows.size(), 2u);
  EXPECT_EQ(london->rows[0].period, "2026-01-14");
  EXPECT_EQ(london->rows[0].tickets, 2);
  auto weeks = s_->reports.Intake(agent_, January(), "week", "none");
  ASSERT_EQ(weeks->rows.size(), 2u);
  EXPECT_EQ(weeks->rows[0].period, "2026-01-12");  // Monday
  EXPECT_EQ(weeks->rows[0].tickets, 2);
  auto months = s_->reports.Intake(agent_, January(), "month", "channel");
  ASSERT_EQ(months->rows.size(), 1u);
  EXPECT_EQ(months->rows[0].period, "2026-01");
  EXPECT_EQ(months->rows[0].tickets, 3);
  EXPECT_EQ(s_->reports.Intake(agent_, January(), "year", "none").error().field, "period");
  EXPECT_EQ(s_->reports.Intake(customer_, January(), "day", "none").error().code,
            ErrorCode::kForbidden);
}

TEST_F(SlaClock, ComplianceJudgesEachDaysTicketsAndBreachesListTheLateOnes) {
  // Wednesday: one answered in 1 h (met, due 12:00), one answered at 15:00
  // (opened 11:00, due 13:00: 2 h late). Thursday: one never answered, due
  // 12:00, still unanswered on Friday at noon.
  const core::Ticket fast = Open(customer_);
  clock_.Set(Msk(2026, 1, 14, 11, 0));
  Reply(agent_, fast.id);
  const core::Ticket slow = Open(customer_);  // 11:00, due 13:00
  clock_.Set(Msk(2026, 1, 14, 15, 0));
  Reply(agent_, slow.id);
  clock_.Set(Msk(2026, 1, 15, 10, 0));
  const core::Ticket silent = Open(customer_);  // due 12:00
  clock_.Set(Msk(2026, 1, 16, 12, 0));
  auto days = s_->reports.Compliance(agent_, January(), "day");
  ASSERT_TRUE(days.ok()) << days.error().message;
  ASSERT_EQ(days->rows.size(), 2u);
  EXPECT_EQ(days->rows[0].period, "2026-01-14");
  EXPECT_EQ(days->rows[0].tickets, 2);
  EXPECT_EQ(days->rows[0].first_response.met, 1);
  EXPECT_EQ(days->rows[0].first_response.missed, 1);
  EXPECT_DOUBLE_EQ(days->rows[0].first_response.within_target, 0.5);
  EXPECT_EQ(days->rows[1].period, "2026-01-15");
  EXPECT_EQ(days->rows[1].first_response.missed, 1);
  EXPECT_DOUBLE_EQ(days->rows[1].first_response.within_target, 0.0);
  auto month = s_->reports.Compliance(agent_, January(), "month");
  ASSERT_EQ(month->rows.size(), 1u);
  EXPECT_EQ(month->rows[0].tickets, 3);

  auto page = s_->reports.Breaches(agent_, January(), "first_response", "", 1);
  ASSERT_TRUE(page.ok()) << page.error().message;
  ASSERT_EQ(page->rows.size(), 1u);
  EXPECT_EQ(page->rows[0].ticket, silent.id);  // newest first
  EXPECT_FALSE(page->rows[0].done_at.has_value());
  EXPECT_DOUBLE_EQ(page->rows[0].late_hours, 24.0);  // Thursday 12:00 to Friday 12:00
  ASSERT_FALSE(page->next.empty());
  auto rest = s_->reports.Breaches(agent_, January(), "first_response", page->next, 10);
  ASSERT_EQ(rest->rows.size(), 1u);
  EXPECT_EQ(rest->rows[0].ticket, slow.id);
  EXPECT_EQ(FormatIso8601(*rest->rows[0].done_at), FormatIso8601(Msk(2026, 1, 14, 15, 0)));
  EXPECT_DOUBLE_EQ(rest->rows[0].late_hours, 2.0);
  EXPECT_TRUE(rest->next.empty());
  EXPECT_EQ(s_->reports.Breaches(agent_, January(), "any", "12.x", 10).error().field, "cursor");
  EXPECT_EQ(s_->reports.Breaches(agent_, January(), "soon", "", 10).error().field, "target");
  EXPECT_EQ(s_->reports.Breaches(agent_, January(), "any", "", 0).error().field, "limit");
  EXPECT_EQ(s_->reports.Compliance(customer_, January(), "day").error().code,
            ErrorCode::kForbidden);
}

TEST_F(SlaClock, BacklogCountsEachEndedDayFromTheHistoryAndTodayAsItIs) {
  const core::Ticket a = Open(customer_);  // Wednesday 14 January 10:00
  const core::Ticket b = Open(customer_);
  clock_.Set(Msk(2026, 1, 14, 12, 0));
  SetStatus(a.id, core::TicketStatus::kOpen);
  clock_.Set(Msk(2026, 1, 15, 11, 0));
  SetStatus(a.id, core::TicketStatus::kResolved);
  Open(customer_);
  clock_.Set(Msk(2026, 1, 15, 15, 0));
  SetStatus(b.id, core::TicketStatus::kPending);
  clock_.Set(Msk(2026, 1, 16, 0, 30));  // Friday, half an hour in
  SetStatus(b.id, core::TicketStatus::kOpen);
  auto stored = s_->backlog_snapshots.Run();
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  EXPECT_EQ(*stored, 2);  // Wednesday and Thursday, counted as they ended
  EXPECT_EQ(*s_->backlog_snapshots.Run(), 0);
  service::ReportInput week{"2026-01-14", "2026-01-17", {}, "", {}, {}};
  auto report = s_->reports.Backlog(agent_, week, "day", "status");
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->history_from, "2026-01-14");
  EXPECT_EQ(report->time_zone, "Europe/Moscow");
  std::map<std::pair<std::string, std::string>, std::int64_t> got;
  for (const auto& row : report->rows) got[{row.day, row.key}] = row.tickets;
  const std::map<std::pair<std::string, std::string>, std::int64_t> want = {
      {{"2026-01-14", "new"}, 1}, {{"2026-01-14", "open"}, 1},
      {{"2026-01-15", "new"}, 1}, {{"2026-01-15", "pending"}, 1},
      {{"2026-01-16", "new"}, 1}, {{"2026-01-16", "open"}, 1}};  // today: now
  EXPECT_EQ(got, want);
  auto weekly = s_->reports.Backlog(agent_, week, "week", "tier");
  ASSERT_TRUE(weekly.ok()) << weekly.error().message;
  ASSERT_EQ(weekly->rows.size(), 1u);
  EXPECT_EQ(weekly->rows[0].period, "2026-01-12");
  EXPECT_EQ(weekly->rows[0].day, "2026-01-16");  // the week's last day counted
  EXPECT_EQ(weekly->rows[0].label, "L" + weekly->rows[0].key);
  EXPECT_EQ(weekly->rows[0].tickets, 2);
  service::ReportInput other = week;
  other.levels = {"special"};
  EXPECT_TRUE(s_->reports.Backlog(agent_, other, "day", "status")->rows.empty());
  EXPECT_EQ(s_->reports.Backlog(agent_, week, "day", "mood").error().field, "by");
  EXPECT_EQ(s_->reports.Backlog(customer_, week, "day", "status").error().code,
            ErrorCode::kForbidden);
  clock_.Set(Msk(2026, 1, 17, 9, 0));
  EXPECT_EQ(*s_->backlog_snapshots.Run(), 1);  // Friday
}

TEST_F(SlaClock, TheSlaJobGivesOlderClocksTheirWorkingTimes) {
  const core::Ticket t = Open(customer_);
  clock_.Set(Msk(2026, 1, 14, 11, 0));
  Reply(agent_, t.id);
  // As a clock stored before working times were kept.
  ASSERT_TRUE(store_
                  ->Write([&](core::ports::Tx& tx) -> Status {
                    HD_ASSIGN_OR_RETURN(auto clock, tx.Sla().FindClock(t.id));
                    clock->first_response_s.reset();
                    return tx.Sla().UpdateClock(*clock);
                  })
                  .ok());
  EXPECT_EQ(s_->reports.Sla(agent_, January(), "level")->front().first_response.count, 0);
  auto scan = s_->sla_monitor.RunOnce();
  ASSERT_TRUE(scan.ok()) << scan.error().message;
  EXPECT_EQ(scan->backfilled, 1);
  EXPECT_DOUBLE_EQ(s_->reports.Sla(agent_, January(), "level")->front().first_response.avg_hours,
                   1.0);
}

}  // namespace
}  // namespace hd::testing
