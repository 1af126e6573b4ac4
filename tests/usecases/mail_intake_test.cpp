// The inbound pipeline's decisions (docs/mail.md): new tickets, replies by
// each threading path, strangers, loops, automatic mail, bounces, storms and
// oversize mail.
#include <optional>

#include "mail_env.hpp"
#include "service/mail/reply_address.hpp"

namespace hd::testing {
namespace {

using core::ports::InboundStatus;

std::string Secret(core::ports::Store& store) {
  std::string secret;
  EXPECT_TRUE(store
                  .Read([&](core::ports::Tx& tx) -> Status {
                    HD_ASSIGN_OR_RETURN(secret, tx.Mail().ServerSecret("mail_reply"));
                    return Ok();
                  })
                  .ok());
  return secret;
}

TEST_F(MailTest, MailFromAnUnknownSenderOpensATicketForANewCustomer) {
  auto o = Take(Mail("Olga Smirnova <olga@shop.example>", "Не открывается сайт",
                     "Ошибка 502 с утра.", "first@shop.example"));
  EXPECT_EQ(o.status, InboundStatus::kAccepted);
  ASSERT_TRUE(o.new_ticket && o.ticket);
  auto olga = s_->accounts.Login("olga@shop.example", "anything", "t");
  EXPECT_FALSE(olga.ok());  // an account exists, but no password works until one is set
  core::Ticket t;
  ASSERT_TRUE(store_
                  ->Read([&](core::ports::Tx& tx) -> Status {
                    HD_ASSIGN_OR_RETURN(t, tx.Tickets().Get(*o.ticket));
                    HD_ASSIGN_OR_RETURN(auto user, tx.Users().FindByEmail("olga@shop.example"));
                    EXPECT_TRUE(user && user->name == "Olga Smirnova");
                    EXPECT_EQ(t.initiator_id, user->id);
                    return Ok();
                  })
                  .ok());
  EXPECT_EQ(t.channel, "email");
  EXPECT_EQ(t.subject, "Не открывается сайт");
  EXPECT_EQ(t.support_level, "non_commercial");
  auto messages = Messages(t.id);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].body, "Ошибка 502 с утра.");
  EXPECT_EQ(messages[0].channel, "email");
}

TEST_F(MailTest, TheSameMessageTakenTwiceAddsNothing) {
  const std::string raw = Mail("a@shop.example", "Twice", "Body", "twice@shop.example");
  auto first = Take(raw);
  auto again = Take(raw);
  EXPECT_FALSE(first.duplicate);
  EXPECT_TRUE(again.duplicate);
  EXPECT_EQ(again.ticket, first.ticket);
  EXPECT_EQ(Messages(*first.ticket).size(), 1u);
}

TEST_F(MailTest, TheRawMessageIsKeptWithItsRecordInTheDatabaseOrAsAFileWhenLarge) {
  const std::string small = Mail("a@shop.example", "Small", "Body", "small@shop.example");
  const std::string large =
      Mail("b@shop.example", "Large", std::string(kInlineBlobBytes + 1, 'x'), "large@shop.example");
  for (const std::string* raw : {&small, &large}) {
    auto o = Take(*raw);
    core::ports::InboundRecord record;
    std::optional<std::string> in_database;
    ASSERT_TRUE(store_
                    ->Read([&](core::ports::Tx& tx) -> Status {
                      HD_ASSIGN_OR_RETURN(record, tx.Mail().GetInbound(o.inbound_id));
                      HD_ASSIGN_OR_RETURN(in_database, tx.Blobs().Get(record.sha256));
                      return Ok();
                    })
                    .ok());
    EXPECT_EQ(in_database.has_value(), raw == &small);
    EXPECT_EQ(files_->Get(record.sha256).ok(), raw == &large);
    auto kept = blobs_->Get(record.sha256);
    ASSERT_TRUE(kept.ok()) << kept.error().message;
    EXPECT_EQ(*kept, *raw);
  }
}

TEST_F(MailTest, AReplyToTheSignedAddressLandsInItsTicket) {
  auto opened = Take(Mail("anna@acme.example", "Licence", "Help", "m1@acme.example"));
  const std::string reply_to = service::SignedReplyAddress(
      "support@helpdesk.example", opened.ticket_number, "anna@acme.example", Secret(*store_));
  auto reply = Take(Mail("anna@acme.example", "Re: something else", "Still broken\r\n\r\n> old",
                         "m2@acme.example", "", reply_to));
  EXPECT_FALSE(reply.new_ticket);
  EXPECT_EQ(reply.ticket, opened.ticket);
  auto messages = Messages(*opened.ticket);
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[1].body, "Still broken");  // the quoted history is cut off
}

TEST_F(MailTest, AReplyNamingOurMessageIdLandsInItsTicket) {
  auto opened = Take(Mail("anna@acme.example", "Licence", "Help", "root@acme.example"));
  auto reply =
      Take(Mail("anna@acme.example", "Re: Licence", "More details", "r@acme.example",
                "In-Reply-To: <root@acme.example>\r\nReferences: <root@acme.example>\r\n"));
  EXPECT_EQ(reply.ticket, opened.ticket);
  EXPECT_FALSE(reply.new_ticket);
}

