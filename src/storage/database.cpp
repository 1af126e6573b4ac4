#include "storage/database.hpp"

#include <utility>

namespace hd::storage {

std::string_view BeginWriteSql(Dialect dialect) {
  return dialect == Dialect::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN";
}

std::string_view NowMillisSql(Dialect dialect) {
  if (dialect == Dialect::kSqlite) {
    return "CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)";
  }
  return "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";
}

std::string_view SkipLockedSql(Dialect dialect) {
  return dialect == Dialect::kSqlite ? "" : " FOR UPDATE SKIP LOCKED";
}

std::string NextIdSql(Dialect dialect, std::string_view table) {
  const std::string name(table);
  if (dialect == Dialect::kSqlite) return "SELECT COALESCE(MAX(id), 0) + 1 FROM " + name;
  return "SELECT nextval(pg_get_serial_sequence('" + name + "', 'id'))";
}

// The key is arbitrary but fixed: every helpdesk process must use the same.
std::string_view MigrationLockSql(Dialect dialect) {
  return dialect == Dialect::kSqlite ? "" : "SELECT pg_advisory_lock(7239001)";
}

std::string_view MigrationUnlockSql(Dialect dialect) {
  return dialect == Dialect::kSqlite ? "" : "SELECT pg_advisory_unlock(7239001)";
}

std::string RewritePlaceholders(std::string_view sql, Dialect dialect) {
  if (dialect == Dialect::kSqlite) return std::string(sql);
  std::string out;
  out.reserve(sql.size() + 16);
  char quote = 0;  // the open quote character, or 0 outside quotes
  int next = 1;
  for (char c : sql) {
    if (quote != 0) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += '$';
      out += std::to_string(next++);
    } else {
      out += c;
    }
  }
  return out;
}

PreparedStatement::PreparedStatement(Statement* cached, std::unique_ptr<Statement> owned,
                                     bool* in_use)
    : stmt_(owned ? owned.get() : cached), owned_(std::move(owned)), in_use_(in_use) {}

PreparedStatement::PreparedStatement(PreparedStatement&& other) noexcept
    : stmt_(other.stmt_), owned_(std::move(other.owned_)), in_use_(other.in_use_) {
  other.stmt_ = nullptr;
  other.in_use_ = nullptr;
}

PreparedStatement::~PreparedStatement() {
  if (stmt_ == nullptr) return;
  stmt_->Reset();
  if (!owned_ && in_use_ != nullptr) *in_use_ = false;
}

}  // namespace hd::storage
