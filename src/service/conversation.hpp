// Conversation: messages (public replies and internal notes), attachments,
// the event history and customer feedback of a ticket. Thread-safe; blocking.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/event.hpp"
#include "core/message.hpp"
#include "core/ports/store.hpp"
#include "service/actor.hpp"
#include "service/history_words.hpp"
#include "service/options.hpp"
#include "service/process_engine.hpp"
#include "service/sla_clocks.hpp"
#include "service/tickets.hpp"

namespace hd::service {

struct PostMessageInput {
  std::string body;       // required, up to 100,000 characters
  bool internal = false;  // internal note: staff only
  std::string channel = "web";
  std::vector<UploadedFile> attachments;
};

struct FeedbackInput {
  int rating = 0;                             // 1..5
  std::string comment;                        // up to 5,000 characters
  std::optional<core::MessageId> message_id;  // the rated answer; empty = the ticket
};

struct Download {
  core::Attachment attachment;
  std::string bytes;
};

class Conversation {
 public:
  Conversation(core::ports::Store& store, core::ports::BlobStore& blobs, const core::Clock& clock,
               Options options, const ProcessEngine& processes);

  // Adds a message with its attachments and a "replied" or "note_added"
  // event. A customer's reply reopens a pending, resolved or closed ticket; a
  // staff reply opens a new one. On a ticket that runs a process, a
  // customer's reply first resumes a ticket waiting for them
  // (ProcessEngine::ResumeOnReply). kForbidden for a customer's internal
  // note; kNotFound when the actor may not read the ticket.
  Result<core::Message> Post(const Actor& actor, core::TicketId ticket, PostMessageInput input);

  // Post's change, for a use case that holds the write transaction itself
  // (the mail intake): `ticket` is loaded and readable by `actor`, the body
  // checked and the files stored (`uploads`). Updates `ticket` in place; a
  // public staff reply queues the customer's mail.
  Result<core::Message> PostIn(core::ports::Tx& tx, const Actor& actor, core::Ticket& ticket,
                               const PostMessageInput& input,
                               const std::vector<StoredUpload>& uploads, core::Timestamp now) const;

  // Recomputes the ticket's SLA clock after each message (a public staff
  // reply meets the first response; a customer's reply resumes the clock).
  void UseSla(const SlaClocks& clocks) { sla_ = &clocks; }

  // Messages in order; customers never receive internal notes.
  Result<std::vector<core::Message>> List(const Actor& actor, core::TicketId ticket);

  // The ticket's history; customers never receive internal events.
  Result<std::vector<core::Event>> History(const Actor& actor, core::TicketId ticket);
  // History with the words people read beside the ids (history_words.hpp).
  Result<std::vector<WordedEvent>> HistoryInWords(const Actor& actor, core::TicketId ticket);

  // Customers rate an answer or the ticket. kForbidden for staff;
  // kInvalidArgument naming "rating" or "message_id".
  Result<core::Feedback> GiveFeedback(const Actor& actor, core::TicketId ticket,
                                      const FeedbackInput& input);
  Result<std::vector<core::Feedback>> ListFeedback(const Actor& actor, core::TicketId ticket);

  // An attachment's record and bytes, for those who may read its message.
  Result<Download> GetAttachment(const Actor& actor, core::AttachmentId id);

 private:
  core::ports::Store& store_;
  core::ports::BlobStore& blobs_;
  const core::Clock& clock_;
  Options options_;
  const ProcessEngine& processes_;
  const SlaClocks* sla_ = nullptr;
};

}  // namespace hd::service
