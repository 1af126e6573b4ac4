// Tickets on the default business process over the real SQLite store:
// starting, firing, versions and migration, the reopen window, atomicity.
#include "process_env.hpp"

namespace hd::testing {
namespace {

using core::EventKind;
using core::Role;
using core::TicketStatus;

TEST_F(Process, TicketStartsOnTheDefaultProcessAtL1) {
  auto t = Open(anna_);
  ASSERT_TRUE(t.process.has_value());
  EXPECT_EQ(t.process->process_id, "support");
  EXPECT_EQ(t.process->version, 2);
  EXPECT_EQ(t.process->state, "l1_new");
  EXPECT_EQ(t.process->state_label, "Received, waiting for an operator");    // a customer's words
  EXPECT_NE(t.process->instructions.find("registered"), std::string::npos);  // customer's
  EXPECT_EQ(t.status, TicketStatus::kNew);
  auto as_l1 = s_->tickets.Get(l1_, t.id);
  EXPECT_NE(as_l1->process->instructions.find("classify"), std::string::npos);
}

TEST_F(Process, FiringMapsStateToStatusAssigneeAndHistory) {
  auto t = MustFire(l1_, Open(anna_), "take_technical");
  EXPECT_EQ(t.process->state, "l1_technical");
  EXPECT_EQ(t.status, TicketStatus::kOpen);
  EXPECT_EQ(t.assignee_id, l1_.id);
  EXPECT_EQ(t.version, 2);
  auto history = History(t);
  ASSERT_GE(history.size(), 3u);
  EXPECT_EQ(history[1].kind, EventKind::kTransitionFired);
  EXPECT_EQ(history[1].field, "take_technical");
  EXPECT_EQ(history[1].old_value, "l1_new");
  EXPECT_EQ(history[1].new_value, "l1_technical");
}

TEST_F(Process, RolesFieldsAndVersionsAreEnforced) {
  auto t = Open(anna_);
  EXPECT_EQ(Fire(anna_, t, "take_technical").error().code, ErrorCode::kForbidden);
  t = MustFire(l1_, t, "take_technical");
  auto missing = Fire(l1_, t, "escalate");
  EXPECT_EQ(missing.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(missing.error().field, "fields.escalation_reason");
  auto stale = s_->transitions.Fire(l1_, t.id, {"escalate", {{"escalation_reason", "L2"}}, "", 1});
  EXPECT_EQ(stale.error().code, ErrorCode::kPreconditionFailed);
  EXPECT_EQ(Fire(l1_, t, "take_technical").error().code, ErrorCode::kConflict);  // wrong state
}

TEST_F(Process, OutageForcesCriticalityAndRoutesToItOperations) {
  auto t = MustFire(l1_, Open(anna_), "take_technical");
  t = MustFire(l1_, t, "escalate", {{"escalation_reason", "site down"}});
  EXPECT_EQ(t.tier, 2);
  t = MustFire(manager_, t, "classify_outage",
               {{"complexity", "high"},
                {"category", "hosting"},
                {"planned_effort", "4"},
                {"expected_resolution", "2026-01-02"}});
  EXPECT_EQ(t.process->state, "outage");
  EXPECT_EQ(t.criticality, core::Criticality::kCritical);
  EXPECT_FALSE(t.assignee_id.has_value());
  auto groups = s_->directory.Groups().value();
  auto itops = std::find_if(groups.begin(), groups.end(),
                            [](const core::Group& g) { return g.slug == "it-operations"; });
  EXPECT_EQ(t.group_id, itops->id);
}

TEST_F(Process, CustomerReplyResumesTheWaitingTicket) {
  auto t = MustFire(l1_, Open(anna_), "take_technical");
  t = MustFire(l1_, t, "ask_customer");
  EXPECT_EQ(t.status, TicketStatus::kPending);
  ASSERT_TRUE(s_->conversation.Post(anna_, t.id, {"Here is the key", false, "web", {}}).ok());
  auto now = s_->tickets.Get(anna_, t.id).value();
  EXPECT_EQ(now.process->state, "l1_technical");
  EXPECT_EQ(now.status, TicketStatus::kOpen);
}

TEST_F(Process, RfcNeedsTheQuorumOfTheBoard) {
  auto board1 = Make("b1@example.com", Role::kRfcBoard);
  auto board2 = Make("b2@example.com", Role::kRfcBoard);
  auto t = ToRfcReview(Open(anna_), "feature");
  t = MustFire(board1, t, "approve_change");
  EXPECT_EQ(t.process->state, "rfc_review");  // one vote of two
  EXPECT_EQ(Fire(board1, t, "approve_change").error().code, ErrorCode::kConflict);
  t = MustFire(board2, t, "approve_change");
  EXPECT_EQ(t.process->state, "rfc_approved");
}

TEST_F(Process, CustomerReopensWithinTheWindowOnly) {
  auto t = MustFire(l1_, Open(anna_), "answer_off_topic");
  EXPECT_EQ(t.status, TicketStatus::kClosed);
  EXPECT_TRUE(t.process->final);
  clock_.Advance(std::chrono::hours(24 * 13));
  t = MustFire(anna_, t, "reopen", {{"customer_comment", "still a question"}});
  EXPECT_EQ(t.process->state, "l1_new");
  t = MustFire(l1_, t, "answer_off_topic");
  clock_.Advance(std::chrono::hours(24 * 15));
  auto late = Fire(anna_, t, "reopen", {{"customer_comment", "again"}});
  EXPECT_EQ(late.error().code, ErrorCode::kConflict);
  EXPECT_EQ(late.error().reason, "guard-failed");
}

TEST_F(Process, AFailingActionLeavesNothing) {
  auto t = MustFire(l1_, Open(anna_), "take_technical");
  const auto events_before = History(t).size();
  s_->processes.SetTemplates(service::TemplateSet());  // technical_answer is missing now
  auto failed = Fire(l1_, t, "answer_technical", {{"resolution", "Reindex"}});
  ASSERT_FALSE(failed.ok());
  auto now = s_->tickets.Get(l1_, t.id).value();
  EXPECT_EQ(now.version, t.version);
  EXPECT_EQ(now.process->state, "l1_technical");
  EXPECT_EQ(History(t).size(), events_before);
  EXPECT_EQ(s_->conversation.List(l1_, t.id)->size(), 1u);  // no reply was sent
}

TEST_F(Process, ATicketStaysOnItsVersionAndMigrateMapsStates) {
  auto old_ticket = MustFire(l1_, Open(anna_), "take_technical");
  auto v2 = Replace(Replace(yaml_, "version: 2", "version: 3"), "l1_technical", "l1_work");
  auto loaded = s_->process_admin.Load(std::nullopt, v2, "support-v2.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_TRUE(loaded->current);
  auto fresh = MustFire(l1_, Open(anna_), "take_technical");
  EXPECT_EQ(fresh.process->version, 3);
  EXPECT_EQ(fresh.process->state, "l1_work");
  old_ticket = s_->tickets.Get(l1_, old_ticket.id).value();
  EXPECT_EQ(old_ticket.process->version, 2);  // untouched by the new version
  auto unmapped = s_->process_admin.Migrate(std::nullopt, {"support", 2, 3, {}});
  EXPECT_EQ(unmapped.error().field, "map");
  auto moved =
      s_->process_admin.Migrate(std::nullopt, {"support", 2, 3, {{"l1_technical", "l1_work"}}});
  ASSERT_TRUE(moved.ok()) << moved.error().message;
  EXPECT_EQ(moved->tickets, 1);
  old_ticket = s_->tickets.Get(l1_, old_ticket.id).value();
  EXPECT_EQ(old_ticket.process->version, 3);
  EXPECT_EQ(old_ticket.process->state, "l1_work");
  EXPECT_EQ(History(old_ticket).back().kind, EventKind::kProcessMigrated);
  EXPECT_EQ(History(old_ticket).back().old_value, "support@2:l1_technical");
  MustFire(l1_, old_ticket, "escalate", {{"escalation_reason", "after migration"}});
}

TEST_F(Process, AnInvalidDefinitionIsRefusedAndThePreviousStaysCurrent) {
  auto broken = Replace(Replace(yaml_, "version: 2", "version: 4"), "to: im_triage", "to: nowhere");
  auto loaded = s_->process_admin.Load(std::nullopt, broken, "broken.yaml");
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().message.find("nowhere"), std::string::npos);
  EXPECT_EQ(Open(anna_).process->version, 2);
  auto changed = Replace(yaml_, "\"Three-tier support\"", "\"Changed\"");
  EXPECT_EQ(s_->process_admin.Load(std::nullopt, changed, "x.yaml").error().code,
            ErrorCode::kConflict);  // same version, other text
}

}  // namespace
}  // namespace hd::testing
