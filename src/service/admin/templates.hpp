// Templates: the administrators' editing of the texts the help desk sends,
// per language — the reply templates a process transition posts to the
// customer (config/defaults/templates/<id>.txt and <language>/<id>.txt) and
// the parts of every mail (templates/mail/<language>/<event>.<part>).
//
// An edit is stored in the database (TemplateRepo) and replaces the file's
// text of that template and language wherever it is rendered, on every
// instance, from the next reply or mail on; reverting it brings the file's
// text back. A reply template no file has (for a process that names a new
// one) is created by its first text. Every change is audited with the old
// and new text. Administrators only. Thread-safe; blocking.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "service/actor.hpp"
#include "service/templates.hpp"

namespace hd::service {

class ProcessEngine;

// One language of a template.
struct TemplateLanguage {
  std::string language;
  // What is sent: the edited text, else the file's; none when neither has
  // one (readers of the language get another language's text).
  std::optional<std::string> text;
  std::optional<std::string> file_text;  // the configuration file's text
  bool edited = false;
  std::optional<core::Timestamp> updated_at;  // of the edit
  std::optional<core::UserId> updated_by;
};

// A transition (or approval decision) of a current process that posts a
// reply template.
struct TemplateUse {
  std::string process_id;
  std::string process_label;  // the process's name, in the viewer's language
  std::string label;          // the transition's, likewise
};

struct TemplateEntry {
  std::string id;                         // "faq_answer", "mail.reply.subject"
  std::string kind;                       // "reply" or "mail"
  std::string event;                      // mail: the event ("reply"); a reply: its id
  std::string part;                       // mail: "subject", "txt" or "html"; a reply: "txt"
  std::vector<std::string> placeholders;  // the names it may use
  std::vector<TemplateUse> used_by;       // replies only
  std::vector<TemplateLanguage> texts;    // one per language the product speaks
};

class TemplateAdmin {
 public:
  TemplateAdmin(core::ports::Store& store, const core::Clock& clock, const ProcessEngine& processes)
      : store_(store), clock_(clock), processes_(processes) {}

  // The mail templates of the configuration (app/ at start-up; the reply
  // templates come from the process engine).
  void SetMailFiles(TemplateSet files);

  // Every template, replies first, each by id. Labels in `actor`'s language.
  Result<std::vector<TemplateEntry>> List(const std::optional<Actor>& actor);
  // Stores `text` as template `id`'s text in `language`. kInvalidArgument
  // naming "language" (not one the product speaks), "id" (not a slug) or
  // "text" (blank, over 65,536 characters, control characters, a placeholder
  // never closed or unknown, a mail subject of more than one line, or the
  // reply marker line of a customer mail left out); kNotFound for a mail
  // template that does not exist.
  Result<TemplateEntry> Put(const std::optional<Actor>& actor, const std::string& id,
                            const std::string& language, const std::string& text);
  // Forgets the edit of `id` in `language`: the file's text is sent again.
  // kNotFound when there is no edit.
  Result<TemplateEntry> Revert(const std::optional<Actor>& actor, const std::string& id,
                               const std::string& language);

 private:
  std::shared_ptr<const TemplateSet> MailFiles() const;
  Result<TemplateEntry> EntryOf(core::ports::Tx& tx, const std::string& id,
                                const std::string& viewer_language) const;

  core::ports::Store& store_;
  const core::Clock& clock_;
  const ProcessEngine& processes_;
  mutable std::mutex mutex_;
  std::shared_ptr<const TemplateSet> mail_files_ = std::make_shared<const TemplateSet>();
};

}  // namespace hd::service
