#include "storage/copy/catalog.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace hd::storage {

namespace {

constexpr std::string_view kSqliteTables =
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
    "AND name <> 'schema_migrations' ORDER BY name";
constexpr std::string_view kPostgresTables =
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
    "AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations' ORDER BY table_name";
constexpr std::string_view kSqliteColumns =
    "SELECT name, type FROM pragma_table_info(?) ORDER BY cid";
constexpr std::string_view kPostgresColumns =
    "SELECT column_name, data_type FROM information_schema.columns "
    "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position";
constexpr std::string_view kPostgresForeignKeys =
    "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM pg_constraint c "
    "WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace";

// Tables a migration fills (0008_mail: server_secrets).
constexpr std::string_view kSeededTables[] = {"server_secrets"};

ColumnKind KindOf(std::string type) {
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (type.find("INT") != std::string::npos) return ColumnKind::kInt;
  if (type.find("BLOB") != std::string::npos || type.find("BYTEA") != std::string::npos) {
    return ColumnKind::kBlob;
  }
  for (const char* real : {"REAL", "DOUB", "FLOA", "NUMERIC"}) {
    if (type.find(real) != std::string::npos) return ColumnKind::kDouble;
  }
  return ColumnKind::kText;
}

Result<std::vector<std::string>> Strings(Connection& conn, std::string_view sql) {
  HD_ASSIGN_OR_RETURN(auto stmt, conn.Prepare(sql));
  std::vector<std::string> out;
  while (true) {
    HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) return out;
    out.push_back(stmt->ColumnText(0));
  }
}

}  // namespace

std::string QuoteIdentifier(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

Result<std::vector<std::string>> ListTables(Connection& conn) {
  return Strings(conn, conn.dialect() == Dialect::kSqlite ? kSqliteTables : kPostgresTables);
}

Result<std::vector<std::pair<std::string, std::string>>> ListForeignKeys(Connection& conn) {
  std::vector<std::pair<std::string, std::string>> keys;
  if (conn.dialect() == Dialect::kPostgres) {
    HD_ASSIGN_OR_RETURN(auto stmt, conn.Prepare(kPostgresForeignKeys));
    while (true) {
      HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
      if (!row) return keys;
      keys.emplace_back(stmt->ColumnText(0), stmt->ColumnText(1));
    }
  }
  HD_ASSIGN_OR_RETURN(auto tables, ListTables(conn));
  for (const auto& table : tables) {
    HD_ASSIGN_OR_RETURN(auto stmt,
                        conn.Prepare("SELECT \"table\" FROM pragma_foreign_key_list(?)"));
    stmt->BindText(1, table);
    while (true) {
      HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
      if (!row) break;
      keys.emplace_back(table, stmt->ColumnText(0));
    }
  }
  return keys;
}

Result<std::vector<ColumnInfo>> ListColumns(Connection& conn, const std::string& table) {
  HD_ASSIGN_OR_RETURN(
      auto stmt,
      conn.Prepare(conn.dialect() == Dialect::kSqlite ? kSqliteColumns : kPostgresColumns));
  stmt->BindText(1, table);
  std::vector<ColumnInfo> columns;
  while (true) {
    HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    columns.push_back({stmt->ColumnText(0), KindOf(stmt->ColumnText(1))});
  }
  if (columns.empty()) return Error::NotFound("no table " + table);
  return columns;
}

bool SeededByMigrations(const std::string& table) {
  return std::find(std::begin(kSeededTables), std::end(kSeededTables), table) !=
         std::end(kSeededTables);
}

Result<std::vector<int>> SchemaVersions(Connection& conn) {
  auto ledger = conn.Prepare("SELECT version FROM schema_migrations ORDER BY version");
  if (!ledger.ok()) return std::vector<int>();
  std::vector<int> versions;
  while (true) {
    HD_ASSIGN_OR_RETURN(bool row, (*ledger)->Step());
    if (!row) return versions;
    versions.push_back(static_cast<int>((*ledger)->ColumnInt(0)));
  }
}

}  // namespace hd::storage
