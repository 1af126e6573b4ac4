// Reply templates: the texts a process sends the customer when a transition
// says `reply: <id>` (the FAQ answer, the off-topic answer, …). The files live
// in config/defaults/templates/<id>.txt; app/ reads them and hands the texts
// over, so this type does no I/O.
//
// A template is plain text with placeholders `{{name}}`: `ticket.number`,
// `ticket.subject`, `actor.name`, `fields.<field id>` (e.g.
// `{{fields.faq_article}}`). An unknown placeholder renders as empty text.
// A TemplateSet is an immutable value; share it between threads freely.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace hd::service {

using TemplateVars = std::map<std::string, std::string, std::less<>>;

class TemplateSet {
 public:
  TemplateSet() = default;
  explicit TemplateSet(std::map<std::string, std::string, std::less<>> texts)
      : texts_(std::move(texts)) {}

  bool Has(std::string_view id) const { return texts_.find(id) != texts_.end(); }
  std::size_t size() const { return texts_.size(); }

  // The text of template `id` with its placeholders filled from `vars`.
  // kInternal when there is no such template: a process that names it cannot
  // be fired until the file exists.
  Result<std::string> Render(std::string_view id, const TemplateVars& vars) const;

 private:
  std::map<std::string, std::string, std::less<>> texts_;
};

// Fills `{{name}}` placeholders of `text` from `vars`; unknown names render
// as empty text; whitespace inside the braces is ignored.
std::string FillPlaceholders(std::string_view text, const TemplateVars& vars);

}  // namespace hd::service
