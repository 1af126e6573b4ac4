// The default process, L2 and L3 branches: escalation and reclassification,
// outage, incident, request for change; and, for every transition, refusal
// of the wrong roles and of missing required fields.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "workflow/process_walk.hpp"
#include "workflow/test_support.hpp"

namespace hd::workflow {
namespace {

using core::Role;
using testing::DefaultProcess;
using testing::Performs;
using testing::ProcessWalk;

const FieldValues kTriage = {{"complexity", "medium"},
                             {"criticality", "high"},
                             {"category", "payments"},
                             {"planned_effort", "6"},
                             {"expected_resolution", "2026-01-20"}};

ProcessWalk Escalated() {
  ProcessWalk walk(DefaultProcess());
  walk.Do("take_technical", Role::kL1Operator);
  const Outcome& escalated =
      walk.Do("escalate", Role::kL1Operator, {{"escalation_reason", "Needs L2"}});
  EXPECT_EQ(walk.state(), "im_triage");
  EXPECT_TRUE(Performs(escalated, ActionKind::kAssign, "incident_manager"));
  return walk;
}

TEST(SupportProcess, ReclassificationRequiresEveryEscalationAttribute) {
  for (const auto& [name, value] : kTriage) {
    FieldValues partial = kTriage;
    partial.erase(name);
    for (const char* transition : {"classify_incident", "classify_rfc"}) {
      auto refused = Escalated().Try(transition, Role::kIncidentManager, partial);
      ASSERT_FALSE(refused.ok()) << transition << " without " << name;
      EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
      EXPECT_EQ(refused.error().field, name);
    }
  }
  FieldValues bad_date = kTriage;
  bad_date["expected_resolution"] = "next week";
  auto refused = Escalated().Try("classify_incident", Role::kIncidentManager, bad_date);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "expected_resolution");
}

TEST(SupportProcess, OutageIsUrgentCriticalAndVerifiedByATester) {
  ProcessWalk walk = Escalated();
  FieldValues inputs = kTriage;
  inputs["criticality"] = "low";
  const Outcome& outage = walk.Do("classify_outage", Role::kIncidentManager, inputs);
  EXPECT_EQ(walk.state(), "outage");
  EXPECT_EQ(walk.field("criticality"), "critical");  // forced to the highest
  EXPECT_EQ(walk.field("ticket_type"), "outage");
  EXPECT_TRUE(Performs(outage, ActionKind::kAssign, "it_operator"));
  for (const char* l2 : {"it_operator", "developer", "tester", "incident_manager"}) {
    EXPECT_TRUE(Performs(outage, ActionKind::kNotify, l2)) << l2;
  }
  walk.Do("restore_service", Role::kItOperator, {{"resolution", "Restarted the cluster"}});
  EXPECT_EQ(walk.state(), "outage_verification");
  walk.Do("send_back_outage", Role::kTester, {{"verification_note", "Search still 500s"}});
  EXPECT_EQ(walk.state(), "outage");
  walk.Do("restore_service", Role::kDeveloper, {{"resolution", "Fixed the index"}});
  const Outcome& verified = walk.Do("verify_outage_fix", Role::kTester);
  EXPECT_EQ(walk.state(), "awaiting_confirmation");
  EXPECT_TRUE(Performs(verified, ActionKind::kReply, "service_restored"));
  ProcessWalk unhappy = walk;
  walk.Do("confirm_resolution", Role::kCustomer);
  EXPECT_EQ(walk.state(), "closed");
  unhappy.Do("not_resolved_outage", Role::kCustomer, {{"customer_comment", "Down again"}});
  EXPECT_EQ(unhappy.state(), "outage");
}

TEST(SupportProcess, IncidentIsResolvedVerifiedAndConfirmed) {
  ProcessWalk walk = Escalated();
  walk.Do("classify_incident", Role::kIncidentManager, kTriage);
  EXPECT_EQ(walk.state(), "incident_work");
  EXPECT_EQ(walk.field("criticality"), "high");
  EXPECT_EQ(walk.field("planned_effort"), "6");
  walk.Do("resolve_incident", Role::kItOperator, {{"resolution", "Patched"}});
  EXPECT_EQ(walk.state(), "incident_verification");
  walk.Do("send_back_incident", Role::kTester, {{"verification_note", "Step 3 fails"}});
  EXPECT_EQ(walk.state(), "incident_work");
  walk.Do("ask_customer_l2", Role::kItOperator);
  walk.Do("customer_replied", Role::kCustomer);
  EXPECT_EQ(walk.state(), "incident_work");
  walk.Do("resolve_incident", Role::kDeveloper, {{"resolution", "Patched step 3"}});
  walk.Do("verify_incident_fix", Role::kTester);
  ProcessWalk unhappy = walk;
  walk.Do("confirm_resolution", Role::kCustomer);
  EXPECT_EQ(walk.state(), "closed");
  unhappy.Do("not_resolved_incident", Role::kCustomer, {{"customer_comment", "No"}});
  EXPECT_EQ(unhappy.state(), "incident_work");
}

ProcessWalk ApprovedChange() {
  ProcessWalk walk = Escalated();
  walk.Do("classify_rfc", Role::kIncidentManager, kTriage);
  EXPECT_EQ(walk.state(), "rfc_review");
  EXPECT_EQ(walk.Do("approve_change", Role::kRfcBoard, {}, 201).approval, ApprovalStatus::kPending);
  EXPECT_EQ(walk.state(), "rfc_review");
  EXPECT_EQ(walk.Do("approve_change", Role::kRfcBoard, {}, 202).approval,
            ApprovalStatus::kApproved);
  EXPECT_EQ(walk.state(), "rfc_approved");
  return walk;
}

TEST(SupportProcess, ChangeApprovedByQuorumIsDevelopedVerifiedAndDeployed) {
  ProcessWalk walk = ApprovedChange();
  const Outcome& started =
      walk.Do("start_development", Role::kIncidentManager, {{"developer", "55"}});
  EXPECT_EQ(walk.state(), "rfc_development");
  EXPECT_EQ(DefaultProcess().FindState("rfc_development")->tier, 3);
  ASSERT_TRUE(Performs(started, ActionKind::kAssign));
  EXPECT_EQ(started.actions[0].target.user, core::UserId{55});
  walk.Do("submit_change", Role::kDeveloper, {{"resolution", "New export format"}});
  EXPECT_EQ(walk.state(), "rfc_verification");
  EXPECT_THAT(walk.Available(Role::kTester),
              ::testing::ElementsAre("accept_change", "send_back_to_developer"));
  walk.Do("send_back_to_developer", Role::kTester, {{"verification_note", "Breaks CSV"}});
  EXPECT_EQ(walk.state(), "rfc_development");
  walk.Do("submit_change", Role::kDeveloper, {{"resolution", "Fixed CSV"}});
  walk.Do("accept_change", Role::kTester);
  EXPECT_EQ(walk.state(), "awaiting_deployment");
  const Outcome& deployed = walk.Do("deploy_change", Role::kItOperator);
  EXPECT_EQ(walk.state(), "deployed");
  EXPECT_TRUE(Performs(deployed, ActionKind::kReply, "change_deployed"));
  walk.Do("close_deployed", Role::kIncidentManager);
  EXPECT_EQ(walk.state(), "closed");
}

TEST(SupportProcess, ChangeHandedOffToTheIntegrator) {
  ProcessWalk walk = ApprovedChange();
  walk.Do("hand_off_to_integrator", Role::kIncidentManager, {{"contractor_brief", "API v2"}});
  EXPECT_EQ(walk.state(), "rfc_integration");
  EXPECT_EQ(walk.field("rfc_route"), "integrator");
  walk.Do("deliver_change", Role::kIntegrator, {{"resolution", "Delivered"}});
  walk.Do("send_back_to_integrator", Role::kTester, {{"verification_note", "Timeouts"}});
  EXPECT_EQ(walk.state(), "rfc_integration");
  walk.Do("deliver_change", Role::kIntegrator, {{"resolution", "Delivered again"}});
  walk.Do("accept_change", Role::kTester);
  walk.Do("deploy_change", Role::kDeveloper);
  walk.Timer("close_deployed");
  EXPECT_EQ(walk.state(), "closed");
}

TEST(SupportProcess, ChangeRejectedByOneBoardMemberTellsTheCustomerWhy) {
  ProcessWalk walk = Escalated();
  walk.Do("classify_rfc", Role::kIncidentManager, kTriage);
  walk.Do("approve_change", Role::kRfcBoard, {}, 201);
  const Outcome& rejected = walk.Do("reject_change", Role::kRfcBoard,
                                    {{"rejection_reason", "Not in this year's plan"}}, 202);
  EXPECT_EQ(rejected.approval, ApprovalStatus::kRejected);
  EXPECT_EQ(walk.state(), "closed");
  EXPECT_EQ(walk.field("rejection_reason"), "Not in this year's plan");
  EXPECT_TRUE(Performs(rejected, ActionKind::kReply, "rfc_rejected"));
  EXPECT_TRUE(Performs(rejected, ActionKind::kClose));
}

// Puts `walk` in a state `t` leaves, with fields that satisfy its guard.
void Prepare(ProcessWalk& walk, const Transition& t) {
  const Process& process = DefaultProcess();
  walk.ticket().state = t.from_any ? "l1_new" : t.from.front().id;
  walk.ticket().previous_state = "l1_technical";
  for (const Condition& c : t.guard) {
    if (c.op == ConditionOp::kEquals || c.op == ConditionOp::kIn) {
      walk.ticket().fields[c.field.id] = c.values.front();
    } else if (c.op == ConditionOp::kWithinDays) {
      walk.ticket().fields[c.field.id] = core::FormatIso8601(walk.now());
    } else if (c.op == ConditionOp::kPresent) {
      walk.ticket().fields[c.field.id] = process.FindField(c.field.id)->options.front();
    }
  }
}

TEST(SupportProcess, EveryTransitionRefusesEveryOtherRole) {
  for (const Transition& t : DefaultProcess().transitions) {
    for (Role role : core::kAllRoles) {
      if (std::find(t.roles.begin(), t.roles.end(), role) != t.roles.end()) continue;
      ProcessWalk walk(DefaultProcess());
      Prepare(walk, t);
      auto refused = walk.Try(t.id, role);
      ASSERT_FALSE(refused.ok()) << t.id << " by " << core::ToString(role);
      EXPECT_EQ(refused.error().code, ErrorCode::kForbidden)
          << t.id << " by " << core::ToString(role) << ": " << refused.error().message;
    }
  }
}

TEST(SupportProcess, EveryTransitionNamesEachMissingRequiredField) {
  int checked = 0;
  for (const Transition& t : DefaultProcess().transitions) {
    if (t.roles.empty()) continue;
    for (const FieldRequirement& missing : t.fields) {
      if (!missing.required) continue;
      ProcessWalk walk(DefaultProcess());
      Prepare(walk, t);
      FieldValues inputs;
      for (const FieldRequirement& r : t.fields) {
        if (r.field.id == missing.field.id) continue;
        auto it = kTriage.find(r.field.id);
        inputs[r.field.id] = it != kTriage.end()         ? it->second
                             : r.field.id == "developer" ? "55"
                                                         : "some text";
      }
      auto refused = walk.Try(t.id, t.roles.front(), inputs);
      ASSERT_FALSE(refused.ok()) << t.id << " without " << missing.field.id;
      EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument) << refused.error().message;
      EXPECT_EQ(refused.error().field, missing.field.id) << t.id;
      ++checked;
    }
  }
  EXPECT_GT(checked, 20);
}

}  // namespace
}  // namespace hd::workflow
