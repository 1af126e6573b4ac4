// Customer mail: what a customer is told by e-mail about their ticket (the
// acknowledgement, support's public replies, a request for information, the
// ticket resolved or closed). Each is a notification in the one outbox
// (docs/notifications.md), queued in the transaction of the change that
// causes it, for the ticket's initiator; mail delivery (MailDelivery) sends
// it with the template of its kind. Internal notes never become one.
//
// Free functions over a transaction; no state.
#pragma once

#include <optional>
#include <string_view>

#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/ports/store.hpp"
#include "core/ticket.hpp"

namespace hd::service::mail_kind {

// Stable notification kinds; each names its templates under
// config/defaults/templates/mail/<language>/<kind>.{subject,txt,html}.
inline constexpr std::string_view kTicketCreated = "ticket_created";
inline constexpr std::string_view kTicketCreatedNewAccount = "ticket_created_new_account";
inline constexpr std::string_view kReply = "reply";
inline constexpr std::string_view kInfoRequested = "info_requested";
inline constexpr std::string_view kResolved = "resolved";
inline constexpr std::string_view kClosed = "closed";
inline constexpr std::string_view kMailTooLarge = "mail_too_large";
// A person an administrator invited, or whose password they reset: the
// mail carries a link to choose a password (to staff and customers alike).
inline constexpr std::string_view kAccountInvited = "account_invited";
inline constexpr std::string_view kPasswordReset = "password_reset";

// True for the kinds above (mailed with their own templates); every other
// kind is mailed to staff with the generic staff template.
bool IsCustomerKind(std::string_view kind);

}  // namespace hd::service::mail_kind

namespace hd::service {

// Queues mail `kind` about `ticket` for its initiator when the initiator is
// a customer (staff opening a ticket for themselves get none). `message` is
// the public reply the mail carries; `text` is what the notification shows
// in the app.
Status QueueCustomerMail(core::ports::Tx& tx, const core::Ticket& ticket, std::string_view kind,
                         std::optional<core::MessageId> message, std::string_view text,
                         core::Timestamp now);

// The mail a change of a ticket tells the customer, given its status
// `before` and the public reply the change posted, if any (`reply`, with
// its `text`): the reply; and the ticket resolved or closed, or — for a
// ticket now waiting for them without a reply that asks — a request for
// information.
Status QueueChangeMail(core::ports::Tx& tx, const core::Ticket& ticket, core::TicketStatus before,
                       std::optional<core::MessageId> reply, std::string_view text,
                       core::Timestamp now);

}  // namespace hd::service
