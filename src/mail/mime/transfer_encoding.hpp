// Content-Transfer-Encoding decoders for the two encodings nearly every
// part uses, table-driven and single-pass (the parser's hot path). Internal
// to mail/mime; pure.
#pragma once

#include <string>
#include <string_view>

namespace hd::mail {

// RFC 2045 §6.8: characters outside the base64 alphabet are ignored, and
// so is anything after the padding. `clean` is false when the text held
// such characters or ended in the middle of a group.
std::string DecodeBase64(std::string_view encoded, bool& clean);

// RFC 2045 §6.7: "=XX" (either case) is a byte, "=" at a line end a soft
// break; a "=" that starts neither is kept as written. Blanks before a line
// break are transport padding and dropped. Line breaks stay as written.
std::string DecodeQuotedPrintable(std::string_view encoded);

}  // namespace hd::mail
