#include "service/admin/templates.hpp"

#include <algorithm>
#include <set>

#include "core/local_text.hpp"
#include "core/mail.hpp"
#include "service/admin/audit_log.hpp"
#include "service/desk/canned_replies.hpp"
#include "service/licences.hpp"
#include "service/mail/mail_render.hpp"
#include "service/process_engine.hpp"
#include "service/validation.hpp"

namespace hd::service {

using core::ports::Tx;

namespace {

constexpr std::size_t kMaxTextChars = 65'536;
// "mail.reply.subject" → {"reply", "subject"}.
std::pair<std::string, std::string> MailParts(std::string_view id) {
  const std::string_view rest = id.substr(kMailTemplatePrefix.size());
  const std::size_t dot = rest.rfind('.');
  return {std::string(rest.substr(0, dot)), std::string(rest.substr(dot + 1))};
}

// The file's text of template `id` in `language`.
std::optional<std::string> FileText(const TemplateSet& replies, const TemplateSet& mail,
                                    const std::string& id, const std::string& language) {
  if (IsMailTemplate(id)) {
    const std::string* text = mail.Find(MailKey(id, language));
    return text ? std::optional(*text) : std::nullopt;
  }
  // Backwards: English's "en/<id>" before the text for everyone "<id>".
  const auto keys = ReplyKeys(id, language);
  for (auto key = keys.rbegin(); key != keys.rend(); ++key) {
    if (const std::string* text = replies.Find(*key)) return *text;
  }
  return std::nullopt;
}

// The ids of mail templates: "mail.<event>.<part>" of every
// "<language>/<event>.<part>".
std::set<std::string> MailIds(const TemplateSet& mail) {
  std::set<std::string> ids;
  for (const std::string& id : mail.Ids()) ids.insert(std::string(kMailTemplatePrefix) + id);
  return ids;
}

std::vector<std::string> PlaceholdersOf(const std::string& id) {
  std::vector<std::string> names;
  if (IsMailTemplate(id)) {
    for (std::string_view name : kMailPlaceholders) names.emplace_back(name);
  } else {
    for (std::string_view name : kReplyPlaceholders) names.emplace_back(name);
    names.emplace_back("fields.<field>");
  }
  return names;
}

// kInvalidArgument naming "text" unless every placeholder of `text` is one
// template `id` can fill.
Status CheckPlaceholders(const std::string& id, const std::string& text) {
  HD_ASSIGN_OR_RETURN(auto names, PlaceholdersIn(text, "text"));
  for (const std::string& name : names) {
    bool known = false;
    if (IsMailTemplate(id)) {
      known = std::find(std::begin(kMailPlaceholders), std::end(kMailPlaceholders), name) !=
              std::end(kMailPlaceholders);
    } else {
      known = std::find(std::begin(kReplyPlaceholders), std::end(kReplyPlaceholders), name) !=
                  std::end(kReplyPlaceholders) ||
              (name.rfind("fields.", 0) == 0 && CheckSlug(name.substr(7), "text").ok());
    }
    if (known) continue;
    std::string list;
    for (const std::string& p : PlaceholdersOf(id)) list += (list.empty() ? "" : ", ") + p;
    return Error::InvalidArgument(
        "text: unknown placeholder {{" + name + "}} (this template can use " + list + ")", "text");
  }
  return Ok();
}

// What threads a customer's answer to a mail: the line their answer is cut
// at, and the ticket's tag in the subject. kInvalidArgument naming "text"
// when `text` leaves out one that the file's text has.
Status CheckKept(const std::string& file_text, const std::string& text) {
  struct Kept {
    std::string_view token;
    std::string_view why;
  };
  const Kept kept[] = {
      {core::kReplyAboveMarker, "the customer's answer to this mail is cut at it"},
      {"[#{{number}}]", "it threads the answer when a mail client drops In-Reply-To"}};
  for (const Kept& k : kept) {
    if (file_text.find(k.token) != std::string::npos && text.find(k.token) == std::string::npos) {
      return Error::InvalidArgument(
          "text must keep \"" + std::string(k.token) + "\": " + std::string(k.why), "text");
    }
  }
  return Ok();
}

// The text of `entry` in `language`, one the product speaks.
TemplateLanguage& TextIn(TemplateEntry& entry, const std::string& language) {
  return *std::find_if(entry.texts.begin(), entry.texts.end(),
                       [&](const TemplateLanguage& t) { return t.language == language; });
}

Status CheckLanguage(const std::string& language) {
  if (core::IsKnownLanguage(language)) return Ok();
  return Error::InvalidArgument("language must be ru or en, not \"" + language + "\"", "language");
}

// Template `id` as the files `mail` and those of `processes` and the stored
// `edited` texts have it, labelled in `viewer_language`.
TemplateEntry EntryFrom(const ProcessEngine& processes, const TemplateSet& mail,
                        const std::vector<core::ports::TemplateText>& edited, const std::string& id,
                        const std::string& viewer_language) {
  const auto replies = processes.templates();
  TemplateEntry e;
  e.id = id;
  e.kind = IsMailTemplate(id) ? "mail" : "reply";
  if (IsMailTemplate(id)) {
    std::tie(e.event, e.part) = MailParts(id);
  } else {
    e.event = id;
    e.part = "txt";
    for (const auto& process : processes.catalog().CurrentAll()) {
      for (std::string& label : ReplyLabels(*process, id, viewer_language)) {
        e.used_by.push_back({process->id, process->label.In(viewer_language), std::move(label)});
      }
    }
  }
  e.placeholders = PlaceholdersOf(id);
  for (std::string_view language : core::kLanguages) {
    TemplateLanguage t;
    t.language = std::string(language);
    t.file_text = FileText(*replies, mail, id, t.language);
    t.text = t.file_text;
    for (const auto& row : edited) {
      if (row.template_id != id || row.language != language) continue;
      t.text = row.body;
      t.edited = true;
      t.updated_at = row.updated_at;
      t.updated_by = row.updated_by;
    }
    e.texts.push_back(std::move(t));
  }
  return e;
}

}  // namespace

void TemplateAdmin::SetMailFiles(TemplateSet files) {
  auto shared = std::make_shared<const TemplateSet>(std::move(files));
  std::lock_guard lock(mutex_);
  mail_files_ = std::move(shared);
}

std::shared_ptr<const TemplateSet> TemplateAdmin::MailFiles() const {
  std::lock_guard lock(mutex_);
  return mail_files_;
}

Result<TemplateEntry> TemplateAdmin::EntryOf(Tx& tx, const std::string& id,
                                             const std::string& viewer_language) const {
  HD_ASSIGN_OR_RETURN(auto edited, tx.Templates().List());
  return EntryFrom(processes_, *MailFiles(), edited, id, viewer_language);
}

Result<std::vector<TemplateEntry>> TemplateAdmin::List(const std::optional<Actor>& actor) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  std::vector<TemplateEntry> out;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    out.clear();
    HD_ASSIGN_OR_RETURN(auto edited, tx.Templates().List());
    std::set<std::string> reply_ids, mail_ids = MailIds(*MailFiles());
    for (const std::string& id : processes_.templates()->Ids()) reply_ids.insert(id);
    for (const auto& row : edited) {
      if (!IsMailTemplate(row.template_id)) reply_ids.insert(row.template_id);
    }
    const auto mail = MailFiles();
    for (const auto* ids : {&reply_ids, &mail_ids}) {
      for (const std::string& id : *ids) {
        out.push_back(EntryFrom(processes_, *mail, edited, id, actor->language));
      }
    }
    return Ok();
  }));
  return out;
}

