// Contract: the mail repository's received messages, participants,
// threading, mailboxes, failing addresses and opt-outs; the users' language
// and time zone. Delivery is in store_contract_mail_delivery_test.cpp.
#include "store_contract.hpp"

namespace hd::storage::testing {

using core::ports::InboundRecord;
using core::ports::InboundStatus;
using core::ports::Tx;

namespace {
const core::Timestamp kT0 = core::FromUnixMillis(1'767'225'600'000);  // 2026-01-01T00:00:00Z
}  // namespace

void MailRepoContract::SetUp() {
  StoreContract::SetUp();
  if (IsSkipped()) return;
  customer_ = AddUser("ann@example.com");
  agent_ = AddUser("agent@example.com", core::Role::kL1Operator);
  ticket_ = AddTicket(customer_);
  core::Message m{{}, ticket_.id, customer_.id, "Printer jams", false, "email", kT0, {}};
  message_ = Must(WriteValue<core::Message>([&](Tx& tx) { return tx.Messages().Insert(m); }));
}

InboundRecord MailRepoContract::Inbound(const std::string& message_id, const std::string& from,
                                        core::Timestamp at) {
  InboundRecord r;
  r.source = "imap://127.0.0.1/INBOX";
  r.source_key = "1700000000/42";
  r.message_id = message_id;
  r.sha256 = std::string(64, 'a');
  r.size = 1234;
  r.from_address = from;
  r.subject = "Принтер не печатает";
  r.status = InboundStatus::kAccepted;
  r.received_at = at;
  return r;
}

core::ports::Notification MailRepoContract::Queue(std::optional<core::UserId> user,
                                                  core::Timestamp at) {
  core::ports::Notification n;
  n.kind = "reply";
  n.user_id = user;
  n.ticket_id = ticket_.id;
  n.subject = "Re: Printer";
  n.body = "We are on it";
  n.created_at = at;
  n.audience = user ? "user:" + std::to_string(user->value) : "company:1";
  return Must(
      WriteValue<core::ports::Notification>([&](Tx& tx) { return tx.Notifications().Queue(n); }));
}

namespace {

TEST_P(MailRepoContract, InboundKeepsEveryFieldAndTakesAMessageIdOnce) {
  InboundRecord r = Inbound("<a1@mail.example>", "ann@example.com", kT0);
  r.ticket_id = ticket_.id;
  r.message_ref = message_.id;
  const auto saved =
      Must(WriteValue<InboundRecord>([&](Tx& tx) { return tx.Mail().InsertInbound(r); }));
  ASSERT_GT(saved.id, 0);
  const auto got =
      Must(ReadValue<InboundRecord>([&](Tx& tx) { return tx.Mail().GetInbound(saved.id); }));
  EXPECT_EQ(got.source, r.source);
  EXPECT_EQ(got.source_key, r.source_key);
  EXPECT_EQ(got.message_id, r.message_id);
  EXPECT_EQ(got.sha256, r.sha256);
  EXPECT_EQ(got.size, 1234);
  EXPECT_EQ(got.from_address, "ann@example.com");
  EXPECT_EQ(got.subject, r.subject);
  EXPECT_EQ(got.status, InboundStatus::kAccepted);
  EXPECT_EQ(got.ticket_id, ticket_.id);
  EXPECT_EQ(got.message_ref, message_.id);
  EXPECT_EQ(got.received_at, kT0);

  // The duplicate is refused, and the transaction it failed in goes on.
  Status dup_status;
  ASSERT_TRUE(store()
                  .Write([&](Tx& tx) -> Status {
                    auto dup = tx.Mail().InsertInbound(r);
                    if (!dup.ok()) dup_status = dup.error();
                    HD_RETURN_IF_ERROR(
                        tx.Mail().InsertInbound(Inbound("<a2@mail.example>", "b@x.example", kT0)));
                    return Ok();
                  })
                  .ok());
  ASSERT_FALSE(dup_status.ok());
  EXPECT_EQ(dup_status.error().code, ErrorCode::kConflict);
  EXPECT_EQ(Must(ReadValue<std::int64_t>(
                [](Tx& tx) { return tx.Mail().CountInboundFrom("b@x.example", kT0); })),
            1);
}

TEST_P(MailRepoContract, EmptyMessageIdsNeverConflict) {
  for (int i = 0; i < 3; ++i) {
    auto r = WriteValue<InboundRecord>(
        [&](Tx& tx) { return tx.Mail().InsertInbound(Inbound("", "ann@example.com", kT0)); });
    ASSERT_TRUE(r.ok()) << r.error().message;
  }
  auto none = Must(ReadValue<std::optional<InboundRecord>>(
      [](Tx& tx) { return tx.Mail().FindInboundByMessageId(""); }));
  EXPECT_FALSE(none.has_value());
}

TEST_P(MailRepoContract, StoresTheSenderLowerCaseAndCountsItIgnoringCaseSinceAnInstant) {
  for (int minute : {0, 10, 20}) {
    Must(WriteValue<InboundRecord>([&](Tx& tx) {
      return tx.Mail().InsertInbound(Inbound("<s" + std::to_string(minute) + "@x>",
                                             "Storm@Example.COM",
                                             kT0 + std::chrono::minutes(minute)));
    }));
  }
  auto count = [&](const std::string& address, core::Timestamp since) {
    return Must(ReadValue<std::int64_t>(
        [&](Tx& tx) { return tx.Mail().CountInboundFrom(address, since); }));
  };
  EXPECT_EQ(count("storm@example.com", kT0), 3);
  EXPECT_EQ(count("STORM@example.com", kT0 + std::chrono::minutes(10)), 2);
  EXPECT_EQ(count("storm@example.com", kT0 + std::chrono::minutes(21)), 0);
  EXPECT_EQ(count("calm@example.com", kT0), 0);
  auto found = Must(ReadValue<std::optional<InboundRecord>>(
      [](Tx& tx) { return tx.Mail().FindInboundByMessageId("<s0@x>"); }));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->from_address, "storm@example.com");
}

TEST_P(MailRepoContract, FindsByMessageIdAndByTicketMessageAndUpdates) {
  auto saved = Must(WriteValue<InboundRecord>(
      [&](Tx& tx) { return tx.Mail().InsertInbound(Inbound("<f@x>", "ann@example.com", kT0)); }));
  auto by_id = Must(ReadValue<std::optional<InboundRecord>>(
      [](Tx& tx) { return tx.Mail().FindInboundByMessageId("<f@x>"); }));
  ASSERT_TRUE(by_id.has_value());
  EXPECT_EQ(by_id->id, saved.id);
  EXPECT_FALSE(Must(ReadValue<std::optional<InboundRecord>>([](Tx& tx) {
                 return tx.Mail().FindInboundByMessageId("<other@x>");
               })).has_value());
  EXPECT_FALSE(Must(ReadValue<std::optional<InboundRecord>>([&](Tx& tx) {
                 return tx.Mail().FindInboundForMessage(message_.id);
               })).has_value());

  saved.status = InboundStatus::kHeld;
  saved.reason = "not a participant";
  saved.ticket_id = ticket_.id;
  saved.message_ref = message_.id;
  ASSERT_TRUE(store().Write([&](Tx& tx) { return tx.Mail().UpdateInbound(saved); }).ok());
  auto by_message = Must(ReadValue<std::optional<InboundRecord>>(
      [&](Tx& tx) { return tx.Mail().FindInboundForMessage(message_.id); }));
  ASSERT_TRUE(by_message.has_value());
  EXPECT_EQ(by_message->id, saved.id);
  EXPECT_EQ(by_message->status, InboundStatus::kHeld);
  EXPECT_EQ(by_message->reason, "not a participant");
  EXPECT_EQ(by_message->ticket_id, ticket_.id);

  saved.id = 9999;
  auto missing = store().Write([&](Tx& tx) { return tx.Mail().UpdateInbound(saved); });
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  auto get = ReadValue<InboundRecord>([](Tx& tx) { return tx.Mail().GetInbound(9999); });
  ASSERT_FALSE(get.ok());
  EXPECT_EQ(get.error().code, ErrorCode::kNotFound);
}

TEST_P(MailRepoContract, ListsInboundOfAStatusNewestFirst) {
  for (int i = 0; i < 4; ++i) {
    InboundRecord r = Inbound("<l" + std::to_string(i) + "@x>", "a@x", kT0);
    r.status = i == 2 ? InboundStatus::kIgnored : InboundStatus::kHeld;
    Must(WriteValue<InboundRecord>([&](Tx& tx) { return tx.Mail().InsertInbound(r); }));
  }
  auto held = Must(ReadValue<std::vector<InboundRecord>>(
      [](Tx& tx) { return tx.Mail().ListInbound(InboundStatus::kHeld, 2); }));
  ASSERT_EQ(held.size(), 2u);
  EXPECT_EQ(held[0].message_id, "<l3@x>");
  EXPECT_EQ(held[1].message_id, "<l1@x>");
  auto ignored = Must(ReadValue<std::vector<InboundRecord>>(
      [](Tx& tx) { return tx.Mail().ListInbound(InboundStatus::kIgnored, 10); }));
  ASSERT_EQ(ignored.size(), 1u);
  EXPECT_EQ(ignored[0].message_id, "<l2@x>");
}

TEST_P(MailRepoContract, ParticipantsAreAddedOnceIgnoringCase) {
  auto add = [&](const std::string& address, const std::string& name, int minute) {
    core::ports::Participant p{ticket_.id, address, name, kT0 + std::chrono::minutes(minute)};
    ASSERT_TRUE(store().Write([&](Tx& tx) { return tx.Mail().AddParticipant(p); }).ok());
  };
  add("Bob@Example.com", "Bob", 0);
  add("bob@example.COM", "Robert", 1);
  add("carol@example.com", "Carol", 2);
  const auto all = Must(ReadValue<std::vector<core::ports::Participant>>(
      [&](Tx& tx) { return tx.Mail().ListParticipants(ticket_.id); }));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].address, "Bob@Example.com");
  EXPECT_EQ(all[0].name, "Bob");
  EXPECT_EQ(all[0].ticket_id, ticket_.id);
  EXPECT_EQ(all[0].created_at, kT0);
  EXPECT_EQ(all[1].address, "carol@example.com");
  const core::Ticket other = AddTicket(customer_, "Other");
  EXPECT_TRUE(Must(ReadValue<std::vector<core::ports::Participant>>([&](Tx& tx) {
                return tx.Mail().ListParticipants(other.id);
              })).empty());
}

