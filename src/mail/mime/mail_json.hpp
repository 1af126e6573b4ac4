// The JSON of `helpdesk mail parse FILE`: one object with exactly the keys
// of the mail issue's contract (docs/mail.md), for inspection and tests.
#pragma once

#include <string>

#include "core/mail.hpp"

namespace hd::mail {

// {"from": {"name","address"}, "to": [...], "cc": [...], "reply_to": [...],
//  "subject", "message_id", "in_reply_to" (string or null), "references",
//  "date" (ISO 8601 UTC or null), "body_text", "body_html" (or null),
//  "attachments": [{"filename","content_type","size"}], "auto_submitted",
//  "is_bounce"}
std::string ParseJson(const core::InboundMail& mail);

}  // namespace hd::mail