TEST_F(MailTest, TheSubjectTagThreadsAParticipantsMail) {
  auto opened = Take(Mail("anna@acme.example", "Licence", "Help", "s1@acme.example"));
  const std::string tag = "[#" + std::to_string(opened.ticket_number) + "]";
  auto reply =
      Take(Mail("anna@acme.example", "Re: " + tag + " Licence", "Thanks", "s2@acme.example"));
  EXPECT_EQ(reply.ticket, opened.ticket);
}

TEST_F(MailTest, AStrangerNamingATicketNeverLandsInIt) {
  auto opened = Take(Mail("anna@acme.example", "Private", "Secret", "p1@acme.example"));
  const std::string tag = "[#" + std::to_string(opened.ticket_number) + "]";
  auto stranger = Take(Mail("eve@evil.example", "Re: " + tag, "Let me in", "e1@evil.example"));
  EXPECT_TRUE(stranger.new_ticket);
  EXPECT_NE(stranger.ticket, opened.ticket);
  EXPECT_EQ(Messages(*opened.ticket).size(), 1u);
}

TEST_F(MailTest, AForgedReplyAddressIsHeldUnderTheHoldPolicy) {
  mail_options_.stranger_policy = "hold";
  MakeIntake();
  auto opened = Take(Mail("anna@acme.example", "Private", "Secret", "f1@acme.example"));
  const std::string forged =
      "support+" + std::to_string(opened.ticket_number) + ".0123456789abcdef@helpdesk.example";
  auto eve =
      Take(Mail("eve@evil.example", "Re: Private", "Let me in", "f2@evil.example", "", forged));
  EXPECT_EQ(eve.status, InboundStatus::kHeld);
  EXPECT_FALSE(eve.ticket);
  EXPECT_EQ(Messages(*opened.ticket).size(), 1u);
}

TEST_F(MailTest, CopiedPeopleBecomeParticipantsWhoMayAnswer) {
  auto opened = Take(Mail("anna@acme.example", "Outage", "Down", "c1@acme.example",
                          "Cc: Pavel <pavel@acme.example>, support@helpdesk.example\r\n"));
  const std::string tag = "[#" + std::to_string(opened.ticket_number) + "]";
  auto pavel = Take(Mail("pavel@acme.example", "Re: " + tag, "Same here", "c2@acme.example"));
  EXPECT_EQ(pavel.ticket, opened.ticket);
  EXPECT_FALSE(pavel.new_ticket);
}

TEST_F(MailTest, AnAutoReplyOpensNoTicketAndIsNeverAnswered) {
  auto o = Take(Mail("away@shop.example", "Out of office", "Back on Monday", "oof@shop.example",
                     "Auto-Submitted: auto-replied\r\n"));
  EXPECT_EQ(o.status, InboundStatus::kIgnored);
  EXPECT_FALSE(o.ticket);
  EXPECT_EQ(Send().sent, 0);
}

TEST_F(MailTest, OurOwnMailComingBackIsIgnored) {
  auto o = Take(Mail("support@helpdesk.example", "[#1] Echo", "Loop", "loop@helpdesk.example",
                     "X-Helpdesk-Loop: helpdesk.example\r\n"));
  EXPECT_EQ(o.status, InboundStatus::kIgnored);
  EXPECT_FALSE(o.ticket);
}

TEST_F(MailTest, ABounceMarksTheAddressAndNotesTheTicketItReports) {
  auto opened = Take(Mail("gone@shop.example", "Hello", "Body", "b1@shop.example"));
  ASSERT_EQ(Send().sent, 1);  // the acknowledgement, which will bounce
  const std::string ack_id = sender_.sent[0].raw.substr(sender_.sent[0].raw.find("Message-ID:"));
  const std::string id =
      ack_id.substr(ack_id.find('<') + 1, ack_id.find('>') - ack_id.find('<') - 1);
  const std::string bounce =
      "From: MAILER-DAEMON@mx.shop.example\r\nTo: support@helpdesk.example\r\n"
      "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <bounce1@mx.shop.example>\r\n"
      "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; "
      "boundary=\"B\"\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n"
      "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.shop.example\r\n"
      "\r\nFinal-Recipient: rfc822; gone@shop.example\r\nAction: failed\r\nStatus: 5.1.1\r\n"
      "Diagnostic-Code: smtp; 550 5.1.1 User unknown\r\n\r\n--B\r\n"
      "Content-Type: text/rfc822-headers\r\n\r\nMessage-ID: <" +
      id +
      ">\r\n"
      "Subject: ack\r\n\r\n--B--\r\n";
  auto o = Take(bounce);
  EXPECT_EQ(o.status, InboundStatus::kBounce);
  EXPECT_EQ(o.ticket, opened.ticket);
  EXPECT_FALSE(o.new_ticket);
  auto messages = Messages(*opened.ticket);
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_TRUE(messages[1].internal);
  EXPECT_NE(messages[1].body.find("gone@shop.example"), std::string::npos);
  EXPECT_EQ(Send().sent, 0);  // nobody answers a bounce
}

