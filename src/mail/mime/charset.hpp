// Text in any charset a mailbox sees, read as UTF-8. Internal to mail/mime.
// Pure functions; thread-safe (GMime's iconv cache is locked).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hd::mail {

// True when `bytes` is well-formed UTF-8 (ASCII, and NUL, included).
bool IsUtf8(std::string_view bytes);

// `text` made fit for every consumer of a parsed message (JSON, a database
// TEXT column): valid UTF-8 (guessed when it is not) without NUL bytes.
// `known_utf8` skips the check for text that is UTF-8 by construction.
std::string SafeText(std::string text, bool known_utf8 = false);

// The legacy charset 8-bit bytes without a usable label are most likely in:
// "windows-1251" or "koi8-r" for Cyrillic text (told apart by where the
// lower-case letters fall), "windows-1252" for Latin text with a few
// accented letters. Ambiguous input gives "windows-1251".
std::string GuessLegacyCharset(std::string_view bytes);

// `bytes` labelled `declared` (may be empty or wrong) as UTF-8. The label is
// used when the bytes are valid in it; otherwise valid UTF-8 is taken as
// such, and anything else is read in GuessLegacyCharset's choice. Bytes a
// charset cannot map become U+FFFD. A label iconv does not know, or bytes
// invalid in their label, add a line to `problems` (when not null).
std::string ToUtf8(std::string_view bytes, std::string_view declared,
                   std::vector<std::string>* problems = nullptr);

// ToUtf8 on a text the caller gives away: valid UTF-8 stays where it is.
void ToUtf8InPlace(std::string& text, std::string_view declared,
                   std::vector<std::string>* problems = nullptr);

// Converts with exactly `charset`; returns false when iconv does not know
// it. `errors` counts the bytes that became U+FFFD.
bool ConvertCharset(std::string_view bytes, std::string_view charset, std::string& out,
                    std::size_t& errors);

}  // namespace hd::mail
