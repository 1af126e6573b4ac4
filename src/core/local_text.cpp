#include "core/local_text.hpp"

#include <algorithm>

#include "core/quality_list.hpp"

namespace hd::core {
namespace {

const std::string kNone;
constexpr char kLanguageMark = '\x1E';
constexpr char kTextMark = '\x1F';

}  // namespace

void LocalText::Set(std::string language, std::string text) {
  for (auto& [lang, existing] : texts_) {
    if (lang == language) {
      existing = std::move(text);
      return;
    }
  }
  texts_.emplace_back(std::move(language), std::move(text));
}

const std::string& LocalText::In(std::string_view language) const {
  if (texts_.empty()) return kNone;
  for (std::string_view wanted : {language, std::string_view(""), std::string_view("en")}) {
    for (const auto& [lang, text] : texts_) {
      if (lang == wanted) return text;
    }
  }
  return texts_.front().second;
}

std::string LocalText::Stored() const {
  if (texts_.empty()) return {};
  if (texts_.size() == 1 && texts_.front().first.empty()) {
    std::string out = texts_.front().second;
    if (!out.empty() && out.front() == kLanguageMark) out.front() = ' ';
    return out;
  }
  std::string out;
  for (const auto& [language, text] : texts_) {
    out += kLanguageMark;
    out += language;
    out += kTextMark;
    for (char c : text) out += c == kLanguageMark || c == kTextMark ? ' ' : c;
  }
  return out;
}

LocalText LocalText::FromStored(std::string_view stored) {
  if (stored.empty() || stored.front() != kLanguageMark) {
    return stored.empty() ? LocalText() : LocalText(std::string(stored));
  }
  LocalText out;
  while (!stored.empty()) {
    stored.remove_prefix(1);  // the language mark
    const std::size_t text_at = stored.find(kTextMark);
    const std::size_t next = stored.find(kLanguageMark);
    if (text_at == std::string_view::npos || text_at > next) {  // damaged: keep what it says
      out.Set("", std::string(stored.substr(0, next)));
    } else {
      out.Set(std::string(stored.substr(0, text_at)),
              std::string(stored.substr(text_at + 1, next == std::string_view::npos
                                                         ? std::string_view::npos
                                                         : next - text_at - 1)));
    }
    if (next == std::string_view::npos) break;
    stored.remove_prefix(next);
  }
  return out;
}

LocalText EnglishAndRussian(std::string en, std::string ru) {
  LocalText text;
  text.Set("en", std::move(en));
  text.Set("ru", std::move(ru));
  return text;
}

bool HasControlCharacters(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7F;
  });
}

bool IsKnownLanguage(std::string_view language) {
  return std::find(std::begin(kLanguages), std::end(kLanguages), language) != std::end(kLanguages);
}

std::string PreferredLanguage(std::string_view accept_language, std::string_view fallback) {
  std::string best(fallback);
  double best_q = 0;
  for (const Weighted& range : ParseQualityList(accept_language)) {
    std::string primary(range.value.substr(0, range.value.find('-')));
    for (char& c : primary) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    // "*" admits the fallback when it is a known language.
    const std::string candidate = primary == "*" ? std::string(fallback) : primary;
    if (range.q > best_q && IsKnownLanguage(candidate)) {
      best = candidate;
      best_q = range.q;
    }
  }
  return best;
}

}  // namespace hd::core
