// ImapSource: one IMAP folder as a MailSource, over libcurl.
//
// Keys are the folder's UIDs ("42") and the epoch its UIDVALIDITY. A message
// is pending until marked done, which by MailboxOptions::done either sets a
// keyword (default $HelpdeskDone; ListPending searches UNKEYWORD) or moves
// it to another folder (ListPending lists every message still there).
// Messages marked \Deleted are never listed.
//
// The object owns one libcurl handle and keeps its connection open (logged
// in, folder selected) between calls; when the server dropped it, the next
// call connects again. One call at a time per object; different objects are
// independent.
//
// Errors: kUnavailable when the server cannot be reached, times out or drops
// the connection (retry later); kUnauthenticated when the login is refused;
// kNotFound when the folder does not exist or a message is gone;
// kInvalidArgument for a key that is no UID; kInternal when the server
// answers a command with NO or BAD. Messages carry the server's reply,
// never the password.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/ports/mail.hpp"
#include "mail/transport/mailbox_options.hpp"

namespace hd::mail {

class ImapSource final : public core::ports::MailSource {
 public:
  // Checks the options (URL scheme imap or imaps, done mode, flag) without
  // connecting. kInvalidArgument naming the field at fault.
  static Result<std::unique_ptr<ImapSource>> Create(MailboxOptions options);
  ~ImapSource() override;

  std::string Name() const override;
  Result<std::string> Epoch() override;
  Result<std::vector<std::string>> ListPending(int limit) override;
  // The message by BODY[] (libcurl's fetch); when it was unread before,
  // \Seen is taken off again, so a person reading the folder still sees it
  // as new.
  Result<std::string> Fetch(const std::string& key) override;
  Status MarkDone(const std::string& key) override;
  Status Check() override;

 private:
  struct Impl;
  explicit ImapSource(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace hd::mail
