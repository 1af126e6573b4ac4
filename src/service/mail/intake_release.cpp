// MailIntake::Release: held mail taken in by an operator.
#include "service/mail/intake.hpp"
#include "service/mail/intake_prepared.hpp"
#include "service/visibility.hpp"

namespace hd::service {

using core::ports::InboundStatus;
using core::ports::Tx;

Result<IngestOutcome> MailIntake::Release(const Actor& actor, std::int64_t inbound_id,
                                          std::optional<core::TicketId> into) {
  if (actor.role != core::Role::kAdministrator && actor.role != core::Role::kL1Operator) {
    return Error::Forbidden("held mail is released by administrators and L1 operators");
  }
  std::optional<core::ports::InboundRecord> record;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(record, tx.Mail().GetInbound(inbound_id));
    return Ok();
  }));
  if (record->status != InboundStatus::kHeld) {
    return Error::Conflict("mail " + std::to_string(inbound_id) + " is not held", "mail-not-held");
  }
  HD_ASSIGN_OR_RETURN(std::string raw, blobs_.Get(record->sha256));
  const IngestInput input{record->source, record->source_key, std::move(raw), {}};
  HD_ASSIGN_OR_RETURN(Prepared p, Prepare(input, record->sha256));
  p.release = inbound_id;
  IngestOutcome out;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    out = IngestOutcome{};
    HD_ASSIGN_OR_RETURN(core::ports::InboundRecord now, tx.Mail().GetInbound(inbound_id));
    if (now.status != InboundStatus::kHeld) {
      return Error::Conflict("mail " + std::to_string(inbound_id) + " is not held",
                             "mail-not-held");
    }
    out.reason = "released by " + actor.email;
    if (!into) return OpenTicket(tx, p, out);
    HD_ASSIGN_OR_RETURN(core::Ticket ticket, LoadReadableTicket(tx, actor, *into));
    return OnTicketMail(tx, p, std::move(ticket), false, out);
  }));
  return out;
}

}  // namespace hd::service
