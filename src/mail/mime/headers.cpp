#include "mail/mime/headers.hpp"

#include <gmime/gmime.h>

#include <algorithm>

#include "mail/mime/charset.hpp"
#include "mail/mime/gmime_init.hpp"
#include "mail/mime/gobject_ptr.hpp"

namespace hd::mail {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return g_ascii_tolower(x) == g_ascii_tolower(y);
         });
}

// Options for reading address lists, configured once, then only read
// (GMime reads options without changing them). Encoded words are decoded
// before GMime sees the list (DecodeEncodedWords), so GMime's rfc2047 mode
// is strict: its loose search is quadratic.
GMimeParserOptions* DecodeOptions() {
  static GMimeParserOptions* options = [] {
    EnsureGMime();
    GMimeParserOptions* o = g_mime_parser_options_new();
    g_mime_parser_options_set_rfc2047_compliance_mode(o, GMIME_RFC_COMPLIANCE_STRICT);
    g_mime_parser_options_set_address_compliance_mode(o, GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_parameter_compliance_mode(o, GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_allow_addresses_without_domain(o, TRUE);
    const char* fallback[] = {"UTF-8", "windows-1251", nullptr};
    g_mime_parser_options_set_fallback_charsets(o, fallback);
    return o;
  }();
  return options;
}

// Control characters a decoded word may carry (a line break inside an
// encoded word) become spaces: a header value is one line.
std::string OneLine(const char* text) {
  std::string out = text != nullptr ? text : "";
  for (char& c : out) {
    if (c == '\r' || c == '\n' || c == '\t') c = ' ';
  }
  return std::string(Trim(out));
}

// The value with (nested) comments removed, quoted strings kept as they are.
std::string WithoutComments(std::string_view s) {
  std::string out;
  int depth = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size()) {
      if (depth == 0) out.append(s.substr(i, 2));
      ++i;
    } else if (quoted) {
      quoted = c != '"';
      out += c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && depth > 0) {
      if (--depth == 0) out += ' ';
    } else if (depth == 0) {
      quoted = c == '"';
      out += c;
    }
  }
  return out;
}

void AddAddresses(InternetAddressList* list, std::vector<core::MailAddress>& out, int depth) {
  const int count = internet_address_list_length(list);
  for (int i = 0; i < count; ++i) {
    InternetAddress* a = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_GROUP(a)) {
      if (depth < 4) {
        AddAddresses(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(a)), out, depth + 1);
      }
      continue;
    }
    if (!INTERNET_ADDRESS_IS_MAILBOX(a)) continue;
    const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a));
    core::MailAddress address{OneLine(internet_address_get_name(a)), OneLine(addr)};
    if (address.address.empty() && address.name.empty()) continue;
    out.push_back(std::move(address));
  }
}

}  // namespace

std::optional<std::string_view> HeaderBlock::Find(std::string_view name) const {
  for (const RawHeader& h : headers_) {
    if (EqualsIgnoreCase(h.name, name)) return std::string_view(h.value);
  }
  return std::nullopt;
}

HeaderBlock ParseHeaderLines(std::string_view text, std::size_t* consumed) {
  std::vector<RawHeader> headers;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t eol = text.find('\n', pos);
    std::string_view line = text.substr(pos, eol == std::string_view::npos ? eol : eol - pos);
    pos = eol == std::string_view::npos ? text.size() : eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;
    if ((line.front() == ' ' || line.front() == '\t') && !headers.empty()) {
      headers.back().value.append("\n").append(line);
      continue;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    headers.push_back(
        {std::string(Trim(line.substr(0, colon))), std::string(line.substr(colon + 1))});
  }
  if (consumed != nullptr) *consumed = pos;
  return HeaderBlock(std::move(headers));
}

std::string Unfold(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c != '\r' && c != '\n') {
      out += c;
      continue;
    }
    std::size_t j = i + 1;
    while (j < raw.size() && (raw[j] == '\r' || raw[j] == '\n')) ++j;
    if (j < raw.size() && (raw[j] == ' ' || raw[j] == '\t')) {
      while (j < raw.size() && (raw[j] == ' ' || raw[j] == '\t')) ++j;
    }
    out += ' ';
    i = j - 1;
  }
  return std::string(Trim(out));
}

std::string HeaderBytesToUtf8(std::string_view raw, std::string_view hint_charset) {
  const bool plain = std::none_of(raw.begin(), raw.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x80 || c == '\x1b';
  });
  if (plain || IsUtf8(raw)) return std::string(raw);
  std::string hint(hint_charset);
  for (char& c : hint) c = g_ascii_tolower(c);
  if (hint.rfind("utf-16", 0) == 0 || hint.rfind("utf-32", 0) == 0) hint.clear();
  return ToUtf8(raw, hint);
}

std::string DecodeText(std::string_view raw, std::string_view hint_charset) {
  const std::string text =
      DecodeEncodedWords(HeaderBytesToUtf8(Unfold(raw), hint_charset), WordContext::kText);
  return OneLine(text.c_str());
}

std::vector<core::MailAddress> ParseAddresses(std::string_view raw, std::string_view hint_charset) {
  std::vector<core::MailAddress> out;
  const std::string text =
      DecodeEncodedWords(HeaderBytesToUtf8(Unfold(raw), hint_charset), WordContext::kAddressList);
  if (text.empty()) return out;
  GObjectPtr<InternetAddressList> list(internet_address_list_parse(DecodeOptions(), text.c_str()));
  if (list) AddAddresses(list.get(), out, 0);
  return out;
}

std::vector<std::string> ParseMessageIds(std::string_view raw) {
  const std::string text = WithoutComments(Unfold(raw));
  std::vector<std::string> ids;
  std::size_t pos = 0;
  while ((pos = text.find('<', pos)) != std::string::npos) {
    const std::size_t end = text.find_first_of("<>", pos + 1);
    if (end == std::string::npos) break;
    if (text[end] == '>') {
      std::string id;
      for (char c : std::string_view(text).substr(pos + 1, end - pos - 1)) {
        if (!IsSpace(c)) id += c;
      }
      if (!id.empty()) ids.push_back(std::move(id));
    }
    pos = end;
  }
  if (!ids.empty() || text.find('<') != std::string::npos) return ids;
  // No brackets: the words that look like ids, or the one word there is.
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (IsSpace(text[i]) || text[i] == ',')) ++i;
    std::size_t j = i;
    while (j < text.size() && !IsSpace(text[j]) && text[j] != ',') ++j;
    if (j > i) words.emplace_back(text.substr(i, j - i));
    i = j;
  }
  for (const std::string& w : words) {
    if (w.find('@') != std::string::npos) ids.push_back(w);
  }
  if (ids.empty() && words.size() == 1) ids.push_back(words.front());
  return ids;
}

}  // namespace hd::mail
