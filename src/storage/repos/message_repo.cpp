// Messages and their attachments.
#include <unordered_map>

#include "storage/repos/rows.hpp"
#include "storage/repos/sql_repos.hpp"

namespace hd::storage {

using namespace sql;  // NOLINT(google-build-using-namespace): row helpers

namespace {

constexpr std::string_view kMessageColumns =
    "SELECT id, ticket_id, author_id, body, internal, channel, created_at FROM messages ";

Result<core::Message> ReadMessage(const Statement& s) {
  core::Message m;
  m.id = IdAt<core::MessageId>(s, 0);
  m.ticket_id = IdAt<core::TicketId>(s, 1);
  m.author_id = IdAt<core::UserId>(s, 2);
  m.body = s.ColumnText(3);
  m.internal = BoolAt(s, 4);
  m.channel = s.ColumnText(5);
  m.created_at = TimeAt(s, 6);
  return m;
}

constexpr std::string_view kAttachmentColumns =
    "SELECT id, ticket_id, message_id, uploaded_by, filename, content_type, size, sha256, "
    "created_at FROM attachments ";

Result<core::Attachment> ReadAttachment(const Statement& s) {
  core::Attachment a;
  a.id = IdAt<core::AttachmentId>(s, 0);
  a.ticket_id = IdAt<core::TicketId>(s, 1);
  a.message_id = OptionalIdAt<core::MessageId>(s, 2);
  a.uploaded_by = IdAt<core::UserId>(s, 3);
  a.filename = s.ColumnText(4);
  a.content_type = s.ColumnText(5);
  a.size = s.ColumnInt(6);
  a.sha256 = s.ColumnText(7);
  a.created_at = TimeAt(s, 8);
  return a;
}

}  // namespace

Result<core::Message> SqlMessageRepo::Insert(core::Message m) {
  HD_ASSIGN_OR_RETURN(
      std::int64_t id,
      InsertReturningId(conn_,
                        "INSERT INTO messages (ticket_id, author_id, body, "
                        "internal, channel, created_at) VALUES "
                        "(?, ?, ?, ?, ?, ?) RETURNING id",
                        m.ticket_id, m.author_id, m.body, m.internal, m.channel, m.created_at));
  m.id = core::MessageId(id);
  return m;
}

Result<std::vector<core::Message>> SqlMessageRepo::ListForTicket(core::TicketId ticket,
                                                                 bool include_internal) {
  HD_ASSIGN_OR_RETURN(
      auto stmt, Query(conn_,
                       Sql(kMessageColumns,
                           include_internal ? "WHERE ticket_id = ? ORDER BY id"
                                            : "WHERE ticket_id = ? AND internal = 0 ORDER BY id"),
                       ticket));
  HD_ASSIGN_OR_RETURN(auto messages, Collect<core::Message>(stmt, ReadMessage));
  if (messages.empty()) return messages;
  // One query for every attachment of the ticket, not one per message.
  std::unordered_map<std::int64_t, std::size_t> by_id;
  for (std::size_t i = 0; i < messages.size(); ++i) by_id[messages[i].id.value] = i;
  HD_ASSIGN_OR_RETURN(
      auto files,
      Query(conn_,
            Sql(kAttachmentColumns, "WHERE ticket_id = ? AND message_id IS NOT NULL ORDER BY id"),
            ticket));
  HD_ASSIGN_OR_RETURN(auto attachments, Collect<core::Attachment>(files, ReadAttachment));
  for (auto& a : attachments) {
    const auto it = by_id.find(a.message_id->value);
    if (it != by_id.end()) messages[it->second].attachments.push_back(std::move(a));
  }
  return messages;
}

Result<core::Message> SqlMessageRepo::Get(core::MessageId id) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, Sql(kMessageColumns, "WHERE id = ?"), id));
  HD_ASSIGN_OR_RETURN(auto message, First<core::Message>(stmt, ReadMessage));
  if (!message) return Error::NotFound("no message " + std::to_string(id.value));
  HD_ASSIGN_OR_RETURN(
      auto files, Query(conn_, Sql(kAttachmentColumns, "WHERE message_id = ? ORDER BY id"), id));
  HD_ASSIGN_OR_RETURN(message->attachments, Collect<core::Attachment>(files, ReadAttachment));
  return std::move(*message);
}

Result<core::Attachment> SqlAttachmentRepo::Insert(core::Attachment a) {
  HD_ASSIGN_OR_RETURN(std::int64_t id,
                      InsertReturningId(conn_,
                                        "INSERT INTO attachments (ticket_id, message_id, "
                                        "uploaded_by, filename, content_type, size, sha256, "
                                        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                        a.ticket_id, a.message_id, a.uploaded_by, a.filename,
                                        a.content_type, a.size, a.sha256, a.created_at));
  a.id = core::AttachmentId(id);
  return a;
}

Result<core::Attachment> SqlAttachmentRepo::Get(core::AttachmentId id) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, Sql(kAttachmentColumns, "WHERE id = ?"), id));
  HD_ASSIGN_OR_RETURN(auto attachment, First<core::Attachment>(stmt, ReadAttachment));
  if (!attachment) return Error::NotFound("no attachment " + std::to_string(id.value));
  return std::move(*attachment);
}

Status SqlAttachmentRepo::AttachToMessage(core::AttachmentId id, core::MessageId message) {
  HD_ASSIGN_OR_RETURN(
      std::int64_t changed,
      Run(conn_, "UPDATE attachments SET message_id = ? WHERE id = ?", message, id));
  if (changed == 0) return Error::NotFound("no attachment " + std::to_string(id.value));
  return Ok();
}

}  // namespace hd::storage
