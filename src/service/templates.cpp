#include "service/templates.hpp"

#include <algorithm>

namespace hd::service {

namespace {

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

constexpr std::string_view kMailPrefix = "mail.";

}  // namespace

std::vector<std::string> ReplyKeys(std::string_view id, std::string_view language) {
  if (language == "en") return {std::string(id), "en/" + std::string(id)};
  return {std::string(language) + "/" + std::string(id)};
}

std::string MailKey(std::string_view id, std::string_view language) {
  if (id.substr(0, kMailPrefix.size()) != kMailPrefix) return {};
  return std::string(language) + "/" + std::string(id.substr(kMailPrefix.size()));
}

namespace {

// `files` with the stored edits in place of their texts, each edit under the
// keys `keys_of` gives it (none: not of this set).
template <class KeysOf>
Result<TemplateSet> Edited(core::ports::Tx& tx, const TemplateSet& files, KeysOf keys_of) {
  HD_ASSIGN_OR_RETURN(auto edited, tx.Templates().List());
  std::map<std::string, std::string, std::less<>> texts;
  for (const auto& t : edited) {
    for (std::string& key : keys_of(t)) texts[std::move(key)] = t.body;
  }
  if (texts.empty()) return files;
  return files.With(texts);
}

}  // namespace

Result<TemplateSet> EditedReplies(core::ports::Tx& tx, const TemplateSet& files) {
  return Edited(tx, files, [](const core::ports::TemplateText& t) {
    return MailKey(t.template_id, t.language).empty() ? ReplyKeys(t.template_id, t.language)
                                                      : std::vector<std::string>();
  });
}

Result<TemplateSet> EditedMail(core::ports::Tx& tx, const TemplateSet& files) {
  return Edited(tx, files, [](const core::ports::TemplateText& t) {
    std::string key = MailKey(t.template_id, t.language);
    return key.empty() ? std::vector<std::string>() : std::vector<std::string>{std::move(key)};
  });
}

Result<std::vector<std::string>> PlaceholdersIn(std::string_view text, std::string_view field) {
  std::vector<std::string> names;
  std::size_t pos = 0;
  while ((pos = text.find("{{", pos)) != std::string_view::npos) {
    const std::size_t close = text.find("}}", pos + 2);
    const std::size_t reopen = text.find("{{", pos + 2);
    if (close == std::string_view::npos || (reopen != std::string_view::npos && reopen < close)) {
      std::size_t line = 1;
      for (std::size_t i = 0; i < pos; ++i) line += text[i] == '\n' ? 1 : 0;
      return Error::InvalidArgument(
          "the placeholder opened with {{ on line " + std::to_string(line) + " is never closed",
          std::string(field));
    }
    names.emplace_back(TrimSpaces(text.substr(pos + 2, close - pos - 2)));
    pos = close + 2;
  }
  return names;
}

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
  if (Has(id)) return Render(id, vars);
  // A template written only in some languages: the default language's
  // text, else the first there is.
  const std::string suffix = "/" + std::string(id);
  if (const std::string fallback = default_language_ + suffix; Has(fallback)) {
    return Render(fallback, vars);
  }
  for (const auto& [k, text] : texts_) {
    if (k.size() > suffix.size() &&
        k.compare(k.size() - suffix.size(), suffix.size(), suffix) == 0 &&
        k.find('/') == k.size() - suffix.size()) {
      return FillPlaceholders(text, vars);
    }
  }
  return Render(id, vars);
}

std::vector<std::string> TemplateSet::Ids() const {
  std::vector<std::string> ids;
  for (const auto& [key, text] : texts_) {
    const std::size_t slash = key.find('/');
    ids.push_back(slash == std::string::npos ? key : key.substr(slash + 1));
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

const std::string* TemplateSet::Find(std::string_view key) const {
  auto it = texts_.find(key);
  return it == texts_.end() ? nullptr : &it->second;
}

TemplateSet TemplateSet::With(const std::map<std::string, std::string, std::less<>>& texts) const {
  TemplateSet out = *this;
  for (const auto& [key, text] : texts) out.texts_[key] = text;
  return out;
}

}  // namespace hd::service
