// What kind of mail a message is: automatic (RFC 3834 and the headers real
// autoresponders write), a list message, our own mail come back, a bounce
// (RFC 3464 or a mailer-daemon's text). Internal to mail/mime; pure.
#pragma once

#include <string_view>

#include "core/mail.hpp"
#include "mail/mime/headers.hpp"

namespace hd::mail {

// True for a mailer-daemon@ or postmaster@ address (or the bare local part).
bool IsMailerDaemon(std::string_view address);

// Sets auto_submitted, auto_reason, suppress_auto_reply and loop_header
// from the message's headers and sender.
void ClassifyAutomatic(const HeaderBlock& headers, core::InboundMail& mail);

// Reads a bounce: `report_type` and `delivery_status` come from a
// multipart/report, `returned_message_id` from the returned message or
// headers; mail.body_text and mail.from must be filled. Sets is_bounce and
// bounce.
void ClassifyBounce(const HeaderBlock& headers, std::string_view report_type,
                    std::string_view delivery_status, std::string_view returned_message_id,
                    core::InboundMail& mail);

}  // namespace hd::mail
