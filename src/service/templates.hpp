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
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/ticket.hpp"
#include "core/user.hpp"

namespace hd::service {

using TemplateVars = std::map<std::string, std::string, std::less<>>;

class TemplateSet {
 public:
  TemplateSet() = default;
  // `default_language` is the language of a reader who chose none.
  explicit TemplateSet(std::map<std::string, std::string, std::less<>> texts,
                       std::string default_language = "en")
      : texts_(std::move(texts)), default_language_(std::move(default_language)) {}

  bool Has(std::string_view id) const { return texts_.find(id) != texts_.end(); }
  std::size_t size() const { return texts_.size(); }

  // The text of template `id` with its placeholders filled from `vars`.
  // kInternal when there is no such template: a process that names it cannot
  // be fired until the file exists.
  Result<std::string> Render(std::string_view id, const TemplateVars& vars) const;
  // As Render, in `language` ("" for the default language): the text of
  // "<language>/<id>" when there is one, else of "<id>".
  Result<std::string> RenderIn(std::string_view language, std::string_view id,
                               const TemplateVars& vars) const;
  // The ids of the templates for everyone (those without a language), sorted.
  std::vector<std::string> Ids() const;

 private:
  std::map<std::string, std::string, std::less<>> texts_;
  std::string default_language_;
};

// The placeholders of a reply on `ticket`: ticket.number, ticket.subject,
// fields.<id> for each of its process fields, and actor.name (`author`).
TemplateVars ReplyVars(const core::Ticket& ticket,
                       const std::map<std::string, std::string, std::less<>>& fields,
                       const core::User& author);

// Fills `{{name}}` placeholders of `text` from `vars`; unknown names render
// as empty text; whitespace inside the braces is ignored.
std::string FillPlaceholders(std::string_view text, const TemplateVars& vars);

}  // namespace hd::service