Result<TemplateEntry> TemplateAdmin::Put(const std::optional<Actor>& actor, const std::string& id,
                                         const std::string& language, const std::string& text) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  HD_RETURN_IF_ERROR(CheckLanguage(language));
  const auto mail = MailFiles();
  if (IsMailTemplate(id)) {
    if (MailIds(*mail).count(id) == 0) return Error::NotFound("no mail template " + id);
  } else {
    HD_RETURN_IF_ERROR(CheckSlug(id, "id"));
  }
  HD_RETURN_IF_ERROR(CheckText(text, "text", kMaxTextChars, true));
  if (core::HasControlCharacters(text)) {
    return Error::InvalidArgument("text must not hold control characters", "text");
  }
  HD_RETURN_IF_ERROR(CheckPlaceholders(id, text));
  if (IsMailTemplate(id) && MailParts(id).second == "subject" &&
      text.find_first_of("\r\n") != std::string::npos) {
    return Error::InvalidArgument("text: a mail subject is one line", "text");
  }
  const auto file = FileText(*processes_.templates(), *mail, id, language);
  HD_RETURN_IF_ERROR(CheckKept(file.value_or(""), text));
  const auto now = clock_.Now();
  TemplateEntry out;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(out, EntryOf(tx, id, actor->language));
    TemplateLanguage& now_in = TextIn(out, language);
    const std::string was = now_in.text.value_or("");
    const core::ports::TemplateText stored{id, language, text, now, ActorId(actor)};
    HD_RETURN_IF_ERROR(tx.Templates().Put(stored));
    now_in.text = text;
    now_in.edited = true;
    now_in.updated_at = now;
    now_in.updated_by = stored.updated_by;
    std::vector<core::ports::AuditChange> changes;
    Diff(changes, "text", was, text);
    if (changes.empty()) return Ok();
    return tx.Audit().Record({0, ActorId(actor), "template.edit", "template:" + id + "/" + language,
                              id, now, std::move(changes)});
  }));
  return out;
}

Result<TemplateEntry> TemplateAdmin::Revert(const std::optional<Actor>& actor,
                                            const std::string& id, const std::string& language) {
  HD_RETURN_IF_ERROR(RequireAdministrator(actor));
  HD_RETURN_IF_ERROR(CheckLanguage(language));
  const auto now = clock_.Now();
  TemplateEntry out;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(out, EntryOf(tx, id, actor->language));
    HD_ASSIGN_OR_RETURN(bool removed, tx.Templates().Remove(id, language));
    if (!removed) return Error::NotFound("template " + id + " has no edited text in " + language);
    TemplateLanguage& now_in = TextIn(out, language);
    std::vector<core::ports::AuditChange> changes;
    Diff(changes, "text", now_in.text.value_or(""), now_in.file_text.value_or(""));
    now_in.text = now_in.file_text;
    now_in.edited = false;
    now_in.updated_at.reset();
    now_in.updated_by.reset();
    return tx.Audit().Record({0, ActorId(actor), "template.revert",
                              "template:" + id + "/" + language, id, now, std::move(changes)});
  }));
  return out;
}

}  // namespace hd::service
