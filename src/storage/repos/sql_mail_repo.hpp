// The mail repository (core/ports/mail_repositories.hpp) in portable SQL over
// a storage::Connection, shared by the SQLite and PostgreSQL drivers: one
// object per transaction (SqlTx), same thread behaviour as the connection it
// borrows. mail_repo.cpp holds received messages, participants, threading,
// mailboxes, failing addresses, opt-outs, the statistics and the shared
// secrets; mail_delivery_repo.cpp the mail side of the notification outbox.
//
// Addresses are compared case-insensitively: mail_inbound.from_address is
// stored lower-cased here (ASCII, the same on both engines, whatever the
// caller passes); ticket_participants and failing_addresses compare through
// their column (COLLATE NOCASE / citext).
#pragma once

#include "core/ports/mail_repositories.hpp"
#include "storage/database.hpp"

namespace hd::storage {

class SqlMailRepo final : public core::ports::MailRepo {
 public:
  explicit SqlMailRepo(Connection& conn) : conn_(conn) {}

  // kConflict for a recorded non-empty Message-ID, without aborting the
  // transaction (the insert does nothing), so the caller may go on in it.
  Result<core::ports::InboundRecord> InsertInbound(core::ports::InboundRecord record) override;
  Result<std::optional<core::ports::InboundRecord>> FindInboundByMessageId(
      const std::string& message_id) override;
  Result<std::optional<core::ports::InboundRecord>> FindInboundForMessage(
      core::MessageId message) override;
  Result<core::ports::InboundRecord> GetInbound(std::int64_t id) override;
  // kNotFound when there is no such record.
  Status UpdateInbound(const core::ports::InboundRecord& record) override;
  Result<std::int64_t> CountInboundFrom(const std::string& address, core::Timestamp since) override;
  Result<std::vector<core::ports::InboundRecord>> ListInbound(core::ports::InboundStatus status,
                                                              int limit) override;
  // Accepted and bounce messages with a ticket, then notifications mailed
  // with that Message-ID.
  Result<std::optional<core::TicketId>> FindTicketByMessageId(
      const std::string& message_id) override;
  // The ticket's accepted received messages (by received_at) and its sent
  // notifications (by sent_at), merged oldest first.
  Result<std::vector<std::string>> ListThreadIds(core::TicketId ticket, int limit) override;

  Status AddParticipant(const core::ports::Participant& participant) override;
  // Oldest first.
  Result<std::vector<core::ports::Participant>> ListParticipants(core::TicketId ticket) override;

  // Ordered by the due instant, then by id (notifications_mail_due).
  Result<std::vector<core::ports::MailDelivery>> ListDueDeliveries(core::Timestamp now,
                                                                   int limit) override;
  // RecordDeliveryFailure and SkipDelivery never touch a sent notification
  // (so a late failure cannot make it mailed twice); RecordDelivered,
  // StartDelivery and SetMessageRef return kNotFound for an unknown id.
  Status RecordDeliveryFailure(std::int64_t notification, int attempts, core::Timestamp next_at,
                               const std::string& error, bool give_up) override;
  Status StartDelivery(std::int64_t notification, const std::string& message_id,
                       int attempts) override;
  Status RecordDelivered(std::int64_t notification, core::Timestamp at,
                         const std::string& reply) override;
  Status SkipDelivery(std::int64_t notification, const std::string& why) override;
  Status SetMessageRef(std::int64_t notification, core::MessageId message) override;

  Result<std::optional<core::ports::MailboxState>> GetMailbox(const std::string& name) override;
  Status PutMailbox(const core::ports::MailboxState& state) override;
  // By name.
  Result<std::vector<core::ports::MailboxState>> ListMailboxes() override;

  // The address keeps the spelling it was first recorded with.
  Status MarkFailing(const core::ports::FailingAddress& failing) override;
  // Latest first.
  Result<std::vector<core::ports::FailingAddress>> ListFailing(int limit) override;

  // Sorted by kind.
  Result<std::vector<std::string>> ListOptOuts(core::UserId user) override;
  // Replaces the user's list; duplicates in `kinds` are kept once.
  Status SetOptOuts(core::UserId user, const std::vector<std::string>& kinds) override;

  // last_delivery_error: of the newest pending or failed notification that
  // has one.
  Result<core::ports::MailStats> Stats() override;

  Result<std::string> ServerSecret(const std::string& name) override;

 private:
  Connection& conn_;
};

}  // namespace hd::storage
