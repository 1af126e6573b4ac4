// ExtractReply: what a person wrote in a reply, without the quoted history
// and the signature. Pure text function; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace hd::mail {

// Cuts `body_text` at the first of: our marker line (core::kReplyAboveMarker),
// a quote header ("On … wrote:", "… пишет:", "-----Original Message-----",
// "-------- Исходное сообщение --------", Outlook's "From: … Sent: …"
// block), a block of "> " quoted lines that runs to the end, or the
// signature separator "-- ". Returns the whole text when cutting would
// leave nothing.
std::string ExtractReply(std::string_view body_text);

}  // namespace hd::mail
