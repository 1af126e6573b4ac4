#include "env.hpp"

namespace hd::testing {
namespace {

using core::TicketStatus;

class Conversation : public UseCaseTest {};

TEST_F(Conversation, CustomersNeverSeeInternalNotesOrTheirEvents) {
  auto anna = Make("anna@example.com");
  auto agent = Make("l1@example.com", core::Role::kL1Operator);
  auto t = Open(anna);
  ASSERT_TRUE(s_->conversation.Post(agent, t.id, {"We are on it.", false}).ok());
  ASSERT_TRUE(s_->conversation.Post(agent, t.id, {"Customer is on an old version.", true}).ok());
  auto theirs = s_->conversation.List(anna, t.id);
  auto ours = s_->conversation.List(agent, t.id);
  ASSERT_EQ(theirs->size(), 2u);
  ASSERT_EQ(ours->size(), 3u);
  for (const auto& m : *theirs) EXPECT_FALSE(m.internal);
  auto history = s_->conversation.History(anna, t.id);
  ASSERT_TRUE(history.ok());
  for (const auto& e : *history) {
    EXPECT_NE(e.kind, core::EventKind::kNoteAdded);
  }
}

TEST_F(Conversation, CustomersCannotWriteInternalNotes) {
  auto anna = Make("anna@example.com");
  auto t = Open(anna);
  EXPECT_EQ(s_->conversation.Post(anna, t.id, {"psst", true}).error().code, ErrorCode::kForbidden);
}

TEST_F(Conversation, SupportsFirstAnswerOpensAndTheCustomersReplyReopens) {
  auto anna = Make("anna@example.com");
  auto agent = Make("l1@example.com", core::Role::kL1Operator);
  auto t = Open(anna);
  ASSERT_TRUE(s_->conversation.Post(agent, t.id, {"Which version?", false}).ok());
  EXPECT_EQ(s_->tickets.Get(agent, t.id)->status, TicketStatus::kOpen);
  service::TicketPatch wait;
  wait.status = TicketStatus::kPending;
  ASSERT_TRUE(s_->tickets.Update(agent, t.id, wait).ok());
  ASSERT_TRUE(s_->conversation.Post(anna, t.id, {"24.100", false}).ok());
  EXPECT_EQ(s_->tickets.Get(agent, t.id)->status, TicketStatus::kOpen);
}

TEST_F(Conversation, FeedbackIsARatingFromOneToFiveByTheCustomer) {
  auto anna = Make("anna@example.com");
  auto agent = Make("l1@example.com", core::Role::kL1Operator);
  auto t = Open(anna);
  auto answer = s_->conversation.Post(agent, t.id, {"Fixed.", false});
  EXPECT_EQ(s_->conversation.GiveFeedback(anna, t.id, {0, ""}).error().field, "rating");
  EXPECT_EQ(s_->conversation.GiveFeedback(anna, t.id, {6, ""}).error().field, "rating");
  EXPECT_EQ(s_->conversation.GiveFeedback(agent, t.id, {5, ""}).error().code,
            ErrorCode::kForbidden);
  auto given = s_->conversation.GiveFeedback(anna, t.id, {5, "Great", answer->id});
  ASSERT_TRUE(given.ok()) << given.error().message;
  EXPECT_EQ(s_->conversation.ListFeedback(agent, t.id)->at(0).rating, 5);
  EXPECT_EQ(s_->conversation.History(anna, t.id)->back().kind, core::EventKind::kFeedbackGiven);
}

TEST_F(Conversation, AttachmentsAreStoredOnceAndServedOnlyToReaders) {
  auto anna = Make("anna@example.com");
  auto carl = Make("carl@example.com");
  auto agent = Make("l1@example.com", core::Role::kL1Operator);
  auto in = Input();
  in.attachments.push_back({"../../etc/screen.png", "image/png", std::string("\x89PNG\0\1", 6)});
  auto created = s_->tickets.Create(anna, in);
  ASSERT_TRUE(created.ok()) << created.error().message;
  auto messages = s_->conversation.List(anna, created->ticket.id);
  ASSERT_EQ(messages->at(0).attachments.size(), 1u);
  const auto& a = messages->at(0).attachments[0];
  EXPECT_EQ(a.filename, "screen.png");
  EXPECT_EQ(a.size, 6);
  auto download = s_->conversation.GetAttachment(agent, a.id);
  ASSERT_TRUE(download.ok());
  EXPECT_EQ(download->bytes, std::string("\x89PNG\0\1", 6));
  EXPECT_EQ(s_->conversation.GetAttachment(carl, a.id).error().code, ErrorCode::kNotFound);
}

TEST_F(Conversation, AnInternalNotesAttachmentIsHiddenFromTheCustomer) {
  auto anna = Make("anna@example.com");
  auto agent = Make("l1@example.com", core::Role::kL1Operator);
  auto t = Open(anna);
  service::PostMessageInput note{"log attached", true};
  note.attachments.push_back({"server.log", "text/plain", "secret"});
  auto posted = s_->conversation.Post(agent, t.id, note);
  ASSERT_TRUE(posted.ok());
  const auto id = posted->attachments.at(0).id;
  EXPECT_TRUE(s_->conversation.GetAttachment(agent, id).ok());
  EXPECT_EQ(s_->conversation.GetAttachment(anna, id).error().code, ErrorCode::kNotFound);
}

TEST_F(Conversation, AnOversizeAttachmentIsRefusedAndNothingIsStored) {
  options_.max_attachment_bytes = 10;
  s_ = std::make_unique<service::Services>(*store_, *blobs_, clock_, options_);
  auto anna = Make("anna@example.com");
  auto in = Input();
  in.attachments.push_back({"big.bin", "", std::string(11, 'x')});
  auto refused = s_->tickets.Create(anna, in);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(refused.error().field, "attachments");
  EXPECT_EQ(s_->tickets.List(anna, {})->items.size(), 0u);
}

}  // namespace
}  // namespace hd::testing
