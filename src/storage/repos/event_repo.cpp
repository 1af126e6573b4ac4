// The ticket history (events) and customer feedback.
#include "storage/repos/rows.hpp"
#include "storage/repos/sql_repos.hpp"

namespace hd::storage {

using namespace sql;  // NOLINT(google-build-using-namespace): row helpers

namespace {

constexpr std::string_view kEventColumns =
    "SELECT id, ticket_id, actor_id, at, kind, field, old_value, new_value, internal "
    "FROM events ";

Result<core::Event> ReadEvent(const Statement& s) {
  core::Event e;
  e.id = IdAt<core::EventId>(s, 0);
  e.ticket_id = IdAt<core::TicketId>(s, 1);
  e.actor_id = OptionalIdAt<core::UserId>(s, 2);
  e.at = TimeAt(s, 3);
  const std::string kind = s.ColumnText(4);
  const auto parsed = core::ParseEventKind(kind);
  if (!parsed) return Corrupt("event kind", kind);
  e.kind = *parsed;
  e.field = s.ColumnText(5);
  e.old_value = s.ColumnText(6);
  e.new_value = s.ColumnText(7);
  e.internal = BoolAt(s, 8);
  return e;
}

constexpr std::string_view kFeedbackColumns =
    "SELECT id, ticket_id, author_id, message_id, rating, comment, created_at FROM feedback ";

Result<core::Feedback> ReadFeedback(const Statement& s) {
  core::Feedback f;
  f.id = IdAt<core::FeedbackId>(s, 0);
  f.ticket_id = IdAt<core::TicketId>(s, 1);
  f.author_id = IdAt<core::UserId>(s, 2);
  f.message_id = OptionalIdAt<core::MessageId>(s, 3);
  f.rating = IntAt(s, 4);
  f.comment = s.ColumnText(5);
  f.created_at = TimeAt(s, 6);
  return f;
}

}  // namespace

Result<core::Event> SqlEventRepo::Append(core::Event e) {
  HD_ASSIGN_OR_RETURN(std::int64_t id,
                      InsertReturningId(conn_,
                                        "INSERT INTO events (ticket_id, actor_id, at, kind, "
                                        "field, old_value, new_value, internal) VALUES "
                                        "(?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                        e.ticket_id, e.actor_id, e.at, core::ToString(e.kind),
                                        e.field, e.old_value, e.new_value, e.internal));
  e.id = core::EventId(id);
  return e;
}

Result<std::vector<core::Event>> SqlEventRepo::ListForTicket(core::TicketId ticket,
                                                             bool include_internal) {
  HD_ASSIGN_OR_RETURN(
      auto stmt, Query(conn_,
                       Sql(kEventColumns, include_internal
                                              ? "WHERE ticket_id = ? ORDER BY id"
                                              : "WHERE ticket_id = ? AND internal = 0 ORDER BY id"),
                       ticket));
  return Collect<core::Event>(stmt, ReadEvent);
}

Result<std::vector<core::Event>> SqlEventRepo::ListAfter(core::EventId after, core::EventId up_to,
                                                         int limit) {
  HD_ASSIGN_OR_RETURN(
      auto stmt, Query(conn_, Sql(kEventColumns, "WHERE id > ? AND id <= ? ORDER BY id LIMIT ?"),
                       after, up_to, limit));
  return Collect<core::Event>(stmt, ReadEvent);
}

Result<std::vector<core::Event>> SqlEventRepo::ListByIds(const std::vector<core::EventId>& ids) {
  std::vector<core::Event> out;
  if (ids.empty()) return out;
  std::string sql = Sql(kEventColumns, "WHERE id IN (");
  for (std::size_t i = 0; i < ids.size(); ++i) sql += i == 0 ? "?" : ", ?";
  sql += ") ORDER BY id";
  HD_ASSIGN_OR_RETURN(auto stmt, conn_.Prepare(sql));
  for (std::size_t i = 0; i < ids.size(); ++i) stmt->BindInt(static_cast<int>(i + 1), ids[i].value);
  return Collect<core::Event>(stmt, ReadEvent);
}

Result<core::EventId> SqlEventRepo::LastId() {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, "SELECT COALESCE(MAX(id), 0) FROM events"));
  HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
  return core::EventId(row ? stmt->ColumnInt(0) : 0);
}

Result<core::Feedback> SqlFeedbackRepo::Insert(core::Feedback f) {
  HD_ASSIGN_OR_RETURN(
      std::int64_t id,
      InsertReturningId(conn_,
                        "INSERT INTO feedback (ticket_id, author_id, message_id, "
                        "rating, comment, created_at) VALUES "
                        "(?, ?, ?, ?, ?, ?) RETURNING id",
                        f.ticket_id, f.author_id, f.message_id, f.rating, f.comment, f.created_at));
  f.id = core::FeedbackId(id);
  return f;
}

Result<std::vector<core::Feedback>> SqlFeedbackRepo::ListForTicket(core::TicketId ticket) {
  HD_ASSIGN_OR_RETURN(
      auto stmt, Query(conn_, Sql(kFeedbackColumns, "WHERE ticket_id = ? ORDER BY id"), ticket));
  return Collect<core::Feedback>(stmt, ReadFeedback);
}

}  // namespace hd::storage
