#include "core/local_text.hpp"

#include <algorithm>

#include "core/quality_list.hpp"

namespace hd::core {
namespace {

const std::string kNone;

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
