#include "service/templates.hpp"

namespace hd::service {

namespace {

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

std::string FillPlaceholders(std::string_view text, const TemplateVars& vars) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t open = text.find("{{", pos);
    if (open == std::string_view::npos) break;
    const std::size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    out.append(text.substr(pos, open - pos));
    auto it = vars.find(TrimSpaces(text.substr(open + 2, close - open - 2)));
    if (it != vars.end()) out += it->second;
    pos = close + 2;
  }
  out.append(text.substr(pos));
  return out;
}

Result<std::string> TemplateSet::Render(std::string_view id, const TemplateVars& vars) const {
  auto it = texts_.find(id);
  if (it == texts_.end()) {
    return Error::Internal("there is no reply template '" + std::string(id) +
                           "' (config/defaults/templates/" + std::string(id) + ".txt)");
  }
  return FillPlaceholders(it->second, vars);
}

}  // namespace hd::service