TEST_P(MailRepoContract, MailboxIsInsertedThenReplaced) {
  EXPECT_FALSE(Must(ReadValue<std::optional<core::ports::MailboxState>>([](Tx& tx) {
                 return tx.Mail().GetMailbox("support");
               })).has_value());
  core::ports::MailboxState support{"support", "1700000000", kT0, "", std::nullopt};
  core::ports::MailboxState hosting{"hosting", "", std::nullopt, "login failed", kT0};
  ASSERT_TRUE(store()
                  .Write([&](Tx& tx) -> Status {
                    HD_RETURN_IF_ERROR(tx.Mail().PutMailbox(support));
                    return tx.Mail().PutMailbox(hosting);
                  })
                  .ok());
  support.last_poll_at = kT0 + std::chrono::seconds(30);
  support.last_error = "timeout";
  support.last_error_at = kT0 + std::chrono::seconds(31);
  ASSERT_TRUE(store().Write([&](Tx& tx) { return tx.Mail().PutMailbox(support); }).ok());
  auto got = Must(ReadValue<std::optional<core::ports::MailboxState>>(
      [](Tx& tx) { return tx.Mail().GetMailbox("support"); }));
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->epoch, "1700000000");
  EXPECT_EQ(got->last_poll_at, support.last_poll_at);
  EXPECT_EQ(got->last_error, "timeout");
  EXPECT_EQ(got->last_error_at, support.last_error_at);
  auto all = Must(ReadValue<std::vector<core::ports::MailboxState>>(
      [](Tx& tx) { return tx.Mail().ListMailboxes(); }));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name, "hosting");
  EXPECT_FALSE(all[0].last_poll_at.has_value());
  EXPECT_EQ(all[0].last_error, "login failed");
  EXPECT_EQ(all[1].name, "support");
}

