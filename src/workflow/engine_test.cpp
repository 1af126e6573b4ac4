#include "workflow/engine.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "workflow/loader.hpp"

namespace hd::workflow {
namespace {

using core::Role;
using ::testing::ElementsAre;
using ::testing::Field;

// A small process exercising each engine rule.
constexpr char kProcess[] = R"(
id: small
version: 3
initial: open
fields:
  - {id: effort, type: number}
  - {id: due, type: date}
  - {id: note, type: text}
  - {id: level, type: enum, options: [low, high]}
  - {id: owner, type: user}
  - {id: closed_at, type: datetime}
  - {id: reason, type: text}
states:
  - {id: open, owner: {role: l1_operator}}
  - {id: waiting, owner: {role: customer}, clock_runs: false}
  - {id: urgent, owner: {role: it_operator}}
  - {id: review, owner: {role: rfc_board}}
  - {id: approved, owner: {role: developer}}
  - {id: closed, final: true}
transitions:
  - id: plan
    from: open
    to: urgent
    roles: [l1_operator, incident_manager]
    fields: [effort, due, {field: note, required: false}, {field: owner, required: false}]
    actions:
      - set: {field: level, value: high}
      - assign: {person: actor}
      - notify: {role: tester}
  - id: ask
    from: [open, urgent]
    to: waiting
    roles: [l1_operator, it_operator]
    actions: [{sla: pause}]
  - id: resume
    from: waiting
    returns: true
    roles: [customer]
    actions: [{sla: start}]
  - id: hand_over
    from: urgent
    to: urgent
    roles: [it_operator]
    fields: [owner]
    actions: [{assign: {user_field: owner}}]
  - id: propose
    from: urgent
    to: review
    roles: [it_operator]
    guard: [{field: level, equals: high}, {field: effort, present: true}]
  - id: finish
    from: [urgent, approved]
    to: closed
    roles: [it_operator, developer]
    actions: [{set: {field: closed_at, value: $now}}, {sla: stop}, close]
  - id: reopen
    from: closed
    to: open
    roles: [customer]
    guard: [{field: closed_at, within_days: 14}]
  - id: expire
    from: waiting
    to: closed
    auto_after_hours: 48
    actions: [close]
approvals:
  - id: board
    state: review
    role: rfc_board
    quorum: 2
    reason_field: reason
    approve: {id: approve, to: approved, actions: [{notify: {role: developer}}]}
    reject: {id: reject, to: closed, actions: [{reply: rejected}, close]}
)";

const Process& Small() {
  static const Process process = [] {
    auto loaded = LoadProcess(kProcess, "small.yaml");
    EXPECT_TRUE(loaded.ok()) << loaded.error().message;
    return loaded.ok() ? *loaded : Process{};
  }();
  return process;
}

const core::Timestamp kNow = core::FromUnixMillis(1'767'000'000'000);  // 2025-12-29T09:20:00Z

TicketView At(std::string state, FieldValues fields = {}) {
  return TicketView{std::move(state), {}, std::move(fields), {}, core::UserId{7}};
}

// A user of `role`: by default the ticket's initiator (7) for a customer.
Actor As(Role role, std::int64_t user = 0) {
  return Actor{core::UserId{user != 0 ? user : (role == Role::kCustomer ? 7 : 100)}, role};
}

FireRequest Request(std::string transition, FieldValues inputs = {}) {
  return FireRequest{std::move(transition), std::move(inputs), kNow};
}

std::vector<std::string> Ids(const std::vector<AvailableTransition>& list) {
  std::vector<std::string> ids;
  for (const auto& t : list) ids.push_back(t.id);
  return ids;
}

TEST(AvailableTransitions, ListsOnlyWhatTheRoleMayFireFromTheState) {
  EXPECT_THAT(Ids(AvailableTransitions(Small(), At("open"), As(Role::kL1Operator), kNow)),
              ElementsAre("plan", "ask"));
  EXPECT_THAT(Ids(AvailableTransitions(Small(), At("open"), As(Role::kIncidentManager), kNow)),
              ElementsAre("plan"));
  EXPECT_TRUE(AvailableTransitions(Small(), At("open"), As(Role::kCustomer), kNow).empty());
}

TEST(AvailableTransitions, DescribesTheFieldsEachTransitionAsksFor) {
  auto list = AvailableTransitions(Small(), At("open"), As(Role::kL1Operator), kNow);
  ASSERT_EQ(list[0].id, "plan");
  EXPECT_EQ(list[0].to, "urgent");
  EXPECT_THAT(list[0].fields,
              ElementsAre(Field(&FieldPrompt::name, "effort"), Field(&FieldPrompt::name, "due"),
                          Field(&FieldPrompt::name, "note"), Field(&FieldPrompt::name, "owner")));
  EXPECT_EQ(list[0].fields[1].type, FieldType::kDate);
  EXPECT_TRUE(list[0].fields[1].required);
  EXPECT_FALSE(list[0].fields[2].required);
}

TEST(AvailableTransitions, HidesTransitionsWhoseGuardFails) {
  auto ids = [](FieldValues fields) {
    return Ids(AvailableTransitions(Small(), At("urgent", std::move(fields)), As(Role::kItOperator),
                                    kNow));
  };
  EXPECT_THAT(ids({{"level", "low"}, {"effort", "3"}}), ElementsAre("ask", "hand_over", "finish"));
  EXPECT_THAT(ids({{"level", "high"}, {"effort", "3"}}),
              ElementsAre("ask", "hand_over", "propose", "finish"));
}

TEST(Fire, RefusesARoleNotListedWithForbidden) {
  auto outcome = Fire(Small(), At("open"), As(Role::kTester), Request("plan"));
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().code, ErrorCode::kForbidden);
}

