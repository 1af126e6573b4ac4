// Contract: the mail side of the notification outbox (due deliveries,
// attempts, backoff, give-up, skips), threading by Message-ID, the mail
// statistics, and the ticket message a notification carries.
#include "store_contract.hpp"

namespace hd::storage::testing {

using core::ports::InboundRecord;
using core::ports::InboundStatus;
using core::ports::MailDelivery;
using core::ports::Tx;
using std::chrono::minutes;

std::vector<MailDelivery> MailDeliveryContract::Due(core::Timestamp now, int limit) {
  return Must(ReadValue<std::vector<MailDelivery>>(
      [&](Tx& tx) { return tx.Mail().ListDueDeliveries(now, limit); }));
}

void MailDeliveryContract::Write(const std::function<Status(core::ports::MailRepo&)>& f) {
  Status s = store().Write([&](Tx& tx) { return f(tx.Mail()); });
  EXPECT_TRUE(s.ok()) << s.error().message;
}

void MailDeliveryContract::Send(std::int64_t notification, const std::string& message_id,
                                core::Timestamp at) {
  Write([&](core::ports::MailRepo& mail) -> Status {
    HD_RETURN_IF_ERROR(mail.StartDelivery(notification, message_id, 1));
    return mail.RecordDelivered(notification, at, "250 2.0.0 Ok: queued");
  });
}

InboundRecord MailDeliveryContract::Receive(const InboundRecord& record) {
  return Must(WriteValue<InboundRecord>([&](Tx& tx) { return tx.Mail().InsertInbound(record); }));
}

core::ports::MailStats MailDeliveryContract::Stats() {
  return Must(ReadValue<core::ports::MailStats>([](Tx& tx) { return tx.Mail().Stats(); }));
}

namespace {

const core::Timestamp kT0 = core::FromUnixMillis(1'767'225'600'000);  // 2026-01-01T00:00:00Z

TEST_P(MailRepoContract, FindsTheTicketOfReceivedAndSentMessageIds) {
  auto find = [&](const std::string& message_id) {
    return Must(ReadValue<std::optional<core::TicketId>>(
        [&](Tx& tx) { return tx.Mail().FindTicketByMessageId(message_id); }));
  };
  InboundRecord accepted = Inbound("<in@x>", "ann@example.com", kT0);
  accepted.ticket_id = ticket_.id;
  InboundRecord bounce = Inbound("<dsn@x>", "mailer-daemon@x", kT0);
  bounce.status = InboundStatus::kBounce;
  bounce.ticket_id = ticket_.id;
  InboundRecord held = Inbound("<held@x>", "stranger@x", kT0);
  held.status = InboundStatus::kHeld;
  held.ticket_id = ticket_.id;
  for (const auto& r : {accepted, bounce, held, Inbound("<loose@x>", "a@x", kT0)}) {
    Must(WriteValue<InboundRecord>([&](Tx& tx) { return tx.Mail().InsertInbound(r); }));
  }
  const auto note = Queue(customer_.id, kT0);
  ASSERT_TRUE(
      store().Write([&](Tx& tx) { return tx.Mail().StartDelivery(note.id, "<out@hd>", 1); }).ok());
  EXPECT_EQ(find("<in@x>"), ticket_.id);
  EXPECT_EQ(find("<dsn@x>"), ticket_.id);
  EXPECT_EQ(find("<out@hd>"), ticket_.id);
  EXPECT_FALSE(find("<held@x>").has_value());
  EXPECT_FALSE(find("<loose@x>").has_value());
  EXPECT_FALSE(find("<unknown@x>").has_value());
  EXPECT_FALSE(find("").has_value());
}

TEST_P(MailDeliveryContract, ThreadIdsMergeReceivedAndSentMailOldestFirst) {
  auto received = [&](const std::string& id, int minute, InboundStatus status) {
    InboundRecord r = Inbound(id, "ann@example.com", kT0 + minutes(minute));
    r.status = status;
    r.ticket_id = ticket_.id;
    Receive(r);
  };
  received("<first@customer>", 0, InboundStatus::kAccepted);
  Send(Queue(customer_.id, kT0 + minutes(1)).id, "<ack@hd>", kT0 + minutes(2));
  received("<second@customer>", 3, InboundStatus::kAccepted);
  received("<stranger@x>", 4, InboundStatus::kHeld);
  const auto pending = Queue(customer_.id, kT0 + minutes(5));
  Write([&](core::ports::MailRepo& mail) { return mail.StartDelivery(pending.id, "<p@hd>", 1); });
  Send(Queue(agent_.id, kT0 + minutes(6)).id, "<reply@hd>", kT0 + minutes(7));
  const core::Ticket other = AddTicket(customer_, "Other");
  InboundRecord elsewhere = Inbound("<other@customer>", "ann@example.com", kT0);
  elsewhere.ticket_id = other.id;
  Receive(elsewhere);

  auto ids = [&](int limit) {
    return Must(ReadValue<std::vector<std::string>>(
        [&](Tx& tx) { return tx.Mail().ListThreadIds(ticket_.id, limit); }));
  };
  EXPECT_EQ(ids(10), (std::vector<std::string>{"<first@customer>", "<ack@hd>", "<second@customer>",
                                               "<reply@hd>"}));
  EXPECT_EQ(ids(2), (std::vector<std::string>{"<first@customer>", "<ack@hd>"}));
}

TEST_P(MailDeliveryContract, DeliveryIsDueRetriedAfterBackoffAndSentOnce) {
  const auto note = Queue(customer_.id, kT0);
  auto due = Due(kT0);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].note.id, note.id);
  EXPECT_EQ(due[0].note.kind, "reply");
  EXPECT_EQ(due[0].note.user_id, customer_.id);
  EXPECT_EQ(due[0].note.ticket_id, ticket_.id);
  EXPECT_EQ(due[0].note.subject, "Re: Printer");
  EXPECT_EQ(due[0].note.body, "We are on it");
  EXPECT_EQ(due[0].note.created_at, kT0);
  EXPECT_EQ(due[0].attempts, 0);
  EXPECT_EQ(due[0].message_id, "");

