// Reading a parsed GMime tree into the body and the attachments of an
// InboundMail. Internal to mail/mime: included by .cpp files only (GMime's
// types are only named here, never defined).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/mail.hpp"
#include "mail/mime/headers.hpp"

struct _GMimeObject;
struct _GMimePart;
struct _GMimeMessagePart;

namespace hd::mail {

// Where a part sits: the bytes its offsets refer to and the boundary of the
// multipart around it (empty at the top).
struct PartPlace {
  std::string_view source;
  std::string_view boundary;  // owned by the multipart, alive during the walk
  int depth = 0;
  bool in_related = false;
  bool forced_attachment = false;  // not a body candidate (related, signed)
};

// What the walk over the parts found.
struct TreeReading {
  std::string hint_charset;          // charset of the first text part
  std::optional<std::string> plain;  // the chosen text/plain body, UTF-8
  std::optional<std::string> html;   // the chosen text/html body, UTF-8
  bool body_closed = false;          // no further part becomes the body
  int alternative_depth = 0;
  std::vector<core::MailAttachment> attachments;
  std::vector<std::string> problems;
  // Bounce material (multipart/report, RFC 3464).
  std::string report_type;      // "delivery-status", "disposition-notification"
  std::string delivery_status;  // text of message/delivery-status parts
  std::string returned_message_id;
};

// Walks `object` (a message's top part) depth-first.
void ReadTree(_GMimeObject* object, const PartPlace& place, TreeReading& reading);

// The decoded bytes of a leaf part (transfer encoding undone, charset not).
// Notes invalid base64 in `problems`.
std::string PartBytes(_GMimePart* part, std::vector<std::string>& problems);

// An attachment made from a leaf part, to be appended to
// reading.attachments (its position there names it when the part has no
// file name).
core::MailAttachment LeafAttachment(_GMimePart* part, const PartPlace& place, TreeReading& reading);

// An attached message (message/rfc822): named after its subject, its bytes
// as they stand in the part; its Message-ID becomes
// reading.returned_message_id (what a bounce returns) when none is known.
core::MailAttachment MessageAttachment(_GMimeMessagePart* part, const PartPlace& place,
                                       TreeReading& reading);

// The lower-case "type/subtype" of a part ("text/plain" when it has none).
std::string MimeTypeOf(_GMimeObject* object);

// The raw headers of a message or part, in order.
HeaderBlock HeadersOf(_GMimeObject* object);

// "attachment-3.png": the made-up name of the index-th attachment.
std::string MadeUpFileName(std::size_t index, std::string_view content_type);

// Text bytes in `charset` as UTF-8 with line ends "\n".
std::string TextBody(std::string bytes, std::string_view charset,
                     std::vector<std::string>& problems);

}  // namespace hd::mail
