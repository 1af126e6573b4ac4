// The notification outbox and the administrators' audit log.
#include <limits>
#include <string_view>

#include "storage/repos/notification_rows.hpp"
#include "storage/repos/rows.hpp"
#include "storage/repos/sql_sla_repos.hpp"

namespace hd::storage {

using namespace sql;  // NOLINT(google-build-using-namespace): row helpers

namespace {

std::string NotificationsWhere(std::string_view rest) {
  return Sql(kNotificationSelect, " FROM notifications " + std::string(rest));
}

}  // namespace

Result<core::ports::Notification> SqlNotificationRepo::Queue(core::ports::Notification n) {
  // A notification for nobody in particular is never mailed.
  const std::string_view mail_status = n.user_id ? "pending" : "skipped";
  HD_ASSIGN_OR_RETURN(
      n.id, InsertReturningId(conn_,
                              "INSERT INTO notifications (kind, user_id, ticket_id, subject, "
                              "body, audience, created_at, message_ref, mail_status) VALUES "
                              "(?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                              n.kind, n.user_id, n.ticket_id, n.subject, n.body, n.audience,
                              n.created_at, n.message_ref, mail_status));
  return n;
}

Result<int> SqlNotificationRepo::QueueForRole(const core::ports::Notification& n, core::Role role) {
  HD_ASSIGN_OR_RETURN(
      std::int64_t queued,
      Run(conn_,
          "INSERT INTO notifications (kind, user_id, ticket_id, subject, body, audience, "
          "created_at, message_ref) SELECT ?, id, ?, ?, ?, ?, ?, ? FROM users WHERE role = ? "
          "AND disabled = 0 ORDER BY id",
          n.kind, n.ticket_id, n.subject, n.body, n.audience, n.created_at, n.message_ref,
          core::ToString(role)));
  return static_cast<int>(queued);
}

Result<std::vector<core::ports::Notification>> SqlNotificationRepo::ListUnsent(int limit) {
  HD_ASSIGN_OR_RETURN(
      auto stmt,
      Query(conn_, NotificationsWhere("WHERE sent_at IS NULL ORDER BY id LIMIT ?"), limit));
  return Collect<core::ports::Notification>(stmt, ReadNotification);
}

Status SqlNotificationRepo::MarkSent(std::int64_t id, core::Timestamp at) {
  HD_RETURN_IF_ERROR(Run(conn_, "UPDATE notifications SET sent_at = ? WHERE id = ?", at, id));
  return Ok();
}

Result<std::vector<core::ports::Notification>> SqlNotificationRepo::ListForUser(
    core::UserId user, std::optional<std::int64_t> before, int limit) {
  const std::int64_t below = before.value_or(std::numeric_limits<std::int64_t>::max());
  HD_ASSIGN_OR_RETURN(
      auto stmt,
      Query(conn_, NotificationsWhere("WHERE user_id = ? AND id < ? ORDER BY id DESC LIMIT ?"),
            user, below, limit));
  return Collect<core::ports::Notification>(stmt, ReadNotification);
}

Result<std::int64_t> SqlNotificationRepo::CountUnread(core::UserId user) {
  HD_ASSIGN_OR_RETURN(
      auto stmt,
      Query(conn_, "SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL",
            user));
  HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
  return row ? stmt->ColumnInt(0) : 0;
}

Result<bool> SqlNotificationRepo::MarkRead(std::int64_t id, core::UserId user, core::Timestamp at) {
  HD_ASSIGN_OR_RETURN(std::int64_t changed,
                      Run(conn_,
                          "UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE id = ? "
                          "AND user_id = ?",
                          at, id, user));
  return changed > 0;
}

Result<std::vector<core::ports::Notification>> SqlNotificationRepo::ListForTicket(
    core::TicketId ticket) {
  HD_ASSIGN_OR_RETURN(auto stmt,
                      Query(conn_, NotificationsWhere("WHERE ticket_id = ? ORDER BY id"), ticket));
  return Collect<core::ports::Notification>(stmt, ReadNotification);
}

Status SqlAuditRepo::Record(const core::ports::AuditEntry& e) {
  HD_RETURN_IF_ERROR(Run(conn_,
                         "INSERT INTO audit_log (actor_id, action, subject, detail, at) "
                         "VALUES (?, ?, ?, ?, ?)",
                         e.actor_id, e.action, e.subject, e.detail, e.at));
  return Ok();
}

Result<std::vector<core::ports::AuditEntry>> SqlAuditRepo::List(int limit) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_,
                                       "SELECT id, actor_id, action, subject, detail, at "
                                       "FROM audit_log ORDER BY id DESC LIMIT ?",
                                       limit));
  return Collect<core::ports::AuditEntry>(
      stmt, [](const Statement& s) -> Result<core::ports::AuditEntry> {
        core::ports::AuditEntry e;
        e.id = s.ColumnInt(0);
        e.actor_id = OptionalIdAt<core::UserId>(s, 1);
        e.action = s.ColumnText(2);
        e.subject = s.ColumnText(3);
        e.detail = s.ColumnText(4);
        e.at = TimeAt(s, 5);
        return e;
      });
}

}  // namespace hd::storage
