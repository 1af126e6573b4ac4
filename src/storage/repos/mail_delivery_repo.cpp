// The mail side of the notification outbox: which notifications are due to
// be mailed, and what each attempt did (notifications.mail_* columns).
#include <string>
#include <string_view>

#include "storage/repos/notification_rows.hpp"
#include "storage/repos/rows.hpp"
#include "storage/repos/sql_mail_repo.hpp"

namespace hd::storage {

using namespace sql;  // NOLINT(google-build-using-namespace): row helpers
using core::ports::MailDelivery;

namespace {

Result<MailDelivery> ReadDelivery(const Statement& s) {
  MailDelivery d;
  HD_ASSIGN_OR_RETURN(d.note, ReadNotification(s));
  d.message_ref = d.note.message_ref;
  d.attempts = IntAt(s, kNotificationColumnCount);
  d.message_id = s.ColumnText(kNotificationColumnCount + 1);
  return d;
}

// kNotFound when an UPDATE of one notification changed nothing.
Status ChangedOne(std::int64_t changed, std::int64_t notification) {
  if (changed == 0) return Error::NotFound("no notification " + std::to_string(notification));
  return Ok();
}

}  // namespace

Result<std::vector<MailDelivery>> SqlMailRepo::ListDueDeliveries(core::Timestamp now, int limit) {
  // The order of notifications_mail_due (mail_status, mail_next_at, id).
  HD_ASSIGN_OR_RETURN(
      auto stmt,
      Query(conn_,
            Sql(kNotificationSelect,
                ", mail_attempts, mail_message_id FROM notifications WHERE mail_status = "
                "'pending' AND mail_next_at <= ? AND user_id IS NOT NULL "
                "ORDER BY mail_next_at, id LIMIT ?"),
            now, limit));
  return Collect<MailDelivery>(stmt, ReadDelivery);
}

Status SqlMailRepo::RecordDeliveryFailure(std::int64_t notification, int attempts,
                                          core::Timestamp next_at, const std::string& error,
                                          bool give_up) {
  const std::string_view status = give_up ? "failed" : "pending";
  HD_RETURN_IF_ERROR(Run(conn_,
                         "UPDATE notifications SET mail_status = ?, mail_attempts = ?, "
                         "mail_next_at = ?, mail_error = ? WHERE id = ? AND mail_status <> 'sent'",
                         status, attempts, next_at, error, notification));
  return Ok();
}

Status SqlMailRepo::StartDelivery(std::int64_t notification, const std::string& message_id,
                                  int attempts) {
  HD_ASSIGN_OR_RETURN(std::int64_t changed,
                      Run(conn_,
                          "UPDATE notifications SET mail_message_id = ?, mail_attempts = ? "
                          "WHERE id = ?",
                          message_id, attempts, notification));
  return ChangedOne(changed, notification);
}

Status SqlMailRepo::RecordDelivered(std::int64_t notification, core::Timestamp at,
                                    const std::string& reply) {
  HD_ASSIGN_OR_RETURN(std::int64_t changed,
                      Run(conn_,
                          "UPDATE notifications SET mail_status = 'sent', sent_at = ?, "
                          "mail_reply = ? WHERE id = ?",
                          at, reply, notification));
  return ChangedOne(changed, notification);
}

Status SqlMailRepo::SkipDelivery(std::int64_t notification, const std::string& why) {
  HD_RETURN_IF_ERROR(Run(conn_,
                         "UPDATE notifications SET mail_status = 'skipped', mail_error = ? "
                         "WHERE id = ? AND mail_status <> 'sent'",
                         why, notification));
  return Ok();
}

Status SqlMailRepo::SetMessageRef(std::int64_t notification, core::MessageId message) {
  HD_ASSIGN_OR_RETURN(
      std::int64_t changed,
      Run(conn_, "UPDATE notifications SET message_ref = ? WHERE id = ?", message, notification));
  return ChangedOne(changed, notification);
}

}  // namespace hd::storage
