// ParseMessage: one RFC 5322 message, as real mailboxes hold it, read into
// an InboundMail with GMime 3. Pure function of the bytes; thread-safe.
#pragma once

#include <string_view>

#include "core/mail.hpp"

namespace hd::mail {

// Never fails and never throws on any input: what cannot be read is listed
// in InboundMail::problems and the text kept as well as it can be. Leaves
// reply_text empty (GMimeCodec fills it).
core::InboundMail ParseMessage(std::string_view raw);

}  // namespace hd::mail
