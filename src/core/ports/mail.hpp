// Mail ports: what service/ and jobs/ need from the mail adapter (mail/):
// reading and writing RFC 5322 messages, sending them over SMTP, and taking
// them from a mailbox (IMAP, POP3, a Maildir folder). app/ wires the
// concrete classes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/mail.hpp"

namespace hd::core::ports {

// Parses and composes messages. Thread-safe; no I/O.
class MailCodec {
 public:
  virtual ~MailCodec() = default;
  // Reads one message (an mbox "From " line in front is skipped). Never
  // fails: what cannot be read is listed in InboundMail::problems and kept
  // as well as it can be.
  virtual InboundMail Parse(std::string_view raw) const = 0;
  // Encodes the message: CRLF line ends, RFC 2047 headers, UTF-8 bodies in
  // quoted-printable or base64, multipart/alternative when it has HTML,
  // multipart/mixed when it has attachments. kInvalidArgument when a
  // required field is missing.
  virtual Result<std::string> Compose(const OutboundMail& mail) const = 0;
};

// The SMTP server's answer to an accepted message.
struct SmtpReceipt {
  int code = 250;
  std::string reply;  // e.g. "250 2.0.0 Ok: queued as 4F2A1"
};

// Sends messages over SMTP. One call at a time per object.
class MailSender {
 public:
  virtual ~MailSender() = default;
  // Hands the message to the server for `recipients` (envelope RCPT TO).
  // kUnavailable when the server cannot be reached or answers 4xx (retry
  // later); kInvalidArgument (reason "smtp-rejected") when it refuses the
  // message for good (5xx). The error message carries the server's reply.
  virtual Result<SmtpReceipt> Send(const std::string& envelope_from,
                                   const std::vector<std::string>& recipients,
                                   std::string_view raw) = 0;
  // Connects and greets (and logs in when configured): Ok when that works.
  virtual Status Check() = 0;
  // The server as configured, without secrets, e.g. "smtp://127.0.0.1:1025".
  virtual std::string Name() const = 0;
};

// A mailbox the intake reads: IMAP (a folder), POP3, or a Maildir folder.
// Each message has a key (IMAP UID, POP3 UIDL, Maildir file name) that
// stays the same while the epoch does. One call at a time per object.
class MailSource {
 public:
  virtual ~MailSource() = default;
  // The mailbox as configured, without secrets, e.g. "imap://127.0.0.1:1143/INBOX".
  virtual std::string Name() const = 0;
  // The epoch of the keys: the IMAP folder's UIDVALIDITY, "" for POP3 and
  // Maildir. When it changes, earlier keys mean nothing any more.
  virtual Result<std::string> Epoch() = 0;
  // Keys of messages not yet marked done, oldest first, at most `limit`.
  virtual Result<std::vector<std::string>> ListPending(int limit) = 0;
  // The message as received, byte for byte. kNotFound when it is gone.
  virtual Result<std::string> Fetch(const std::string& key) = 0;
  // Marks the message done (IMAP: a flag, or a move to a folder; POP3:
  // delete; Maildir: move to cur/ with the S flag) so it is not listed
  // again. Done only after its ticket change is committed.
  virtual Status MarkDone(const std::string& key) = 0;
  // Connects (and logs in): Ok when that works.
  virtual Status Check() = 0;
};

}  // namespace hd::core::ports
