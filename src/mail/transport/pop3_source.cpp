#include "mail/transport/pop3_source.hpp"

#include <utility>

#include "mail/transport/curl_session.hpp"

namespace hd::mail {
namespace {

// One line of a UIDL listing: "<number> <uidl>".
struct Listing {
  std::string number;
  std::string uidl;
};

std::vector<Listing> ParseUidl(const std::string& body) {
  std::vector<Listing> out;
  size_t start = 0;
  while (start < body.size()) {
    size_t end = body.find('\n', start);
    if (end == std::string::npos) end = body.size();
    std::string line = body.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t space = line.find(' ');
    if (space == std::string::npos || space == 0) continue;
    out.push_back({line.substr(0, space), line.substr(space + 1)});
  }
  return out;
}

}  // namespace

struct Pop3Source::Impl {
  ServerUrl server;
  CurlSession session;

  Impl(ServerUrl s, ConnectionSettings settings)
      : server(std::move(s)), session(std::move(settings)) {}

  std::string Name() const { return server.Origin(); }
  std::string MessageUrl(const std::string& number) const { return server.Origin() + "/" + number; }

  Result<std::vector<Listing>> List() {
    session.Prepare(server.Origin() + "/");
    curl_easy_setopt(session.handle(), CURLOPT_CUSTOMREQUEST, "UIDL");
    CurlOutcome out = session.Perform();
    if (!out.ok()) return MailboxError(Name(), "listing messages", out);
    return ParseUidl(out.body);
  }

  // The message number of `key` on the current POP3 connection (RFC 1939
  // numbers messages per connection).
  Result<std::string> NumberOf(const std::string& key) {
    HD_ASSIGN_OR_RETURN(std::vector<Listing> listing, List());
    for (const Listing& item : listing) {
      if (item.uidl == key) return item.number;
    }
    return Error::NotFound(Name() + ": no message with UIDL " + key);
  }
};

Result<std::unique_ptr<Pop3Source>> Pop3Source::Create(MailboxOptions options) {
  HD_ASSIGN_OR_RETURN(ServerUrl server, ParseServerUrl(options.url, {"pop3", "pop3s"}));
  HD_ASSIGN_OR_RETURN(ConnectionSettings settings, MailboxSettings(options, server, "pop3,pop3s"));
  auto impl = std::make_unique<Impl>(std::move(server), std::move(settings));
  return std::unique_ptr<Pop3Source>(new Pop3Source(std::move(impl)));
}

Pop3Source::Pop3Source(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Pop3Source::~Pop3Source() = default;

std::string Pop3Source::Name() const { return impl_->Name(); }

Result<std::string> Pop3Source::Epoch() { return std::string(); }

Result<std::vector<std::string>> Pop3Source::ListPending(int limit) {
  std::vector<std::string> keys;
  if (limit <= 0) return keys;
  HD_ASSIGN_OR_RETURN(std::vector<Listing> listing, impl_->List());
  for (Listing& item : listing) {
    if (keys.size() >= static_cast<size_t>(limit)) break;
    keys.push_back(std::move(item.uidl));
  }
  return keys;
}

Result<std::string> Pop3Source::Fetch(const std::string& key) {
  HD_ASSIGN_OR_RETURN(std::string number, impl_->NumberOf(key));
  impl_->session.Prepare(impl_->MessageUrl(number));  // RETR; libcurl undoes dot-stuffing
  CurlOutcome out = impl_->session.Perform();
  if (!out.ok()) return MailboxError(Name(), "fetching " + key, out);
  return std::move(out.body);
}

Status Pop3Source::MarkDone(const std::string& key) {
  HD_ASSIGN_OR_RETURN(std::string number, impl_->NumberOf(key));
  CURL* h = impl_->session.handle();
  impl_->session.Prepare(impl_->MessageUrl(number));
  curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, "DELE");
  curl_easy_setopt(h, CURLOPT_NOBODY, 1L);  // DELE answers one line
  // Closing the connection after this request sends QUIT, which is when
  // the server really deletes.
  curl_easy_setopt(h, CURLOPT_FORBID_REUSE, 1L);
  CurlOutcome out = impl_->session.Perform(/*may_retry=*/false);
  if (!out.ok()) return MailboxError(Name(), "deleting " + key, out);
  return Ok();
}

Status Pop3Source::Check() {
  CurlOutcome out = impl_->session.Connect(impl_->server.Origin() + "/");
  if (!out.ok()) return MailboxError(Name(), "logging in", out);
  return Ok();
}

}  // namespace hd::mail
