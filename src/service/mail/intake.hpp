// MailIntake: one received message through the inbound pipeline — stored
// raw, parsed, then in one transaction: deduplicated by Message-ID, loops
// and automatic mail recognised, bounces recorded, the sender identified
// (an unknown sender becomes a customer at once), the ticket found (signed
// reply-to address, In-Reply-To/References, subject tag) and the sender's
// right to write to it checked, and then a new ticket or a message on the
// ticket, with the customer's acknowledgement queued. docs/mail.md tells
// the rules with examples.
//
// Thread-safe; blocking (worker or job threads only).
#pragma once

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ports/mail.hpp"
#include "core/ports/store.hpp"
#include "service/actor.hpp"
#include "service/conversation.hpp"
#include "service/mail/mail_options.hpp"
#include "service/options.hpp"
#include "service/tickets.hpp"

namespace hd::service {

// Where the mail of a mailbox goes when it opens a ticket (both optional).
struct MailRoute {
  std::string category;  // a category slug
  std::string group;     // a staff group slug; overrides the category's
};

struct IngestInput {
  std::string source = "pipe";  // the mailbox, "pipe" or a Maildir folder
  std::string source_key;       // the message's place in it, e.g. "<uidvalidity>/<uid>"
  std::string raw;              // the message as received
  MailRoute route;
};

struct IngestOutcome {
  core::ports::InboundStatus status = core::ports::InboundStatus::kAccepted;
  bool duplicate = false;   // received before: nothing changed now
  bool new_ticket = false;  // the mail opened a ticket
  std::optional<core::TicketId> ticket;
  std::int64_t ticket_number = 0;
  std::optional<core::MessageId> message;
  std::string reason;  // why it was held, ignored or rejected
  std::int64_t inbound_id = 0;
};

class MailIntake {
 public:
  MailIntake(core::ports::Store& store, core::ports::BlobStore& blobs, const core::Clock& clock,
             const core::ports::MailCodec& codec, const Tickets& tickets,
             const Conversation& conversation, Options options, MailOptions mail);

  // Takes one message. Every message ends accepted, held, bounce, ignored or
  // rejected (kRejected: over MailOptions::max_message_bytes); only a
  // failure to store it is an error: kUnavailable when the database or the
  // file store cannot take it now (retry later; the mailbox keeps it).
  Result<IngestOutcome> Ingest(const IngestInput& input);

  // An operator takes held mail `inbound_id` in: into ticket `into` as a
  // message of its sender, or without one as a new ticket (no storm limit,
  // no stranger rule: the operator decided). kForbidden unless the actor is
  // an administrator or an L1 operator; kNotFound for no such mail (or an
  // `into` the actor may not read); kConflict (reason "mail-not-held") when
  // it is not held any more.
  Result<IngestOutcome> Release(const Actor& actor, std::int64_t inbound_id,
                                std::optional<core::TicketId> into);

  const MailOptions& options() const { return mail_; }

 private:
  struct Prepared;
  Result<Prepared> Prepare(const IngestInput& input, std::string sha256);
  Result<IngestOutcome> Reject(const IngestInput& input);
  Status Decide(core::ports::Tx& tx, const Prepared& p, IngestOutcome& out);
  Status OnBounce(core::ports::Tx& tx, const Prepared& p, IngestOutcome& out);
  Status OnTicketMail(core::ports::Tx& tx, const Prepared& p, core::Ticket ticket,
                      bool signed_for_sender, IngestOutcome& out);
  Status OpenTicket(core::ports::Tx& tx, const Prepared& p, IngestOutcome& out);
  Status Record(core::ports::Tx& tx, const Prepared& p, IngestOutcome& out);
  Result<std::string> Secret(core::ports::Tx& tx);

  core::ports::Store& store_;
  core::ports::BlobStore& blobs_;
  const core::Clock& clock_;
  const core::ports::MailCodec& codec_;
  const Tickets& tickets_;
  const Conversation& conversation_;
  Options options_;
  MailOptions mail_;
};

}  // namespace hd::service
