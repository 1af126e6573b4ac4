#include "mail/mime/composer.hpp"

#include <gmime/gmime.h>

#include <memory>
#include <string_view>
#include <vector>

#include "mail/mime/composer_body.hpp"
#include "mail/mime/composer_headers.hpp"
#include "mail/mime/gmime_init.hpp"

namespace hd::mail {

namespace {

using core::MailAddress;
using core::OutboundMail;

constexpr std::size_t kMaxLineOctets = 998;
constexpr std::size_t kMaxAddressBytes = 254;  // RFC 5321's path limit less the brackets
constexpr std::size_t kMaxMessageIdBytes = 250;
constexpr std::size_t kMaxHeaderName = 76;  // so a header's first line has room for a word

// ---- validation ----------------------------------------------------------

bool IsControl(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x20 || byte == 0x7F;
}

// addr-spec as mail software writes it: no spaces, controls or the
// characters that delimit it in a header; an ASCII local part (we do not
// send SMTPUTF8), then '@' and a domain, which IDNA turns into ASCII.
bool IsValidAddress(std::string_view address) {
  if (address.empty() || address.size() > kMaxAddressBytes) return false;
  for (char c : address) {
    if (IsControl(c) || c == ' ' ||
        std::string_view("<>,;\"()\\[]").find(c) != std::string_view::npos) {
      return false;
    }
  }
  const std::size_t at = address.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == address.size()) return false;
  for (char c : address.substr(0, at)) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  const std::string domain(address.substr(at + 1));
  GCharPtr ascii(g_hostname_to_ascii(domain.c_str()));
  return ascii != nullptr;
}

// msg-id without its angle brackets: printable ASCII, no spaces.
bool IsValidMessageId(std::string_view id) {
  if (id.empty() || id.size() > kMaxMessageIdBytes) return false;
  for (char c : id) {
    if (c <= ' ' || c >= 127 || c == '<' || c == '>') return false;
  }
  return true;
}

// A header name (RFC 5322 ftext) that the composer does not write itself.
bool IsAllowedHeaderName(std::string_view name) {
  if (name.empty() || name.size() > kMaxHeaderName) return false;
  std::string lower;
  for (char c : name) {
    if (c <= ' ' || c >= 127 || c == ':') return false;
    lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  static constexpr std::string_view kOwn[] = {
      "from",    "to",   "cc",         "bcc",         "reply-to",   "sender",
      "subject", "date", "message-id", "in-reply-to", "references", "mime-version"};
  for (std::string_view own : kOwn) {
    if (lower == own) return false;
  }
  return lower.rfind("content-", 0) != 0;
}

Status CheckAddresses(const std::vector<MailAddress>& list, const char* field) {
  for (const MailAddress& a : list) {
    if (!IsValidAddress(a.address)) {
      return Error::InvalidArgument(
          std::string(field) + ": '" + a.address + "' is not an e-mail address", field);
    }
  }
  return Ok();
}

Status CheckIds(const OutboundMail& mail) {
  if (mail.message_id.empty())
    return Error::InvalidArgument("message_id is required", "message_id");
  if (!IsValidMessageId(mail.message_id)) {
    return Error::InvalidArgument("message_id is not a valid Message-ID", "message_id");
  }
  if (mail.in_reply_to && !IsValidMessageId(*mail.in_reply_to)) {
    return Error::InvalidArgument("in_reply_to is not a valid Message-ID", "in_reply_to");
  }
  for (const std::string& id : mail.references) {
    if (!IsValidMessageId(id)) {
      return Error::InvalidArgument("references: '" + id + "' is not a valid Message-ID",
                                    "references");
    }
  }
  return Ok();
}

Status Validate(const OutboundMail& mail) {
  if (mail.from.address.empty()) return Error::InvalidArgument("from is required", "from");
  HD_RETURN_IF_ERROR(CheckAddresses({mail.from}, "from"));
  if (mail.to.empty()) return Error::InvalidArgument("to needs at least one address", "to");
  HD_RETURN_IF_ERROR(CheckAddresses(mail.to, "to"));
  HD_RETURN_IF_ERROR(CheckAddresses(mail.cc, "cc"));
  if (mail.reply_to) HD_RETURN_IF_ERROR(CheckAddresses({*mail.reply_to}, "reply_to"));
  HD_RETURN_IF_ERROR(CheckIds(mail));
  if (mail.text.empty()) return Error::InvalidArgument("text is required", "text");
  for (const auto& [name, value] : mail.headers) {
    if (!IsAllowedHeaderName(name)) {
      return Error::InvalidArgument("headers: '" + name + "' cannot be set as an extra header",
                                    "headers");
    }
  }
  return Ok();
}

// ---- headers -------------------------------------------------------------

// A header text on one line and in valid UTF-8: line breaks and other
// controls become spaces, so no value can add a header of its own.
std::string OneLine(std::string_view value) {
  GCharPtr valid(g_utf8_make_valid(value.data(), static_cast<gssize>(value.size())));
  std::string out(valid.get());
  for (char& c : out) {
    if (IsControl(c)) c = ' ';
  }
  const std::size_t first = out.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  return out.substr(first, out.find_last_not_of(' ') - first + 1);
}

std::vector<MailAddress> OneLineNames(std::vector<MailAddress> addresses) {
  for (MailAddress& a : addresses) a.name = OneLine(a.name);
  return addresses;
}

// From, To, Cc, Reply-To, Subject, Date, Message-ID, In-Reply-To,
// References, the extra headers in their order, MIME-Version.
std::string Headers(const OutboundMail& mail) {
  compose::HeaderBlock headers;
  headers.AddAddresses("From", OneLineNames({mail.from}));
  headers.AddAddresses("To", OneLineNames(mail.to));
  if (!mail.cc.empty()) headers.AddAddresses("Cc", OneLineNames(mail.cc));
  if (mail.reply_to) headers.AddAddresses("Reply-To", OneLineNames({*mail.reply_to}));
  headers.AddText("Subject", OneLine(mail.subject));
  headers.AddRaw("Date", compose::FormatDate(mail.date));
  headers.AddIds("Message-ID", {mail.message_id});
  if (mail.in_reply_to) headers.AddIds("In-Reply-To", {*mail.in_reply_to});
  if (!mail.references.empty()) headers.AddIds("References", mail.references);
  for (const auto& [name, value] : mail.headers) headers.AddText(name, OneLine(value));
  headers.AddRaw("MIME-Version", "1.0");
  return headers.str();
}

// ---- output --------------------------------------------------------------

// The body part with its Content-* headers, CRLF line ends.
Result<std::string> Serialize(GMimeObject* body) {
  std::unique_ptr<GMimeFormatOptions, void (*)(GMimeFormatOptions*)> options(
      g_mime_format_options_new(), g_mime_format_options_free);
  g_mime_format_options_set_newline_format(options.get(), GMIME_NEWLINE_FORMAT_DOS);
  GCharPtr text(g_mime_object_to_string(body, options.get()));
  if (text == nullptr) return Error::Internal("GMime could not write the message");
  return std::string(text.get());
}

// The longest line of `raw` in octets, without its CRLF.
std::size_t LongestLine(std::string_view raw) {
  std::size_t longest = 0;
  std::size_t start = 0;
  while (start < raw.size()) {
    std::size_t end = raw.find("\r\n", start);
    if (end == std::string_view::npos) end = raw.size();
    longest = std::max(longest, end - start);
    start = end + 2;
  }
  return longest;
}

}  // namespace

Result<std::string> ComposeMessage(const core::OutboundMail& mail) {
  HD_RETURN_IF_ERROR(Validate(mail));
  EnsureGMime();
  GObjectPtr<GMimeObject> body = compose::BuildBody(mail);
  HD_ASSIGN_OR_RETURN(std::string content, Serialize(body.get()));
  std::string raw = Headers(mail) + content;
  // Every field is folded or encoded; a longer line would be a GMime surprise.
  if (LongestLine(raw) > kMaxLineOctets) {
    return Error::Internal("the composed message has a line longer than 998 octets");
  }
  return raw;
}

}  // namespace hd::mail
