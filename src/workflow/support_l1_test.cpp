// The default process (config/defaults/processes/support.yaml), L1 branches:
// the six classes, the customer's objections and replies, reopening.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "workflow/process_walk.hpp"
#include "workflow/test_support.hpp"

namespace hd::workflow {
namespace {

using core::Role;
using testing::DefaultProcess;
using ::testing::ElementsAre;
using testing::Performs;
using testing::ProcessWalk;

TEST(SupportProcess, StartsAtL1WithTheSixClassesOffered) {
  ProcessWalk walk(DefaultProcess());
  EXPECT_EQ(walk.state(), "l1_new");
  EXPECT_EQ(DefaultProcess().FindState("l1_new")->tier, 1);
  EXPECT_THAT(walk.Available(Role::kL1Operator),
              ElementsAre("route_to_administration", "close_obscene", "answer_off_topic",
                          "answer_from_faq", "route_to_content", "take_technical", "ask_customer"));
}

TEST(SupportProcess, AppealGoesToTheAdministrationGroup) {
  ProcessWalk walk(DefaultProcess());
  const Outcome& routed = walk.Do("route_to_administration", Role::kL1Operator);
  EXPECT_EQ(walk.state(), "administration");
  EXPECT_EQ(walk.field("l1_class"), "appeal_to_administration");
  EXPECT_TRUE(Performs(routed, ActionKind::kAssign, "administration"));
  EXPECT_EQ(DefaultProcess().FindState("administration")->owner.kind, TargetKind::kGroup);
  const Outcome& answered =
      walk.Do("answer_appeal", Role::kAdministrator, {{"resolution", "Refund issued"}});
  EXPECT_EQ(walk.state(), "closed");
  EXPECT_TRUE(Performs(answered, ActionKind::kReply, "administration_answer"));
  EXPECT_TRUE(Performs(answered, ActionKind::kClose));
}

TEST(SupportProcess, ObsceneLanguageIsClosedWithATemplateAndMarked) {
  ProcessWalk walk(DefaultProcess());
  const Outcome& closed = walk.Do("close_obscene", Role::kL1Operator);
  EXPECT_EQ(walk.state(), "closed");
  EXPECT_EQ(walk.field("obscene"), "true");
  EXPECT_EQ(walk.field("l1_class"), "obscene_language");
  EXPECT_EQ(walk.field("closed_at"), "2025-12-29T09:20:00Z");
  EXPECT_TRUE(Performs(closed, ActionKind::kReply, "obscene_language"));
  EXPECT_TRUE(Performs(closed, SlaOp::kStop));
  // A ticket closed for obscene language cannot be reopened.
  auto reopen = walk.Try("reopen", Role::kCustomer, {{"customer_comment", "why?"}});
  ASSERT_FALSE(reopen.ok());
  EXPECT_EQ(reopen.error().reason, "guard-failed");
}

TEST(SupportProcess, OffTopicIsAnsweredWithATemplateAndClosed) {
  ProcessWalk walk(DefaultProcess());
  const Outcome& closed = walk.Do("answer_off_topic", Role::kL1Operator);
  EXPECT_EQ(walk.state(), "closed");
  EXPECT_EQ(walk.field("l1_class"), "off_topic");
  EXPECT_TRUE(Performs(closed, ActionKind::kReply, "off_topic"));
  EXPECT_TRUE(Performs(closed, ActionKind::kClose));
}

TEST(SupportProcess, FaqAnswerClosesByItselfUnlessTheCustomerObjects) {
  ProcessWalk walk(DefaultProcess());
  auto no_link = walk.Try("answer_from_faq", Role::kL1Operator);
  ASSERT_FALSE(no_link.ok());
  EXPECT_EQ(no_link.error().field, "faq_article");
  const Outcome& answered =
      walk.Do("answer_from_faq", Role::kL1Operator, {{"faq_article", "https://faq/42"}});
  EXPECT_EQ(walk.state(), "faq_answered");
  EXPECT_TRUE(Performs(answered, ActionKind::kReply, "faq_answer"));
  EXPECT_TRUE(Performs(answered, SlaOp::kPause));
  EXPECT_FALSE(DefaultProcess().FindState("faq_answered")->clock_runs);
  ProcessWalk objecting = walk;
  walk.Timer("close_faq_answered");
  EXPECT_EQ(walk.state(), "closed");

  const Outcome& objected =
      objecting.Do("customer_objects", Role::kCustomer, {{"customer_comment", "Not my case"}});
  EXPECT_EQ(objecting.state(), "l1_technical");
  EXPECT_TRUE(Performs(objected, SlaOp::kStart));
}

TEST(SupportProcess, ContentQuestionGoesToContentModeration) {
  ProcessWalk walk(DefaultProcess());
  const Outcome& routed = walk.Do("route_to_content", Role::kL1Operator);
  EXPECT_EQ(walk.state(), "content_moderation");
  EXPECT_TRUE(Performs(routed, ActionKind::kAssign, "content_moderation"));
  ProcessWalk returned = walk;
  walk.Do("answer_content_question", Role::kAdministrator, {{"resolution", "Listing fixed"}});
  EXPECT_EQ(walk.state(), "closed");
  returned.Do("return_to_l1", Role::kAdministrator, {{"return_reason", "A technical problem"}});
  EXPECT_EQ(returned.state(), "l1_new");
}

TEST(SupportProcess, TechnicalQuestionAnsweredAtL1AndConfirmed) {
  ProcessWalk walk(DefaultProcess());
  const Outcome& taken = walk.Do("take_technical", Role::kL1Operator, {}, 12);
  EXPECT_EQ(walk.state(), "l1_technical");
  ASSERT_TRUE(Performs(taken, ActionKind::kAssign));
  EXPECT_EQ(taken.actions[0].target.user, core::UserId{12});
  walk.Do("answer_technical", Role::kL1Operator, {{"resolution", "Clear the cache"}});
  EXPECT_EQ(walk.state(), "awaiting_confirmation");
  // Without a type set by L2 only the L1 "not solved" branch is offered.
  EXPECT_THAT(walk.Available(Role::kCustomer),
              ElementsAre("confirm_resolution", "not_resolved_at_l1"));
  ProcessWalk unhappy = walk;
  const Outcome& confirmed = walk.Do("confirm_resolution", Role::kCustomer);
  EXPECT_EQ(walk.state(), "closed");
  EXPECT_TRUE(Performs(confirmed, SlaOp::kStop));
  unhappy.Do("not_resolved_at_l1", Role::kCustomer, {{"customer_comment", "Still broken"}});
  EXPECT_EQ(unhappy.state(), "l1_technical");
}

TEST(SupportProcess, CustomerReplyResumesTheStateThatAskedForIt) {
  ProcessWalk walk(DefaultProcess());
  walk.Do("take_technical", Role::kL1Operator);
  const Outcome& asked = walk.Do("ask_customer", Role::kL1Operator);
  EXPECT_EQ(walk.state(), "waiting_for_customer");
  EXPECT_TRUE(Performs(asked, SlaOp::kPause));
  EXPECT_FALSE(DefaultProcess().FindState("waiting_for_customer")->clock_runs);
  ProcessWalk silent = walk;
  const Outcome& resumed = walk.Do("customer_replied", Role::kCustomer);
  EXPECT_EQ(walk.state(), "l1_technical");
  EXPECT_TRUE(Performs(resumed, SlaOp::kStart));
  silent.Timer("close_unanswered");
  EXPECT_EQ(silent.state(), "closed");
}

TEST(SupportProcess, CustomerMayReopenWithinFourteenDays) {
  ProcessWalk walk(DefaultProcess());
  walk.Do("answer_off_topic", Role::kL1Operator);
  ProcessWalk late = walk;
  walk.Advance(std::chrono::hours{24 * 14});
  walk.Do("reopen", Role::kCustomer, {{"customer_comment", "It is on topic"}});
  EXPECT_EQ(walk.state(), "l1_new");
  late.Advance(std::chrono::hours{24 * 15});
  EXPECT_TRUE(late.Available(Role::kCustomer).empty());
  auto refused = late.Try("reopen", Role::kCustomer, {{"customer_comment", "Please"}});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason, "guard-failed");
}

TEST(SupportProcess, AdministratorMayCancelFromAnyOpenState) {
  for (const State& state : DefaultProcess().states) {
    ProcessWalk walk(DefaultProcess());
    walk.ticket().state = state.id;
    auto cancelled = walk.Try("cancel", Role::kAdministrator, {{"resolution", "Duplicate"}});
    if (state.final) {
      EXPECT_FALSE(cancelled.ok()) << state.id;
    } else {
      ASSERT_TRUE(cancelled.ok()) << state.id << ": " << cancelled.error().message;
      EXPECT_EQ(cancelled->to, "closed");
    }
  }
}

}  // namespace
}  // namespace hd::workflow
