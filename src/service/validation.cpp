#include "service/validation.hpp"

#include <algorithm>
#include <cctype>

namespace hd::service {

namespace {

// Counts code points; returns npos for invalid UTF-8 or an embedded NUL.
std::size_t Utf8Length(std::string_view s) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    if (c == 0) return std::string_view::npos;
    if (c < 0x80)
      len = 1;
    else if ((c >> 5) == 0x6)
      len = 2;
    else if ((c >> 4) == 0xE)
      len = 3;
    else if ((c >> 3) == 0x1E)
      len = 4;
    else
      return std::string_view::npos;
    if (i + len > s.size()) return std::string_view::npos;
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return std::string_view::npos;
    }
    i += len;
    ++count;
  }
  return count;
}

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

}  // namespace

std::string Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return std::string(s);
}

Result<std::string> NormalizeEmail(std::string_view email, std::string_view field) {
  std::string e = Trim(email);
  std::transform(e.begin(), e.end(), e.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto bad = [&] {
    return Error::InvalidArgument("an e-mail address such as name@example.com is required",
                                  std::string(field));
  };
  const auto at = e.find('@');
  if (e.empty() || e.size() > 254 || at == std::string::npos || at == 0 ||
      e.find('@', at + 1) != std::string::npos) {
    return bad();
  }
  const std::string_view domain = std::string_view(e).substr(at + 1);
  if (domain.size() < 3 || domain.find('.') == std::string_view::npos || domain.front() == '.' ||
      domain.back() == '.') {
    return bad();
  }
  for (char c : e) {
    if (IsSpace(c) || static_cast<unsigned char>(c) < 0x20) return bad();
  }
  if (Utf8Length(e) == std::string_view::npos) return bad();
  return e;
}

Status CheckText(std::string_view value, std::string_view field, std::size_t max_chars,
                 bool required) {
  const std::size_t len = Utf8Length(value);
  if (len == std::string_view::npos) {
    return Error::InvalidArgument(std::string(field) + " must be valid UTF-8 text",
                                  std::string(field));
  }
  if (required && Trim(value).empty()) {
    return Error::InvalidArgument(std::string(field) + " is required", std::string(field));
  }
  if (len > max_chars) {
    return Error::InvalidArgument(
        std::string(field) + " is longer than " + std::to_string(max_chars) + " characters",
        std::string(field));
  }
  return Ok();
}

Status CheckLocalText(const core::LocalText& text, std::string_view field, std::size_t max_chars,
                      bool required) {
  if (required && text.empty()) return CheckText("", field, max_chars, true);
  for (const auto& [language, value] : text.all()) {
    if (!language.empty() && !core::IsKnownLanguage(language)) {
      return Error::InvalidArgument(
          std::string(field) + ": unknown language \"" + language + "\" (en or ru)",
          std::string(field));
    }
    if (core::HasControlCharacters(value)) {
      return Error::InvalidArgument(std::string(field) + " holds control characters",
                                    std::string(field));
    }
    HD_RETURN_IF_ERROR(CheckText(value, field, max_chars, required));
  }
  return Ok();
}

Status CheckSlug(const std::string& slug, const char* field) {
  if (slug.empty() || slug.size() > 64) {
    return Error::InvalidArgument(std::string(field) + " must have 1 to 64 characters", field);
  }
  for (char c : slug) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) {
      return Error::InvalidArgument(std::string(field) + " may hold only a-z, 0-9, '-' and '_'",
                                    field);
    }
  }
  return Ok();
}

}  // namespace hd::service
