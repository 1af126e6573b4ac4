// The notification outbox and the administrators' audit log.
#include "storage/repos/rows.hpp"
#include "storage/repos/sql_sla_repos.hpp"

namespace hd::storage {

using namespace sql;  // NOLINT(google-build-using-namespace): row helpers

Result<core::ports::Notification> SqlNotificationRepo::Queue(core::ports::Notification n) {
  HD_ASSIGN_OR_RETURN(
      n.id, InsertReturningId(conn_,
                              "INSERT INTO notifications (kind, user_id, "
                              "ticket_id, subject, body, created_at) VALUES "
                              "(?, ?, ?, ?, ?, ?) RETURNING id",
                              n.kind, n.user_id, n.ticket_id, n.subject, n.body, n.created_at));
  return n;
}

Result<std::vector<core::ports::Notification>> SqlNotificationRepo::ListUnsent(int limit) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_,
                                       "SELECT id, kind, user_id, ticket_id, subject, body, "
                                       "created_at FROM notifications WHERE sent_at IS NULL "
                                       "ORDER BY id LIMIT ?",
                                       limit));
  return Collect<core::ports::Notification>(
      stmt, [](const Statement& s) -> Result<core::ports::Notification> {
        core::ports::Notification n;
        n.id = s.ColumnInt(0);
        n.kind = s.ColumnText(1);
        n.user_id = OptionalIdAt<core::UserId>(s, 2);
        n.ticket_id = OptionalIdAt<core::TicketId>(s, 3);
        n.subject = s.ColumnText(4);
        n.body = s.ColumnText(5);
        n.created_at = TimeAt(s, 6);
        return n;
      });
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