TEST_P(MailRepoContract, FailingAddressIsReplacedIgnoringCaseAndListedLatestFirst) {
  auto mark = [&](const std::string& address, const std::string& reason, int minute,
                  std::optional<core::TicketId> ticket) {
    core::ports::FailingAddress f{address, reason, ticket, kT0 + std::chrono::minutes(minute)};
    ASSERT_TRUE(store().Write([&](Tx& tx) { return tx.Mail().MarkFailing(f); }).ok());
  };
  mark("Gone@Example.com", "550 no such user", 0, ticket_.id);
  mark("full@example.com", "552 mailbox full", 1, std::nullopt);
  mark("gone@example.com", "550 user unknown", 2, std::nullopt);
  auto all = Must(ReadValue<std::vector<core::ports::FailingAddress>>(
      [](Tx& tx) { return tx.Mail().ListFailing(10); }));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].address, "Gone@Example.com");
  EXPECT_EQ(all[0].reason, "550 user unknown");
  EXPECT_FALSE(all[0].ticket_id.has_value());
  EXPECT_EQ(all[0].at, kT0 + std::chrono::minutes(2));
  EXPECT_EQ(all[1].address, "full@example.com");
  EXPECT_EQ(Must(ReadValue<std::vector<core::ports::FailingAddress>>([](Tx& tx) {
              return tx.Mail().ListFailing(1);
            })).size(),
            1u);
}

