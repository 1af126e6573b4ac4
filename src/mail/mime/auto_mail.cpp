// ClassifyAutomatic (classify.hpp): RFC 3834 and the headers the
// autoresponders of the world write instead.
#include <string>

#include "mail/mime/classify.hpp"

namespace hd::mail {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

// The first word of a header value ("auto-replied; owner=..." ->
// "auto-replied"), lower-case.
std::string Keyword(std::string_view raw) {
  const std::string value = Unfold(raw);
  const std::size_t end = value.find_first_of(" ;\t(");
  return Lower(std::string_view(value).substr(0, end));
}

void MarkAutomatic(core::InboundMail& mail, std::string_view header, std::string_view raw) {
  if (mail.auto_submitted) return;
  mail.auto_submitted = true;
  mail.auto_reason = std::string(header) + ": " + Unfold(raw);
}

}  // namespace

bool IsMailerDaemon(std::string_view address) {
  const std::string local = Lower(address.substr(0, address.find('@')));
  return local == "mailer-daemon" || local == "postmaster";
}

void ClassifyAutomatic(const HeaderBlock& headers, core::InboundMail& mail) {
  if (auto v = headers.Find("Auto-Submitted"); v && Keyword(*v) != "no" && !Keyword(*v).empty()) {
    MarkAutomatic(mail, "Auto-Submitted", *v);
  }
  for (std::string_view name : {"X-Autoreply", "X-Autorespond"}) {
    if (auto v = headers.Find(name)) MarkAutomatic(mail, name, *v);
  }
  if (auto v = headers.Find("Precedence")) {
    const std::string kind = Keyword(*v);
    if (kind == "bulk" || kind == "junk" || kind == "auto_reply") {
      MarkAutomatic(mail, "Precedence", *v);
    } else if (kind == "list") {
      mail.suppress_auto_reply = true;
    }
  }
  if (IsMailerDaemon(mail.from.address)) MarkAutomatic(mail, "From", mail.from.address);
  if (auto v = headers.Find("X-Auto-Response-Suppress"); v && Keyword(*v) != "none") {
    mail.suppress_auto_reply = true;
  }
  if (headers.Find("List-Id") || headers.Find("List-Unsubscribe")) {
    mail.suppress_auto_reply = true;
  }
  if (mail.auto_submitted) mail.suppress_auto_reply = true;
  if (auto v = headers.Find(core::kLoopHeader)) mail.loop_header = Unfold(*v);
}

}  // namespace hd::mail
