// DecodeEncodedWords (headers.hpp): RFC 2047 encoded words decoded in one
// linear pass. Runs of words in one charset are joined before they are
// read, so that a character split between two words, and base64 padding in
// the middle of a run, decode as the sender meant; charsets are read by
// charset.hpp (its aliases and guesses). GMime's loose decoder is not used:
// its work grows with the square of the "=?" in a value.
#include <optional>
#include <string>

#include "mail/mime/charset.hpp"
#include "mail/mime/headers.hpp"

namespace hd::mail {
namespace {

struct EncodedWord {
  std::size_t begin = 0;
  std::size_t end = 0;  // past "?="
  std::string charset;  // lower-case, without an RFC 2231 language
  std::string bytes;    // the decoded payload
};

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

std::string DecodeB(std::string_view payload) {
  std::string out;
  unsigned bits = 0;
  int count = 0;
  for (char c : payload) {
    const int v = Base64Value(c);
    if (v < 0) continue;
    bits = (bits << 6) | static_cast<unsigned>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xFF);
    }
  }
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string DecodeQ(std::string_view payload) {
  std::string out;
  for (std::size_t i = 0; i < payload.size(); ++i) {
    const char c = payload[i];
    if (c == '_') {
      out += ' ';
    } else if (c == '=' && i + 2 < payload.size() && HexValue(payload[i + 1]) >= 0 &&
               HexValue(payload[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(payload[i + 1]) * 16 + HexValue(payload[i + 2]));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

// RFC 2047 words are at most 75 characters; longer ones are read too, up
// to this, and the bound keeps the search for "?=" linear.
constexpr std::size_t kMaxWord = 1000;

// The encoded word starting at `pos` ("=?charset?B?payload?="), if any.
// Blanks inside the payload are tolerated (senders write them).
std::optional<EncodedWord> WordAt(std::string_view whole, std::size_t pos) {
  if (whole.substr(pos, 2) != "=?") return std::nullopt;
  const std::string_view text = whole.substr(0, pos + kMaxWord);
  const std::size_t q1 = text.find('?', pos + 2);
  if (q1 == std::string_view::npos || q1 == pos + 2 || q1 + 3 > text.size()) return std::nullopt;
  const char encoding = text[q1 + 1];
  if (text[q1 + 2] != '?') return std::nullopt;
  const bool b = encoding == 'B' || encoding == 'b';
  if (!b && encoding != 'Q' && encoding != 'q') return std::nullopt;
  const std::size_t close = text.find("?=", q1 + 3);
  if (close == std::string_view::npos) return std::nullopt;
  EncodedWord word;
  word.begin = pos;
  word.end = close + 2;
  for (char c : text.substr(pos + 2, q1 - pos - 2)) {
    if (c == '*') break;  // an RFC 2231 language
    word.charset += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const std::string_view payload = text.substr(q1 + 3, close - q1 - 3);
  word.bytes = b ? DecodeB(payload) : DecodeQ(payload);
  return word;
}

struct DecodedRun {
  std::size_t end = 0;
  std::string utf8;
};

// The words from `pos` on that follow each other with only blanks between
// them (RFC 2047 §6.2: those blanks are not text), decoded.
std::optional<DecodedRun> RunAt(std::string_view text, std::size_t pos) {
  auto first = WordAt(text, pos);
  if (!first) return std::nullopt;
  EncodedWord run = *std::move(first);
  DecodedRun out;
  while (true) {
    std::size_t next = run.end;
    while (next < text.size() && (text[next] == ' ' || text[next] == '\t')) ++next;
    auto word = WordAt(text, next);
    if (!word) break;
    if (word->charset != run.charset) {
      out.utf8 += ToUtf8(run.bytes, run.charset);
      run.bytes.clear();
      run.charset = word->charset;
    }
    run.bytes += word->bytes;
    run.end = word->end;
  }
  out.utf8 += ToUtf8(run.bytes, run.charset);
  out.end = run.end;
  for (char& c : out.utf8) {
    if (c == '\r' || c == '\n' || c == '\t' || c == '\0') c = ' ';
  }
  return out;
}

// Where decoded text lands in an address list: in a quoted string or a
// comment its specials are escaped; in a phrase it becomes a quoted string.
void AppendToPhrase(std::string& out, std::string_view text, bool quoted, int comments) {
  const bool wrap = !quoted && comments == 0;
  if (wrap) out += '"';
  for (char c : text) {
    const bool special =
        (quoted || wrap) ? (c == '"' || c == '\\') : (c == '(' || c == ')' || c == '\\');
    if (special) out += '\\';
    out += c;
  }
  if (wrap) out += '"';
}

}  // namespace

std::string DecodeEncodedWords(std::string_view text, WordContext context) {
  if (text.find("=?") == std::string_view::npos) return std::string(text);
  const bool phrase = context == WordContext::kAddressList;
  std::string out;
  out.reserve(text.size());
  bool quoted = false;
  int comments = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '=' && i + 1 < text.size() && text[i + 1] == '?') {
      if (auto run = RunAt(text, i)) {
        if (phrase) {
          AppendToPhrase(out, run->utf8, quoted, comments);
        } else {
          out += run->utf8;
        }
        i = run->end;
        continue;
      }
    }
    if (phrase && c == '\\' && i + 1 < text.size()) {
      out.append(text.substr(i, 2));
      i += 2;
      continue;
    }
    if (phrase && c == '"' && comments == 0) quoted = !quoted;
    if (phrase && !quoted && c == '(') ++comments;
    if (phrase && !quoted && c == ')' && comments > 0) --comments;
    out += c;
    ++i;
  }
  return out;
}

}  // namespace hd::mail
