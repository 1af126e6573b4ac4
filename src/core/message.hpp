// Message: a public reply or an internal note on a ticket, and the files
// attached to it. Internal notes are never shown to customers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "core/time.hpp"

namespace hd::core {

// A file stored content-addressed: the bytes live in the BlobStore under
// `sha256`; this record says who uploaded it to which ticket.
struct Attachment {
  AttachmentId id;
  TicketId ticket_id;
  std::optional<MessageId> message_id;  // set once a message references it
  UserId uploaded_by;
  std::string filename;
  std::string content_type;
  std::int64_t size = 0;  // bytes
  std::string sha256;     // lower-case hex of the content
  Timestamp created_at;
};

struct Message {
  MessageId id;
  TicketId ticket_id;
  UserId author_id;
  std::string body;
  bool internal = false;  // an internal note: staff only
  std::string channel = "web";
  Timestamp created_at;
  std::vector<Attachment> attachments;
};

// A customer's rating of an answer or of the whole ticket.
struct Feedback {
  FeedbackId id;
  TicketId ticket_id;
  UserId author_id;
  std::optional<MessageId> message_id;  // the rated answer; empty rates the ticket
  int rating = 0;                       // 1..5
  std::string comment;
  Timestamp created_at;
};

}  // namespace hd::core
