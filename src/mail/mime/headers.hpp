// Header values as people read them: unfolded, RFC 2047 decoded, raw 8-bit
// bytes guessed into UTF-8; address lists, message ids and dates. Internal to
// mail/mime. Pure functions of the raw (still folded) header value;
// thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/mail.hpp"
#include "core/time.hpp"

namespace hd::mail {

// One header as it stands in the message: name and raw, folded value.
struct RawHeader {
  std::string name;
  std::string value;
};

// The headers of one message or part, in order.
class HeaderBlock {
 public:
  HeaderBlock() = default;
  explicit HeaderBlock(std::vector<RawHeader> headers) : headers_(std::move(headers)) {}
  // The raw value of the first header called `name` (any case), or nullopt.
  std::optional<std::string_view> Find(std::string_view name) const;
  const std::vector<RawHeader>& all() const { return headers_; }

 private:
  std::vector<RawHeader> headers_;
};

// Reads header lines ("Name: value", folded lines continuing) up to the
// first empty line: the returned headers of a bounce, a delivery-status
// block. `consumed` (when not null) is set to the bytes read, the empty
// line included.
HeaderBlock ParseHeaderLines(std::string_view text, std::size_t* consumed = nullptr);

// Removes folding line breaks (a CRLF or LF and the whitespace after it
// become one space) and trims.
std::string Unfold(std::string_view raw);

// Raw 8-bit header bytes as UTF-8: kept when valid UTF-8, else read in
// `hint_charset` (the message's body charset) when the bytes are valid in
// it, else guessed (charset.hpp).
std::string HeaderBytesToUtf8(std::string_view raw, std::string_view hint_charset);

// Where encoded words stand: unstructured text (Subject, file names) or an
// address list, whose quoted strings and comments must stay intact.
enum class WordContext { kText, kAddressList };

// RFC 2047 encoded words decoded to UTF-8, also split ones (a character cut
// between two words), words inside other words and inside quoted strings,
// and blanks inside a word; blanks between adjacent words dropped. Broken
// words (unknown encoding letter, no "?=") stay as written. In an address
// list, decoded text is quoted or escaped so that it cannot change the
// list's structure.
std::string DecodeEncodedWords(std::string_view text, WordContext context);

// An unstructured value (Subject) decoded to UTF-8 and unfolded.
std::string DecodeText(std::string_view raw, std::string_view hint_charset);

// An address list; group members are listed, empty groups add none.
std::vector<core::MailAddress> ParseAddresses(std::string_view raw, std::string_view hint_charset);

// Message ids without angle brackets, in order. Text around bracketed ids
// ("<id> (message of ...)") is ignored; without brackets, the words holding
// an '@' are taken.
std::vector<std::string> ParseMessageIds(std::string_view raw);

// An RFC 5322 date (also the obsolete forms of its §4.3) as UTC; nullopt
// when it cannot be read.
std::optional<core::Timestamp> ParseDate(std::string_view raw);

}  // namespace hd::mail
