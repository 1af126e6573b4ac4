#include "mail/mime/composer_headers.hpp"

#include <glib.h>

#include <chrono>
#include <cstdio>
#include <memory>

#include "mail/mime/gobject_ptr.hpp"

namespace hd::mail::compose {

namespace {

// 75-character words: "=?UTF-8?B?" + 60 base64 characters + "?=".
constexpr std::size_t kBase64WordBytes = 45;
constexpr std::size_t kQWordChars = 63;
// A plain ASCII word longer than this is encoded so that its line stays
// under 998 octets together with the header name (at most 76 characters).
constexpr std::size_t kMaxPlainWord = 900;

std::size_t CharLength(std::string_view s, std::size_t i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  const std::size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  return std::min(n, s.size() - i);
}

std::string Base64Word(std::string_view bytes) {
  GCharPtr encoded(g_base64_encode(reinterpret_cast<const guchar*>(bytes.data()), bytes.size()));
  return "=?UTF-8?B?" + std::string(encoded.get()) + "?=";
}

// RFC 2047 5(3): the characters a Q word may carry as they are, in any header.
bool IsQSafe(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '!' ||
         c == '*' || c == '+' || c == '-' || c == '/';
}

std::size_t QLength(char c) { return IsQSafe(c) || c == ' ' ? 1 : 3; }

std::string QWord(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "=?UTF-8?Q?";
  for (char c : bytes) {
    if (IsQSafe(c)) {
      out += c;
    } else if (c == ' ') {
      out += '_';
    } else {
      const auto byte = static_cast<unsigned char>(c);
      out += {'=', kHex[byte >> 4], kHex[byte & 15]};
    }
  }
  return out + "?=";
}

// The end of the longest run of whole characters from `pos` that fits one
// Q word.
std::size_t QChunkEnd(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  std::size_t length = 0;
  while (end < text.size()) {
    const std::size_t next = end + CharLength(text, end);
    std::size_t char_length = 0;
    for (std::size_t i = end; i < next; ++i) char_length += QLength(text[i]);
    if (length + char_length > kQWordChars && end > pos) break;
    length += char_length;
    end = next;
  }
  return end;
}

bool IsAsciiPrintable(std::string_view s) {
  for (char c : s) {
    if (c < ' ' || c > '~') return false;
  }
  return true;
}

// atext of RFC 5322 3.2.3.
bool IsAtext(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

// A word of free text that cannot be written as it is.
bool NeedsEncoding(std::string_view word) {
  return !IsAsciiPrintable(word) || word.size() > kMaxPlainWord ||
         word.find("=?") != std::string_view::npos;
}

std::size_t WordEnd(std::string_view text, std::size_t start) {
  return std::min(text.find(' ', start), text.size());
}

// The end of the run of words to encode that starts with the word ending at
// `end`: the next words join it while they need encoding too.
std::size_t EncodedRunEnd(std::string_view text, std::size_t end) {
  for (std::size_t next = text.find_first_not_of(' ', end); next != std::string_view::npos;
       next = text.find_first_not_of(' ', end)) {
    const std::size_t next_end = WordEnd(text, next);
    if (!NeedsEncoding(text.substr(next, next_end - next))) break;
    end = next_end;
  }
  return end;
}

// The display name as phrase pieces: atoms as they are, a quoted string when
// it has specials, encoded words when it is not ASCII or too long to quote.
std::vector<std::string> PhraseWords(std::string_view name) {
  bool atoms = true;
  for (char c : name) atoms = atoms && (IsAtext(c) || c == ' ');
  if (atoms && !NeedsEncoding(name)) {
    std::vector<std::string> words;
    for (std::size_t pos = 0; pos < name.size();) {
      const std::size_t space = std::min(name.find(' ', pos), name.size());
      if (space > pos) words.emplace_back(name.substr(pos, space - pos));
      pos = space + 1;
    }
    return words;
  }
  if (IsAsciiPrintable(name) && name.find("=?") == std::string_view::npos &&
      name.size() + 2 < kFoldColumn) {
    std::string quoted = "\"";
    for (char c : name) {
      if (c == '"' || c == '\\') quoted += '\\';
      quoted += c;
    }
    return {quoted + "\""};
  }
  return EncodeWords(name);
}

// The address with its domain in ASCII (IDNA) when it is not.
std::string AsciiAddress(const std::string& address) {
  const std::size_t at = address.rfind('@');
  if (at == std::string::npos || IsAsciiPrintable(address)) return address;
  GCharPtr domain(g_hostname_to_ascii(address.substr(at + 1).c_str()));
  return domain ? address.substr(0, at + 1) + domain.get() : address;
}

}  // namespace

std::vector<std::string> EncodeWords(std::string_view text) {
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = pos;
    std::size_t aligned = pos;  // the last end that needs no base64 padding
    while (end < text.size() && end + CharLength(text, end) - pos <= kBase64WordBytes) {
      end += CharLength(text, end);
      if ((end - pos) % 3 == 0) aligned = end;
    }
    if (end == text.size() || aligned == end) {
      words.push_back(Base64Word(text.substr(pos, end - pos)));
    } else if (aligned > pos) {
      end = aligned;
      words.push_back(Base64Word(text.substr(pos, end - pos)));
    } else {  // no padding-free cut: Q words have no padding at all
      end = QChunkEnd(text, pos);
      words.push_back(QWord(text.substr(pos, end - pos)));
    }
    pos = end;
  }
  return words;
}

void HeaderBlock::AddFolded(std::string_view name, const std::vector<Piece>& pieces) {
  out_ += name;
  out_ += ':';
  std::size_t column = name.size() + 1;
  bool line_has_piece = false;
  for (const Piece& piece : pieces) {
    if (line_has_piece && column + piece.separator.size() + piece.text.size() > kFoldColumn) {
      out_ += "\r\n";
      column = 0;
    }
    out_ += piece.separator;
    out_ += piece.text;
    column += piece.separator.size() + piece.text.size();
    line_has_piece = true;
  }
  out_ += "\r\n";
}

void HeaderBlock::AddText(std::string_view name, std::string_view value) {
  std::vector<Piece> pieces;
  std::size_t pos = 0;
  for (std::size_t start = value.find_first_not_of(' '); start != std::string_view::npos;
       start = value.find_first_not_of(' ', pos)) {
    const std::string separator(pieces.empty() ? 1 : start - pos, ' ');
    pos = WordEnd(value, start);
    if (!NeedsEncoding(value.substr(start, pos - start))) {
      pieces.push_back({separator, std::string(value.substr(start, pos - start))});
      continue;
    }
    // A run of words that need encoding is encoded as one text, its inner
    // spaces inside the words (the space between two encoded words is dropped).
    pos = EncodedRunEnd(value, pos);
    std::vector<std::string> words = EncodeWords(value.substr(start, pos - start));
    for (std::size_t i = 0; i < words.size(); ++i) {
      pieces.push_back({i == 0 ? separator : " ", std::move(words[i])});
    }
  }
  AddFolded(name, pieces);
}

void HeaderBlock::AddAddresses(std::string_view name,
                               const std::vector<core::MailAddress>& addresses) {
  std::vector<Piece> pieces;
  for (const core::MailAddress& a : addresses) {
    if (!pieces.empty()) pieces.back().text += ',';
    const std::string address = AsciiAddress(a.address);
    if (a.name.empty()) {
      pieces.push_back({" ", address});
      continue;
    }
    for (std::string& word : PhraseWords(a.name)) pieces.push_back({" ", std::move(word)});
    pieces.push_back({" ", "<" + address + ">"});
  }
  AddFolded(name, pieces);
}

void HeaderBlock::AddIds(std::string_view name, const std::vector<std::string>& ids) {
  std::vector<Piece> pieces;
  for (const std::string& id : ids) pieces.push_back({" ", "<" + id + ">"});
  AddFolded(name, pieces);
}

void HeaderBlock::AddRaw(std::string_view name, std::string_view value) {
  AddFolded(name, {{" ", std::string(value)}});
}

std::string FormatDate(core::Timestamp when) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  using namespace std::chrono;
  const auto day = floor<days>(when);
  const year_month_day date{day};
  const hh_mm_ss<seconds> time{floor<seconds>(when - day)};
  char out[48];
  std::snprintf(out, sizeof out, "%s, %02u %s %04d %02d:%02d:%02d +0000",
                kDays[weekday{day}.c_encoding()], static_cast<unsigned>(date.day()),
                kMonths[static_cast<unsigned>(date.month()) - 1], static_cast<int>(date.year()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return out;
}

}  // namespace hd::mail::compose
