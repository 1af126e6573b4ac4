#include "sla/duration.hpp"

#include <limits>

namespace hd::sla {

Result<std::chrono::seconds> ParseDuration(std::string_view text, std::string_view field) {
  auto bad = [&] {
    return Error::InvalidArgument(std::string(field) + ": \"" + std::string(text) +
                                      "\" is not a duration such as 6h, 90m, 3600s or 1h30m",
                                  std::string(field));
  };
  if (text.empty()) return bad();
  constexpr std::string_view kUnits = "hms";
  constexpr std::int64_t kScale[] = {3600, 60, 1};
  std::size_t next_unit = 0;
  std::int64_t total = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::int64_t number = 0;
    const std::size_t digits_from = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (number > std::numeric_limits<std::int64_t>::max() / 10 / 3600) return bad();
      number = number * 10 + (text[pos] - '0');
      ++pos;
    }
    if (pos == digits_from || pos == text.size()) return bad();
    const auto unit = kUnits.find(text[pos], next_unit);
    if (unit == std::string_view::npos) return bad();
    total += number * kScale[unit];
    next_unit = unit + 1;
    ++pos;
  }
  return std::chrono::seconds{total};
}

std::string FormatDuration(std::chrono::seconds d) {
  std::int64_t s = d.count();
  if (s == 0) return "0s";
  std::string out;
  if (s < 0) {
    out = "-";
    s = -s;
  }
  if (s >= 3600) out += std::to_string(s / 3600) + "h";
  if (s % 3600 >= 60) out += std::to_string(s % 3600 / 60) + "m";
  if (s % 60 != 0) out += std::to_string(s % 60) + "s";
  return out;
}

}  // namespace hd::sla
