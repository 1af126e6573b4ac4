// The bits of IMAP (RFC 3501) that ImapSource writes and reads itself on top
// of libcurl: mailbox names as IMAP strings in modified UTF-7 (RFC 3501
// §5.1.3), and the untagged responses of SEARCH, STATUS, FETCH (FLAGS) and
// CAPABILITY. Pure functions, no I/O; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hd::mail::imap {

// A mailbox name (UTF-8) in modified UTF-7, e.g. "Обработано" → "&BB4EMQRABDAEMQQ+BEIEMAQ9BD4-".
std::string EncodeMailboxName(std::string_view utf8);

// `text` as an IMAP quoted string: "…" with '"' and '\' escaped. The caller
// has checked that it holds no CR, LF or NUL.
std::string Quote(std::string_view text);

// A command for CURLOPT_CUSTOMREQUEST, which libcurl percent-decodes before
// sending: every '%' is written as "%25".
std::string CustomRequest(std::string_view command);

// True for a keyword IMAP allows as a flag atom ($HelpdeskDone, Junk): no
// spaces, controls, parentheses, braces, quotes, '%', '*', '\' or ']'.
bool IsKeyword(std::string_view flag);

// The UIDs of every "* SEARCH …" line in `response`, ascending, without
// duplicates.
std::vector<std::uint32_t> ParseSearch(std::string_view response);

// The value of `item` in a "* STATUS mailbox (… item N …)" line, e.g. the
// UIDVALIDITY; nullopt when there is none.
std::optional<std::string> ParseStatusItem(std::string_view response, std::string_view item);

// The flags of the message with `uid` from "* n FETCH (UID u FLAGS (…))"
// lines; nullopt when no line is about that UID (the message is gone).
std::optional<std::vector<std::string>> ParseFetchFlags(std::string_view response,
                                                        std::uint32_t uid);

// The capability names of a "* CAPABILITY …" line, upper case.
std::vector<std::string> ParseCapabilities(std::string_view response);

// Parses a UID key ("42"); nullopt unless it is a number from 1 to 2^32-1.
std::optional<std::uint32_t> ParseUid(std::string_view key);

}  // namespace hd::mail::imap