TEST_F(MailTest, AMailStormIsHeldNotLost) {
  mail_options_.max_new_tickets_per_hour = 3;
  MakeIntake();
  int held = 0, opened = 0;
  for (int i = 0; i < 6; ++i) {
    auto o = Take(Mail("storm@shop.example", "Alert " + std::to_string(i), "x",
                       "storm" + std::to_string(i) + "@shop.example"));
    held += o.status == InboundStatus::kHeld;
    opened += o.new_ticket;
  }
  EXPECT_EQ(opened, 3);
  EXPECT_EQ(held, 3);
}

TEST_F(MailTest, AnOperatorReleasesHeldMailIntoATicketOrANewOne) {
  mail_options_.stranger_policy = "hold";
  mail_options_.max_new_tickets_per_hour = 1;
  MakeIntake();
  auto opened = Take(Mail("anna@acme.example", "Invoice", "Where is it?", "h1@acme.example"));
  const std::string tag = "[#" + std::to_string(opened.ticket_number) + "]";
  auto colleague = Take(Mail("boss@acme.example", "Re: " + tag, "Any news?", "h2@acme.example"));
  auto storm = Take(Mail("anna@acme.example", "Second", "Another one", "h3@acme.example"));
  ASSERT_EQ(colleague.status, InboundStatus::kHeld);
  ASSERT_EQ(storm.status, InboundStatus::kHeld);
  const auto customer = Make("cust@acme.example");
  EXPECT_EQ(intake_->Release(customer, colleague.inbound_id, opened.ticket).error().code,
            ErrorCode::kForbidden);
  const auto l1 = Make("l1@helpdesk.example", core::Role::kL1Operator);
  auto into = intake_->Release(l1, colleague.inbound_id, opened.ticket);
  ASSERT_TRUE(into.ok()) << into.error().message;
  EXPECT_EQ(into->status, InboundStatus::kAccepted);
  EXPECT_EQ(into->ticket, opened.ticket);
  EXPECT_EQ(Messages(*opened.ticket).size(), 2u);
  auto own = intake_->Release(l1, storm.inbound_id, std::nullopt);
  ASSERT_TRUE(own.ok()) << own.error().message;
  EXPECT_TRUE(own->new_ticket);
  EXPECT_EQ(intake_->Release(l1, storm.inbound_id, std::nullopt).error().reason, "mail-not-held");
}

TEST_F(MailTest, AMailboxRoutedToAMissingCategoryHoldsItsMailInsteadOfBlocking) {
  auto o = intake_->Ingest({"hosting",
                            "",
                            Mail("a@shop.example", "Down", "x", "r1@shop.example"),
                            {"no-such-category", ""}});
  ASSERT_TRUE(o.ok()) << o.error().message;
  EXPECT_EQ(o->status, InboundStatus::kHeld);
  EXPECT_NE(o->reason.find("no-such-category"), std::string::npos);
  auto routed = intake_->Ingest(
      {"hosting", "", Mail("a@shop.example", "Down", "x", "r2@shop.example"), {"licence", ""}});
  ASSERT_TRUE(routed.ok());
  EXPECT_TRUE(routed->new_ticket);
}

TEST_F(MailTest, AnOversizeMailIsRefusedAndTheSenderTold) {
  mail_options_.max_message_bytes = 2048;
  MakeIntake();
  auto o = Take(Mail("big@shop.example", "Huge", std::string(4096, 'x'), "big@shop.example"));
  EXPECT_EQ(o.status, InboundStatus::kRejected);
  EXPECT_FALSE(o.ticket);
  ASSERT_EQ(Send().sent, 1);
  EXPECT_NE(sender_.sent[0].raw.find("big@shop.example"), std::string::npos);
}

TEST_F(MailTest, StaffMailIsAPublicReplyOrANoteToTheCommentAddress) {
  auto opened = Take(Mail("anna@acme.example", "Question", "How?", "q1@acme.example"));
  Make("l1@helpdesk.example", core::Role::kL1Operator);
  const std::string tag = "[#" + std::to_string(opened.ticket_number) + "]";
  Take(Mail("l1@helpdesk.example", "Re: " + tag, "Like this.", "q2@helpdesk.example"));
  Take(Mail("l1@helpdesk.example", "Re: " + tag, "She is a VIP.", "q3@helpdesk.example", "",
            "comment@helpdesk.example"));
  auto messages = Messages(*opened.ticket);
  ASSERT_EQ(messages.size(), 3u);
  EXPECT_FALSE(messages[1].internal);
  EXPECT_TRUE(messages[2].internal);
}

}  // namespace
}  // namespace hd::testing