  Write([&](core::ports::MailRepo& mail) -> Status {
    HD_RETURN_IF_ERROR(mail.StartDelivery(note.id, "<n1@hd>", 1));
    return mail.RecordDeliveryFailure(note.id, 1, kT0 + minutes(5), "421 try later", false);
  });
  EXPECT_TRUE(Due(kT0 + minutes(4)).empty());
  due = Due(kT0 + minutes(5));
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].attempts, 1);
  EXPECT_EQ(due[0].message_id, "<n1@hd>");
  EXPECT_EQ(Stats().last_delivery_error, "421 try later");

  Write([&](core::ports::MailRepo& mail) -> Status {
    HD_RETURN_IF_ERROR(mail.StartDelivery(note.id, "<n1@hd>", 2));
    return mail.RecordDelivered(note.id, kT0 + minutes(6), "250 Ok");
  });
  EXPECT_TRUE(Due(kT0 + minutes(600)).empty());
  // A late failure report does not make it pending again.
  Write([&](core::ports::MailRepo& mail) {
    return mail.RecordDeliveryFailure(note.id, 3, kT0, "lost", false);
  });
  Write([&](core::ports::MailRepo& mail) { return mail.SkipDelivery(note.id, "opted out"); });
  EXPECT_TRUE(Due(kT0 + minutes(600)).empty());
  const auto stats = Stats();
  EXPECT_EQ(stats.last_sent_at, kT0 + minutes(6));
  EXPECT_EQ(stats.outbox, 0);
  auto listed = Must(ReadValue<std::vector<core::ports::Notification>>(
      [&](Tx& tx) { return tx.Notifications().ListForTicket(ticket_.id); }));
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].sent_at, kT0 + minutes(6));
}

TEST_P(MailDeliveryContract, GivenUpSkippedAndUserlessNotificationsAreNeverDue) {
  const auto given_up = Queue(customer_.id, kT0);
  const auto skipped = Queue(agent_.id, kT0 + minutes(1));
  Queue(std::nullopt, kT0 + minutes(2));
  core::ports::Notification role_note;
  role_note.kind = "sla_warning";
  role_note.ticket_id = ticket_.id;
  role_note.created_at = kT0 + minutes(3);
  role_note.audience = "role:l1_operator";
  ASSERT_EQ(Must(WriteValue<int>([&](Tx& tx) {
              return tx.Notifications().QueueForRole(role_note, core::Role::kL1Operator);
            })),
            1);
  auto due = Due(kT0 + minutes(10));
  ASSERT_EQ(due.size(), 3u);  // oldest first, the userless one never
  EXPECT_EQ(due[0].note.id, given_up.id);
  EXPECT_EQ(due[1].note.id, skipped.id);
  EXPECT_EQ(due[2].note.user_id, agent_.id);
  EXPECT_EQ(due[2].note.audience, "role:l1_operator");
  EXPECT_EQ(Due(kT0 + minutes(10), 1).size(), 1u);

  Write([&](core::ports::MailRepo& mail) -> Status {
    HD_RETURN_IF_ERROR(
        mail.RecordDeliveryFailure(given_up.id, 9, kT0 + minutes(10), "550 rejected", true));
    return mail.SkipDelivery(skipped.id, "no address");
  });
  due = Due(kT0 + minutes(6000));
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].note.kind, "sla_warning");
  const auto stats = Stats();
  EXPECT_EQ(stats.failed, 1);
  EXPECT_EQ(stats.outbox, 1);
  EXPECT_EQ(stats.oldest_unsent, kT0 + minutes(3));
  EXPECT_EQ(stats.last_delivery_error, "550 rejected");
}