TEST_P(MailRepoContract, OptOutsAreReplacedPerUser) {
  using Kinds = std::vector<std::string>;
  auto set = [&](core::UserId user, const Kinds& kinds) {
    ASSERT_TRUE(store().Write([&](Tx& tx) { return tx.Mail().SetOptOuts(user, kinds); }).ok());
  };
  auto get = [&](core::UserId user) {
    return Must(ReadValue<Kinds>([&](Tx& tx) { return tx.Mail().ListOptOuts(user); }));
  };
  EXPECT_TRUE(get(agent_.id).empty());
  set(agent_.id, {"sla_warning", "assignment", "sla_warning"});
  set(customer_.id, {"resolved"});
  EXPECT_EQ(get(agent_.id), (Kinds{"assignment", "sla_warning"}));
  set(agent_.id, {"sla_breach"});
  EXPECT_EQ(get(agent_.id), (Kinds{"sla_breach"}));
  set(agent_.id, {});
  EXPECT_TRUE(get(agent_.id).empty());
  EXPECT_EQ(get(customer_.id), (Kinds{"resolved"}));
}

TEST_P(MailRepoContract, MigrationMakesOneLastingReplySecret) {
  auto secret = [&](const std::string& name) {
    return ReadValue<std::string>([&](Tx& tx) { return tx.Mail().ServerSecret(name); });
  };
  const std::string first = Must(secret("mail_reply"));
  EXPECT_EQ(first.size(), 64u);
  EXPECT_EQ(first.find_first_not_of("0123456789abcdef"), std::string::npos) << first;
  Reopen();
  EXPECT_EQ(Must(secret("mail_reply")), first);
  auto missing = secret("no_such_secret");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_P(UserRepoContract, LanguageAndTimeZoneRoundTrip) {
  core::User u;
  u.email = "lang@example.com";
  u.name = "Lang";
  u.password_hash = "h";
  u.language = "en";
  u.time_zone = "Europe/Berlin";
  u = Must(WriteValue<core::User>([&](Tx& tx) { return tx.Users().Insert(u); }));
  auto got = Must(ReadValue<core::User>([&](Tx& tx) { return tx.Users().Get(u.id); }));
  EXPECT_EQ(got.language, "en");
  EXPECT_EQ(got.time_zone, "Europe/Berlin");
  got.language = "ru";
  got.time_zone = "Asia/Yekaterinburg";
  ASSERT_TRUE(store().Write([&](Tx& tx) { return tx.Users().Update(got); }).ok());
  auto found = Must(ReadValue<std::optional<core::User>>(
      [](Tx& tx) { return tx.Users().FindByEmail("LANG@example.com"); }));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->language, "ru");
  EXPECT_EQ(found->time_zone, "Asia/Yekaterinburg");
  // Unset means the installation's defaults.
  const core::User plain = AddUser("plain@example.com");
  auto read = Must(ReadValue<core::User>([&](Tx& tx) { return tx.Users().Get(plain.id); }));
  EXPECT_EQ(read.language, "");
  EXPECT_EQ(read.time_zone, "");
}

}  // namespace
}  // namespace hd::storage::testing
