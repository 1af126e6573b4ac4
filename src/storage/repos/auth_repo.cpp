// Sessions, API tokens, login failures and idempotency keys.
#include "storage/repos/rows.hpp"
#include "storage/repos/sql_repos.hpp"

namespace hd::storage {

using namespace sql;  // NOLINT(google-build-using-namespace): row helpers

namespace {

Result<core::Session> ReadSession(const Statement& s) {
  return core::Session{s.ColumnText(0), IdAt<core::UserId>(s, 1), s.ColumnText(2), TimeAt(s, 3),
                       TimeAt(s, 4)};
}

Result<core::ApiToken> ReadApiToken(const Statement& s) {
  return core::ApiToken{IdAt<core::ApiTokenId>(s, 0), s.ColumnText(1), IdAt<core::UserId>(s, 2),
                        s.ColumnText(3), TimeAt(s, 4)};
}

Result<core::IdempotencyRecord> ReadIdempotency(const Statement& s) {
  return core::IdempotencyRecord{IdAt<core::UserId>(s, 0), s.ColumnText(1), s.ColumnText(2),
                                 IdAt<core::TicketId>(s, 3), TimeAt(s, 4)};
}

}  // namespace

Status SqlAuthRepo::InsertSession(const core::Session& session) {
  HD_RETURN_IF_ERROR(Run(conn_,
                         "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, "
                         "expires_at) VALUES (?, ?, ?, ?, ?)",
                         session.token_hash, session.user_id, session.csrf_token,
                         session.created_at, session.expires_at));
  return Ok();
}

Result<std::optional<core::Session>> SqlAuthRepo::FindSession(const std::string& token_hash) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_,
                                       "SELECT token_hash, user_id, csrf_token, created_at, "
                                       "expires_at FROM sessions WHERE token_hash = ?",
                                       token_hash));
  return First<core::Session>(stmt, ReadSession);
}

Status SqlAuthRepo::DeleteSession(const std::string& token_hash) {
  HD_RETURN_IF_ERROR(Run(conn_, "DELETE FROM sessions WHERE token_hash = ?", token_hash));
  return Ok();
}

Result<core::ApiToken> SqlAuthRepo::InsertApiToken(core::ApiToken token) {
  HD_ASSIGN_OR_RETURN(
      std::int64_t id,
      InsertReturningId(conn_,
                        "INSERT INTO api_tokens (token_hash, user_id, name, "
                        "created_at) VALUES (?, ?, ?, ?) RETURNING id",
                        token.token_hash, token.user_id, token.name, token.created_at));
  token.id = core::ApiTokenId(id);
  return token;
}

Result<std::optional<core::ApiToken>> SqlAuthRepo::FindApiToken(const std::string& token_hash) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_,
                                       "SELECT id, token_hash, user_id, name, created_at "
                                       "FROM api_tokens WHERE token_hash = ?",
                                       token_hash));
  return First<core::ApiToken>(stmt, ReadApiToken);
}

Status SqlAuthRepo::RecordLoginFailure(const std::string& key, core::Timestamp at) {
  HD_RETURN_IF_ERROR(Run(conn_, "INSERT INTO login_failures (key, at) VALUES (?, ?)", key, at));
  return Ok();
}

Result<std::int64_t> SqlAuthRepo::CountLoginFailures(const std::string& key,
                                                     core::Timestamp since) {
  HD_ASSIGN_OR_RETURN(
      auto stmt,
      Query(conn_, "SELECT COUNT(*) FROM login_failures WHERE key = ? AND at >= ?", key, since));
  HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
  return row ? stmt->ColumnInt(0) : 0;
}

Result<std::optional<core::Timestamp>> SqlAuthRepo::NthLatestLoginFailure(const std::string& key,
                                                                          core::Timestamp since,
                                                                          int n) {
  if (n < 1) return std::optional<core::Timestamp>();
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_,
                                       "SELECT at FROM login_failures WHERE key = ? AND at >= ? "
                                       "ORDER BY at DESC LIMIT 1 OFFSET ?",
                                       key, since, n - 1));
  HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) return std::optional<core::Timestamp>();
  return std::optional<core::Timestamp>(core::FromUnixMillis(stmt->ColumnInt(0)));
}

Status SqlAuthRepo::ClearLoginFailures(const std::string& key) {
  HD_RETURN_IF_ERROR(Run(conn_, "DELETE FROM login_failures WHERE key = ?", key));
  return Ok();
}

Result<std::optional<core::IdempotencyRecord>> SqlIdempotencyRepo::Find(core::UserId user,
                                                                        const std::string& key) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_,
                                       "SELECT user_id, key, request_hash, ticket_id, created_at "
                                       "FROM idempotency_keys WHERE user_id = ? AND key = ?",
                                       user, key));
  return First<core::IdempotencyRecord>(stmt, ReadIdempotency);
}

Status SqlIdempotencyRepo::Insert(const core::IdempotencyRecord& record) {
  HD_RETURN_IF_ERROR(Run(conn_,
                         "INSERT INTO idempotency_keys (user_id, key, request_hash, ticket_id, "
                         "created_at) VALUES (?, ?, ?, ?, ?)",
                         record.user_id, record.key, record.request_hash, record.ticket_id,
                         record.created_at));
  return Ok();
}

}  // namespace hd::storage
