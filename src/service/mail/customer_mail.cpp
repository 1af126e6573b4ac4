#include "service/mail/customer_mail.hpp"

#include <string>

#include "service/outbox.hpp"

namespace hd::service {

namespace mail_kind {

bool IsCustomerKind(std::string_view kind) {
  for (std::string_view k : {kTicketCreated, kTicketCreatedNewAccount, kReply, kInfoRequested,
                             kResolved, kClosed, kMailTooLarge, kAccountInvited, kPasswordReset}) {
    if (k == kind) return true;
  }
  return false;
}

}  // namespace mail_kind

Status QueueCustomerMail(core::ports::Tx& tx, const core::Ticket& ticket, std::string_view kind,
                         std::optional<core::MessageId> message, std::string_view text,
                         core::Timestamp now) {
  HD_ASSIGN_OR_RETURN(core::User initiator, tx.Users().Get(ticket.initiator_id));
  if (initiator.role != core::Role::kCustomer) return Ok();
  core::ports::Notification note;
  note.kind = std::string(kind);
  note.ticket_id = ticket.id;
  note.subject = "[#" + std::to_string(ticket.number) + "] " + ticket.subject;
  note.body = std::string(text);
  note.created_at = now;
  note.message_ref = message;
  HD_RETURN_IF_ERROR(QueueNotification(tx, {}, std::move(note), Audience::Person(initiator.id)));
  return Ok();
}

Status QueueChangeMail(core::ports::Tx& tx, const core::Ticket& ticket, core::TicketStatus before,
                       std::optional<core::MessageId> reply, std::string_view text,
                       core::Timestamp now) {
  using core::TicketStatus;
  if (reply) HD_RETURN_IF_ERROR(QueueCustomerMail(tx, ticket, mail_kind::kReply, reply, text, now));
  if (before == ticket.status) return Ok();
  switch (ticket.status) {
    case TicketStatus::kResolved:
      return QueueCustomerMail(tx, ticket, mail_kind::kResolved, std::nullopt,
                               "Support has resolved the ticket.", now);
    case TicketStatus::kClosed:
      return QueueCustomerMail(tx, ticket, mail_kind::kClosed, std::nullopt,
                               "The ticket is closed.", now);
    case TicketStatus::kPending:
      // A reply that leaves the ticket waiting asks its question itself.
      if (reply) return Ok();
      return QueueCustomerMail(tx, ticket, mail_kind::kInfoRequested, std::nullopt,
                               "Support needs more information from you.", now);
    default:
      return Ok();
  }
}

}  // namespace hd::service
