#include "service/mail/mail_render.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>

#include "core/local_text.hpp"
#include "service/mail/customer_mail.hpp"
#include "service/mail/mail_words.hpp"
#include "service/mail/password_link.hpp"
#include "service/mail/reply_address.hpp"

namespace hd::service {

namespace {

constexpr auto kPasswordLinkLife = std::chrono::hours(24 * 7);

std::string Language(const MailFacts& f, const MailOptions& o) {
  return IsMailLanguage(f.user.language) ? f.user.language : o.default_language;
}

std::string Zone(const MailFacts& f, const MailOptions& o) {
  return IsTimeZone(f.user.time_zone) ? f.user.time_zone : o.default_time_zone;
}

// Kinds that tell the customer of a change, copied to the ticket's
// participants.
bool CopiesParticipants(std::string_view kind) {
  return kind == mail_kind::kReply || kind == mail_kind::kResolved || kind == mail_kind::kClosed ||
         kind == mail_kind::kInfoRequested;
}

// Mail no person wrote: RFC 3834 asks to mark it, and Outlook to be spared
// its automatic answers.
bool Automatic(std::string_view kind) { return kind != mail_kind::kReply; }

// "31,4 МБ" / "31.4 MB".
std::string Megabytes(std::uint64_t bytes, const std::string& language) {
  const std::uint64_t tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
  std::string text = std::to_string(tenths / 10);
  if (tenths % 10 != 0) text += (language == "ru" ? "," : ".") + std::to_string(tenths % 10);
  return text + (language == "ru" ? " МБ" : " MB");
}

// The first whole number in `text` (the refused mail's size in its note).
std::uint64_t FirstNumber(std::string_view text) {
  const auto digit = text.find_first_of("0123456789");
  std::uint64_t n = 0;
  for (auto i = digit; i != std::string_view::npos && i < text.size() &&
                       std::isdigit(static_cast<unsigned char>(text[i]));
       ++i) {
    n = n * 10 + static_cast<std::uint64_t>(text[i] - '0');
  }
  return n;
}

void TicketVars(const MailFacts& f, const MailOptions& o, const std::string& language,
                TemplateVars& v) {
  const core::Ticket& t = *f.ticket;
  v["number"] = std::to_string(t.number);
  v["subject"] = t.subject;
  v["ticket_link"] = o.base_url + "/#/tickets/" + std::to_string(t.id.value);
  v["feedback_link"] = v["ticket_link"] + "?feedback=1";
  v["level_name"] = LevelName(t.support_level, f.level_title, language);
}

Result<TemplateVars> Vars(const MailFacts& f, const MailOptions& o, const std::string& language,
                          core::Timestamp now) {
  TemplateVars v;
  v["customer_name"] = f.user.name.empty() ? f.user.email : f.user.name;
  v["customer_email"] = f.user.email;
  // A notification's texts are stored in every language they were written in.
  const std::string subject = core::LocalText::FromStored(f.note.subject).In(language);
  const std::string body = core::LocalText::FromStored(f.note.body).In(language);
  v["subject"] = subject;
  v["body"] = body;
  v["original_subject"] = subject;
  v["settings_link"] = o.base_url + "/#/settings";
  v["size_limit"] = Megabytes(o.max_message_bytes, language);
  v["mail_size"] = Megabytes(FirstNumber(body), language);
  const std::string text = f.message ? f.message->body : body;
  v["reply_text"] = text;
  v["request_text"] = text;
  v["author_name"] = f.author_name.empty() ? o.from_name : f.author_name;
  if (f.ticket) TicketVars(f, o, language, v);
  if (f.due) {
    HD_ASSIGN_OR_RETURN(v["deadline_text"], DeadlineWords(*f.due, language, Zone(f, o)));
  }
  if (f.note.kind == mail_kind::kTicketCreatedNewAccount ||
      f.note.kind == mail_kind::kAccountInvited || f.note.kind == mail_kind::kPasswordReset) {
    v["password_link"] = o.base_url + "/#/set-password?token=" +
                         MakePasswordToken(f.user, now + kPasswordLinkLife, f.secret);
  }
  return v;
}

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

TemplateVars Escaped(TemplateVars vars) {
  for (auto& [name, value] : vars) value = EscapeHtml(value);
  return vars;
}

Result<std::string> Part(const TemplateSet& templates, const std::string& language,
                         std::string_view kind, std::string_view part, const TemplateVars& vars) {
  for (const std::string& lang : {language, std::string("en"), std::string("ru")}) {
    const std::string id = lang + "/" + std::string(kind) + "." + std::string(part);
    if (templates.Has(id)) return templates.Render(id, vars);
  }
  return Error::Internal("no mail template " + std::string(kind) + "." + std::string(part));
}

std::string OneLine(std::string text) {
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '\r' || c == '\n'; }, ' ');
  return text;
}

}  // namespace

