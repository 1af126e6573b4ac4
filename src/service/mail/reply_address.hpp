// Signed reply-to addresses. Every mail we send about a ticket says
// "Reply-To: support+<number>.<tag>@domain", where the tag is an HMAC of
// the ticket number and the mail's recipient under a server secret: a reply
// to it names its ticket without doubt, and nobody can make one for another
// ticket or another person. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hd::service {

// "support+1042.3f9a0c1b7d2e4a65@helpdesk.example" for `base` =
// "support@helpdesk.example". `recipient` is compared case-insensitively.
std::string SignedReplyAddress(std::string_view base, std::int64_t ticket_number,
                               std::string_view recipient, std::string_view secret);

// What an address written to says about a ticket.
struct ReplyAddressMatch {
  std::int64_t ticket_number = 0;
  bool signed_for_sender = false;  // the tag is right for `sender`
};

// When `address` is a reply address of `base` (its local part, a "+", a
// number and a tag; same domain), the ticket number and whether the tag was
// made for `sender`. nullopt for any other address.
std::optional<ReplyAddressMatch> ReadReplyAddress(std::string_view address, std::string_view base,
                                                  std::string_view sender, std::string_view secret);

// Lower-case copy of an e-mail address (ASCII letters only).
std::string LowerAddress(std::string_view address);

}  // namespace hd::service
