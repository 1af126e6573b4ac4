// Rendering one outbox notification as a mail (MailDelivery): the facts it
// needs are read in one snapshot (GatherMailFacts), then turned into an
// OutboundMail with the template of its kind in the reader's language
// (RenderMail). Free functions; RenderMail is pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/mail.hpp"
#include "core/message.hpp"
#include "core/ports/store.hpp"
#include "core/ticket.hpp"
#include "core/user.hpp"
#include "service/mail/mail_options.hpp"
#include "service/templates.hpp"

namespace hd::service {

struct MailFacts {
  core::ports::Notification note;
  core::User user;                       // the recipient
  std::optional<core::Ticket> ticket;    // what the notification is about
  std::optional<core::Message> message;  // the reply it carries, with attachments
  std::string author_name;               // of `message`
  std::optional<core::Timestamp> due;    // the ticket's next SLA due instant
  std::string level_title;               // of the ticket's support level version
  std::vector<core::ports::Participant> participants;
  std::vector<std::string> thread_ids;  // Message-IDs of the ticket's mail, oldest first
  std::string secret;                   // signs reply-to addresses and password links
  std::vector<std::string> opted_out;   // kinds the recipient turned off
};

// Every placeholder a mail template may use (which events fill which:
// config/defaults/templates/mail/README.md).
inline constexpr std::string_view kMailPlaceholders[] = {
    "number",        "subject",       "customer_name",    "customer_email", "level_name",
    "deadline_text", "ticket_link",   "password_link",    "reply_text",     "request_text",
    "author_name",   "feedback_link", "original_subject", "mail_size",      "size_limit",
    "body",          "settings_link"};

// Reads the facts of `due`. kNotFound when the notification's user is gone.
Result<MailFacts> GatherMailFacts(core::ports::Tx& tx, const core::ports::MailDelivery& due);

// Why `facts` makes no mail ("opted out", "account disabled"), or nullopt.
std::optional<std::string> SkipReason(const MailFacts& facts);

// The mail for `facts` with `message_id`, without attachment bytes (the
// caller adds them). kInternal when no template of the kind exists.
Result<core::OutboundMail> RenderMail(const MailFacts& facts, const TemplateSet& templates,
                                      const MailOptions& options, const std::string& message_id,
                                      core::Timestamp now);

}  // namespace hd::service