std::optional<std::string> SkipReason(const MailFacts& f) {
  if (f.user.disabled) return "account disabled";
  if (f.user.email.find('@') == std::string::npos) return "no mail address";
  if (std::find(f.opted_out.begin(), f.opted_out.end(), f.note.kind) != f.opted_out.end()) {
    return "opted out of " + f.note.kind;
  }
  return std::nullopt;
}

Result<core::OutboundMail> RenderMail(const MailFacts& f, const TemplateSet& templates,
                                      const MailOptions& o, const std::string& message_id,
                                      core::Timestamp now) {
  const std::string language = Language(f, o);
  HD_ASSIGN_OR_RETURN(TemplateVars vars, Vars(f, o, language, now));
  const std::string_view kind =
      mail_kind::IsCustomerKind(f.note.kind) ? std::string_view(f.note.kind) : "staff_notification";
  core::OutboundMail m;
  m.from = {o.from_name, o.from.empty() ? o.address : o.from};
  m.to.push_back({f.user.name, f.user.email});
  if (f.ticket && CopiesParticipants(kind)) {
    for (const auto& p : f.participants) m.cc.push_back({p.name, p.address});
  }
  m.reply_to = core::MailAddress{
      o.from_name, f.ticket
                       ? SignedReplyAddress(o.address, f.ticket->number, f.user.email, f.secret)
                       : o.address};
  HD_ASSIGN_OR_RETURN(std::string subject, Part(templates, language, kind, "subject", vars));
  m.subject = OneLine(std::move(subject));
  HD_ASSIGN_OR_RETURN(m.text, Part(templates, language, kind, "txt", vars));
  auto html = Part(templates, language, kind, "html", Escaped(vars));
  if (html.ok()) m.html = std::move(*html);
  m.message_id = message_id;
  if (!f.thread_ids.empty()) {
    m.in_reply_to = f.thread_ids.front();
    m.references = f.thread_ids;
  }
  m.date = now;
  if (Automatic(kind)) {
    m.headers.emplace_back("Auto-Submitted", "auto-replied");
    m.headers.emplace_back("X-Auto-Response-Suppress", "All");
  }
  m.headers.emplace_back(std::string(core::kLoopHeader), o.Domain());
  if (f.ticket) m.headers.emplace_back("X-Helpdesk-Ticket", std::to_string(f.ticket->number));
  return m;
}

Result<MailFacts> GatherMailFacts(core::ports::Tx& tx, const core::ports::MailDelivery& due) {
  MailFacts f;
  f.note = due.note;
  HD_ASSIGN_OR_RETURN(f.user, tx.Users().Get(*due.note.user_id));
  HD_ASSIGN_OR_RETURN(f.opted_out, tx.Mail().ListOptOuts(f.user.id));
  HD_ASSIGN_OR_RETURN(f.secret, tx.Mail().ServerSecret("mail_reply"));
  if (due.message_ref) {
    HD_ASSIGN_OR_RETURN(f.message, tx.Messages().Get(*due.message_ref));
    HD_ASSIGN_OR_RETURN(core::User author, tx.Users().Get(f.message->author_id));
    f.author_name = author.name;
  }
  if (!due.note.ticket_id) return f;
  HD_ASSIGN_OR_RETURN(f.ticket, tx.Tickets().Get(*due.note.ticket_id));
  HD_ASSIGN_OR_RETURN(f.participants, tx.Mail().ListParticipants(f.ticket->id));
  HD_ASSIGN_OR_RETURN(f.thread_ids, tx.Mail().ListThreadIds(f.ticket->id, 20));
  HD_ASSIGN_OR_RETURN(auto clock, tx.Sla().FindClock(f.ticket->id));
  if (clock) {
    f.due = clock->first_response_at ? clock->next_due : clock->first_response_due;
    auto version = tx.Sla().GetLevelVersion(clock->level_version_id);
    if (version.ok()) f.level_title = version->title;
  }
  return f;
}

}  // namespace hd::service
