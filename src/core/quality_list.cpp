#include "core/quality_list.hpp"

#include <cstdlib>
#include <string>

namespace hd::core {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The q of an element's parameters ("q=0.5", after the first ';').
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

std::vector<Weighted> ParseQualityList(std::string_view header) {
  std::vector<Weighted> out;
  while (!header.empty()) {
    const std::size_t comma = header.find(',');
    const std::string_view element = Trim(header.substr(0, comma));
    const std::size_t semicolon = element.find(';');
    const std::string_view value = Trim(element.substr(0, semicolon));
    if (!value.empty()) {
      out.push_back(
          {value,
           Quality(semicolon == std::string_view::npos ? "" : element.substr(semicolon + 1))});
    }
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace hd::core