TEST(Fire, RefusesATransitionThatDoesNotLeaveTheCurrentState) {
  auto outcome = Fire(Small(), At("waiting"), As(Role::kL1Operator), Request("plan"));
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().code, ErrorCode::kConflict);
  EXPECT_EQ(outcome.error().reason, "wrong-state");
}

TEST(Fire, ReportsAnUnknownTransitionAsNotFound) {
  auto outcome = Fire(Small(), At("open"), As(Role::kL1Operator), Request("teleport"));
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().code, ErrorCode::kNotFound);
}

TEST(Fire, NamesTheMissingRequiredField) {
  auto outcome =
      Fire(Small(), At("open"), As(Role::kL1Operator), Request("plan", {{"effort", "2"}}));
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(outcome.error().field, "due");
}

TEST(Fire, TreatsAnEmptyRequiredValueAsMissing) {
  auto outcome = Fire(Small(), At("open"), As(Role::kL1Operator),
                      Request("plan", {{"effort", ""}, {"due", "2026-01-15"}}));
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().field, "effort");
}

TEST(Fire, NamesTheFieldWhoseValueDoesNotFitItsType) {
  auto outcome = Fire(Small(), At("open"), As(Role::kL1Operator),
                      Request("plan", {{"effort", "2"}, {"due", "2026-02-30"}}));
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(outcome.error().field, "due");
  EXPECT_EQ(outcome.error().message, "field 'due' must be a date YYYY-MM-DD");
}

TEST(Fire, RejectsAnInputTheTransitionDoesNotAskFor) {
  auto outcome = Fire(Small(), At("open"), As(Role::kL1Operator),
                      Request("plan", {{"effort", "2"}, {"due", "2026-01-15"}, {"level", "low"}}));
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(outcome.error().field, "level");
}

