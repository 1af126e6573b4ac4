// Where a mailbox the intake reads lives and how to log in to it: the one
// options struct of every MailSource (ImapSource, Pop3Source, MaildirSource;
// OpenMailSource picks the class by the URL's scheme). A plain value.
#pragma once

#include <chrono>
#include <string>

namespace hd::mail {

struct MailboxOptions {
  // Required. imap://host[:port][/FOLDER] (FOLDER defaults to INBOX; UTF-8
  // names are fine), imaps:// (TLS from the start), pop3://, pop3s://, or a
  // Maildir folder: "maildir:/var/mail/support" or a plain path.
  std::string url;
  // Login name and password; empty user: the URL's user information, if any.
  std::string user;
  std::string password;
  // An OAuth 2.0 access token: logs in with XOAUTH2 / OAUTHBEARER instead of
  // the password.
  std::string bearer;
  // SASL mechanism to insist on, e.g. "PLAIN" or "LOGIN"; empty: the best
  // one both sides offer.
  std::string auth_mechanism;
  // On imap:// and pop3://, require STARTTLS / STLS (fails when the server
  // does not offer it). Default false: plain text, as the URL says.
  bool starttls = false;
  // Check the server's certificate and host name. Default true; turn off
  // only for test servers with self-signed certificates.
  bool verify_tls = true;
  // Limit for connecting and for any single wait on the server. Default 30 s.
  std::chrono::seconds timeout{30};

  // IMAP only: how a message is marked done once its ticket change is
  // committed. "flag" (default): set the keyword `done_flag` and leave the
  // message where it is; "move": move it to `done_folder`, created when
  // missing.
  std::string done = "flag";
  std::string done_flag = "$HelpdeskDone";  // an IMAP keyword (atom), not a \system flag
  std::string done_folder = "Done";         // UTF-8; hierarchy as the server separates it
  // IMAP only, for "move": use UID MOVE (RFC 6851) when the server offers
  // it. False: always COPY, set \Deleted and expunge (for servers whose MOVE
  // misbehaves). Default true.
  bool use_uid_move = true;
};

}  // namespace hd::mail
