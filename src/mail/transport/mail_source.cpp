#include "mail/transport/mail_source.hpp"

#include <cctype>
#include <string>
#include <string_view>

#include "mail/transport/imap_source.hpp"
#include "mail/transport/maildir_source.hpp"
#include "mail/transport/pop3_source.hpp"

namespace hd::mail {
namespace {

// The lower-case scheme of "scheme://…", or "" when `url` has none.
std::string SchemeOf(std::string_view url) {
  const size_t at = url.find("://");
  if (at == std::string_view::npos || at == 0) return {};
  std::string scheme;
  for (char c : url.substr(0, at)) {
    const auto u = static_cast<unsigned char>(c);
    if (!std::isalnum(u) && c != '+' && c != '-' && c != '.') return {};
    scheme.push_back(static_cast<char>(std::tolower(u)));
  }
  return scheme;
}

template <class Source>
Result<std::unique_ptr<core::ports::MailSource>> Upcast(Result<std::unique_ptr<Source>> made) {
  if (!made.ok()) return std::move(made).error();
  return std::unique_ptr<core::ports::MailSource>(std::move(made).value());
}

}  // namespace

Result<std::unique_ptr<core::ports::MailSource>> OpenMailSource(const MailboxOptions& options) {
  const std::string& url = options.url;
  constexpr std::string_view kMaildir = "maildir:";
  if (url.rfind(kMaildir, 0) == 0) {
    const std::string path = url.substr(kMaildir.size());
    if (path.empty()) return Error::InvalidArgument("maildir: names no folder", "url");
    return std::unique_ptr<core::ports::MailSource>(std::make_unique<MaildirSource>(path));
  }
  const std::string scheme = SchemeOf(url);
  if (scheme == "imap" || scheme == "imaps") return Upcast(ImapSource::Create(options));
  if (scheme == "pop3" || scheme == "pop3s") return Upcast(Pop3Source::Create(options));
  if (scheme.empty() && !url.empty() && url.find(':') == std::string::npos) {
    return std::unique_ptr<core::ports::MailSource>(std::make_unique<MaildirSource>(url));
  }
  return Error::InvalidArgument(
      "a mailbox URL is imap://, imaps://, pop3://, pop3s://, maildir:PATH or a path", "url");
}

}  // namespace hd::mail
