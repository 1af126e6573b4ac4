// libcurl plumbing shared by the SMTP, IMAP and POP3 transports; included by
// their .cpp files only, so no public header of mail/transport names libcurl.
//
// - EnsureCurl() runs curl_global_init once per process.
// - CurlEasy and CurlList own a CURL* and a curl_slist*.
// - ServerUrl is a configured URL split into its parts; Name() is the URL
//   without user information, safe for logs and errors.
// - CurlSession owns one easy handle for the life of a transport object, so
//   libcurl keeps its connection (logged in, folder selected) open from one
//   request to the next. A session is used by one thread at a time.
#pragma once

#include <curl/curl.h>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "mail/transport/mailbox_options.hpp"

namespace hd::mail {

// Runs curl_global_init(CURL_GLOBAL_DEFAULT) the first time it is called;
// thread-safe.
void EnsureCurl();

struct CurlEasyDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
using CurlEasy = std::unique_ptr<CURL, CurlEasyDeleter>;

struct CurlListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using CurlList = std::unique_ptr<curl_slist, CurlListDeleter>;

// Returns `list` with `item` appended (curl_slist_append); throws
// std::bad_alloc when libcurl cannot allocate.
CurlList Append(CurlList list, const std::string& item);

// A server URL as configured, e.g. "imaps://user@mail.example:993/INBOX".
struct ServerUrl {
  std::string scheme;    // lower case: "smtp", "imaps", …
  std::string host;      // as written; IPv6 in brackets
  std::string port;      // explicit port, or "" for the scheme's default
  std::string path;      // percent-decoded, without the leading '/'; may be empty
  std::string user;      // user information of the URL, percent-decoded; may be empty
  std::string password;  // never shown by Name()

  // scheme://host[:port]: the server without path or secrets.
  std::string Origin() const;
  // Origin() plus "/path" when there is one.
  std::string Name() const;
};

// Splits `url`. kInvalidArgument (field "url") when libcurl cannot parse it
// or its scheme is not one of `schemes`.
Result<ServerUrl> ParseServerUrl(const std::string& url,
                                 const std::vector<std::string_view>& schemes);

// Percent-encodes `segment` for a URL path (RFC 3986 unreserved kept).
std::string EscapePathSegment(std::string_view segment);

// How a session reaches and logs in to its server.
struct ConnectionSettings {
  std::string user;
  std::string password;
  std::string bearer;          // OAuth 2.0 token for XOAUTH2/OAUTHBEARER
  std::string auth_mechanism;  // e.g. "PLAIN"; empty: libcurl picks
  bool require_tls = false;    // STARTTLS required on a plain-text scheme
  bool verify_tls = true;
  std::chrono::seconds timeout{30};
  std::string protocols;  // CURLOPT_PROTOCOLS_STR, e.g. "imap,imaps"
};

// The settings for a mailbox server from `options` (credentials falling back
// to the URL's user information). kInvalidArgument naming the field at
// fault for a bad auth_mechanism or timeout.
Result<ConnectionSettings> MailboxSettings(const MailboxOptions& options, const ServerUrl& url,
                                           std::string protocols);

// Checks a SASL mechanism name (letters, digits, '-' and '_'; may be empty).
bool IsMechanismName(std::string_view name);

// What one request did.
struct CurlOutcome {
  CURLcode code = CURLE_OK;
  long response_code = 0;   // the server's last reply code (SMTP), 0 if none
  std::string body;         // what the write callback received
  std::string server_line;  // the server's last reply line, without CRLF
  // The server's last refusal (SMTP 4xx/5xx, IMAP NO/BAD, POP3 -ERR): what
  // it said when a request fails, before libcurl hung up with QUIT/LOGOUT.
  std::string refusal;
  std::string curl_error;  // libcurl's error text when code != CURLE_OK
  // The request ran on a connection kept from an earlier request.
  bool reused_connection = false;

  bool ok() const { return code == CURLE_OK; }
  // The server's words when it said something, else libcurl's.
  std::string Explain() const;
};

class CurlSession {
 public:
  explicit CurlSession(ConnectionSettings settings);

  // Resets the handle to the session's settings (credentials, TLS, timeouts,
  // callbacks) for a new request to `url`; the open connection is kept.
  // The caller then sets request options on handle() and calls Perform().
  void Prepare(const std::string& url);
  CURL* handle() { return handle_.get(); }
  // Runs the prepared request. When it fails on a reused connection that
  // the server had closed meanwhile, and `may_retry` is true, it runs once
  // more on a fresh connection.
  CurlOutcome Perform(bool may_retry = true);
  // Forgets the open connection: the next request connects afresh.
  void Disconnect();
  // Connects and logs in to `url` on a handle of its own, then hangs up.
  CurlOutcome Connect(const std::string& url);

 private:
  void ApplySettings(CURL* handle, const std::string& url);
  CurlOutcome RunOnce(CURL* handle);

  ConnectionSettings settings_;
  CurlEasy handle_;
  std::string body_;
  std::string server_line_;
  std::string refusal_;
  std::string partial_line_;
  char error_buffer_[CURL_ERROR_SIZE] = {};
  // The last request on handle_ succeeded, so libcurl may hold an open
  // connection that the server can have closed since.
  bool warm_ = false;
};

// True when `code` says the server could not be reached or the connection
// broke: worth a later retry.
bool IsTransient(CURLcode code);

// The Error for a failed mailbox request (IMAP, POP3): `server` is the
// mailbox's Name(), `action` what was being done ("listing messages").
// Unreachable, timed out, TLS failures: kUnavailable; login refused:
// kUnauthenticated; folder or message missing: kNotFound; a command the
// server refused: kInternal. The message never holds the password.
Error MailboxError(const std::string& server, std::string_view action, const CurlOutcome& out);

}  // namespace hd::mail
