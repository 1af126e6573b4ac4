// Repository ports of the agents' desk: who has a ticket open right now
// (presence, the collision warning), each person's saved ticket views, and
// the reply and mail texts administrators edited.
// Same rules as repositories.hpp: one transaction, one thread; kUnavailable
// when the database is busy.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/time.hpp"

namespace hd::core {
using SavedViewId = Id<struct SavedViewTag>;
}  // namespace hd::core

namespace hd::core::ports {

// One person with a ticket open, as last announced.
struct Presence {
  TicketId ticket_id;
  UserId user_id;
  bool typing = false;  // composing a reply or note
  Timestamp since;      // when they opened it (the first announcement)
  Timestamp seen_at;    // their last announcement
};

class PresenceRepo {
 public:
  virtual ~PresenceRepo() = default;
  // Records `presence`: a new row keeps presence.since, an existing one keeps
  // its own since and takes typing and seen_at.
  virtual Status Announce(const Presence& presence) = 0;
  // Forgets the person on the ticket (nothing when absent).
  virtual Status Leave(TicketId ticket, UserId user) = 0;
  // Who was seen on the ticket at `seen_since` or later, by since.
  virtual Result<std::vector<Presence>> ListForTicket(TicketId ticket, Timestamp seen_since) = 0;
  // Deletes every row seen before `before`; returns how many.
  virtual Result<std::int64_t> Expire(Timestamp before) = 0;
};

// A named ticket list of one person: the list's query string (the filters
// and sort of GET /api/v1/tickets, without cursor and limit).
struct SavedView {
  SavedViewId id;
  UserId user_id;
  std::string name;
  std::string query;
  Timestamp created_at;
};

class SavedViewRepo {
 public:
  virtual ~SavedViewRepo() = default;
  // kConflict when the person has a view of that name already.
  virtual Result<SavedView> Insert(SavedView view) = 0;
  // The person's views, by name.
  virtual Result<std::vector<SavedView>> ListForUser(UserId user) = 0;
  // kNotFound when the person has no view with this id.
  virtual Status Delete(UserId user, SavedViewId id) = 0;
};

// A reply or mail template's text in one language as an administrator
// edited it; it replaces the text of the configuration's files for that
// template and language.
struct TemplateText {
  std::string template_id;  // "faq_answer", "mail.reply.txt"
  std::string language;     // "ru", "en"
  std::string body;
  Timestamp updated_at;
  std::optional<UserId> updated_by;  // none for the command line
};

class TemplateRepo {
 public:
  virtual ~TemplateRepo() = default;
  // Every edited text, by template id and language (a few hundred at most).
  virtual Result<std::vector<TemplateText>> List() = 0;
  // Stores `text`, replacing the one of the same template and language.
  virtual Status Put(const TemplateText& text) = 0;
  // Forgets the edited text; false when there was none.
  virtual Result<bool> Remove(std::string_view template_id, std::string_view language) = 0;
};

}  // namespace hd::core::ports
