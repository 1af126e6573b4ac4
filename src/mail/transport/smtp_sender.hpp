// SmtpSender: hands messages to an SMTP server (RFC 5321) over libcurl.
//
// The object owns one libcurl handle and keeps the connection open between
// sends (the next MAIL FROM goes over it), reconnecting when the server
// closed it meanwhile. A send is never repeated once any of the message was
// handed over, so a message is not sent twice by this class. One call at a
// time per object.
//
// Errors of Send: kUnavailable when the server cannot be reached, times out,
// drops the connection or answers 4xx (retry later), and also when it
// refuses the login (reason "smtp-login-refused": the message is not at
// fault, and queued mail can go once the login is fixed); kInvalidArgument
// with reason "smtp-rejected" when it answers 5xx to the sender, a recipient
// or the message (do not retry); kInvalidArgument naming "recipients" or
// "envelope_from" for an address that cannot go into an SMTP command.
// Check() reports a refused login as kUnauthenticated. Messages carry the
// server's last refusal or reply line, never the password.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/ports/mail.hpp"

namespace hd::mail {

struct SmtpOptions {
  // Required. smtp://host[:port] (port 25 by default; STARTTLS as
  // `starttls` says) or smtps://host[:port] (TLS from the start, 465).
  std::string url;
  // Login; empty user: no AUTH (the URL's user information otherwise).
  std::string user;
  std::string password;
  // An OAuth 2.0 access token: logs in with XOAUTH2 / OAUTHBEARER.
  std::string bearer;
  // SASL mechanism to insist on: "PLAIN", "LOGIN", "XOAUTH2"…; empty: the
  // best one both sides offer.
  std::string auth_mechanism;
  // On smtp://, require STARTTLS (fail when the server does not offer it).
  // Default false.
  bool starttls = false;
  // Check the server's certificate and host name. Default true.
  bool verify_tls = true;
  // Limit for connecting and for any single wait on the server. Default 30 s.
  std::chrono::seconds timeout{30};
  // The name said in EHLO; empty: this machine's host name.
  std::string helo_name;
};

class SmtpSender final : public core::ports::MailSender {
 public:
  // Checks the options without connecting. kInvalidArgument naming the
  // field at fault.
  static Result<std::unique_ptr<SmtpSender>> Create(SmtpOptions options);
  ~SmtpSender() override;

  // `envelope_from` may be empty (the null sender "<>", for bounces).
  // `raw` is sent as it is (CRLF line ends expected); libcurl dot-stuffs.
  Result<core::ports::SmtpReceipt> Send(const std::string& envelope_from,
                                        const std::vector<std::string>& recipients,
                                        std::string_view raw) override;
  Status Check() override;
  std::string Name() const override;

 private:
  struct Impl;
  explicit SmtpSender(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace hd::mail