TEST(Fire, ReturnsNewStateFieldChangesAndResolvedActions) {
  auto outcome =
      Fire(Small(), At("open", {{"level", "low"}}), As(Role::kL1Operator, 42),
           Request("plan", {{"effort", "2.50"}, {"due", "2026-01-15"}, {"note", "call back"}}));
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_EQ(outcome->from, "open");
  EXPECT_EQ(outcome->to, "urgent");
  EXPECT_TRUE(outcome->state_changed());
  ASSERT_EQ(outcome->changes.size(), 4u);
  EXPECT_EQ(outcome->changes[0].field, "due");
  EXPECT_EQ(outcome->changes[1].field, "effort");
  EXPECT_EQ(outcome->changes[1].new_value, "2.5");  // canonical number
  EXPECT_EQ(outcome->changes[3].field, "level");
  EXPECT_EQ(outcome->changes[3].old_value, "low");
  EXPECT_EQ(outcome->changes[3].new_value, "high");
  ASSERT_EQ(outcome->actions.size(), 2u);
  EXPECT_EQ(outcome->actions[0].kind, ActionKind::kAssign);
  EXPECT_EQ(outcome->actions[0].target.user, core::UserId{42});
  EXPECT_EQ(outcome->actions[1].kind, ActionKind::kNotify);
  EXPECT_EQ(outcome->actions[1].target.id, "tester");
}

TEST(Fire, AssignsThePersonHeldInAUserField) {
  auto outcome =
      Fire(Small(), At("urgent"), As(Role::kItOperator), Request("hand_over", {{"owner", "0031"}}));
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_EQ(outcome->to, "urgent");
  EXPECT_FALSE(outcome->state_changed());
  ASSERT_EQ(outcome->actions.size(), 1u);
  EXPECT_EQ(outcome->actions[0].target.user, core::UserId{31});
}

TEST(Fire, RefusesWhenTheGuardDoesNotHold) {
  auto outcome = Fire(Small(), At("urgent", {{"level", "low"}, {"effort", "1"}}),
                      As(Role::kItOperator), Request("propose"));
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().code, ErrorCode::kConflict);
  EXPECT_EQ(outcome.error().reason, "guard-failed");
  EXPECT_EQ(outcome.error().message, "transition 'propose' needs level is high");
}

TEST(Fire, SetsNowAndReopensOnlyWithinThePeriod) {
  auto closed = Fire(Small(), At("urgent"), As(Role::kItOperator), Request("finish"));
  ASSERT_TRUE(closed.ok()) << closed.error().message;
  ASSERT_EQ(closed->changes.size(), 1u);
  EXPECT_EQ(closed->changes[0].new_value, "2025-12-29T09:20:00Z");
  EXPECT_EQ(closed->actions.back().kind, ActionKind::kClose);

  const FieldValues fields{{"closed_at", closed->changes[0].new_value}};
  FireRequest later = Request("reopen");
  later.now = kNow + std::chrono::hours{24 * 14};
  EXPECT_TRUE(Fire(Small(), At("closed", fields), As(Role::kCustomer), later).ok());
  later.now += std::chrono::seconds{1};
  auto too_late = Fire(Small(), At("closed", fields), As(Role::kCustomer), later);
  ASSERT_FALSE(too_late.ok());
  EXPECT_EQ(too_late.error().reason, "guard-failed");
}

