#include "service/mail/intake_people.hpp"

#include <string_view>

#include "service/actor.hpp"
#include "service/history.hpp"
#include "service/mail/customer_mail.hpp"
#include "service/outbox.hpp"

namespace hd::service {

namespace {

// Not an Argon2id string: no password ever verifies against it.
constexpr std::string_view kNoPassword = "!mail";

std::string DisplayName(const core::MailAddress& from, const std::string& address) {
  const auto first = from.name.find_first_not_of(" \t\"'");
  if (first == std::string::npos) return address.substr(0, address.find('@'));
  const auto last = from.name.find_last_not_of(" \t\"'");
  return from.name.substr(first, last - first + 1).substr(0, 200);
}

Result<core::User> SystemUser(core::ports::Tx& tx, core::Timestamp now) {
  HD_ASSIGN_OR_RETURN(auto found, tx.Users().FindByEmail("mailer-daemon@helpdesk.invalid"));
  if (found) return std::move(*found);
  core::User user;
  user.email = "mailer-daemon@helpdesk.invalid";
  user.name = "Mail system";
  user.role = core::Role::kL1Operator;
  user.password_hash = std::string(kNoPassword);
  user.disabled = true;
  user.created_at = now;
  return tx.Users().Insert(std::move(user));
}

}  // namespace

Result<core::User> RegisterSender(core::ports::Tx& tx, const core::MailAddress& from,
                                  const std::string& address, core::Timestamp now) {
  core::User user;
  user.email = address;
  user.name = DisplayName(from, address);
  user.role = core::Role::kCustomer;
  user.password_hash = std::string(kNoPassword);
  user.created_at = now;
  return tx.Users().Insert(std::move(user));
}

Result<core::Message> AddSystemNote(core::ports::Tx& tx, core::Ticket& ticket, std::string text,
                                    core::Timestamp now) {
  HD_ASSIGN_OR_RETURN(core::User system, SystemUser(tx, now));
  core::Message note{{}, ticket.id, system.id, std::move(text), true, "email", now, {}};
  HD_ASSIGN_OR_RETURN(note, tx.Messages().Insert(std::move(note)));
  ticket.updated_at = now;
  HD_RETURN_IF_ERROR(tx.Tickets().Update(ticket));
  HD_RETURN_IF_ERROR(AppendEvent(tx, ticket, Actor::From(system), core::EventKind::kNoteAdded,
                                 "message", "", std::to_string(note.id.value), true));
  return note;
}

std::string AutomaticNote(const core::InboundMail& mail) {
  std::string text = "Automatic reply from " + mail.from.address;
  if (!mail.subject.empty()) text += " (" + mail.subject + ")";
  text += ":\n\n";
  text += mail.reply_text.empty() ? mail.body_text : mail.reply_text;
  return text.substr(0, 20'000);
}

std::string BounceWords(const core::BounceReport& bounce) {
  std::string text = bounce.status.empty() ? std::string("delivery failed") : bounce.status;
  if (!bounce.failed_recipients.empty()) {
    text += " to ";
    for (std::size_t i = 0; i < bounce.failed_recipients.size(); ++i) {
      text += (i ? ", " : "") + bounce.failed_recipients[i];
    }
  }
  if (!bounce.diagnostic.empty()) text += ": " + bounce.diagnostic;
  return text.substr(0, 2'000);
}

Status RouteToGroup(core::ports::Tx& tx, core::Ticket& ticket, const std::string& group) {
  if (group.empty()) return Ok();
  HD_ASSIGN_OR_RETURN(auto found, tx.Groups().FindBySlug(group));
  if (!found) return Error::InvalidArgument("unknown group " + group, "group");
  if (ticket.group_id == found->id) return Ok();
  ticket.group_id = found->id;
  return tx.Tickets().Update(ticket);
}

Status TellTooLarge(core::ports::Tx& tx, const core::InboundMail& mail, const std::string& sender,
                    std::size_t size, std::size_t limit, core::Timestamp now) {
  if (mail.auto_submitted || mail.is_bounce || sender.find('@') == std::string::npos) return Ok();
  HD_ASSIGN_OR_RETURN(auto user, tx.Users().FindByEmail(sender));
  if (!user) {
    HD_ASSIGN_OR_RETURN(user, RegisterSender(tx, mail.from, sender, now));
  }
  core::ports::Notification note;
  note.kind = std::string(mail_kind::kMailTooLarge);
  note.subject = mail.subject;
  note.body = std::to_string(size) + " bytes: larger than the limit of " + std::to_string(limit) +
              " bytes, so the mail was not accepted.";
  note.created_at = now;
  HD_ASSIGN_OR_RETURN(int queued,
                      QueueNotification(tx, {}, std::move(note), Audience::Person(user->id)));
  static_cast<void>(queued);
  return Ok();
}

}  // namespace hd::service
