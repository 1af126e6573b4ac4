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

TemplateVars ReplyVars(const core::Ticket& ticket,
                       const std::map<std::string, std::string, std::less<>>& fields,
                       const core::User& author) {
  TemplateVars vars;
  vars["ticket.number"] = std::to_string(ticket.number);
  vars["ticket.subject"] = ticket.subject;
  for (const auto& [name, value] : fields) vars["fields." + name] = value;
  vars["actor.name"] = author.name.empty() ? author.email : author.name;
  return vars;
}

Result<std::string> TemplateSet::Render(std::string_view id, const TemplateVars& vars) const {
  auto it = texts_.find(id);
  if (it == texts_.end()) {
    return Error::Internal("there is no reply template '" + std::string(id) +
                           "' (config/defaults/templates/" + std::string(id) + ".txt)");
  }
  return FillPlaceholders(it->second, vars);
}

Result<std::string> TemplateSet::RenderIn(std::string_view language, std::string_view id,
                                          const TemplateVars& vars) const {
  const std::string key =
      std::string(language.empty() ? std::string_view(default_language_) : language) + "/" +
      std::string(id);
  if (Has(key)) return Render(key, vars);
  return Render(id, vars);
}

std::vector<std::string> TemplateSet::Ids() const {
  std::vector<std::string> ids;
  for (const auto& [key, text] : texts_) {
    if (key.find('/') == std::string::npos) ids.push_back(key);
  }
  return ids;
}

}  // namespace hd::service
