// MailAdmin: what staff see of the mail channel — each mailbox's position
// and health, the sender's outbox, held and failing mail — and a received
// message as it arrived. The intake's jobs record each poll here.
// Thread-safe; blocking.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "service/actor.hpp"

namespace hd::service {

struct MailOverview {
  std::vector<core::ports::MailboxState> mailboxes;
  core::ports::MailStats outbox;
  std::vector<core::ports::InboundRecord> held;  // newest first
  std::vector<core::ports::InboundRecord> bounces;
  std::vector<core::ports::FailingAddress> failing;
};

struct RawMail {
  core::ports::InboundRecord record;
  std::int64_t ticket_number = 0;  // of the ticket it belongs to
  std::string bytes;               // the message exactly as received
};

class MailAdmin {
 public:
  MailAdmin(core::ports::Store& store, core::ports::BlobStore& blobs, const core::Clock& clock)
      : store_(store), blobs_(blobs), clock_(clock) {}

  // kForbidden unless the actor is an administrator or an L1 operator.
  Result<MailOverview> Overview(const Actor& actor, int limit = 50);

  // The received mail that became message `message` of `ticket`: staff who
  // may read the ticket only. kNotFound when the ticket is not readable or
  // the message did not come by mail.
  Result<RawMail> Raw(const Actor& actor, core::TicketId ticket, core::MessageId message);

  // The mailbox's epoch (IMAP UIDVALIDITY) as last recorded; "" when none.
  Result<std::string> Epoch(const std::string& mailbox);
  // Records a poll of `mailbox`: its epoch, and the error when it failed.
  Status RecordPoll(const std::string& mailbox, const std::string& epoch,
                    const std::optional<std::string>& error);

 private:
  core::ports::Store& store_;
  core::ports::BlobStore& blobs_;
  const core::Clock& clock_;
};

}  // namespace hd::service
