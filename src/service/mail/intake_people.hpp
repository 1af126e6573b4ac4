// The intake's changes about people and notes (MailIntake): accounts for
// unknown senders (quick registration, DOMAIN.md §1), the mail system's
// notes on a ticket (bounces, automatic replies), routing a new ticket to a
// mailbox's group, and telling a sender their mail was too large. Free
// functions over a transaction; no state.
#pragma once

#include <cstddef>
#include <string>

#include "core/error.hpp"
#include "core/mail.hpp"
#include "core/message.hpp"
#include "core/ports/store.hpp"
#include "core/ticket.hpp"
#include "core/user.hpp"

namespace hd::service {

// A customer account for an unknown sender, made at once: named after the
// mail's display name (else the address), with no password until they set
// one by the link of their acknowledgement.
Result<core::User> RegisterSender(core::ports::Tx& tx, const core::MailAddress& from,
                                  const std::string& address, core::Timestamp now);

// An internal note on `ticket` by the mail system (a disabled staff account
// "mailer-daemon@…" made on first use, which nobody can log in as).
Result<core::Message> AddSystemNote(core::ports::Tx& tx, core::Ticket& ticket, std::string text,
                                    core::Timestamp now);

// "Automatic reply from anna@…: <its text>" for an automatic mail.
std::string AutomaticNote(const core::InboundMail& mail);

// "5.1.1 to anna@…: <diagnostic>" for a bounce.
std::string BounceWords(const core::BounceReport& bounce);

// Moves a ticket just opened to the staff group with this slug; nothing
// for an empty slug. kInvalidArgument naming "group" for an unknown one.
Status RouteToGroup(core::ports::Tx& tx, core::Ticket& ticket, const std::string& group);

// Queues the "mail too large" answer for the sender of a refused mail of
// `size` bytes (the note's text begins with the size): a
// known person, or an unknown one who becomes a customer as any sender
// does. Automatic mail gets no answer.
Status TellTooLarge(core::ports::Tx& tx, const core::InboundMail& mail, const std::string& sender,
                    std::size_t size, std::size_t limit, core::Timestamp now);

}  // namespace hd::service
