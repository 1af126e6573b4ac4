// Received messages, ticket participants, threading, mailboxes, failing
// addresses, opt-outs, the mail statistics and the shared secrets.
#include <algorithm>
#include <string_view>

#include "storage/repos/rows.hpp"
#include "storage/repos/sql_mail_repo.hpp"

namespace hd::storage {

using namespace sql;  // NOLINT(google-build-using-namespace): row helpers
using core::ports::FailingAddress;
using core::ports::InboundRecord;
using core::ports::MailboxState;
using core::ports::Participant;

namespace {

constexpr std::string_view kInboundColumns =
    "SELECT id, source, source_key, message_id, sha256, size, from_address, subject, status, "
    "reason, ticket_id, message_ref, received_at FROM mail_inbound ";

// ASCII only, identically on both engines (SQLite's lower() is ASCII only,
// PostgreSQL's follows the locale), so a copied database finds the same rows.
std::string LowerAscii(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return text;
}

std::optional<core::Timestamp> OptionalTimeAt(const Statement& s, int c) {
  if (s.IsNull(c)) return std::nullopt;
  return TimeAt(s, c);
}

Result<InboundRecord> ReadInbound(const Statement& s) {
  InboundRecord r;
  r.id = s.ColumnInt(0);
  r.source = s.ColumnText(1);
  r.source_key = s.ColumnText(2);
  r.message_id = s.ColumnText(3);
  r.sha256 = s.ColumnText(4);
  r.size = s.ColumnInt(5);
  r.from_address = s.ColumnText(6);
  r.subject = s.ColumnText(7);
  const std::string status = s.ColumnText(8);
  const auto parsed = core::ports::ParseInboundStatus(status);
  if (!parsed) return Corrupt("inbound status", status);
  r.status = *parsed;
  r.reason = s.ColumnText(9);
  r.ticket_id = OptionalIdAt<core::TicketId>(s, 10);
  r.message_ref = OptionalIdAt<core::MessageId>(s, 11);
  r.received_at = TimeAt(s, 12);
  return r;
}

Result<MailboxState> ReadMailbox(const Statement& s) {
  return MailboxState{s.ColumnText(0), s.ColumnText(1), OptionalTimeAt(s, 2), s.ColumnText(3),
                      OptionalTimeAt(s, 4)};
}

Result<std::string> ReadText(const Statement& s) { return s.ColumnText(0); }

// The single integer a COUNT(*) query returns.
Result<std::int64_t> Scalar(PreparedStatement& stmt) {
  HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
  return row ? stmt->ColumnInt(0) : 0;
}

}  // namespace

Result<InboundRecord> SqlMailRepo::InsertInbound(InboundRecord r) {
  r.from_address = LowerAscii(std::move(r.from_address));
  // DO NOTHING (on the unique index of non-empty Message-IDs) rather than a
  // unique violation: PostgreSQL would abort the whole transaction.
  HD_ASSIGN_OR_RETURN(
      auto stmt,
      Query(conn_,
            "INSERT INTO mail_inbound (source, source_key, message_id, sha256, size, "
            "from_address, subject, status, reason, ticket_id, message_ref, received_at) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id",
            r.source, r.source_key, r.message_id, r.sha256, r.size, r.from_address, r.subject,
            core::ports::ToString(r.status), r.reason, r.ticket_id, r.message_ref, r.received_at));
  HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) {
    return Error::Conflict("message " + r.message_id + " was received already", "duplicate");
  }
  r.id = stmt->ColumnInt(0);
  HD_ASSIGN_OR_RETURN(row, stmt->Step());
  return r;
}

Result<std::optional<InboundRecord>> SqlMailRepo::FindInboundByMessageId(
    const std::string& message_id) {
  // `message_id <> ''` lets both engines use the partial unique index.
  HD_ASSIGN_OR_RETURN(
      auto stmt,
      Query(conn_, Sql(kInboundColumns, "WHERE message_id = ? AND message_id <> ''"), message_id));
  return First<InboundRecord>(stmt, ReadInbound);
}

Result<std::optional<InboundRecord>> SqlMailRepo::FindInboundForMessage(core::MessageId message) {
  HD_ASSIGN_OR_RETURN(
      auto stmt,
      Query(conn_, Sql(kInboundColumns, "WHERE message_ref = ? ORDER BY id LIMIT 1"), message));
  return First<InboundRecord>(stmt, ReadInbound);
}

