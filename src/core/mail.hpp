// Mail as the help desk sees it: an inbound message parsed into what people
// read and what the intake decides on (InboundMail), and an outbound message
// before it is encoded (OutboundMail). Plain values; mail/ fills and encodes
// them (core/ports/mail.hpp), service/ decides with them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/time.hpp"

namespace hd::core {

// The line our mails put above the quoted conversation; what a customer
// writes above it is their reply (mail/ cuts the rest off).
inline constexpr std::string_view kReplyAboveMarker =
    "##- Ответьте выше этой строки / Reply above this line -##";

// Our loop header: every mail the help desk sends carries it, so a mail of
// ours that comes back (an echo, a forward loop) is recognised.
inline constexpr std::string_view kLoopHeader = "X-Helpdesk-Loop";

// "Anna Petrova" <anna@acme.example>. `name` is decoded to UTF-8 and may be
// empty; `address` is as written (service/ compares it case-insensitively).
struct MailAddress {
  std::string name;
  std::string address;
};

// A file carried by a message: an attachment, an inline image (referenced
// from the HTML as cid:<content_id>), or an attached message
// (message/rfc822, whose subject is `embedded_subject`).
struct MailAttachment {
  // Decoded to UTF-8 (RFC 2047 / RFC 2231). When the message gives no name,
  // one is made from the part's position and type ("attachment-2.png").
  std::string filename;
  std::string content_type;  // lower-case type/subtype, e.g. "image/png"
  std::string content_id;    // without angle brackets; empty when none
  bool inline_image = false;
  std::string embedded_subject;  // message/rfc822 only
  std::string bytes;             // the decoded content
};

// What a delivery status notification (RFC 3464) or a mailer-daemon's
// message says failed.
struct BounceReport {
  std::vector<std::string> failed_recipients;  // addresses that failed
  std::string original_message_id;             // of the message that bounced; may be empty
  std::string status;                          // e.g. "5.1.1"; may be empty
  std::string diagnostic;                      // the remote server's words; may be empty
};

struct InboundMail {
  MailAddress from;
  std::vector<MailAddress> to;
  std::vector<MailAddress> cc;
  std::vector<MailAddress> reply_to;
  // Delivered-To / X-Original-To: the addresses the message was delivered
  // to, which can differ from To and Cc (Bcc, aliases, MTA pipes).
  std::vector<std::string> delivered_to;
  std::string subject;     // decoded to UTF-8, unfolded
  std::string message_id;  // without angle brackets; empty when missing
  std::optional<std::string> in_reply_to;
  std::vector<std::string> references;  // oldest first, without angle brackets
  std::optional<Timestamp> date;        // the Date header, when it can be read
  // The text a person reads: the plain part, or the HTML turned into text
  // when there is none. UTF-8.
  std::string body_text;
  std::optional<std::string> body_html;  // the HTML part, UTF-8, when there is one
  // body_text without the quoted history and the signature: what the
  // conversation shows (the full text stays with the message).
  std::string reply_text;
  std::vector<MailAttachment> attachments;

  // Loops and automatic mail (RFC 3834): Auto-Submitted other than "no",
  // X-Autoreply, X-Autorespond, Precedence bulk/junk/auto_reply, mailer-daemon
  // senders. Such mail is never answered and never opens a ticket.
  bool auto_submitted = false;
  std::string
      auto_reason;  // the header that made it automatic, e.g. "Auto-Submitted: auto-replied"
  // The sender asks for no automatic answers, or writes from a mailing list
  // (X-Auto-Response-Suppress, List-Id, Precedence: list): a ticket is opened
  // but no acknowledgement is sent.
  bool suppress_auto_reply = false;
  // The value of our own loop header (X-Helpdesk-Loop) when the message
  // carries one: mail we sent that came back.
  std::string loop_header;
  bool is_bounce = false;
  BounceReport bounce;  // filled when is_bounce

  // What could not be read as it should (a missing boundary, invalid
  // base64, an unknown charset); the text is kept as well as it could be.
  std::vector<std::string> problems;
};

// A message the help desk sends, before encoding. Addresses and texts are
// UTF-8; the codec encodes headers (RFC 2047) and bodies.
struct OutboundMail {
  MailAddress from;
  std::vector<MailAddress> to;
  std::vector<MailAddress> cc;
  std::optional<MailAddress> reply_to;
  std::string subject;
  std::string message_id;  // without angle brackets; required
  std::optional<std::string> in_reply_to;
  std::vector<std::string> references;
  Timestamp date;
  std::string text;  // required: the plain part
  std::string html;  // empty: text only; else multipart/alternative
  std::vector<MailAttachment> attachments;
  // Further headers in order, e.g. {"Auto-Submitted", "auto-replied"}.
  std::vector<std::pair<std::string, std::string>> headers;
};

}  // namespace hd::core
