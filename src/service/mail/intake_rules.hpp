// The intake's rules about tickets and people (MailIntake): which ticket a
// mail names, and who may write to a ticket. Free functions over a
// transaction; no state.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/mail.hpp"
#include "core/ports/store.hpp"
#include "core/ticket.hpp"
#include "core/user.hpp"
#include "service/mail/mail_options.hpp"

namespace hd::service {

struct ThreadMatch {
  core::Ticket ticket;
  bool signed_for_sender = false;  // by a reply address whose tag is the sender's
  std::string via;                 // "reply-address", "references", "subject"
};

// The ticket `mail` names, looking in order at a signed reply address among
// its recipients, the Message-IDs of In-Reply-To and References, and the
// ticket tag of the subject. nullopt when it names none that exists.
Result<std::optional<ThreadMatch>> FindThreadTicket(core::ports::Tx& tx,
                                                    const core::InboundMail& mail,
                                                    const std::string& sender,
                                                    const std::string& secret,
                                                    const MailOptions& options);

// The ticket number in a subject's tag ("Re: [#1042] Printer" → 1042).
std::optional<std::int64_t> SubjectTicketNumber(std::string_view subject, std::string_view prefix,
                                                std::string_view suffix);

// True when `sender` may write to `ticket` by mail: its initiator, a
// colleague of its company when the company shares tickets, a participant
// copied on its mail, or staff.
Result<bool> MayWriteByMail(core::ports::Tx& tx, const core::Ticket& ticket,
                            const std::string& sender, const std::optional<core::User>& user);

// True for an address of the help desk itself: the support address, its
// reply addresses (support+…@) and the comment address.
bool IsOwnAddress(std::string_view address, const MailOptions& options);

// Every recipient of `mail` (To, Cc, Delivered-To) that is not ours nor the
// sender: the people to copy on the ticket.
std::vector<core::MailAddress> OtherRecipients(const core::InboundMail& mail,
                                               const std::string& sender,
                                               const MailOptions& options);

// Why a mailbox's route cannot be followed (a category or group that does
// not exist), or nullopt when it can.
Result<std::optional<std::string>> RouteProblem(core::ports::Tx& tx, const std::string& category,
                                                const std::string& group);

// True when the mail was written to the comment address.
bool ToCommentAddress(const core::InboundMail& mail, const MailOptions& options);

}  // namespace hd::service
