// The header block of an outbound message: RFC 2047 encoded words, folding,
// addresses and dates. Internal to mail/mime (composer.cpp). Pure functions;
// thread-safe.
//
// Why not GMime's header writer: GMime 3.2.13 decodes adjacent base64
// encoded words as one stream, so a word that ends in '=' padding swallows
// the words after it ("=?UTF-8?B?0J4=?= =?UTF-8?B?IMKr?=" reads as "О",
// not "О «"). Our words end on three-byte boundaries, so they carry no
// padding except where nothing encoded follows, and read back whole with
// GMime as with every other decoder.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/mail.hpp"
#include "core/time.hpp"

namespace hd::mail::compose {

// Longest line we write by choice (RFC 5322 2.1.1 "SHOULD"); no line ever
// exceeds 998 octets.
inline constexpr std::size_t kFoldColumn = 78;

// `text` (UTF-8) as RFC 2047 encoded words of charset UTF-8, each at most 75
// characters and each holding whole characters; decoded and concatenated
// they give `text` back. Empty for empty text.
std::vector<std::string> EncodeWords(std::string_view text);

// Collects header fields, each folded at kFoldColumn where it can be.
class HeaderBlock {
 public:
  // A free-text field (Subject, a note): words with non-ASCII characters
  // are encoded, plain words stay readable ("[#1042]").
  void AddText(std::string_view name, std::string_view value);
  // From/To/Cc/Reply-To: `"Name" <address>, …`; names encoded when not ASCII.
  // Preconditions: the addresses are valid addr-specs, ASCII local parts.
  void AddAddresses(std::string_view name, const std::vector<core::MailAddress>& addresses);
  // Message-ID, In-Reply-To, References: each id in angle brackets.
  void AddIds(std::string_view name, const std::vector<std::string>& ids);
  // A value written as it is (ASCII, one line), e.g. "1.0".
  void AddRaw(std::string_view name, std::string_view value);

  const std::string& str() const { return out_; }

 private:
  struct Piece {
    std::string separator;  // whitespace before the piece; folding goes in front of it
    std::string text;
  };
  void AddFolded(std::string_view name, const std::vector<Piece>& pieces);

  std::string out_;
};

// "Mon, 12 Jan 2026 10:15:00 +0000" (RFC 5322 3.3, in UTC).
std::string FormatDate(core::Timestamp when);

}  // namespace hd::mail::compose
