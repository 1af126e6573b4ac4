// Reply templates: the texts a process sends the customer when a transition
// says `reply: <id>` (the FAQ answer, the off-topic answer, …). The files live
// in config/defaults/templates/<id>.txt; app/ reads them and hands the texts
// over, so this type does no I/O.
//
// A template is plain text with placeholders `{{name}}`: `ticket.number`,
// `ticket.subject`, `actor.name`, `fields.<field id>` (e.g.
// `{{fields.faq_article}}`). An unknown placeholder renders as empty text.
// Reply templates come in languages: "<language>/<id>" (templates/ru/<id>.txt)
// is the text for readers of that language, "<id>" the text for everyone
// else. A TemplateSet is an immutable value; share it between threads freely.
// Its configuration texts are shared by every copy, so a copy with a few
// edits over them (With) costs only the edits.
//
// Administrators edit the texts per language (service/admin/templates.hpp);
// their edits are stored in the database and replace the files' texts
// wherever a text is rendered (EditedReplies, EditedMail).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "core/ticket.hpp"
#include "core/user.hpp"

namespace hd::service {

using TemplateVars = std::map<std::string, std::string, std::less<>>;

class TemplateSet {
 public:
  using Texts = std::map<std::string, std::string, std::less<>>;

  TemplateSet() = default;
  // `default_language` is the language of a reader who chose none.
  explicit TemplateSet(Texts texts, std::string default_language = "en")
      : files_(std::make_shared<const Texts>(std::move(texts))),
        default_language_(std::move(default_language)) {}

  bool Has(std::string_view key) const { return Find(key) != nullptr; }

  // The text of template `id` with its placeholders filled from `vars`.
  // kInternal when there is no such template: a process that names it cannot
  // be fired until the file exists.
  Result<std::string> Render(std::string_view id, const TemplateVars& vars) const;
  // As Render, in `language` ("" for the default language): the text of
  // "<language>/<id>" when there is one, else of "<id>", else of the
  // default language's or any language's "<x>/<id>".
  Result<std::string> RenderIn(std::string_view language, std::string_view id,
                               const TemplateVars& vars) const;
  // The ids of the templates (with a text for everyone or in some
  // language), sorted.
  std::vector<std::string> Ids() const;
  // The text stored under `key` ("<id>", "<language>/<id>"), if any.
  const std::string* Find(std::string_view key) const;
  // This set with `texts` (key → text) in place of its own.
  TemplateSet With(Texts texts) const;

 private:
  // Each text of the set once, an edit in place of its file's text.
  template <class Visit>
  void ForEachText(Visit visit) const;

  std::shared_ptr<const Texts> files_ = std::make_shared<const Texts>();
  Texts edits_;
  std::string default_language_;
};

// The placeholders of a reply on `ticket`: ticket.number, ticket.subject,
// fields.<id> for each of its process fields, and actor.name (`author`).
TemplateVars ReplyVars(const core::Ticket& ticket,
                       const std::map<std::string, std::string, std::less<>>& fields,
                       const core::User& author);

// The placeholders a reply template may use besides "fields.<field id>".
inline constexpr std::string_view kReplyPlaceholders[] = {"ticket.number", "ticket.subject",
                                                          "actor.name"};

// The template keys of a reply template's text in `language`: "<id>" (the
// text for everyone, written in English) and "en/<id>" for English, else
// "<language>/<id>".
std::vector<std::string> ReplyKeys(std::string_view id, std::string_view language);
// Mail templates are named "mail.<event>.<part>"; every other id names a
// reply template.
inline constexpr std::string_view kMailTemplatePrefix = "mail.";
inline bool IsMailTemplate(std::string_view id) { return id.starts_with(kMailTemplatePrefix); }
// The template key of a mail template's text: "mail.<event>.<part>" in
// `language` is "<language>/<event>.<part>"; "" for an id not of mail.
std::string MailKey(std::string_view id, std::string_view language);

// `files` (the reply templates of the configuration) with the texts
// administrators edited in their place, as stored in `tx`.
Result<TemplateSet> EditedReplies(core::ports::Tx& tx, const TemplateSet& files);
// Likewise for the mail templates ("<language>/<event>.<part>").
Result<TemplateSet> EditedMail(core::ports::Tx& tx, const TemplateSet& files);

// The names of the `{{name}}` placeholders of `text`, in order of
// appearance; kInvalidArgument naming `field` for a "{{" never closed.
Result<std::vector<std::string>> PlaceholdersIn(std::string_view text, std::string_view field);

// Fills `{{name}}` placeholders of `text` from `vars`; unknown names render
// as empty text; whitespace inside the braces is ignored.
std::string FillPlaceholders(std::string_view text, const TemplateVars& vars);

}  // namespace hd::service
