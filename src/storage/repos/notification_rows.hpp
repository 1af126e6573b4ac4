// How a notification row is read, shared by the outbox (notification_repo.cpp)
// and its mail delivery (mail_delivery_repo.cpp) so both fill the same fields.
#pragma once

#include <string_view>

#include "core/ports/sla_repositories.hpp"
#include "storage/repos/rows.hpp"

namespace hd::storage::sql {

// The SELECT list ReadNotification reads, without FROM: a caller may append
// columns of its own (read from kNotificationColumnCount on) before it.
inline constexpr std::string_view kNotificationSelect =
    "SELECT id, kind, user_id, ticket_id, subject, body, created_at, sent_at, audience, read_at, "
    "message_ref";
inline constexpr int kNotificationColumnCount = 11;

inline Result<core::ports::Notification> ReadNotification(const Statement& s) {
  core::ports::Notification n;
  n.id = s.ColumnInt(0);
  n.kind = s.ColumnText(1);
  n.user_id = OptionalIdAt<core::UserId>(s, 2);
  n.ticket_id = OptionalIdAt<core::TicketId>(s, 3);
  n.subject = s.ColumnText(4);
  n.body = s.ColumnText(5);
  n.created_at = TimeAt(s, 6);
  if (!s.IsNull(7)) n.sent_at = TimeAt(s, 7);
  n.audience = s.ColumnText(8);
  if (!s.IsNull(9)) n.read_at = TimeAt(s, 9);
  n.message_ref = OptionalIdAt<core::MessageId>(s, 10);
  return n;
}

}  // namespace hd::storage::sql
