// The outbox's sender (docs/mail.md): what the customer and staff get by
// mail, its headers, retries while the SMTP server is away, once only.
#include "mail_env.hpp"

namespace hd::testing {
namespace {

bool Has(const std::string& raw, const std::string& text) {
  return raw.find(text) != std::string::npos;
}

class MailDeliveryTest : public MailTest {
 protected:
  // The decoded text of the last mail sent.
  core::InboundMail LastMail() {
    EXPECT_FALSE(sender_.sent.empty());
    return codec_.Parse(sender_.sent.back().raw);
  }
};

TEST_F(MailDeliveryTest, TheAcknowledgementSaysNumberLevelAndDeadlineInRussian) {
  auto o = Take(Mail("Olga <olga@shop.example>", "Сайт недоступен", "502", "ack@shop.example"));
  ASSERT_EQ(Send().sent, 1);
  const auto& sent = sender_.sent[0];
  EXPECT_EQ(sent.to, std::vector<std::string>{"olga@shop.example"});
  EXPECT_TRUE(Has(sent.raw, "Auto-Submitted: auto-replied"));
  EXPECT_TRUE(Has(sent.raw, "X-Helpdesk-Loop: helpdesk.example"));
  EXPECT_TRUE(Has(sent.raw, "In-Reply-To: <ack@shop.example>"));
  const core::InboundMail mail = LastMail();
  EXPECT_NE(mail.subject.find("[#" + std::to_string(o.ticket_number) + "]"), std::string::npos);
  // Thursday 2026-01-01 12:00 Moscow is a holiday: 24 working hours of the
  // non-commercial level end on Wed 14 Jan at 19:00 (docs/sla.md).
  EXPECT_NE(mail.body_text.find(" МСК"), std::string::npos) << mail.body_text;
  EXPECT_NE(mail.body_text.find("Уровень поддержки: Некоммерческий"), std::string::npos)
      << mail.body_text;
  EXPECT_NE(mail.body_text.find("https://desk.example/#/set-password?token="), std::string::npos);
  ASSERT_EQ(mail.reply_to.size(), 1u);
  EXPECT_EQ(mail.reply_to[0].address.rfind("support+" + std::to_string(o.ticket_number) + ".", 0),
            0u);
}

TEST_F(MailDeliveryTest, AStaffReplyReachesTheCustomerAndParticipantsButANoteNever) {
  auto o = Take(Mail("anna@acme.example", "Question", "How?", "q@acme.example",
                     "Cc: pavel@acme.example\r\n"));
  Send();  // the acknowledgement
  const auto agent = Make("agent@helpdesk.example", core::Role::kL1Operator);
  service::PostMessageInput note{"Internal: she is a VIP", true, "web", {}};
  ASSERT_TRUE(s_->conversation.Post(agent, *o.ticket, note).ok());
  service::PostMessageInput reply{
      "Restart the service.", false, "web", {{"steps.txt", "text/plain", "1. stop\n2. start\n"}}};
  ASSERT_TRUE(s_->conversation.Post(agent, *o.ticket, reply).ok());
  ASSERT_EQ(Send().sent, 1);
  const auto& sent = sender_.sent.back();
  EXPECT_EQ(sent.to, (std::vector<std::string>{"anna@acme.example", "pavel@acme.example"}));
  EXPECT_FALSE(Has(sent.raw, "Auto-Submitted"));  // a person wrote it
  const core::InboundMail mail = LastMail();
  EXPECT_NE(mail.body_text.find("Restart the service."), std::string::npos);
  EXPECT_EQ(mail.body_text.find("VIP"), std::string::npos);
  ASSERT_EQ(mail.attachments.size(), 1u);
  EXPECT_EQ(mail.attachments[0].filename, "steps.txt");
  EXPECT_EQ(mail.attachments[0].bytes, "1. stop\n2. start\n");
  ASSERT_TRUE(mail.in_reply_to);
  EXPECT_EQ(*mail.in_reply_to, "q@acme.example");  // threaded under the first mail
}

TEST_F(MailDeliveryTest, AServerThatIsAwayIsTriedAgainAndTheMailSentOnce) {
  Take(Mail("anna@acme.example", "Retry", "Body", "retry@acme.example"));
  sender_.down = true;
  EXPECT_EQ(Send().retried, 1);
  EXPECT_EQ(Send().examined, 0);  // not due again before the pause
  sender_.down = false;
  clock_.Advance(std::chrono::seconds(31));
  EXPECT_EQ(Send().sent, 1);
  clock_.Advance(std::chrono::hours(1));
  EXPECT_EQ(Send().examined, 0);
  EXPECT_EQ(sender_.sent.size(), 1u);
}

TEST_F(MailDeliveryTest, AMailUndeliveredPastTheLimitIsGivenUp) {
  Take(Mail("anna@acme.example", "Give up", "Body", "gu@acme.example"));
  sender_.down = true;
  EXPECT_EQ(Send().retried, 1);
  clock_.Advance(mail_options_.give_up + std::chrono::seconds(1));
  EXPECT_EQ(Send().failed, 1);
  sender_.down = false;
  clock_.Advance(std::chrono::hours(1));
  EXPECT_EQ(Send().examined, 0);
  EXPECT_TRUE(sender_.sent.empty());
}

TEST_F(MailDeliveryTest, AnEnglishReaderGetsEnglishInTheirZone) {
  auto o = Take(Mail("john@corp.example", "Down", "Body", "en@corp.example"));
  const auto john = s_->accounts.Login("john@corp.example", "x", "t");
  ASSERT_FALSE(john.ok());
  core::User user;
  ASSERT_TRUE(store_
                  ->Read([&](core::ports::Tx& tx) -> Status {
                    HD_ASSIGN_OR_RETURN(auto found, tx.Users().FindByEmail("john@corp.example"));
                    user = *found;
                    return Ok();
                  })
                  .ok());
  ASSERT_TRUE(
      s_->profile
          .Update(service::Actor::From(user), {std::nullopt, "en", "Europe/London", std::nullopt})
          .ok());
  ASSERT_EQ(Send().sent, 1);
  const core::InboundMail mail = LastMail();
  EXPECT_NE(mail.body_text.find("by "), std::string::npos) << mail.body_text;
  EXPECT_NE(mail.body_text.find(" GMT."), std::string::npos) << mail.body_text;
  EXPECT_NE(mail.subject.find(std::to_string(o.ticket_number)), std::string::npos);
}

TEST_F(MailDeliveryTest, AKindTurnedOffIsNotMailed) {
  const auto anna = Make("anna@acme.example");
  ASSERT_TRUE(s_->profile
                  .Update(anna, {std::nullopt, std::nullopt, std::nullopt,
                                 std::vector<std::string>{"ticket_created"}})
                  .ok());
  Open(anna);
  auto scan = Send();
  EXPECT_EQ(scan.skipped, 1);
  EXPECT_TRUE(sender_.sent.empty());
}

}  // namespace
}  // namespace hd::testing