TEST_P(MailDeliveryContract, StatsCountHeldMailOutboxFailuresAndTheLastSend) {
  auto empty = Stats();
  EXPECT_EQ(empty.held, 0);
  EXPECT_EQ(empty.outbox, 0);
  EXPECT_FALSE(empty.oldest_unsent.has_value());
  EXPECT_EQ(empty.failed, 0);
  EXPECT_FALSE(empty.last_sent_at.has_value());
  EXPECT_EQ(empty.last_delivery_error, "");

  for (int i = 0; i < 3; ++i) {
    InboundRecord r = Inbound("<h" + std::to_string(i) + "@x>", "a@x", kT0);
    r.status = i < 2 ? InboundStatus::kHeld : InboundStatus::kAccepted;
    Receive(r);
  }
  const auto a = Queue(customer_.id, kT0 + minutes(1));
  const auto b = Queue(customer_.id, kT0 + minutes(2));
  const auto c = Queue(customer_.id, kT0 + minutes(3));
  Queue(customer_.id, kT0 + minutes(4));
  Queue(std::nullopt, kT0);  // skipped: not in the outbox
  Send(a.id, "<a@hd>", kT0 + minutes(8));
  Send(b.id, "<b@hd>", kT0 + minutes(9));
  Write([&](core::ports::MailRepo& mail) {
    return mail.RecordDeliveryFailure(c.id, 1, kT0 + minutes(20), "connection refused", false);
  });
  const auto stats = Stats();
  EXPECT_EQ(stats.held, 2);
  EXPECT_EQ(stats.outbox, 2);
  EXPECT_EQ(stats.oldest_unsent, kT0 + minutes(3));
  EXPECT_EQ(stats.failed, 0);
  EXPECT_EQ(stats.last_sent_at, kT0 + minutes(9));
  EXPECT_EQ(stats.last_delivery_error, "connection refused");
}

TEST_P(MailDeliveryContract, NotificationCarriesItsTicketMessage) {
  core::ports::Notification n;
  n.kind = "reply";
  n.user_id = customer_.id;
  n.ticket_id = ticket_.id;
  n.created_at = kT0;
  n.audience = "user:1";
  n.message_ref = message_.id;
  const auto queued = Must(
      WriteValue<core::ports::Notification>([&](Tx& tx) { return tx.Notifications().Queue(n); }));
  n.message_ref.reset();
  n.audience = "role:l1_operator";
  ASSERT_EQ(Must(WriteValue<int>([&](Tx& tx) {
              return tx.Notifications().QueueForRole(n, core::Role::kL1Operator);
            })),
            1);
  auto mine = Must(ReadValue<std::vector<core::ports::Notification>>(
      [&](Tx& tx) { return tx.Notifications().ListForUser(customer_.id, std::nullopt, 10); }));
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].message_ref, message_.id);
  auto due = Due(kT0);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].message_ref, message_.id);
  EXPECT_EQ(due[0].note.message_ref, message_.id);
  EXPECT_FALSE(due[1].message_ref.has_value());

  Write(
      [&](core::ports::MailRepo& mail) { return mail.SetMessageRef(due[1].note.id, message_.id); });
  auto all = Must(ReadValue<std::vector<core::ports::Notification>>(
      [&](Tx& tx) { return tx.Notifications().ListForTicket(ticket_.id); }));
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, queued.id);
  EXPECT_EQ(all[1].message_ref, message_.id);
  auto unsent = Must(ReadValue<std::vector<core::ports::Notification>>(
      [](Tx& tx) { return tx.Notifications().ListUnsent(10); }));
  ASSERT_EQ(unsent.size(), 2u);
  EXPECT_EQ(unsent[0].message_ref, message_.id);
  auto missing = store().Write([&](Tx& tx) { return tx.Mail().SetMessageRef(9999, message_.id); });
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace hd::storage::testing
