// The agents' desk: presence on tickets (one row per person and ticket,
// refreshed by each announcement), saved ticket views, and the template
// texts administrators edited.
#include "storage/repos/rows.hpp"
#include "storage/repos/sql_repos.hpp"

namespace hd::storage {

using namespace sql;  // NOLINT(google-build-using-namespace): row helpers

namespace {

constexpr std::string_view kPresenceColumns =
    "SELECT ticket_id, user_id, typing, since, seen_at FROM ticket_presence ";

Result<core::ports::Presence> ReadPresence(const Statement& s) {
  return core::ports::Presence{IdAt<core::TicketId>(s, 0), IdAt<core::UserId>(s, 1), BoolAt(s, 2),
                               TimeAt(s, 3), TimeAt(s, 4)};
}

constexpr std::string_view kViewColumns =
    "SELECT id, user_id, name, query, created_at FROM saved_views ";

Result<core::ports::SavedView> ReadView(const Statement& s) {
  return core::ports::SavedView{IdAt<core::SavedViewId>(s, 0), IdAt<core::UserId>(s, 1),
                                s.ColumnText(2), s.ColumnText(3), TimeAt(s, 4)};
}

constexpr std::string_view kTemplateColumns =
    "SELECT template_id, language, body, updated_at, updated_by FROM template_texts ";

Result<core::ports::TemplateText> ReadTemplate(const Statement& s) {
  return core::ports::TemplateText{s.ColumnText(0), s.ColumnText(1), s.ColumnText(2), TimeAt(s, 3),
                                   OptionalIdAt<core::UserId>(s, 4)};
}

}  // namespace

Status SqlPresenceRepo::Announce(const core::ports::Presence& p) {
  HD_RETURN_IF_ERROR(Run(conn_,
                         "INSERT INTO ticket_presence (ticket_id, user_id, typing, since, seen_at) "
                         "VALUES (?, ?, ?, ?, ?) ON CONFLICT (ticket_id, user_id) DO UPDATE SET "
                         "typing = excluded.typing, seen_at = excluded.seen_at",
                         p.ticket_id, p.user_id, p.typing, p.since, p.seen_at));
  return Ok();
}

Status SqlPresenceRepo::Leave(core::TicketId ticket, core::UserId user) {
  HD_RETURN_IF_ERROR(
      Run(conn_, "DELETE FROM ticket_presence WHERE ticket_id = ? AND user_id = ?", ticket, user));
  return Ok();
}

Result<std::vector<core::ports::Presence>> SqlPresenceRepo::ListForTicket(
    core::TicketId ticket, core::Timestamp seen_since) {
  HD_ASSIGN_OR_RETURN(
      auto stmt,
      Query(conn_,
            Sql(kPresenceColumns, "WHERE ticket_id = ? AND seen_at >= ? ORDER BY since, user_id"),
            ticket, seen_since));
  return Collect<core::ports::Presence>(stmt, ReadPresence);
}

Result<std::int64_t> SqlPresenceRepo::Expire(core::Timestamp before) {
  return Run(conn_, "DELETE FROM ticket_presence WHERE seen_at < ?", before);
}

Result<core::ports::SavedView> SqlSavedViewRepo::Insert(core::ports::SavedView view) {
  HD_ASSIGN_OR_RETURN(std::int64_t id,
                      InsertReturningId(conn_,
                                        "INSERT INTO saved_views (user_id, name, query, "
                                        "created_at) VALUES (?, ?, ?, ?) RETURNING id",
                                        view.user_id, view.name, view.query, view.created_at));
  view.id = core::SavedViewId(id);
  return view;
}

Result<std::vector<core::ports::SavedView>> SqlSavedViewRepo::ListForUser(core::UserId user) {
  HD_ASSIGN_OR_RETURN(auto stmt,
                      Query(conn_, Sql(kViewColumns, "WHERE user_id = ? ORDER BY name, id"), user));
  return Collect<core::ports::SavedView>(stmt, ReadView);
}

Status SqlSavedViewRepo::Delete(core::UserId user, core::SavedViewId id) {
  HD_ASSIGN_OR_RETURN(std::int64_t deleted,
                      Run(conn_, "DELETE FROM saved_views WHERE id = ? AND user_id = ?", id, user));
  if (deleted == 0) return Error::NotFound("no saved view " + std::to_string(id.value));
  return Ok();
}

Result<std::vector<core::ports::TemplateText>> SqlTemplateRepo::List() {
  HD_ASSIGN_OR_RETURN(auto stmt,
                      Query(conn_, Sql(kTemplateColumns, "ORDER BY template_id, language")));
  return Collect<core::ports::TemplateText>(stmt, ReadTemplate);
}

Status SqlTemplateRepo::Put(const core::ports::TemplateText& t) {
  HD_RETURN_IF_ERROR(Run(conn_,
                         "INSERT INTO template_texts (template_id, language, body, updated_at, "
                         "updated_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (template_id, language) "
                         "DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, "
                         "updated_by = excluded.updated_by",
                         t.template_id, t.language, t.body, t.updated_at, t.updated_by));
  return Ok();
}

Result<bool> SqlTemplateRepo::Remove(std::string_view template_id, std::string_view language) {
  HD_ASSIGN_OR_RETURN(
      std::int64_t deleted,
      Run(conn_, "DELETE FROM template_texts WHERE template_id = ? AND language = ?",
          std::string(template_id), std::string(language)));
  return deleted > 0;
}

}  // namespace hd::storage
