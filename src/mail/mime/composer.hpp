// ComposeMessage: an OutboundMail encoded as RFC 5322 bytes with GMime 3.
// Pure function; thread-safe.
#pragma once

#include <string>

#include "core/error.hpp"
#include "core/mail.hpp"

namespace hd::mail {

// CRLF line ends; headers RFC 2047-encoded (UTF-8) where they are not
// ASCII; text/plain (and text/html as multipart/alternative) in UTF-8,
// quoted-printable or base64, whichever is shorter; attachments as
// multipart/mixed with RFC 2231 file names; inline images in
// multipart/related. kInvalidArgument naming the field when from, to,
// message_id or text is missing.
Result<std::string> ComposeMessage(const core::OutboundMail& mail);

}  // namespace hd::mail
