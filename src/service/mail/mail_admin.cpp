#include "service/mail/mail_admin.hpp"

#include "service/visibility.hpp"

namespace hd::service {

using core::ports::InboundStatus;
using core::ports::Tx;

Result<MailOverview> MailAdmin::Overview(const Actor& actor, int limit) {
  // L1 operators handle the mail (DOMAIN.md §3), so they see what is held.
  if (actor.role != core::Role::kAdministrator && actor.role != core::Role::kL1Operator) {
    return Error::Forbidden("the state of mail is for administrators and L1 operators");
  }
  MailOverview out;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(out.mailboxes, tx.Mail().ListMailboxes());
    HD_ASSIGN_OR_RETURN(out.outbox, tx.Mail().Stats());
    HD_ASSIGN_OR_RETURN(out.held, tx.Mail().ListInbound(InboundStatus::kHeld, limit));
    HD_ASSIGN_OR_RETURN(out.bounces, tx.Mail().ListInbound(InboundStatus::kBounce, limit));
    HD_ASSIGN_OR_RETURN(out.failing, tx.Mail().ListFailing(limit));
    return Ok();
  }));
  return out;
}

Result<RawMail> MailAdmin::Raw(const Actor& actor, core::TicketId ticket, core::MessageId message) {
  if (!actor.staff()) return Error::NotFound("no mail " + std::to_string(message.value));
  std::optional<core::ports::InboundRecord> record;
  std::int64_t number = 0;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(core::Ticket readable, LoadReadableTicket(tx, actor, ticket));
    number = readable.number;
    HD_ASSIGN_OR_RETURN(record, tx.Mail().FindInboundForMessage(message));
    return Ok();
  }));
  if (!record || record->ticket_id != ticket || record->sha256.empty()) {
    return Error::NotFound("message " + std::to_string(message.value) + " of ticket " +
                           std::to_string(ticket.value) + " did not come by mail");
  }
  HD_ASSIGN_OR_RETURN(std::string bytes, blobs_.Get(record->sha256));
  return RawMail{std::move(*record), number, std::move(bytes)};
}

Result<std::string> MailAdmin::Epoch(const std::string& mailbox) {
  std::string epoch;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(auto state, tx.Mail().GetMailbox(mailbox));
    if (state) epoch = state->epoch;
    return Ok();
  }));
  return epoch;
}

Status MailAdmin::RecordPoll(const std::string& mailbox, const std::string& epoch,
                             const std::optional<std::string>& error) {
  const auto now = clock_.Now();
  return store_.Write([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(auto state, tx.Mail().GetMailbox(mailbox));
    core::ports::MailboxState s = state.value_or(core::ports::MailboxState{mailbox});
    if (!epoch.empty()) s.epoch = epoch;
    s.last_poll_at = now;
    if (error) {
      s.last_error = *error;
      s.last_error_at = now;
    }
    return tx.Mail().PutMailbox(s);
  });
}

}  // namespace hd::service