Result<InboundRecord> SqlMailRepo::GetInbound(std::int64_t id) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, Sql(kInboundColumns, "WHERE id = ?"), id));
  HD_ASSIGN_OR_RETURN(auto record, First<InboundRecord>(stmt, ReadInbound));
  if (!record) return Error::NotFound("no received message " + std::to_string(id));
  return std::move(*record);
}

Status SqlMailRepo::UpdateInbound(const InboundRecord& r) {
  HD_ASSIGN_OR_RETURN(
      std::int64_t changed,
      Run(conn_,
          "UPDATE mail_inbound SET status = ?, reason = ?, ticket_id = ?, "
          "message_ref = ? WHERE id = ?",
          core::ports::ToString(r.status), r.reason, r.ticket_id, r.message_ref, r.id));
  if (changed == 0) return Error::NotFound("no received message " + std::to_string(r.id));
  return Ok();
}

Result<std::int64_t> SqlMailRepo::CountInboundFrom(const std::string& address,
                                                   core::Timestamp since) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_,
                                       "SELECT COUNT(*) FROM mail_inbound WHERE from_address = ? "
                                       "AND received_at >= ?",
                                       LowerAscii(address), since));
  return Scalar(stmt);
}

Result<std::vector<InboundRecord>> SqlMailRepo::ListInbound(core::ports::InboundStatus status,
                                                            int limit) {
  HD_ASSIGN_OR_RETURN(
      auto stmt, Query(conn_, Sql(kInboundColumns, "WHERE status = ? ORDER BY id DESC LIMIT ?"),
                       core::ports::ToString(status), limit));
  return Collect<InboundRecord>(stmt, ReadInbound);
}

Result<std::optional<core::TicketId>> SqlMailRepo::FindTicketByMessageId(
    const std::string& message_id) {
  HD_ASSIGN_OR_RETURN(
      auto stmt,
      Query(conn_,
            "SELECT ticket_id, 0 AS origin FROM mail_inbound WHERE message_id = ? AND "
            "message_id <> '' AND status IN ('accepted', 'bounce') AND ticket_id IS NOT NULL "
            "UNION ALL SELECT ticket_id, 1 FROM notifications WHERE mail_message_id = ? AND "
            "mail_message_id <> '' AND ticket_id IS NOT NULL ORDER BY 2 LIMIT 1",
            message_id, message_id));
  return First<core::TicketId>(stmt, [](const Statement& s) -> Result<core::TicketId> {
    return IdAt<core::TicketId>(s, 0);
  });
}

Result<std::vector<std::string>> SqlMailRepo::ListThreadIds(core::TicketId ticket, int limit) {
  HD_ASSIGN_OR_RETURN(
      auto stmt, Query(conn_,
                       "SELECT message_id, received_at AS at, 0 AS origin, id FROM mail_inbound "
                       "WHERE ticket_id = ? AND status = 'accepted' AND message_id <> '' "
                       "UNION ALL SELECT mail_message_id, COALESCE(sent_at, created_at), 1, id "
                       "FROM notifications WHERE ticket_id = ? AND mail_status = 'sent' "
                       "AND mail_message_id <> '' ORDER BY 2, 3, 4 LIMIT ?",
                       ticket, ticket, limit));
  return Collect<std::string>(stmt, ReadText);
}

Status SqlMailRepo::AddParticipant(const Participant& p) {
  HD_RETURN_IF_ERROR(Run(conn_,
                         "INSERT INTO ticket_participants (ticket_id, address, name, created_at) "
                         "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                         p.ticket_id, p.address, p.name, p.created_at));
  return Ok();
}

Result<std::vector<Participant>> SqlMailRepo::ListParticipants(core::TicketId ticket) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_,
                                       "SELECT ticket_id, address, name, created_at FROM "
                                       "ticket_participants WHERE ticket_id = ? "
                                       "ORDER BY created_at, address",
                                       ticket));
  return Collect<Participant>(stmt, [](const Statement& s) -> Result<Participant> {
    return Participant{IdAt<core::TicketId>(s, 0), s.ColumnText(1), s.ColumnText(2), TimeAt(s, 3)};
  });
}

Result<std::optional<MailboxState>> SqlMailRepo::GetMailbox(const std::string& name) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_,
                                       "SELECT name, epoch, last_poll_at, last_error, "
                                       "last_error_at FROM mailboxes WHERE name = ?",
                                       name));
  return First<MailboxState>(stmt, ReadMailbox);
}

