// Contract: messages, attachments, events (history) and feedback.
#include "store_contract.hpp"

namespace hd::storage::testing {
namespace {

using core::Attachment;
using core::Event;
using core::EventKind;
using core::Message;
using core::ports::Tx;

TEST_P(ConversationRepoContract, MessageRoundTripsWithItsAttachments) {
  const core::User& ann = customer_;
  const core::Ticket& t = ticket_;
  Message m{{}, t.id, ann.id, "It jams", false, "email", kAt, {}};
  m = Must(WriteValue<Message>([&](Tx& tx) { return tx.Messages().Insert(m); }));
  ASSERT_TRUE(m.id.valid());
  Attachment a{{},           t.id, std::nullopt,         ann.id, "log.txt",
               "text/plain", 3,    std::string(64, 'b'), kAt};
  a = Must(WriteValue<Attachment>([&](Tx& tx) { return tx.Attachments().Insert(a); }));
  ASSERT_TRUE(
      store().Write([&](Tx& tx) { return tx.Attachments().AttachToMessage(a.id, m.id); }).ok());
  const Message got = Must(ReadValue<Message>([&](Tx& tx) { return tx.Messages().Get(m.id); }));
  EXPECT_EQ(got.body, "It jams");
  EXPECT_EQ(got.channel, "email");
  EXPECT_EQ(got.created_at, kAt);
  ASSERT_EQ(got.attachments.size(), 1u);
  EXPECT_EQ(got.attachments[0].id, a.id);
  EXPECT_EQ(got.attachments[0].message_id, m.id);
  EXPECT_EQ(got.attachments[0].filename, "log.txt");
  EXPECT_EQ(got.attachments[0].sha256, std::string(64, 'b'));
  const Attachment file =
      Must(ReadValue<Attachment>([&](Tx& tx) { return tx.Attachments().Get(a.id); }));
  EXPECT_EQ(file.size, 3);
  EXPECT_EQ(file.uploaded_by, ann.id);
}

TEST_P(ConversationRepoContract, UnknownMessageAndAttachmentAreNotFound) {
  auto m = ReadValue<Message>([](Tx& tx) { return tx.Messages().Get(core::MessageId(5)); });
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().code, ErrorCode::kNotFound);
  auto a =
      ReadValue<Attachment>([](Tx& tx) { return tx.Attachments().Get(core::AttachmentId(5)); });
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().code, ErrorCode::kNotFound);
  const core::User& ann = customer_;
  const core::Ticket& t = ticket_;
  Message msg{{}, t.id, ann.id, "hi", false, "web", kAt, {}};
  msg = Must(WriteValue<Message>([&](Tx& tx) { return tx.Messages().Insert(msg); }));
  Status s = store().Write(
      [&](Tx& tx) { return tx.Attachments().AttachToMessage(core::AttachmentId(77), msg.id); });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kNotFound);
}

TEST_P(ConversationRepoContract, ListHidesInternalNotesWhenAskedAndFillsAttachments) {
  const Message question = Post(customer_, "Question", false);
  const Message note = Post(agent_, "Internal note", true);
  const Message answer = Post(agent_, "Answer", false);
  const Attachment screenshot = Upload("screen.png", question.id);
  const Attachment log = Upload("log.txt", note.id);
  const Attachment second = Upload("second.png", question.id);
  Upload("pending.txt", std::nullopt);  // uploaded, not yet on a message
  auto all = List(true);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].id, question.id);
  EXPECT_EQ(all[1].id, note.id);
  EXPECT_EQ(all[2].id, answer.id);
  ASSERT_EQ(all[0].attachments.size(), 2u);
  EXPECT_EQ(all[0].attachments[0].id, screenshot.id);
  EXPECT_EQ(all[0].attachments[1].id, second.id);
  ASSERT_EQ(all[1].attachments.size(), 1u);
  EXPECT_EQ(all[1].attachments[0].id, log.id);
  EXPECT_TRUE(all[2].attachments.empty());
  auto pub = List(false);
  ASSERT_EQ(pub.size(), 2u);
  EXPECT_EQ(pub[0].id, question.id);
  EXPECT_EQ(pub[1].id, answer.id);
  EXPECT_EQ(pub[0].attachments.size(), 2u);
}

TEST_P(ConversationRepoContract, HistoryIsInOrderAndHidesInternalEventsWhenAsked) {
  auto append = [&](EventKind kind, bool internal, std::optional<core::UserId> actor) {
    Event e{{}, ticket_.id, actor, kAt, kind, "status", "new", "open", internal};
    return Must(WriteValue<Event>([&](Tx& tx) { return tx.Events().Append(e); }));
  };
  const Event created = append(EventKind::kCreated, false, customer_.id);
  const Event note = append(EventKind::kNoteAdded, true, agent_.id);
  const Event status = append(EventKind::kStatusChanged, false, std::nullopt);
  auto all = Must(ReadValue<std::vector<Event>>(
      [&](Tx& tx) { return tx.Events().ListForTicket(ticket_.id, true); }));
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].id, created.id);
  EXPECT_EQ(all[1].id, note.id);
  EXPECT_EQ(all[1].kind, EventKind::kNoteAdded);
  EXPECT_TRUE(all[1].internal);
  EXPECT_EQ(all[2].id, status.id);
  EXPECT_FALSE(all[2].actor_id.has_value());
  EXPECT_EQ(all[2].field, "status");
  EXPECT_EQ(all[2].old_value, "new");
  EXPECT_EQ(all[2].new_value, "open");
  EXPECT_EQ(all[2].at, kAt);
  auto pub = Must(ReadValue<std::vector<Event>>(
      [&](Tx& tx) { return tx.Events().ListForTicket(ticket_.id, false); }));
  ASSERT_EQ(pub.size(), 2u);
  EXPECT_EQ(pub[0].id, created.id);
  EXPECT_EQ(pub[1].id, status.id);
}

TEST_P(ConversationRepoContract, FeedbackIsListedPerTicket) {
  const Message answer = Post(agent_, "Answer", false);
  const core::Ticket other = AddTicket(customer_, "Other");
  core::Feedback on_answer{{}, ticket_.id, customer_.id, answer.id, 5, "Great", kAt};
  core::Feedback on_ticket{{}, ticket_.id, customer_.id, std::nullopt, 2, "", kAt};
  core::Feedback elsewhere{{}, other.id, customer_.id, std::nullopt, 3, "meh", kAt};
  for (const auto* f : {&on_answer, &on_ticket, &elsewhere}) {
    Must(WriteValue<core::Feedback>([&](Tx& tx) { return tx.Feedback().Insert(*f); }));
  }
  auto got = Must(ReadValue<std::vector<core::Feedback>>(
      [&](Tx& tx) { return tx.Feedback().ListForTicket(ticket_.id); }));
  ASSERT_EQ(got.size(), 2u);
  EXPECT_TRUE(got[0].id.valid());
  EXPECT_EQ(got[0].message_id, answer.id);
  EXPECT_EQ(got[0].rating, 5);
  EXPECT_EQ(got[0].comment, "Great");
  EXPECT_FALSE(got[1].message_id.has_value());
  EXPECT_EQ(got[1].rating, 2);
}

}  // namespace
}  // namespace hd::storage::testing