TEST(Fire, ACustomerActsOnlyOnTheTicketTheyOpened) {
  TicketView ticket = At("waiting");
  ticket.previous_state = "urgent";
  EXPECT_THAT(Ids(AvailableTransitions(Small(), ticket, As(Role::kCustomer), kNow)),
              ElementsAre("resume"));
  EXPECT_TRUE(AvailableTransitions(Small(), ticket, As(Role::kCustomer, 8), kNow).empty());
  auto colleague = Fire(Small(), ticket, As(Role::kCustomer, 8), Request("resume"));
  ASSERT_FALSE(colleague.ok());
  EXPECT_EQ(colleague.error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(Fire(Small(), ticket, As(Role::kCustomer), Request("resume")).ok());
}

TEST(Fire, ReturnsToThePreviousState) {
  TicketView ticket = At("waiting");
  ticket.previous_state = "urgent";
  auto outcome = Fire(Small(), ticket, As(Role::kCustomer), Request("resume"));
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_EQ(outcome->to, "urgent");
  ticket.previous_state.clear();
  auto nowhere = Fire(Small(), ticket, As(Role::kCustomer), Request("resume"));
  ASSERT_FALSE(nowhere.ok());
  EXPECT_EQ(nowhere.error().reason, "nothing-to-return-to");
}

TEST(FireAutomatic, FiresOnlyTimedTransitions) {
  EXPECT_THAT(AutomaticTransitions(Small(), "waiting"),
              ElementsAre(::testing::Pointee(Field(&Transition::id, "expire"))));
  auto expired = FireAutomatic(Small(), At("waiting"), "expire", kNow);
  ASSERT_TRUE(expired.ok()) << expired.error().message;
  EXPECT_EQ(expired->to, "closed");
  auto not_timed = FireAutomatic(Small(), At("waiting"), "resume", kNow);
  ASSERT_FALSE(not_timed.ok());
  EXPECT_EQ(not_timed.error().code, ErrorCode::kForbidden);
}

TEST(Approval, OffersApproveAndRejectToVotersOnly) {
  EXPECT_THAT(Ids(AvailableTransitions(Small(), At("review"), As(Role::kRfcBoard), kNow)),
              ElementsAre("approve", "reject"));
  EXPECT_TRUE(AvailableTransitions(Small(), At("review"), As(Role::kDeveloper), kNow).empty());
  TicketView voted = At("review");
  voted.votes.push_back(Vote{core::UserId{100}, true, ""});
  EXPECT_TRUE(AvailableTransitions(Small(), voted, As(Role::kRfcBoard, 100), kNow).empty());
}

TEST(Approval, StaysPendingUntilQuorumThenTakesTheApproveBranch) {
  TicketView ticket = At("review");
  auto first = Fire(Small(), ticket, As(Role::kRfcBoard, 1), Request("approve"));
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->approval, ApprovalStatus::kPending);
  EXPECT_EQ(first->to, "review");
  EXPECT_EQ(first->approvals, 1);
  EXPECT_TRUE(first->actions.empty());
  ASSERT_TRUE(first->vote.has_value());
  ticket.votes.push_back(*first->vote);

  auto second = Fire(Small(), ticket, As(Role::kRfcBoard, 2), Request("approve"));
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(second->approval, ApprovalStatus::kApproved);
  EXPECT_EQ(second->approvals, 2);
  EXPECT_EQ(second->to, "approved");
  ASSERT_EQ(second->actions.size(), 1u);
  EXPECT_EQ(second->actions[0].target.id, "developer");
}

TEST(Approval, AnyRejectionWithAReasonTakesTheRejectBranch) {
  TicketView ticket = At("review");
  ticket.votes.push_back(Vote{core::UserId{1}, true, ""});
  auto no_reason = Fire(Small(), ticket, As(Role::kRfcBoard, 2), Request("reject"));
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().field, "reason");

  auto rejected = Fire(Small(), ticket, As(Role::kRfcBoard, 2),
                       Request("reject", {{"reason", "out of scope"}}));
  ASSERT_TRUE(rejected.ok()) << rejected.error().message;
  EXPECT_EQ(rejected->approval, ApprovalStatus::kRejected);
  EXPECT_EQ(rejected->to, "closed");
  EXPECT_EQ(rejected->vote->reason, "out of scope");
  ASSERT_EQ(rejected->changes.size(), 1u);
  EXPECT_EQ(rejected->changes[0].field, "reason");
  EXPECT_EQ(rejected->actions[0].template_id, "rejected");
}

TEST(Approval, RefusesASecondVoteAndOtherRoles) {
  TicketView ticket = At("review");
  ticket.votes.push_back(Vote{core::UserId{1}, true, ""});
  auto again = Fire(Small(), ticket, As(Role::kRfcBoard, 1), Request("approve"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().reason, "already-voted");
  auto outsider = Fire(Small(), ticket, As(Role::kDeveloper, 9), Request("approve"));
  ASSERT_FALSE(outsider.ok());
  EXPECT_EQ(outsider.error().code, ErrorCode::kForbidden);
  auto elsewhere = Fire(Small(), At("open"), As(Role::kRfcBoard, 9), Request("approve"));
  ASSERT_FALSE(elsewhere.ok());
  EXPECT_EQ(elsewhere.error().reason, "wrong-state");
}

}  // namespace
}  // namespace hd::workflow
