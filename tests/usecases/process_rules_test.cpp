// The rules around a ticket on the business process: its status follows the
// process alone, and listings follow the same reading rules as one ticket.
#include "process_env.hpp"

namespace hd::testing {
namespace {

using core::Role;
using core::TicketStatus;

class ProcessRules : public Process {
 protected:
  // A ticket escalated and classified as an incident (state incident_work).
  core::Ticket Incident(const std::string& subject) {
    auto t = MustFire(l1_, Open(anna_, subject), "take_technical");
    t = MustFire(l1_, t, "escalate", {{"escalation_reason", "needs L2"}});
    return MustFire(manager_, t, "classify_incident",
                    {{"complexity", "low"},
                     {"criticality", "normal"},
                     {"category", "billing"},
                     {"planned_effort", "2"},
                     {"expected_resolution", "2026-01-05"}});
  }

  std::vector<core::Ticket> QueuePage(const service::Actor& who) {
    service::ListTicketsInput in;
    in.scope = service::Scope::kQueue;
    auto page = s_->tickets.List(who, in);
    EXPECT_TRUE(page.ok()) << page.error().message;
    return page.ok() ? page->items : std::vector<core::Ticket>{};
  }

  std::vector<core::TicketId> Queue(const service::Actor& who) {
    std::vector<core::TicketId> ids;
    for (const auto& t : QueuePage(who)) ids.push_back(t.id);
    return ids;
  }
};

TEST_F(ProcessRules, PatchOfStatusIsRefusedNamingStatusAndTheTransitions) {
  auto t = Open(anna_);
  service::TicketPatch close;
  close.status = TicketStatus::kClosed;
  auto refused = s_->tickets.Update(l1_, t.id, close);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_EQ(refused.error().field, "status");
  EXPECT_EQ(refused.error().reason, "status-follows-process");
  EXPECT_NE(refused.error().message.find("/transitions"), std::string::npos);
  EXPECT_EQ(s_->tickets.Update(anna_, t.id, close).error().code, ErrorCode::kConflict);
  auto now = s_->tickets.Get(l1_, t.id).value();
  EXPECT_EQ(now.status, TicketStatus::kNew);
  EXPECT_EQ(now.version, t.version);
}

TEST_F(ProcessRules, PatchOfTierOrGroupIsRefusedLikeTheStatus) {
  auto t = Open(anna_);
  service::TicketPatch tier;
  tier.tier = 3;
  auto refused = s_->tickets.Update(l1_, t.id, tier);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason, "status-follows-process");
  EXPECT_EQ(refused.error().field, "tier");
  service::TicketPatch group;
  group.group = "support";
  ASSERT_NE(t.group_id, support_.id);
  refused = s_->tickets.Update(l1_, t.id, group);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "group");
  auto now = s_->tickets.Get(l1_, t.id).value();
  EXPECT_EQ(now.tier, t.tier);
  EXPECT_EQ(now.group_id, t.group_id);
  EXPECT_EQ(now.version, t.version);
}

TEST_F(ProcessRules, OtherPatchFieldsAndTheUnchangedStatusStillWork) {
  auto t = Open(anna_);
  service::TicketPatch patch;
  patch.subject = "Site is down since 9:00";
  patch.status = TicketStatus::kNew;  // the status it has: no change
  auto changed = s_->tickets.Update(l1_, t.id, patch);
  ASSERT_TRUE(changed.ok()) << changed.error().message;
  EXPECT_EQ(changed->subject, "Site is down since 9:00");
  EXPECT_EQ(changed->status, TicketStatus::kNew);
  EXPECT_EQ(changed->process->state, "l1_new");
}

TEST_F(ProcessRules, AMessageLeavesTheStatusToTheProcess) {
  auto t = Open(anna_);
  ASSERT_TRUE(s_->conversation.Post(l1_, t.id, {"Looking into it", false, "web", {}}).ok());
  auto now = s_->tickets.Get(l1_, t.id).value();
  EXPECT_EQ(now.status, TicketStatus::kNew);  // l1_new maps to new
  t = MustFire(l1_, now, "answer_from_faq", {{"faq_article", "https://example.com/faq/1"}});
  EXPECT_EQ(t.status, TicketStatus::kPending);
  ASSERT_TRUE(s_->conversation.Post(anna_, t.id, {"Thanks, reading", false, "web", {}}).ok());
  now = s_->tickets.Get(l1_, t.id).value();
  EXPECT_EQ(now.process->state, "faq_answered");
  EXPECT_EQ(now.status, TicketStatus::kPending);
}

TEST_F(ProcessRules, TesterQueueListsOnlyTicketsAwaitingVerification) {
  auto tester = Make("tester@example.com", Role::kTester);
  auto itop = Make("itop@example.com", Role::kItOperator);
  auto waiting = MustFire(itop, Incident("to verify"), "resolve_incident", {{"resolution", "x"}});
  ASSERT_EQ(waiting.process->state, "incident_verification");
  auto working = Incident("still in work");
  auto fresh = Open(anna_, "new at L1");
  EXPECT_EQ(Queue(tester), std::vector<core::TicketId>{waiting.id});
  auto listed = QueuePage(tester);
  ASSERT_EQ(listed.size(), 1u);
  ASSERT_TRUE(listed[0].process.has_value());
  EXPECT_EQ(listed[0].process->state, "incident_verification");
  EXPECT_FALSE(listed[0].process->instructions.empty());  // the tester's
  // Assigned to the tester: listed whatever its state.
  service::TicketPatch assign;
  assign.assignee = tester.id;
  ASSERT_TRUE(s_->tickets.Update(manager_, working.id, assign).ok());
  auto ids = Queue(tester);
  EXPECT_EQ(ids.size(), 2u);
  EXPECT_NE(std::find(ids.begin(), ids.end(), working.id), ids.end());
  EXPECT_EQ(std::find(ids.begin(), ids.end(), fresh.id), ids.end());
  // Verified: no longer the tester's.
  MustFire(tester, waiting, "verify_incident_fix");
  EXPECT_EQ(Queue(tester), std::vector<core::TicketId>{working.id});
}

TEST_F(ProcessRules, IntegratorQueueListsOnlyTicketsHandedToTheContractor) {
  auto integrator = Make("integrator@example.com", Role::kIntegrator);
  auto b1 = Make("b1@example.com", Role::kRfcBoard);
  auto b2 = Make("b2@example.com", Role::kRfcBoard);
  auto t = ToRfcReview(Open(anna_, "new report"), "change");
  t = MustFire(b1, t, "approve_change");
  t = MustFire(b2, t, "approve_change");
  Incident("an incident at L2");
  EXPECT_TRUE(Queue(integrator).empty());
  t = MustFire(manager_, t, "hand_off_to_integrator", {{"contractor_brief", "build it"}});
  EXPECT_EQ(Queue(integrator), std::vector<core::TicketId>{t.id});
  // Still the contractor's after it moved on to verification.
  t = MustFire(integrator, t, "deliver_change", {{"resolution", "delivered"}});
  EXPECT_EQ(t.process->state, "rfc_verification");
  EXPECT_EQ(Queue(integrator), std::vector<core::TicketId>{t.id});
}

}  // namespace
}  // namespace hd::testing
