#include "mail/transport/imap_protocol.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace hd::mail::imap {
namespace {

// Decodes one UTF-8 sequence at `i` into a code point; an invalid byte is
// taken as U+FFFD so a bad name still encodes to something valid.
char32_t NextCodePoint(std::string_view s, size_t& i) {
  const auto lead = static_cast<unsigned char>(s[i++]);
  int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
  if (lead >= 0x80 && extra == 0) return 0xFFFD;
  char32_t cp = extra == 0 ? lead : lead & (0x3F >> extra);
  for (; extra > 0; --extra) {
    if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  }
  return cp;
}

void AppendUtf16(std::u16string& out, char32_t cp) {
  if (cp >= 0x10000) {
    cp -= 0x10000;
    out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
    out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
  } else {
    out.push_back(static_cast<char16_t>(cp));
  }
}

// Modified base64 (',' for '/', no padding) of UTF-16BE units.
std::string ModifiedBase64(const std::u16string& units) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char16_t unit : units) {
    for (int shift = 8; shift >= 0; shift -= 8) {
      buffer = (buffer << 8) | ((unit >> shift) & 0xFFu);
      bits += 8;
      while (bits >= 6) {
        bits -= 6;
        out.push_back(kAlphabet[(buffer >> bits) & 0x3F]);
      }
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(buffer << (6 - bits)) & 0x3F]);
  return out;
}

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t start = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  return words;
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
           return std::toupper(static_cast<unsigned char>(a)) ==
                  std::toupper(static_cast<unsigned char>(b));
         });
}

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string EncodeMailboxName(std::string_view utf8) {
  std::string out;
  std::u16string pending;
  auto flush = [&] {
    if (pending.empty()) return;
    out += '&' + ModifiedBase64(pending) + '-';
    pending.clear();
  };
  for (size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c >= 0x20 && c <= 0x7E) {
      flush();
      out += c == '&' ? std::string("&-") : std::string(1, static_cast<char>(c));
      ++i;
    } else {
      AppendUtf16(pending, NextCodePoint(utf8, i));
    }
  }
  flush();
  return out;
}

std::string Quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

std::string CustomRequest(std::string_view command) {
  std::string out;
  for (char c : command) out += c == '%' ? std::string("%25") : std::string(1, c);
  return out;
}

bool IsKeyword(std::string_view flag) {
  if (flag.empty()) return false;
  return std::none_of(flag.begin(), flag.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u >= 0x7F ||
           std::string_view("(){\"%*\\]").find(c) != std::string_view::npos;
  });
}

std::vector<std::uint32_t> ParseSearch(std::string_view response) {
  std::vector<std::uint32_t> uids;
  for (std::string_view line : Lines(response)) {
    if (!StartsWithNoCase(line, "* SEARCH")) continue;
    auto words = Words(line.substr(8));
    for (std::string_view word : words) {
      if (auto uid = ParseUid(word)) uids.push_back(*uid);
    }
  }
  std::sort(uids.begin(), uids.end());
  uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
  return uids;
}

std::optional<std::string> ParseStatusItem(std::string_view response, std::string_view item) {
  for (std::string_view line : Lines(response)) {
    if (!StartsWithNoCase(line, "* STATUS ")) continue;
    const size_t open = line.rfind('(');
    if (open == std::string_view::npos) continue;
    std::string_view items = line.substr(open + 1);
    if (!items.empty() && items.back() == ')') items.remove_suffix(1);
    auto words = Words(items);
    for (size_t i = 0; i + 1 < words.size(); i += 2) {
      if (Upper(words[i]) == Upper(item)) return std::string(words[i + 1]);
    }
  }
  return std::nullopt;
}

std::optional<std::vector<std::string>> ParseFetchFlags(std::string_view response,
                                                        std::uint32_t uid) {
  const std::string uid_item = "UID " + std::to_string(uid);
  for (std::string_view line : Lines(response)) {
    if (!StartsWithNoCase(line, "* ") || Upper(line).find(" FETCH (") == std::string::npos) {
      continue;
    }
    const std::string upper = Upper(line);
    const size_t at = upper.find(uid_item);
    if (at == std::string::npos) continue;
    const size_t after = at + uid_item.size();
    if (after < upper.size() && std::isdigit(static_cast<unsigned char>(upper[after]))) continue;
    std::vector<std::string> flags;
    const size_t start = upper.find("FLAGS (");
    if (start != std::string::npos) {
      const size_t end = line.find(')', start);
      for (auto word : Words(line.substr(start + 7, end - start - 7))) flags.emplace_back(word);
    }
    return flags;
  }
  return std::nullopt;
}

std::vector<std::string> ParseCapabilities(std::string_view response) {
  std::vector<std::string> names;
  for (std::string_view line : Lines(response)) {
    if (!StartsWithNoCase(line, "* CAPABILITY ")) continue;
    for (auto word : Words(line.substr(13))) names.push_back(Upper(word));
  }
  return names;
}

std::optional<std::uint32_t> ParseUid(std::string_view key) {
  std::uint32_t uid = 0;
  if (key.empty() || key.front() == '0') return std::nullopt;
  auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), uid);
  if (error != std::errc() || end != key.data() + key.size()) return std::nullopt;
  return uid;
}

}  // namespace hd::mail::imap
