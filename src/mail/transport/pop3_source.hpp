// Pop3Source: a POP3 mailbox (RFC 1939) as a MailSource, over libcurl.
//
// Keys are the server's UIDLs; the epoch is always "". Every message still
// on the server is pending, oldest (lowest message number) first. MarkDone
// deletes the message: POP3 applies DELE only when the session ends with
// QUIT, so MarkDone ends the session at once (the next call logs in again),
// and a message marked done is gone for good.
//
// The object owns one libcurl handle and keeps its connection open between
// the other calls. One call at a time per object.
//
// Errors: kUnavailable when the server cannot be reached, times out or drops
// the connection; kUnauthenticated when the login is refused; kNotFound when
// a key is no longer on the server. Messages carry the server's reply, never
// the password.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/ports/mail.hpp"
#include "mail/transport/mailbox_options.hpp"

namespace hd::mail {

class Pop3Source final : public core::ports::MailSource {
 public:
  // Checks the options (URL scheme pop3 or pop3s) without connecting.
  // kInvalidArgument naming the field at fault.
  static Result<std::unique_ptr<Pop3Source>> Create(MailboxOptions options);
  ~Pop3Source() override;

  std::string Name() const override;
  Result<std::string> Epoch() override;
  Result<std::vector<std::string>> ListPending(int limit) override;
  Result<std::string> Fetch(const std::string& key) override;
  Status MarkDone(const std::string& key) override;
  Status Check() override;

 private:
  struct Impl;
  explicit Pop3Source(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace hd::mail
