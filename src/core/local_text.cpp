#include "core/local_text.hpp"

#include <algorithm>
#include <cstdlib>

namespace hd::core {
namespace {

const std::string kNone;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The q value of one Accept-Language element's parameters (1 when absent,
// 0 for anything unreadable).
double Quality(std::string_view parameters) {
  while (!parameters.empty()) {
    const std::size_t semicolon = parameters.find(';');
    const std::string_view p = Trim(parameters.substr(0, semicolon));
    if (p.size() >= 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
      const std::string value(Trim(p.substr(2)));
      char* end = nullptr;
      const double q = std::strtod(value.c_str(), &end);
      return end != value.c_str() && *end == '\0' && q >= 0 && q <= 1 ? q : 0;
    }
    if (semicolon == std::string_view::npos) break;
    parameters.remove_prefix(semicolon + 1);
  }
  return 1;
}

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
  while (!accept_language.empty()) {
    const std::size_t comma = accept_language.find(',');
    const std::string_view element = Trim(accept_language.substr(0, comma));
    const std::size_t semicolon = element.find(';');
    const std::string range = Lower(Trim(element.substr(0, semicolon)));
    const double q =
        Quality(semicolon == std::string_view::npos ? "" : element.substr(semicolon + 1));
    const std::string primary = range.substr(0, range.find('-'));
    // "*" admits the fallback when it is a known language.
    const std::string candidate = primary == "*" ? std::string(fallback) : primary;
    if (q > best_q && IsKnownLanguage(candidate)) {
      best = candidate;
      best_q = q;
    }
    if (comma == std::string_view::npos) break;
    accept_language.remove_prefix(comma + 1);
  }
  return best;
}

}  // namespace hd::core
