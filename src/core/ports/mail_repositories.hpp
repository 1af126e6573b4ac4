// Mail repository port: received messages, ticket participants, the mail
// side of the outbox, mailbox positions and failing addresses. Like every
// repository (ports/repositories.hpp) an object belongs to one transaction
// and one thread; every method may return kUnavailable and kInternal.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/ports/sla_repositories.hpp"
#include "core/time.hpp"

namespace hd::core::ports {

// What the intake did with a received message. Stable ids on disk.
enum class InboundStatus {
  kAccepted,  // "accepted": made or joined a ticket
  kHeld,      // "held": waits for an operator (reason says why)
  kBounce,    // "bounce": a delivery failure, recorded on the ticket it reports
  kIgnored,   // "ignored": automatic mail that names no ticket
  kRejected,  // "rejected": refused (too large); the sender was told
};
std::string_view ToString(InboundStatus status);
std::optional<InboundStatus> ParseInboundStatus(std::string_view id);

struct InboundRecord {
  std::int64_t id = 0;
  std::string source;      // the mailbox, "pipe" or a Maildir folder
  std::string source_key;  // "<epoch>/<key>" in the mailbox; may be empty
  std::string message_id;  // may be empty (then never deduplicated)
  std::string sha256;      // the raw message in the BlobStore
  std::int64_t size = 0;
  std::string from_address;  // lower-case
  std::string subject;
  InboundStatus status = InboundStatus::kAccepted;
  std::string reason;
  std::optional<TicketId> ticket_id;
  std::optional<MessageId> message_ref;
  Timestamp received_at;
};

struct Participant {
  TicketId ticket_id;
  std::string address;  // compared case-insensitively
  std::string name;
  Timestamp created_at;
};

// A notification waiting for mail delivery, with its delivery state.
struct MailDelivery {
  Notification note;
  std::optional<MessageId> message_ref;
  int attempts = 0;
  std::string message_id;  // fixed at the first attempt; empty before
};

struct MailboxState {
  std::string name;
  std::string epoch;
  std::optional<Timestamp> last_poll_at;
  std::string last_error;
  std::optional<Timestamp> last_error_at;
};

struct FailingAddress {
  std::string address;
  std::string reason;
  std::optional<TicketId> ticket_id;
  Timestamp at;
};

// Counts for the administrators' view of mail.
struct MailStats {
  std::int64_t held = 0;
  std::int64_t outbox = 0;                 // pending deliveries
  std::optional<Timestamp> oldest_unsent;  // created_at of the oldest pending
  std::int64_t failed = 0;                 // deliveries given up
  std::optional<Timestamp> last_sent_at;   // of the latest sent
  std::string last_delivery_error;         // of the latest failed attempt
};

class MailRepo {
 public:
  virtual ~MailRepo() = default;

  // Records a received message. kConflict when its non-empty Message-ID is
  // recorded already.
  virtual Result<InboundRecord> InsertInbound(InboundRecord record) = 0;
  virtual Result<std::optional<InboundRecord>> FindInboundByMessageId(
      const std::string& message_id) = 0;
  // The received message that became ticket message `message`, if any.
  virtual Result<std::optional<InboundRecord>> FindInboundForMessage(MessageId message) = 0;
  // kNotFound when there is none.
  virtual Result<InboundRecord> GetInbound(std::int64_t id) = 0;
  // Writes status, reason, ticket_id and message_ref.
  virtual Status UpdateInbound(const InboundRecord& record) = 0;
  // Messages from `address` recorded at or after `since` (the storm limit).
  virtual Result<std::int64_t> CountInboundFrom(const std::string& address, Timestamp since) = 0;
  // The latest records of a status, newest first, at most `limit`.
  virtual Result<std::vector<InboundRecord>> ListInbound(InboundStatus status, int limit) = 0;
  // The ticket whose mail (received, or sent by us) had this Message-ID.
  virtual Result<std::optional<TicketId>> FindTicketByMessageId(const std::string& message_id) = 0;
  // Message-IDs of the ticket's mail, received and sent, oldest first, at
  // most `limit` (References of a new mail).
  virtual Result<std::vector<std::string>> ListThreadIds(TicketId ticket, int limit) = 0;

  // Adds a participant (nothing when present already).
  virtual Status AddParticipant(const Participant& participant) = 0;
  virtual Result<std::vector<Participant>> ListParticipants(TicketId ticket) = 0;

  // Up to `limit` notifications with a user whose mail is pending and due
  // at `now`, oldest first.
  virtual Result<std::vector<MailDelivery>> ListDueDeliveries(Timestamp now, int limit) = 0;
  // Records an attempt that did not deliver: attempts, next try, error;
  // `give_up` marks it failed for good.
  virtual Status RecordDeliveryFailure(std::int64_t notification, int attempts, Timestamp next_at,
                                       const std::string& error, bool give_up) = 0;
  // Fixes the Message-ID and counts the attempt before the mail is sent.
  virtual Status StartDelivery(std::int64_t notification, const std::string& message_id,
                               int attempts) = 0;
  // Records the delivery: sent_at, the server's reply.
  virtual Status RecordDelivered(std::int64_t notification, Timestamp at,
                                 const std::string& reply) = 0;
  // Marks a notification as one that is not mailed (no address, opted out).
  virtual Status SkipDelivery(std::int64_t notification, const std::string& why) = 0;
  // Sets message_ref of a queued notification.
  virtual Status SetMessageRef(std::int64_t notification, MessageId message) = 0;

  virtual Result<std::optional<MailboxState>> GetMailbox(const std::string& name) = 0;
  // Inserts or replaces the mailbox's row.
  virtual Status PutMailbox(const MailboxState& state) = 0;
  virtual Result<std::vector<MailboxState>> ListMailboxes() = 0;

  // Inserts or replaces the address's failure.
  virtual Status MarkFailing(const FailingAddress& failing) = 0;
  virtual Result<std::vector<FailingAddress>> ListFailing(int limit) = 0;

  // Kinds of notification the user does not want by mail.
  virtual Result<std::vector<std::string>> ListOptOuts(UserId user) = 0;
  virtual Status SetOptOuts(UserId user, const std::vector<std::string>& kinds) = 0;

  virtual Result<MailStats> Stats() = 0;

  // A secret every instance shares (table server_secrets), e.g. "mail_reply"
  // that signs reply-to addresses. kNotFound when there is none.
  virtual Result<std::string> ServerSecret(const std::string& name) = 0;
};

}  // namespace hd::core::ports