Status SqlMailRepo::PutMailbox(const MailboxState& m) {
  HD_RETURN_IF_ERROR(Run(conn_,
                         "INSERT INTO mailboxes (name, epoch, last_poll_at, last_error, "
                         "last_error_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE "
                         "SET epoch = excluded.epoch, last_poll_at = excluded.last_poll_at, "
                         "last_error = excluded.last_error, last_error_at = excluded.last_error_at",
                         m.name, m.epoch, m.last_poll_at, m.last_error, m.last_error_at));
  return Ok();
}

Result<std::vector<MailboxState>> SqlMailRepo::ListMailboxes() {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_,
                                       "SELECT name, epoch, last_poll_at, last_error, "
                                       "last_error_at FROM mailboxes ORDER BY name"));
  return Collect<MailboxState>(stmt, ReadMailbox);
}

Status SqlMailRepo::MarkFailing(const FailingAddress& f) {
  HD_RETURN_IF_ERROR(Run(conn_,
                         "INSERT INTO failing_addresses (address, reason, ticket_id, at) VALUES "
                         "(?, ?, ?, ?) ON CONFLICT (address) DO UPDATE SET reason = "
                         "excluded.reason, ticket_id = excluded.ticket_id, at = excluded.at",
                         f.address, f.reason, f.ticket_id, f.at));
  return Ok();
}

Result<std::vector<FailingAddress>> SqlMailRepo::ListFailing(int limit) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_,
                                       "SELECT address, reason, ticket_id, at FROM "
                                       "failing_addresses ORDER BY at DESC, address LIMIT ?",
                                       limit));
  return Collect<FailingAddress>(stmt, [](const Statement& s) -> Result<FailingAddress> {
    return FailingAddress{s.ColumnText(0), s.ColumnText(1), OptionalIdAt<core::TicketId>(s, 2),
                          TimeAt(s, 3)};
  });
}

Result<std::vector<std::string>> SqlMailRepo::ListOptOuts(core::UserId user) {
  HD_ASSIGN_OR_RETURN(
      auto stmt,
      Query(conn_, "SELECT kind FROM mail_opt_outs WHERE user_id = ? ORDER BY kind", user));
  return Collect<std::string>(stmt, ReadText);
}

Status SqlMailRepo::SetOptOuts(core::UserId user, const std::vector<std::string>& kinds) {
  HD_RETURN_IF_ERROR(Run(conn_, "DELETE FROM mail_opt_outs WHERE user_id = ?", user));
  for (const auto& kind : kinds) {
    HD_RETURN_IF_ERROR(Run(conn_,
                           "INSERT INTO mail_opt_outs (user_id, kind) VALUES (?, ?) "
                           "ON CONFLICT DO NOTHING",
                           user, kind));
  }
  return Ok();
}

Result<core::ports::MailStats> SqlMailRepo::Stats() {
  HD_ASSIGN_OR_RETURN(
      auto stmt,
      Query(conn_,
            "SELECT (SELECT COUNT(*) FROM mail_inbound WHERE status = 'held'), "
            "(SELECT COUNT(*) FROM notifications WHERE mail_status = 'pending'), "
            "(SELECT MIN(created_at) FROM notifications WHERE mail_status = 'pending'), "
            "(SELECT COUNT(*) FROM notifications WHERE mail_status = 'failed'), "
            "(SELECT MAX(sent_at) FROM notifications WHERE mail_status = 'sent'), "
            "(SELECT mail_error FROM notifications WHERE mail_status IN ('pending', 'failed') "
            "AND mail_error <> '' ORDER BY id DESC LIMIT 1)"));
  HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) return Error::Internal("mail statistics returned no row");
  core::ports::MailStats stats;
  stats.held = stmt->ColumnInt(0);
  stats.outbox = stmt->ColumnInt(1);
  stats.oldest_unsent = OptionalTimeAt(*stmt, 2);
  stats.failed = stmt->ColumnInt(3);
  stats.last_sent_at = OptionalTimeAt(*stmt, 4);
  if (!stmt->IsNull(5)) stats.last_delivery_error = stmt->ColumnText(5);
  return stats;
}

Result<std::string> SqlMailRepo::ServerSecret(const std::string& name) {
  HD_ASSIGN_OR_RETURN(auto stmt,
                      Query(conn_, "SELECT value FROM server_secrets WHERE name = ?", name));
  HD_ASSIGN_OR_RETURN(auto value, First<std::string>(stmt, ReadText));
  if (!value) return Error::NotFound("no server secret " + name);
  return std::move(*value);
}

}  // namespace hd::storage
