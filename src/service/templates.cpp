#include "service/templates.hpp"

#include <algorithm>
#include <optional>

namespace hd::service {

namespace {

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<std::string> ReplyKeys(std::string_view id, std::string_view language) {
  if (language == "en") return {std::string(id), "en/" + std::string(id)};
  return {std::string(language) + "/" + std::string(id)};
}

std::string MailKey(std::string_view id, std::string_view language) {
  if (!IsMailTemplate(id)) return {};
  return std::string(language) + "/" + std::string(id.substr(kMailTemplatePrefix.size()));
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
  return files.With(std::move(texts));
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

namespace {

// A `{{name}}` of a text: where its "{{" is, where the text after it begins,
// and its name without the spaces around it. `closed` is false for a "{{"
// never closed before the end or the next "{{"; `end` is then where that
// next "{{" (or the end) is.
struct Placeholder {
  std::size_t open = 0;
  std::size_t end = 0;
  std::string_view name;
  bool closed = false;
};

// The first placeholder of `text` at or after `from`, if a "{{" follows.
std::optional<Placeholder> NextPlaceholder(std::string_view text, std::size_t from) {
  const std::size_t open = text.find("{{", from);
  if (open == std::string_view::npos) return std::nullopt;
  const std::size_t close = text.find("}}", open + 2);
  const std::size_t reopen = text.find("{{", open + 2);
  if (close == std::string_view::npos || (reopen != std::string_view::npos && reopen < close)) {
    return Placeholder{open, std::min(reopen, text.size()), {}, false};
  }
  return Placeholder{open, close + 2, TrimSpaces(text.substr(open + 2, close - open - 2)), true};
}

}  // namespace

Result<std::vector<std::string>> PlaceholdersIn(std::string_view text, std::string_view field) {
  std::vector<std::string> names;
  for (auto p = NextPlaceholder(text, 0); p; p = NextPlaceholder(text, p->end)) {
    if (!p->closed) {
      const auto line = 1 + std::count(text.begin(), text.begin() + p->open, '\n');
      return Error::InvalidArgument(
          "the placeholder opened with {{ on line " + std::to_string(line) + " is never closed",
          std::string(field));
    }
    names.emplace_back(p->name);
  }
  return names;
}

std::string FillPlaceholders(std::string_view text, const TemplateVars& vars) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  for (auto p = NextPlaceholder(text, 0); p; p = NextPlaceholder(text, pos)) {
    if (!p->closed) {  // kept as written
      out.append(text.substr(pos, p->end - pos));
    } else {
      out.append(text.substr(pos, p->open - pos));
      if (auto it = vars.find(p->name); it != vars.end()) out += it->second;
    }
    pos = p->end;
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

template <class Visit>
void TemplateSet::ForEachText(Visit visit) const {
  for (const auto& [key, text] : edits_) visit(key, text);
  for (const auto& [key, text] : *files_) {
    if (!edits_.contains(key)) visit(key, text);
  }
}

Result<std::string> TemplateSet::Render(std::string_view id, const TemplateVars& vars) const {
  const std::string* text = Find(id);
  if (text == nullptr) {
    return Error::Internal("there is no reply template '" + std::string(id) +
                           "' (config/defaults/templates/" + std::string(id) + ".txt)");
  }
  return FillPlaceholders(*text, vars);
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
  const std::string* first_key = nullptr;
  const std::string* first = nullptr;
  ForEachText([&](const std::string& k, const std::string& text) {
    if (k.ends_with(suffix) && k.find('/') == k.size() - suffix.size() &&
        (first_key == nullptr || k < *first_key)) {
      first_key = &k;
      first = &text;
    }
  });
  if (first != nullptr) return FillPlaceholders(*first, vars);
  return Render(id, vars);
}

std::vector<std::string> TemplateSet::Ids() const {
  std::vector<std::string> ids;
  ForEachText([&](const std::string& key, const std::string&) {
    const std::size_t slash = key.find('/');
    ids.push_back(slash == std::string::npos ? key : key.substr(slash + 1));
  });
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

const std::string* TemplateSet::Find(std::string_view key) const {
  if (auto it = edits_.find(key); it != edits_.end()) return &it->second;
  auto it = files_->find(key);
  return it == files_->end() ? nullptr : &it->second;
}

TemplateSet TemplateSet::With(Texts texts) const {
  TemplateSet out = *this;
  for (auto& [key, text] : texts) out.edits_[key] = std::move(text);
  return out;
}

}  // namespace hd::service
