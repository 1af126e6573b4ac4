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

namespace {

// audit_log.changes: each change as field US before US after, changes
// separated by RS; '\\' escapes those three characters in the values.
constexpr char kUnitSeparator = '\x1F';
constexpr char kRecordSeparator = '\x1E';

void AppendEscaped(std::string& out, std::string_view value) {
  for (char c : value) {
    if (c == '\\' || c == kUnitSeparator || c == kRecordSeparator) out += '\\';
    out += c;
  }
}

std::string EncodeChanges(const std::vector<core::ports::AuditChange>& changes) {
  std::string out;
  for (const auto& c : changes) {
    if (!out.empty()) out += kRecordSeparator;
    AppendEscaped(out, c.field);
    out += kUnitSeparator;
    AppendEscaped(out, c.before);
    out += kUnitSeparator;
    AppendEscaped(out, c.after);
  }
  return out;
}

std::vector<core::ports::AuditChange> DecodeChanges(std::string_view text) {
  std::vector<core::ports::AuditChange> out;
  if (text.empty()) return out;
  std::vector<std::string> parts(1);
  auto finish = [&] {
    parts.resize(3);
    out.push_back({std::move(parts[0]), std::move(parts[1]), std::move(parts[2])});
    parts.assign(1, std::string());
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size()) {
      parts.back() += text[++i];
    } else if (c == kUnitSeparator) {
      parts.emplace_back();
    } else if (c == kRecordSeparator) {
      finish();
    } else {
      parts.back() += c;
    }
  }
  finish();
  return out;
}

}  // namespace

Status SqlAuditRepo::Record(const core::ports::AuditEntry& e) {
  HD_RETURN_IF_ERROR(Run(conn_,
                         "INSERT INTO audit_log (actor_id, action, subject, detail, at, changes) "
                         "VALUES (?, ?, ?, ?, ?, ?)",
                         e.actor_id, e.action, e.subject, e.detail, e.at,
                         EncodeChanges(e.changes)));
  return Ok();
}

Result<std::vector<core::ports::AuditEntry>> SqlAuditRepo::List(const core::ports::AuditQuery& q) {
  std::string sql =
      "SELECT id, actor_id, action, subject, detail, at, changes FROM audit_log WHERE 1 = 1";
  const bool prefix = !q.action.empty() && q.action.back() == '.';
  if (q.actor_id) sql += " AND actor_id = ?";
  if (!q.action.empty()) sql += prefix ? " AND action LIKE ? ESCAPE '!'" : " AND action = ?";
  if (!q.subject.empty()) sql += " AND subject = ?";
  if (q.from) sql += " AND at >= ?";
  if (q.to) sql += " AND at < ?";
  if (q.before_id) sql += " AND id < ?";
  sql += " ORDER BY id DESC LIMIT ?";
  HD_ASSIGN_OR_RETURN(auto stmt, conn_.Prepare(sql));
  int index = 0;
  if (q.actor_id) stmt->BindInt(++index, q.actor_id->value);
  if (!q.action.empty()) {
    std::string pattern;
    for (char c : q.action) {
      if (prefix && (c == '%' || c == '_' || c == '!')) pattern += '!';
      pattern += c;
    }
    if (prefix) pattern += '%';
    stmt->BindText(++index, pattern);
  }
  if (!q.subject.empty()) stmt->BindText(++index, q.subject);
  if (q.from) stmt->BindInt(++index, core::ToUnixMillis(*q.from));
  if (q.to) stmt->BindInt(++index, core::ToUnixMillis(*q.to));
  if (q.before_id) stmt->BindInt(++index, *q.before_id);
  stmt->BindInt(++index, q.limit < 0 ? 0 : q.limit);
  return Collect<core::ports::AuditEntry>(
      stmt, [](const Statement& s) -> Result<core::ports::AuditEntry> {
        core::ports::AuditEntry e;
        e.id = s.ColumnInt(0);
        e.actor_id = OptionalIdAt<core::UserId>(s, 1);
        e.action = s.ColumnText(2);
        e.subject = s.ColumnText(3);
        e.detail = s.ColumnText(4);
        e.at = TimeAt(s, 5);
        e.changes = DecodeChanges(s.ColumnText(6));
        return e;
      });
}

}  // namespace hd::storage
